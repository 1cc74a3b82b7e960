import type { ProductScorer } from '../ranking/product-scorer';
import type { CandidateAction, LoggedRanking } from './off-policy';

/**
 * A ranking as it was logged, for replaying other policies on it: whose it was, what it showed with which
 * propensities, what it excluded, how it explored, and each shown product's outcome.
 */
export interface LoggedImpression {
  id: string;
  clientId: string;
  shownAt: string;
  /** The label of the policy that produced it. */
  policy: string;
  explorationRate: number;
  /** Whether the advisor asked for credit products in it (the ranking's credit filter). */
  includeCredit: boolean;
  shown: { productId: string; propensity: number | null; outcome: 'accepted' | 'interested' | 'other' }[];
  excludedProductIds: string[];
}

/** The products a candidate policy would show for a logged ranking's client, best first (`top` of them). */
export type CandidateRanker = (impression: LoggedImpression, top: number) => string[];

/** What counts as converted: an accepted product, or any interest (interested or accepted). */
export type ConversionOutcome = 'accepted' | 'interested';

/**
 * The log as the estimators read it, with the candidate's choices for each ranking. Rankings kept before
 * propensities were recorded are left out (how many is returned): their probabilities are unknown, not 1. A product
 * the candidate would show but the log did not: the log could never have shown it when that ranking did not explore,
 * or when the product was excluded then; otherwise it could have (last place, unknown probability).
 */
export function replayLog(
  impressions: readonly LoggedImpression[],
  rank: CandidateRanker,
  outcome: ConversionOutcome,
): { log: LoggedRanking[]; withoutPropensities: number } {
  const log: LoggedRanking[] = [];
  let withoutPropensities = 0;
  for (const impression of impressions) {
    if (impression.shown.length === 0) continue;
    if (impression.shown.some((s) => s.propensity === null)) {
      withoutPropensities += 1;
      continue;
    }
    const shownIds = new Set(impression.shown.map((s) => s.productId));
    const excluded = new Set(impression.excludedProductIds);
    const candidate: CandidateAction[] = rank(impression, impression.shown.length).map((productId) => ({
      action: productId,
      logProbability: shownIds.has(productId)
        ? null
        : impression.explorationRate === 0 || excluded.has(productId)
          ? 0
          : null,
    }));
    log.push({
      shown: impression.shown.map((s) => ({
        action: s.productId,
        propensity: s.propensity!,
        reward: s.outcome === 'accepted' || (outcome === 'interested' && s.outcome === 'interested') ? 1 : 0,
      })),
      candidate,
    });
  }
  return { log, withoutPropensities };
}

/** Rules only: every suitable product equal, in catalogue id order; no model, no popularity. */
export const rulesOnlyScorer: ProductScorer = (_client, products) =>
  products.map(() => ({ probability: 0.5, explain: () => [] }));
