/**
 * The diversity rule: among the first `window` places, at most `maxPerCategory` products of one category, so an
 * advisor sees a spread (two bond funds, not six) while the best of each category stays on top. A product
 * passed over goes down to the first place its category is allowed again; when nothing of another category
 * is left, the next best product takes the place whatever its category. Below the window, plain score order.
 */
export interface DiversityRule {
  maxPerCategory: number;
  window: number;
}

export const DEFAULT_DIVERSITY: DiversityRule = { maxPerCategory: 2, window: 10 };

export interface Diversified<T> {
  item: T;
  /** True when a lower-scored product of another category was placed above it. */
  moved: boolean;
}

/**
 * `items` must be sorted best first; returns them reordered within the window, all of them or the first `limit`
 * (the same first places either way: a ranking shows ten of a few hundred suitable products).
 */
export function diversify<T>(
  items: readonly T[],
  category: (item: T) => string,
  score: (item: T) => number,
  rule: DiversityRule = DEFAULT_DIVERSITY,
  limit = Number.POSITIVE_INFINITY,
): Diversified<T>[] {
  const remaining = [...items];
  const placed: Diversified<T>[] = [];
  const counts = new Map<string, number>();
  let lowestPlaced = Infinity;
  while (remaining.length > 0 && placed.length < limit) {
    let pick = 0;
    if (placed.length < rule.window) {
      const allowed = remaining.findIndex((item) => (counts.get(category(item)) ?? 0) < rule.maxPerCategory);
      if (allowed >= 0) pick = allowed;
    }
    const [item] = remaining.splice(pick, 1) as [T];
    const s = score(item);
    placed.push({ item, moved: lowestPlaced < s });
    lowestPlaced = Math.min(lowestPlaced, s);
    counts.set(category(item), (counts.get(category(item)) ?? 0) + 1);
  }
  return placed;
}
