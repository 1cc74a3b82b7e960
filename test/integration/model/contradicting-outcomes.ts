import { isPositiveOutcome, type Interaction } from '../../../app/domain';
import type { Db } from '../../../main/db/connection';
import { insertInteractions, listInteractions } from '../../../main/db/interaction-repository';

const MINUTE = 60_000;

/**
 * Every recorded outcome again, after `from`: first a stretch recorded the wrong way round, then as they were. A
 * version trained across the contradiction predicts the latest outcomes worse than one trained before it.
 */
export function addContradictingOutcomes(db: Db, from: string): void {
  const outcomes = listInteractions(db)
    .filter((i) => i.outcome !== null)
    .sort((a, b) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : 0));
  let at = Date.parse(from);
  const copy = (i: Interaction, n: number, flip: boolean): Interaction => {
    at += MINUTE;
    return {
      ...i,
      id: `${i.id}-again-${n}`,
      occurredAt: new Date(at).toISOString(),
      outcome: flip ? (isPositiveOutcome(i.outcome) ? 'declined' : 'interested') : i.outcome,
      impressionId: undefined,
    };
  };
  insertInteractions(db, [...outcomes.map((i) => copy(i, 1, true)), ...outcomes.map((i) => copy(i, 2, false))]);
}
