import { z } from 'zod';
import { MessageSchema } from '../messages';

/**
 * What a use-case can refuse with. Transport concerns (a malformed payload, an unknown channel, a request from the
 * wrong window) are not domain errors: the contract's dispatch answers those itself.
 */
export const DOMAIN_ERROR_CODES = [
  'not_found',
  'validation',
  'conflict',
  'unavailable',
  /** The caller stopped a long job before it finished; nothing was changed. */
  'cancelled',
  /** Another writer (another import, another process) held the store longer than the wait allows; nothing changed. */
  'busy',
  /** The signed-in user's roles do not allow the act, or nobody is signed in; the message names the rule. */
  'forbidden',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export const FieldIssueSchema = z.object({ field: z.string(), message: MessageSchema });
export type FieldProblem = z.infer<typeof FieldIssueSchema>;

/**
 * An expected failure of a use-case: the record is missing, the input breaks a rule, the state has moved on, a
 * resource is not there, or the caller cancelled. `dispatch` turns it into the contract's wire error with the same
 * code; anything else thrown is reported as internal.
 */
export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Per-field problems of a `validation` error, so a form can point at the field. */
    readonly issues?: FieldProblem[],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
