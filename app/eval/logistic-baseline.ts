import { logLoss } from './metrics';
import { LogisticRegression } from '../scoring/logistic-regression';
import type { TrainingExample } from '../scoring/logistic-loss';
import { evenSample, MAX_SELECTION_FIT_ROWS } from '../scoring/model-selection';

/** L2 strengths tried for the baseline: from barely regularised to strongly shrunk. */
export const L2_GRID: readonly number[] = [1e-4, 1e-3, 1e-2, 1e-1, 1];

/** Share of the (time-ordered) training examples, taken from the end, that picks the L2 strength. */
const SELECTION_SHARE = 0.2;
/** Below this many rows on either side the choice would be noise; 1e-3 is used without choosing. */
const MIN_SELECTION_ROWS = 50;

export interface LogisticBaseline {
  model: LogisticRegression;
  l2: number;
  /** Held-out log loss per L2 tried, in grid order; empty when there were too few rows to choose. */
  selection: { l2: number; logLoss: number }[];
}

/**
 * Plain logistic regression on the interest model's own encoded features, so the comparison shows what the
 * pairwise factors add and nothing else. The L2 strength is chosen like a user would have to: fit on the earlier
 * training rows, judge on the latest ones, then refit on all of them with the winner. Never on the test rows. As
 * the interest model's settings are chosen (model-selection.ts), the earlier rows are at most MAX_SELECTION_FIT_ROWS
 * taken at an even stride, so on a 100,000-outcome retrain the five fits read 40,000 rows each instead of 64,000;
 * below the cap (every set of the quality bench) nothing changes.
 */
export function fitLogisticBaseline(
  examples: readonly TrainingExample[],
  dimension: number,
  seed: number,
): LogisticBaseline {
  const held = Math.floor(examples.length * SELECTION_SHARE);
  const selection: { l2: number; logLoss: number }[] = [];
  let l2 = L2_GRID[1]!;
  if (held >= MIN_SELECTION_ROWS && examples.length - held >= MIN_SELECTION_ROWS) {
    const fit = evenSample(examples.slice(0, examples.length - held), MAX_SELECTION_FIT_ROWS);
    const judge = examples.slice(examples.length - held);
    let best = Infinity;
    for (const candidate of L2_GRID) {
      const model = LogisticRegression.train(fit, dimension, { l2: candidate, seed });
      const loss = logLoss(
        judge.map((e) => model.predict(e.x)),
        judge.map((e) => e.y),
      )!;
      selection.push({ l2: candidate, logLoss: loss });
      // Ties go to the stronger penalty: the simpler model when the data cannot tell them apart.
      if (loss <= best + 1e-9) {
        best = Math.min(best, loss);
        l2 = candidate;
      }
    }
  }
  return { model: LogisticRegression.train(examples, dimension, { l2, seed }), l2, selection };
}
