import { z } from 'zod';
import type { AdviceRecord } from '../records/advice-record';
import { ExportFormatSchema, type ExportFormat } from '../records/export-formats';

const ClientId = z.string().min(1).max(64);
const RecordId = z.string().min(1).max(64);
const MadeRecordSchema = z.object({ id: z.string(), contentHash: z.string() });
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

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

/** A row of the Compliance page: the summary and the client it concerns, as the record names them. */
export const ComplianceRecordRowSchema = AdviceRecordSummarySchema.extend({
  clientId: z.string(),
  clientName: z.string(),
});
export type ComplianceRecordRow = z.infer<typeof ComplianceRecordRowSchema>;

/**
 * Which records: made from `from` to `to` (days, both included, by the day the record was made, UTC), for a client
 * (`client` is a client id, or part of the client's name), by an advisor, of a kind. Each is optional.
 */
export const RecordFilterSchema = z.object({
  from: Day.nullable().default(null),
  to: Day.nullable().default(null),
  client: z.string().trim().max(120).nullable().default(null),
  advisor: z.string().trim().max(120).nullable().default(null),
  kind: z.string().max(40).nullable().default(null),
});
export type RecordFilter = z.infer<typeof RecordFilterSchema>;

export const StoredAdviceRecordSchema = z.object({
  record: z.custom<AdviceRecord>((value) => typeof value === 'object' && value !== null),
  contentHash: z.string(),
  /** The stored record still hashes to its stored hash. */
  intact: z.boolean(),
});
export type StoredAdviceRecordView = z.infer<typeof StoredAdviceRecordSchema>;

export const ExportPhaseSchema = z.enum(['counting', 'writing', 'finishing']);
export type ExportPhase = z.infer<typeof ExportPhaseSchema>;

/** What a finished export holds, from its manifest. */
export const ExportResultSchema = z.object({
  folder: z.string(),
  recordCount: z.number().int().min(0),
  pseudonymized: z.boolean(),
  files: z.array(z.object({ name: z.string(), bytes: z.number().int(), sha256: z.string() })),
});
export type ExportResult = z.infer<typeof ExportResultSchema>;

/** What an export job is asked for (the 'records:export-start' input, defaults filled in). */
export interface ExportJobRequest {
  from: string;
  to: string;
  client: string | null;
  advisor: string | null;
  kind: string | null;
  format: ExportFormat;
  pseudonymize: boolean;
}

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
  /** The records matching a filter, newest first, a page at a time, with how many match in all. */
  'records:search': {
    input: RecordFilterSchema.extend({
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(ComplianceRecordRowSchema) }),
  },
  /** The advisors and approvers named in any record, for the page's advisor filter. */
  'records:advisors': { input: z.object({}).strict(), output: z.array(z.string()) },
  /**
   * Starts exporting the filter's records (a period is required) into a new folder of the backend's exports folder;
   * answers at once with the job's id and that folder. 'records:export-progress' follows it, and
   * 'records:export-done' says how it ended. A cancelled or failed export leaves no folder behind.
   */
  'records:export-start': {
    input: z
      .object({
        from: Day,
        to: Day,
        client: z.string().trim().max(120).nullable().default(null),
        advisor: z.string().trim().max(120).nullable().default(null),
        kind: z.string().max(40).nullable().default(null),
        format: ExportFormatSchema,
        pseudonymize: z.boolean().default(false),
      })
      .strict()
      .refine((r) => r.from <= r.to, { message: 'The period must not end before it starts.', path: ['to'] }),
    output: z.object({ jobId: z.string(), folder: z.string() }),
  },
  /** Stops an export between two batches; its folder is removed. `cancelled` is false when it had already ended. */
  'records:export-cancel': {
    input: z.object({ jobId: z.string().min(1).max(64) }).strict(),
    output: z.object({ cancelled: z.boolean() }),
  },
  /**
   * Shows a finished export's folder in the system's file manager. Only the desktop app can: it answers there;
   * elsewhere the answer is `shown: false` and the page offers the path to copy.
   */
  'records:show-export': {
    input: z.object({ folder: z.string().min(1).max(4096) }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
} as const;

export const recordEvents = {
  /** How far an export is: records written of those it found; sent a few times a second at most, and at the end. */
  'records:export-progress': z.object({
    jobId: z.string(),
    phase: ExportPhaseSchema,
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
  /** An export ended: completed (with what it wrote), cancelled or failed (with why; its folder is gone). */
  'records:export-done': z.object({
    jobId: z.string(),
    outcome: z.enum(['completed', 'cancelled', 'failed']),
    result: ExportResultSchema.nullable(),
    error: z.string().nullable(),
  }),
} as const;
