import { z } from 'zod';
import { PREPARATION_STATES } from '../meetings/preparation-job';

const Id = z.string().min(1).max(64);
const JobId = z.object({ jobId: Id }).strict();
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const PreparationEngineSchema = z.union([
  z.object({ kind: z.literal('model'), file: z.string() }),
  z.object({ kind: z.literal('template') }),
]);

export const PreparationItemViewSchema = z.object({
  position: z.number().int().min(0),
  meetingId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  startsAt: z.string().nullable(),
  status: z.enum(['waiting', 'working', 'done', 'failed']),
  stepsDone: z.number().int().min(0),
  stepsTotal: z.number().int().min(0),
  ranked: z.boolean(),
  drafts: z.array(
    z.object({
      productId: z.string(),
      draftId: z.string().nullable(),
      version: z.number().int().nullable(),
      source: z.enum(['model', 'template']).nullable(),
      error: z.string().nullable(),
    }),
  ),
  draftsWanted: z.number().int().min(0).nullable(),
  packFile: z.string().nullable(),
  error: z.string().nullable(),
});
export type PreparationItemView = z.infer<typeof PreparationItemViewSchema>;

/** A preparation job as the agenda shows it: overall and per client. */
export const PreparationJobViewSchema = z.object({
  id: z.string(),
  createdAt: z.string(),
  state: z.enum(PREPARATION_STATES),
  interrupted: z.boolean(),
  label: z.string(),
  outDir: z.string(),
  top: z.number().int(),
  engine: PreparationEngineSchema.nullable(),
  total: z.number().int().min(0),
  done: z.number().int().min(0),
  failed: z.number().int().min(0),
  items: z.array(PreparationItemViewSchema),
});
export type PreparationJobView = z.infer<typeof PreparationJobViewSchema>;

/**
 * Batch preparation of meetings: rankings (kept as impressions), drafts for the top suitable products in each
 * client's language and a meeting pack per client, as a persisted background job. 'prepare:progress' follows it.
 */
export const preparationChannels = {
  /**
   * Starts preparing the meetings named, or those of a calendar day in a time zone (optionally one advisor's);
   * answers at once. outDir: where the packs go (default: a new folder in the data folder's meeting-packs).
   */
  'prepare:start': {
    input: z
      .object({
        meetingIds: z.array(Id).min(1).max(200).optional(),
        date: Day.optional(),
        timeZone: z.string().min(1).max(64).optional(),
        advisorId: Id.optional(),
        top: z.number().int().min(1).max(10).default(3),
        outDir: z.string().min(1).max(4096).optional(),
      })
      .strict()
      .refine((r) => (r.meetingIds !== undefined) !== (r.date !== undefined), {
        message: 'Name the meetings or a day, not both.',
        path: ['date'],
      }),
    output: PreparationJobViewSchema,
  },
  'prepare:pause': { input: JobId, output: PreparationJobViewSchema },
  'prepare:resume': { input: JobId, output: PreparationJobViewSchema },
  'prepare:cancel': { input: JobId, output: PreparationJobViewSchema },
  /** The latest jobs, newest first (the agenda shows the running or last one and each meeting's status). */
  'prepare:jobs': {
    input: z.object({ limit: z.number().int().min(1).max(50).default(10) }).strict(),
    output: z.array(PreparationJobViewSchema),
  },
  /**
   * Opens a job's folder of packs in the system's file manager. Only the desktop app can: it answers there;
   * elsewhere the answer is `shown: false` and the panel offers the path to copy.
   */
  'prepare:show-folder': {
    input: z.object({ folder: z.string().min(1).max(4096) }).strict(),
    output: z.object({ shown: z.boolean() }),
  },
} as const;

export const preparationEvents = {
  /** A preparation job changed: a step finished, or it was paused, resumed, cancelled or completed. */
  'prepare:progress': PreparationJobViewSchema,
} as const;
