/**
 * Exploration: with a small probability a ranking shows, in its last place, a suitable product from below the top
 * instead of the policy's own choice for that place, so that the log holds some evidence about products the policy
 * would not show, and another policy's value can be estimated from it (app/analytics/off-policy.ts).
 *
 * Only the last place is ever explored: every product shown is suitable (the pool is the suitable products the
 * policy ranked below the top), the order above it is the policy's own, and the explored product, ranked below all
 * the others, is shown with its own probability and reasons, so the list still reads best first and nothing is
 * claimed for it that its score does not say. Each product shown carries the probability that the logging policy
 * put it where it was shown: 1 above the last place; 1 − rate for the policy's own last product; rate ÷ (pool size)
 * for an explored one.
 */

/** The documented default: one ranking in twenty explores its last place. */
export const DEFAULT_EXPLORATION_RATE = 0.05;
/** Above this an advisor would see the policy's own last choice too rarely; refused by name. */
export const MAX_EXPLORATION_RATE = 0.5;

/** A uniform draw in [0, 1): the one source of chance in a ranking, injected so tests are repeatable. */
export type UniformSource = () => number;

export interface Exploration {
  rate: number;
  random: UniformSource;
}

/** Why a rate is refused, or null when it is allowed (0 turns exploration off). */
export function explorationRateProblem(rate: number): string | null {
  if (!Number.isFinite(rate) || rate < 0 || rate > MAX_EXPLORATION_RATE)
    return `The exploration rate must be between 0 and ${MAX_EXPLORATION_RATE}; ${rate} was given.`;
  return null;
}

export interface Explored<T> {
  /** The products shown, in order. */
  shown: T[];
  /** Per product shown, the probability that the logging policy put it there. */
  propensities: number[];
  /** The place (0-based) that was explored, or null when the policy's own list is shown. */
  exploredAt: number | null;
}

/**
 * The list to show: the policy's `top` (best first) or, with probability `rate`, the same with its last product
 * replaced by one drawn uniformly from `below` (suitable products the policy ranked lower). Nothing explores when
 * the rate is 0, the list is empty or nothing is below it.
 */
export function explore<T>(top: readonly T[], below: readonly T[], exploration: Exploration | undefined): Explored<T> {
  const rate = exploration?.rate ?? 0;
  const propensities = top.map(() => 1);
  if (!exploration || rate <= 0 || top.length === 0 || below.length === 0)
    return { shown: [...top], propensities, exploredAt: null };
  const last = top.length - 1;
  // One draw decides whether to explore and, scaled back up, which product: a ranking uses one number of the source.
  const u = exploration.random();
  if (u >= rate) {
    propensities[last] = 1 - rate;
    return { shown: [...top], propensities, exploredAt: null };
  }
  const pick = Math.min(below.length - 1, Math.floor((u / rate) * below.length));
  const shown = [...top];
  shown[last] = below[pick]!;
  propensities[last] = rate / below.length;
  return { shown, propensities, exploredAt: last };
}
