import { z } from 'zod';
import {
  ClientKindSchema,
  CustomAttributesSchema,
  LiquidityTermSchema,
  ProductFamilySchema,
  RateKindSchema,
  RiskGradeSchema,
} from './enums';

/** Who may be offered a product, beyond the risk grade. Every limit is optional: absent means no limit. */
export const ProductEligibilitySchema = z.object({
  clientKinds: z.array(ClientKindSchema).min(1),
  minAge: z.number().int().min(0).nullable(),
  maxAge: z.number().int().min(0).nullable(),
  minCreditScore: z.number().int().nullable(),
  maxDebtToIncome: z.number().min(0).nullable(),
  minYearsTrading: z.number().min(0).nullable(),
  minAnnualRevenue: z.number().min(0).nullable(),
  excludedSectors: z.array(z.string()),
});
export type ProductEligibility = z.infer<typeof ProductEligibilitySchema>;

/**
 * A product and the facts a pitch may quote. Rates are percent per year;
 * for credit they are the borrowing rate, for insurance the premium as a share of cover.
 */
export const ProductSchema = z.object({
  id: z.string(),
  family: ProductFamilySchema,
  category: z.string(),
  nameEn: z.string().min(1),
  nameZh: z.string().min(1),
  riskGrade: RiskGradeSchema,
  rateKind: RateKindSchema,
  rateMin: z.number().nullable(),
  rateMax: z.number().nullable(),
  annualFeePct: z.number().min(0),
  upfrontFeePct: z.number().min(0),
  termMonths: z.number().int().min(0).nullable(),
  lockupMonths: z.number().int().min(0),
  liquidity: LiquidityTermSchema,
  minimumAmount: z.number().min(0),
  currency: z.string().length(3),
  complex: z.boolean(),
  insured: z.boolean(),
  eligibility: ProductEligibilitySchema,
  descriptionEn: z.string(),
  descriptionZh: z.string(),
  riskDisclosureEn: z.string(),
  riskDisclosureZh: z.string(),
  customAttributes: CustomAttributesSchema,
  active: z.boolean(),
  updatedAt: z.string(),
});
export type Product = z.infer<typeof ProductSchema>;

export const ProductListQuerySchema = z
  .object({
    search: z.string().max(200).default(''),
    family: ProductFamilySchema.nullable().default(null),
  })
  .strict();
export type ProductListQuery = z.infer<typeof ProductListQuerySchema>;
