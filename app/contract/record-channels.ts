import { z } from 'zod';
import type { AdviceRecord } from '../records/advice-record';

const ClientId = z.string().min(1).max(64);

export const AdviceRecordSummarySchema = z.object({
  id: z.string(),
  kind: z.string(),
  createdAt: z.string(),
  advisor: z.string(),
  approver: z.string().nullable(),
  productId: z.string(),
  productNameEn: z.string(),
  productNameZh: z.string(),
  pitchDraftId: z.string().nullable(),
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
    input: z.object({ id: z.string().min(1).max(64) }).strict(),
    output: StoredAdviceRecordSchema,
  },
} as const;
