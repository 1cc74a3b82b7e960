import type { Interaction } from '../domain';

export interface TimeSplit<T> {
  train: T[];
  test: T[];
  /** The first test time; every training row happened strictly before it. Null when the test side is empty. */
  cutoff: string | null;
}

/**
 * Train on the earlier share of interactions, test on the later, as the model will be used: predicting what
 * has not happened yet from what has. Rows sharing the boundary timestamp all go to the test side so no
 * moment is split between the two.
 */
export function timeSplit<T extends { occurredAt: string; id: string }>(
  rows: readonly T[],
  trainShare: number,
): TimeSplit<T> {
  if (!(trainShare > 0 && trainShare < 1)) throw new Error(`train share must be between 0 and 1, got ${trainShare}`);
  const sorted = [...rows].sort((a, b) =>
    a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
  let cut = Math.floor(sorted.length * trainShare);
  while (cut > 0 && cut < sorted.length && sorted[cut - 1]!.occurredAt === sorted[cut]!.occurredAt) cut--;
  const test = sorted.slice(cut);
  return { train: sorted.slice(0, cut), test, cutoff: test[0]?.occurredAt ?? null };
}

/** Only interactions with a recorded outcome can be scored against; pending ones are left out of both sides. */
export function timeSplitInteractions(
  interactions: readonly Interaction[],
  trainShare: number,
): TimeSplit<Interaction> {
  return timeSplit(
    interactions.filter((i) => i.outcome !== null),
    trainShare,
  );
}
