import { z } from 'zod';
import { MessageSchema } from '../messages';

const Empty = z.object({}).strict();

/**
 * The latest check of the audit trail, which the backend runs in the background at start, every few minutes and
 * when a window opens. `problems` lists the first few findings; `problemCount` is how many there were in all.
 */
export const AuditStatusSchema = z.object({
  state: z.enum(['unchecked', 'ok', 'problems', 'failed']),
  /** A check is running now; the rest is the previous one's. */
  checking: z.boolean(),
  checkedAt: z.string().nullable(),
  entries: z.number().int().min(0),
  problemCount: z.number().int().min(0),
  problems: z.array(MessageSchema),
  /** Why the check itself could not run (state 'failed'). */
  error: z.string().nullable(),
});
export type AuditStatus = z.infer<typeof AuditStatusSchema>;

export const auditChannels = {
  'audit:status': { input: Empty, output: AuditStatusSchema },
  /** Checks now (unless a check finished in the last five seconds) and answers with its result. */
  'audit:check': { input: Empty, output: AuditStatusSchema },
} as const;

export const auditEvents = {
  /** The audit status changed: a check started or ended. */
  'audit:status': AuditStatusSchema,
} as const;
