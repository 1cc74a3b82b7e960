import { OUTCOMES, type Outcome } from '../domain';

const ACCEPTED = new Set(['1', 'yes', 'true']);
const DECLINED = new Set(['0', 'no', 'false']);

/**
 * How an outcome column is read. A flat outcome table says whether the client took the product: 1/yes/true is
 * 'accepted' and 0/no/false is 'declined', in any letter case. An interactions file may also use our own words
 * (interested, no_response). Anything else is not guessed at.
 */
export function readOutcome(
  raw: string,
  options: { ownWords: boolean; extra?: Readonly<Record<string, Outcome>> },
): Outcome | null {
  const text = raw.trim();
  const extra = options.extra?.[text];
  if (extra) return extra;
  const lower = text.toLowerCase();
  if (ACCEPTED.has(lower)) return 'accepted';
  if (DECLINED.has(lower)) return 'declined';
  if (options.ownWords && (OUTCOMES as readonly string[]).includes(lower)) return lower as Outcome;
  return null;
}
