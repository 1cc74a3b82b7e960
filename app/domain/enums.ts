import { z } from 'zod';

/** Investor risk class from the questionnaire: C1 is the most conservative. */
export const RISK_CLASSES = ['C1', 'C2', 'C3', 'C4', 'C5'] as const;
export const RiskClassSchema = z.enum(RISK_CLASSES);
export type RiskClass = z.infer<typeof RiskClassSchema>;

/** Product risk grade: R1 is the lowest risk. */
export const RISK_GRADES = ['R1', 'R2', 'R3', 'R4', 'R5'] as const;
export const RiskGradeSchema = z.enum(RISK_GRADES);
export type RiskGrade = z.infer<typeof RiskGradeSchema>;

export const CLIENT_KINDS = ['individual', 'business'] as const;
export const ClientKindSchema = z.enum(CLIENT_KINDS);
export type ClientKind = z.infer<typeof ClientKindSchema>;

export { LANGUAGES, LanguageSchema, type Language } from '../messages/language';

export const OBJECTIVES = [
  'capital_preservation',
  'income',
  'growth',
  'retirement',
  'education',
  'home_purchase',
  'protection',
  'liquidity',
  'business_expansion',
  'working_capital',
] as const;
export const ObjectiveSchema = z.enum(OBJECTIVES);
export type Objective = z.infer<typeof ObjectiveSchema>;

export const LIQUIDITY_NEEDS = ['low', 'medium', 'high'] as const;
export const LiquidityNeedSchema = z.enum(LIQUIDITY_NEEDS);
export type LiquidityNeed = z.infer<typeof LiquidityNeedSchema>;

export const KNOWLEDGE_LEVELS = ['none', 'basic', 'informed', 'advanced'] as const;
export const KnowledgeLevelSchema = z.enum(KNOWLEDGE_LEVELS);
export type KnowledgeLevel = z.infer<typeof KnowledgeLevelSchema>;

export const PRODUCT_FAMILIES = [
  'deposit',
  'fund',
  'security',
  'insurance',
  'consumer_credit',
  'business_finance',
] as const;
export const ProductFamilySchema = z.enum(PRODUCT_FAMILIES);
export type ProductFamily = z.infer<typeof ProductFamilySchema>;

export const LIQUIDITY_TERMS = ['daily', 'weekly', 'monthly', 'quarterly', 'at_maturity', 'none'] as const;
export const LiquidityTermSchema = z.enum(LIQUIDITY_TERMS);
export type LiquidityTerm = z.infer<typeof LiquidityTermSchema>;

/** What the headline rate of a product means: a return range, a fixed deposit rate, a borrowing rate or a premium. */
export const RATE_KINDS = ['expected_return', 'fixed_rate', 'borrowing_rate', 'premium_rate', 'none'] as const;
export const RateKindSchema = z.enum(RATE_KINDS);
export type RateKind = z.infer<typeof RateKindSchema>;

export const OUTCOMES = ['interested', 'accepted', 'declined', 'no_response'] as const;
export const OutcomeSchema = z.enum(OUTCOMES);
export type Outcome = z.infer<typeof OutcomeSchema>;

export const CHANNELS = ['meeting', 'call', 'email', 'branch'] as const;
export const InteractionChannelSchema = z.enum(CHANNELS);
export type InteractionChannel = z.infer<typeof InteractionChannelSchema>;

export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC'] as const;
export const CreditRatingSchema = z.enum(CREDIT_RATINGS);
export type CreditRating = z.infer<typeof CreditRatingSchema>;

/** Custom attributes imported with data: flat scalars only, so they can become model features. */
export const AttributeValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
export const CustomAttributesSchema = z.record(z.string().min(1).max(64), AttributeValueSchema);
export type CustomAttributes = z.infer<typeof CustomAttributesSchema>;

/** ISO calendar date, YYYY-MM-DD. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');
/** ISO timestamp with time zone, as produced by Date.prototype.toISOString. */
export const IsoDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/, 'must be an ISO date and time');
