import { z } from 'zod';
import { FieldIssueSchema } from '../domain/domain-error';

export const ERROR_CODES = [
  'bad_request',
  'unknown_channel',
  'forbidden',
  'not_found',
  'validation',
  'conflict',
  'unavailable',
  /** The caller stopped a long job (a retrain with language-model signals) before it finished; nothing was changed. */
  'cancelled',
  /** Another writer held the store longer than the wait allows (an import in another process); nothing changed. */
  'busy',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export { FieldIssueSchema };

export const ContractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Per-field problems for `validation` errors, so a form can point at the field. */
  issues: z.array(FieldIssueSchema).optional(),
});
export type ContractError = z.infer<typeof ContractErrorSchema>;

/** Every answer across the process boundary has this shape; nothing is ever thrown across it. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };
