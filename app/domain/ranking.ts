import { z } from 'zod';
import { MessageSchema } from '../messages';
import { ProductFamilySchema, RiskGradeSchema } from './enums';

/** One suitability rule's verdict as the renderer shows it (see app/suitability RuleCheck). */
export const RuleCheckViewSchema = z.object({
  ruleId: z.string(),
  passed: z.boolean(),
  reason: MessageSchema,
  deviation: z.literal(true).optional(),
  /** A failed risk-class check that the client could still ask to override as a recorded deviation. */
  deviationPossible: z.literal(true).optional(),
});
export type RuleCheckView = z.infer<typeof RuleCheckViewSchema>;

/**
 * One term of a score's explanation: how much a group of features moved the log-odds, in words an advisor
 * understands ("Matches the client's growth objective"). Positive pushes interest up.
 */
export const ScoreReasonSchema = z.object({
  group: z.string(),
  text: MessageSchema,
  logOdds: z.number(),
});
export type ScoreReason = z.infer<typeof ScoreReasonSchema>;

const ProductHeadSchema = z.object({
  productId: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  family: ProductFamilySchema,
  category: z.string(),
  riskGrade: RiskGradeSchema,
});

export const RankedProductSchema = ProductHeadSchema.extend({
  rank: z.number().int().min(1),
  /** Calibrated probability of interest, 0..1. */
  probability: z.number().min(0).max(1),
  /** Largest contributions first, positive and negative. */
  reasons: z.array(ScoreReasonSchema),
  /** True when the diversity rule moved this product below a lower-scored one from another category. */
  movedForDiversity: z.boolean(),
  /** Set when the product is suitable only through a recorded client-requested deviation. */
  deviation: z.boolean(),
  /** The probability that the ranking policy, exploring as set, put this product where it is (off-policy estimates). */
  propensity: z.number().min(0).max(1).optional(),
  /** Shown in the last place by exploration: a suitable product from below the policy's own top (see exploration.ts). */
  explored: z.literal(true).optional(),
});
export type RankedProduct = z.infer<typeof RankedProductSchema>;

/** An unsuitable product: never scored for pitching, shown apart with the rules that excluded it. */
export const ExcludedProductSchema = ProductHeadSchema.extend({
  failed: z.array(RuleCheckViewSchema).min(1),
});
export type ExcludedProduct = z.infer<typeof ExcludedProductSchema>;

/**
 * The ranking's credit filter: suitable credit products are ranked when the profile shows a need to borrow
 * (`borrowingNeed` names the signals: an objective met by borrowing, credit already held, a liquidity gap) or when
 * the advisor asked for them (`requested`); otherwise `hidden` of them were held back, and the page says so.
 */
export const CreditFilterSchema = z.object({
  requested: z.boolean(),
  borrowingNeed: z.array(z.enum(['objective', 'holds-credit', 'liquidity-gap'])),
  included: z.boolean(),
  hidden: z.number().int().min(0),
});
export type CreditFilter = z.infer<typeof CreditFilterSchema>;

export const ClientRankingSchema = z.object({
  clientId: z.string(),
  /** ISO time the ranking was computed for. */
  at: z.string(),
  /** The model version that scored it; null when no model is trained yet (products are then in popularity order). */
  modelVersion: z.number().int().nullable(),
  ruleSet: z.object({ id: z.string(), version: z.number().int() }),
  /**
   * The language model whose signals (llm.similarity, llm.fit) the live version was trained with; null
   * when it was trained without them. `used`: this ranking computed them with that model, loaded now; otherwise
   * the products were scored without them (missing values) and `reason` says why ("not loaded", …).
   */
  languageModel: z
    .object({ file: z.string(), sha256: z.string(), used: z.boolean(), reason: z.string().nullable() })
    .nullable(),
  ranked: z.array(RankedProductSchema),
  excluded: z.array(ExcludedProductSchema),
  /** Absent only on rankings made before the credit filter existed. */
  credit: CreditFilterSchema.optional(),
  /** The record of this ranking as shown (a reaction recorded from it points here); null when it was not shown. */
  impressionId: z.string().nullable(),
});
export type ClientRanking = z.infer<typeof ClientRankingSchema>;
