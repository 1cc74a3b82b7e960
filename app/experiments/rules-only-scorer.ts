import type { ScoreReason } from '../domain/ranking';
import { message } from '../messages';
import type { ProductScorer } from '../ranking/product-scorer';

/**
 * The rules-only arm: suitability alone decides, with nothing learned from outcomes. Every suitable product gets the
 * same score (the book's overall acceptance rate, so the number still reads as a rate), so the order is the ranking's
 * stable tie order, and each product says why.
 */
export function rulesOnlyScorer(overallRate: number): ProductScorer {
  const reasons: ScoreReason[] = [{ group: 'rules-only', logOdds: 0, text: message('experiments.reason.rulesOnly') }];
  return (_client, products) => products.map(() => ({ probability: overallRate, explain: () => reasons }));
}
