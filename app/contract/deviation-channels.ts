import { z } from 'zod';
import { LocalizedTextSchema, RiskClassSchema, RiskGradeSchema } from '../domain';
import { MessageSchema } from '../messages';
import { DEVIATION_REFUSALS } from '../suitability/deviation-preview';
import { RuleCheckViewSchema } from './engine-channels';

const ClientId = z.string().min(1).max(64);
const ProductId = z.string().min(1).max(64);

/** A recorded client-requested deviation from the risk-class rule, with the product it concerns. */
export const DeviationViewSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  productId: z.string(),
  productNameEn: z.string(),
  productNameZh: z.string(),
  riskGrade: RiskGradeSchema,
  /** The warning the client was shown, word for word. */
  warning: LocalizedTextSchema,
  acknowledgedBy: z.string(),
  acknowledgedAt: z.string(),
  reason: z.string(),
  ruleSet: z.object({ id: z.string(), version: z.number().int() }),
  recordedBy: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnBy: z.string().nullable(),
});
export type DeviationView = z.infer<typeof DeviationViewSchema>;

/** What the advisor sees before recording: the warning to show, and whether a deviation may be recorded at all. */
export const DeviationPreviewSchema = z.object({
  clientId: z.string(),
  productId: z.string(),
  productNameEn: z.string(),
  productNameZh: z.string(),
  allowed: z.boolean(),
  refusal: z.object({ code: z.enum([...DEVIATION_REFUSALS, 'already-recorded']), message: MessageSchema }).nullable(),
  riskClass: RiskClassSchema.nullable(),
  limit: RiskGradeSchema.nullable(),
  grade: RiskGradeSchema,
  gradesAbove: z.number().int(),
  maxGradesAboveLimit: z.number().int(),
  warning: MessageSchema,
  /** Other rules the product fails: a deviation lifts only the risk-class rule. */
  otherFailures: z.array(RuleCheckViewSchema),
  ruleSet: z.object({ id: z.string(), version: z.number().int() }),
});
export type DeviationPreviewView = z.infer<typeof DeviationPreviewSchema>;

/** Client-requested deviations; spread into the main channel map. */
export const deviationChannels = {
  'deviations:preview': {
    input: z.object({ clientId: ClientId, productId: ProductId }).strict(),
    output: DeviationPreviewSchema,
  },
  /** Refused with a validation error naming why when the preview would say not allowed. */
  'deviations:record': {
    input: z
      .object({
        clientId: ClientId,
        productId: ProductId,
        /** The client has read the warning and acknowledged it; nothing is recorded without it. */
        acknowledged: z.literal(true, { error: 'the client must acknowledge the risk warning' }),
        /** The client's own words for wanting the product anyway. */
        reason: z.string().trim().min(1, { error: "the client's reason is required" }).max(2000),
        /** Who acknowledged, when not the client by name (a signature reference); defaults to the client's name. */
        acknowledgedBy: z.string().trim().min(1).max(200).optional(),
      })
      .strict(),
    output: DeviationViewSchema,
  },
  'deviations:list': { input: z.object({ clientId: ClientId }).strict(), output: z.array(DeviationViewSchema) },
  'deviations:withdraw': { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: DeviationViewSchema },
} as const;
