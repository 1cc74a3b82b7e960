import { z } from 'zod';
import {
  CreditRatingSchema,
  IsoDateSchema,
  KnowledgeLevelSchema,
  LIQUIDITY_NEEDS,
  ProductFamilySchema,
  RISK_CLASSES,
  RISK_GRADES,
  RiskGradeSchema,
} from '../domain/enums';

/**
 * Which products a group of rules applies to. A product is in scope when its family or category is listed
 * and its category is not excluded; categories let an institution move e.g. annuities into the investment rules.
 */
const ProductScopeSchema = z
  .object({
    families: z.array(ProductFamilySchema),
    categories: z.array(z.string().min(1)),
    excludeCategories: z.array(z.string().min(1)),
  })
  .strict();
export type ProductScope = z.infer<typeof ProductScopeSchema>;

const share = z.number().gt(0).max(1);
const months = z.number().int().min(0).max(1200);

const classLimits = z
  .object(
    Object.fromEntries(RISK_CLASSES.map((c) => [c, RiskGradeSchema])) as Record<
      (typeof RISK_CLASSES)[number],
      typeof RiskGradeSchema
    >,
  )
  .strict();
const perNeed = z
  .object(
    Object.fromEntries(LIQUIDITY_NEEDS.map((n) => [n, months.nullable()])) as Record<
      (typeof LIQUIDITY_NEEDS)[number],
      z.ZodNullable<typeof months>
    >,
  )
  .strict();

/**
 * A suitability rule set is data, not code: institutions store and edit their own, versioned, and every
 * rule set loaded from storage goes through this schema first. KYC and the risk-class rule have no
 * `enabled` switch because the domain forbids recommending without them.
 */
export const SuitabilityRuleSetSchema = z
  .object({
    id: z.string().min(1).max(80),
    version: z.number().int().min(1),
    institution: z.string().min(1).max(200),
    effectiveFrom: IsoDateSchema,
    scopes: z
      .object({
        /** Products that put the client's money at market risk: risk class, horizon, liquidity, reserve, concentration. */
        investment: ProductScopeSchema,
        /** Products that lend money: affordability and credit standing decide, not the risk class. */
        credit: ProductScopeSchema,
      })
      .strict(),
    rules: z
      .object({
        kyc: z
          .object({
            maxAgeMonths: z.number().int().min(1).max(120),
            requiredFields: z
              .object({
                individual: z.array(z.string().min(1)),
                business: z.array(z.string().min(1)),
              })
              .strict(),
          })
          .strict(),
        riskClass: z
          .object({
            maxGradeByClass: classLimits,
            /** Professional investors may go up to this grade whatever their class; null treats them like anyone else. */
            professionalMaxGrade: RiskGradeSchema.nullable(),
            deviation: z
              .object({
                enabled: z.boolean(),
                /** How far above the class limit a client may ask to go, in grades. */
                maxGradesAboveLimit: z.number().int().min(1).max(4),
              })
              .strict(),
          })
          .strict(),
        complexProducts: z
          .object({
            enabled: z.boolean(),
            minKnowledge: KnowledgeLevelSchema,
            /** Years of investing that count as experience when the client has never held a complex product. */
            minExperienceYears: z.number().int().min(0).max(80),
            professionalWaiver: z.boolean(),
          })
          .strict(),
        horizon: z.object({ enabled: z.boolean() }).strict(),
        liquidity: z
          .object({
            enabled: z.boolean(),
            /** Longest wait for money back, in months, per liquidity need; null means no limit. */
            maxMonthsToCash: perNeed,
          })
          .strict(),
        emergencyReserve: z
          .object({
            enabled: z.boolean(),
            individualMonths: z.number().min(0).max(60),
            businessMonths: z.number().min(0).max(60),
            /** Instant-access products up to this grade are where the reserve lives, so buying them does not spend it. */
            exemptUpToGrade: RiskGradeSchema.nullable(),
          })
          .strict(),
        minimumInvestment: z.object({ enabled: z.boolean() }).strict(),
        concentration: z
          .object({
            enabled: z.boolean(),
            maxSharePerProduct: share,
            maxSharePerCategory: share,
            exemptInsured: z.boolean(),
            exemptCategories: z.array(z.string().min(1)),
          })
          .strict(),
        alreadyHeld: z
          .object({
            enabled: z.boolean(),
            /** Categories of which a client holds each product at most once (a second policy or mortgage makes no sense). */
            holdOnceCategories: z.array(z.string().min(1)),
          })
          .strict(),
        age: z
          .object({
            enabled: z.boolean(),
            /** A commitment at least this long counts as a long lock-up … */
            longLockupMonths: months,
            /** … and must end before the client reaches this age. */
            maxAgeAtLockupEnd: z.number().int().min(18).max(120),
          })
          .strict(),
        credit: z
          .object({
            enabled: z.boolean(),
            /** Institution-wide ceiling; a product's own, stricter limit wins. Debt payments over income, per year. */
            maxDebtToIncome: z.number().gt(0).max(5),
            minCreditScore: z.number().int().min(300).max(900),
            /** Count the repayment on the product's minimum amount, so the check is about the client after borrowing. */
            includeNewRepayment: z.boolean(),
          })
          .strict(),
        business: z
          .object({
            enabled: z.boolean(),
            minYearsTrading: z.number().min(0).max(100),
            minCreditRating: CreditRatingSchema,
            excludedSectors: z.array(z.string().min(1)),
          })
          .strict(),
      })
      .strict(),
  })
  .strict()
  .superRefine((set, ctx) => {
    // A more cautious class may never be allowed more than a bolder one; that would invert the scale.
    const limits = RISK_CLASSES.map((c) => RISK_GRADES.indexOf(set.rules.riskClass.maxGradeByClass[c]));
    for (let i = 1; i < limits.length; i++) {
      if (limits[i]! < limits[i - 1]!) {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', 'riskClass', 'maxGradeByClass', RISK_CLASSES[i]!],
          message: `${RISK_CLASSES[i]} is allowed less than ${RISK_CLASSES[i - 1]}; limits must not fall as the class rises`,
        });
      }
    }
  });
export type SuitabilityRuleSet = z.infer<typeof SuitabilityRuleSetSchema>;

export type RuleSetParse = { ok: true; ruleSet: SuitabilityRuleSet } | { ok: false; message: string; issues: string[] };

/** Checks a rule set from storage or an editor; the message names each bad field so an administrator can fix it. */
export function parseRuleSet(input: unknown): RuleSetParse {
  const parsed = SuitabilityRuleSetSchema.safeParse(input);
  if (parsed.success) return { ok: true, ruleSet: parsed.data };
  const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(rule set)'}: ${issue.message}`);
  return { ok: false, message: `Suitability rule set refused: ${issues.join('; ')}`, issues };
}

/** The rule set shipped with the app, following the C1–C5 / R1–R5 regime in docs/domain.md. */
export const DEFAULT_RULE_SET: SuitabilityRuleSet = {
  id: 'default',
  version: 1,
  institution: 'Advisor Desk default',
  effectiveFrom: '2026-01-01',
  scopes: {
    investment: {
      families: ['deposit', 'fund', 'security'],
      categories: ['annuity', 'investment_linked', 'cash_management'],
      excludeCategories: [],
    },
    credit: {
      families: ['consumer_credit', 'business_finance'],
      categories: [],
      excludeCategories: ['cash_management'],
    },
  },
  rules: {
    kyc: {
      maxAgeMonths: 12,
      requiredFields: {
        individual: ['birthDate', 'annualIncome', 'monthlyExpenses'],
        business: ['foundedDate', 'sector', 'annualRevenue', 'monthlyExpenses'],
      },
    },
    riskClass: {
      maxGradeByClass: { C1: 'R1', C2: 'R2', C3: 'R3', C4: 'R4', C5: 'R5' },
      professionalMaxGrade: 'R5',
      deviation: { enabled: true, maxGradesAboveLimit: 1 },
    },
    complexProducts: { enabled: true, minKnowledge: 'informed', minExperienceYears: 3, professionalWaiver: true },
    horizon: { enabled: true },
    liquidity: { enabled: true, maxMonthsToCash: { high: 1, medium: 12, low: null } },
    emergencyReserve: { enabled: true, individualMonths: 6, businessMonths: 3, exemptUpToGrade: 'R1' },
    minimumInvestment: { enabled: true },
    concentration: {
      enabled: true,
      maxSharePerProduct: 0.4,
      maxSharePerCategory: 0.6,
      exemptInsured: true,
      exemptCategories: ['cash_management'],
    },
    alreadyHeld: {
      enabled: true,
      holdOnceCategories: [
        'term_life',
        'critical_illness',
        'medical',
        'accident',
        'annuity',
        'investment_linked',
        'mortgage',
        'credit_card',
      ],
    },
    age: { enabled: true, longLockupMonths: 36, maxAgeAtLockupEnd: 80 },
    credit: { enabled: true, maxDebtToIncome: 0.5, minCreditScore: 600, includeNewRepayment: true },
    business: { enabled: true, minYearsTrading: 1, minCreditRating: 'BB', excludedSectors: ['gambling', 'weapons'] },
  },
};
