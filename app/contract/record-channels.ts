import { z } from 'zod';
import type { AdviceRecord } from '../records/advice-record';

const ClientId = z.string().min(1).max(64);
const RecordId = z.string().min(1).max(64);
const MadeRecordSchema = z.object({ id: z.string(), contentHash: z.string() });

export const AdviceRecordSummarySchema = z.object({
  id: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  advisor: z.string(),
  approver: z.string().nullable(),
  productId: z.string().nullable(),
  productNameEn: z.string().nullable(),
  productNameZh: z.string().nullable(),
  recommendedCount: z.number().int().min(0),
  pitchDraftId: z.string().nullable(),
  correctsId: z.string().nullable(),
  correctedBy: z.array(z.string()),
  /** sha256 of the record as stored. */
  contentHash: z.string(),
});
export type AdviceRecordSummary = z.infer<typeof AdviceRecordSummarySchema>;

export const StoredAdviceRecordSchema = z.object({
  record: z.custom<AdviceRecord>((value) => typeof value === 'object' && value !== null),
  contentHash: z.string(),
  /** The stored record still hashes to its stored hash. */
  intact: z.boolean(),
});
export type StoredAdviceRecordView = z.infer<typeof StoredAdviceRecordSchema>;

/** Advice records: made when a pitch is approved, never changed; read by the client page and compliance. */
export const recordChannels = {
  'records:for-client': {
    input: z.object({ clientId: ClientId }).strict(),
    output: z.array(AdviceRecordSummarySchema),
  },
  'records:get': {
    input: z.object({ id: RecordId }).strict(),
    output: StoredAdviceRecordSchema,
  },
  /** The advisor presented a ranking shown to them (its impression) to the client without a pitch: an advice record. */
  'records:present-ranking': {
    input: z.object({ impressionId: z.string().min(1).max(64), note: z.string().max(2000).default('') }).strict(),
    output: MadeRecordSchema,
  },
  /** A correction of an earlier record: a new record naming it; the earlier one is never changed. */
  'records:correct': {
    input: z
      .object({
        id: RecordId,
        reason: z.string().max(2000),
        changes: z
          .array(
            z.object({ field: z.string().max(200), was: z.string().max(4000), now: z.string().max(4000) }).strict(),
          )
          .min(1)
          .max(20),
      })
      .strict(),
    output: MadeRecordSchema,
  },
} as const;
