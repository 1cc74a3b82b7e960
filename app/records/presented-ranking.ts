import type { MarketSnapshot, Product } from '../domain';
import type { StoredImpression } from '../ports/stores';
import type { SuitabilityClient, SuitabilityResult } from '../suitability';
import {
  ADVICE_RECORD_SCHEMA,
  recordedSuitability,
  type DeviationOnRecord,
  type PresentedProduct,
  type RankingPresentedRecord,
} from './advice-record';

export interface PresentedRankingInput {
  id: string;
  at: string;
  advisor: string;
  note: string;
  client: SuitabilityClient;
  market: MarketSnapshot | null;
  impression: StoredImpression;
  /** The products the impression named, as they are now; one that was deleted since is left out of the record. */
  products: ReadonlyMap<string, Product>;
  /** The suitability verdict for a product under the rules that hold now. */
  verdictOf(product: Product): SuitabilityResult;
  deviations: DeviationOnRecord[];
}

/**
 * The record of a ranking presented without a pitch: each product as the ranking showed it (place, score and
 * reasons, or the rules that rejected it), with every rule's verdict in words. Where a product's suitability now
 * differs from what was shown, the record says so instead of quietly restating the old verdict.
 */
export function presentedRankingRecord(input: PresentedRankingInput): RankingPresentedRecord {
  const { impression } = input;
  const products: PresentedProduct[] = [];
  const changed: string[] = [];
  for (const shown of impression.ranked) {
    const product = input.products.get(shown.productId);
    if (!product) continue;
    const verdict = input.verdictOf(product);
    if (!verdict.suitable) changed.push(product.id);
    products.push({
      product,
      role: 'recommended',
      position: shown.position,
      probability: shown.probability,
      reasons: shown.reasons,
      movedForDiversity: shown.movedForDiversity,
      suitability: recordedSuitability(verdict),
    });
  }
  for (const shown of impression.excluded) {
    const product = input.products.get(shown.productId);
    if (!product) continue;
    const verdict = input.verdictOf(product);
    if (verdict.suitable) changed.push(product.id);
    products.push({
      product,
      role: 'rejected',
      position: null,
      probability: null,
      reasons: [],
      movedForDiversity: false,
      suitability: recordedSuitability(verdict),
    });
  }
  return {
    schema: ADVICE_RECORD_SCHEMA,
    id: input.id,
    kind: 'ranking-presented',
    createdAt: input.at,
    advisor: input.advisor,
    approver: null,
    client: input.client,
    market: input.market,
    presentation: {
      impressionId: impression.id,
      shownAt: impression.shownAt,
      shownTo: impression.shownTo,
      surface: impression.surface,
      modelVersion: impression.modelVersion,
      ruleSet: impression.ruleSet,
      languageModel: impression.languageModel,
      note: input.note,
      changedSinceShown: changed,
    },
    products,
    deviations: input.deviations,
  };
}
