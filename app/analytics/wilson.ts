import { normalSurvival, wilsonInterval as wilsonRate } from '../experiments/statistics';

/** A proportion with its two-sided confidence interval; null where nothing was observed (no trials). */
export interface Proportion {
  successes: number;
  trials: number;
  value: number | null;
  low: number | null;
  high: number | null;
}

/** z for a two-sided 95% interval. */
export const Z_95 = 1.959963984540054;

/**
 * The Wilson score interval for a binomial proportion: unlike the normal approximation it stays inside [0, 1] and
 * keeps a sensible width at 0 or n successes and at small n, which is where most products' funnels sit.
 * centre = (p + z²/2n) / (1 + z²/n); half-width = z·√(p(1−p)/n + z²/4n²) / (1 + z²/n).
 */
export function wilsonInterval(successes: number, trials: number, z = Z_95): Proportion {
  if (!Number.isInteger(successes) || !Number.isInteger(trials) || successes < 0 || trials < 0 || successes > trials)
    throw new RangeError(`A proportion needs 0 ≤ successes ≤ trials (whole numbers), got ${successes} of ${trials}.`);
  if (trials === 0) return { successes, trials, value: null, low: null, high: null };
  // The one Wilson interval of the app (app/experiments/statistics.ts), at the level this z stands for.
  const { rate, low, high } = wilsonRate(successes, trials, 2 * normalSurvival(z));
  const p = rate ?? successes / trials;
  // The bounds are exactly 0 and 1 at the ends; rounding must not push them outside.
  return {
    successes,
    trials,
    value: p,
    low: successes === 0 ? 0 : low,
    high: successes === trials ? 1 : high,
  };
}
