import { z } from 'zod';
import { LocalizedTextSchema } from '../domain/localized-text';

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
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const FieldIssueSchema = z.object({ field: z.string(), message: LocalizedTextSchema });

export const ContractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  /** Per-field problems for `validation` errors, so a form can point at the field. */
  issues: z.array(FieldIssueSchema).optional(),
});
export type ContractError = z.infer<typeof ContractErrorSchema>;

/** Every answer across the process boundary has this shape; nothing is ever thrown across it. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** Thrown by handlers for expected failures; the dispatcher turns it into `{ok:false}` with the same code. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: z.infer<typeof FieldIssueSchema>[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}
