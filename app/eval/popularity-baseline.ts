import { isPositiveOutcome, type Interaction } from '../domain';

/** A labelled outcome for a product, as the popularity baseline needs it. */
export interface ProductOutcome {
  productId: string;
  label: 0 | 1;
}

export interface PopularityBaseline {
  kind: 'popularity';
  globalRate: number;
  /** Smoothed positive rate per product seen in training. */
  rates: Record<string, number>;
}

/**
 * The simplest ranking worth beating: every client gets the products others liked most. Rates are shrunk
 * towards the overall rate (a beta prior worth `priorWeight` outcomes) so a product shown twice does not top the list.
 */
export function fitPopularity(rows: readonly ProductOutcome[], priorWeight = 10): PopularityBaseline {
  const totals = new Map<string, { n: number; pos: number }>();
  let positives = 0;
  for (const row of rows) {
    const t = totals.get(row.productId) ?? { n: 0, pos: 0 };
    t.n++;
    t.pos += row.label;
    positives += row.label;
    totals.set(row.productId, t);
  }
  const globalRate = rows.length > 0 ? positives / rows.length : 0.5;
  const rates: Record<string, number> = {};
  for (const [id, t] of totals) rates[id] = (t.pos + priorWeight * globalRate) / (t.n + priorWeight);
  return { kind: 'popularity', globalRate, rates };
}

/** A product never seen in training scores the overall rate. */
export function popularityScore(model: PopularityBaseline, productId: string): number {
  return Object.prototype.hasOwnProperty.call(model.rates, productId) ? model.rates[productId]! : model.globalRate;
}

/** The popularity baseline fitted on every recorded outcome (a reaction without one is left out). */
export function fitPopularityOnOutcomes(
  interactions: readonly Pick<Interaction, 'productId' | 'outcome'>[],
): PopularityBaseline {
  return fitPopularity(
    interactions.flatMap((i) =>
      i.outcome === null ? [] : [{ productId: i.productId, label: isPositiveOutcome(i.outcome) ? 1 : 0 } as const],
    ),
  );
}
