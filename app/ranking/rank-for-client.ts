import type { CreditFilter, ExcludedProduct, RankedProduct } from '../domain/ranking';
import type { Holding, MarketSnapshot, Product } from '../domain';
import type { ScoredClient } from '../scoring/scoring-context';
import { suitabilityScreen, type RequestedDeviation, type SuitabilityRuleSet } from '../suitability';
import { DEFAULT_DIVERSITY, diversify, type DiversityRule } from './diversity';
import type { ProductScorer } from './product-scorer';
import { borrowingNeed } from './borrowing-need';
import { explore, type Exploration } from './exploration';
import { inScope } from '../suitability/suitability-facts';

export interface RankingRequest {
  client: ScoredClient;
  /** The catalogue; inactive products are left out altogether (nobody may be offered them). */
  products: readonly Product[];
  /** The client's own holdings, for concentration and already-held rules. */
  holdings: readonly Holding[];
  ruleSet: SuitabilityRuleSet;
  /** YYYY-MM-DD for the suitability rules; ISO time for the score. */
  today: string;
  at: string;
  market: MarketSnapshot | null;
  scorer: ProductScorer;
  /** How many ranked products to return; every excluded product is returned whatever this is. */
  top: number;
  /** Recorded client-requested deviations by product id (warning shown and acknowledged). */
  deviations?: ReadonlyMap<string, RequestedDeviation>;
  diversity?: DiversityRule;
  /**
   * Rank suitable credit products even when the profile shows no need to borrow (the advisor asked for them).
   * Absent or false: they are held back for a client without a borrowing need (see borrowing-need.ts).
   */
  includeCredit?: boolean;
  /**
   * Explore the last place among the suitable products below the top (see exploration.ts). Given (even at rate 0),
   * each ranked product carries its propensity; absent, the policy's own list is shown without them.
   */
  exploration?: Exploration;
}

export interface RankingResult {
  ranked: RankedProduct[];
  excluded: ExcludedProduct[];
  /** Whether suitable credit products were ranked, and how many were held back for want of a borrowing need. */
  credit: CreditFilter;
}

function head(p: Product) {
  return {
    productId: p.id,
    nameEn: p.nameEn,
    nameZh: p.nameZh,
    family: p.family,
    category: p.category,
    riskGrade: p.riskGrade,
  };
}

/**
 * Suitability first, then interest. Every active product is checked under the rule set; an unsuitable one goes
 * to `excluded` with the rules that failed and is never scored, so no score can ever pitch it. The suitable
 * ones are scored in one call, ordered by calibrated probability, then spread across categories by the
 * diversity rule (see diversity.ts), which flags each product it moved down.
 */
export function rankForClient(request: RankingRequest): RankingResult {
  // Work is kept per product and rule-set object (suitability facts, scoring parts): the store hands back the same
  // objects while their rows are unchanged (main/db/row-identity.ts).
  const { client, holdings, today, products, ruleSet } = request;
  const active = products.filter((p) => p.active);
  const suitable: { product: Product; deviation: boolean }[] = [];
  const excluded: ExcludedProduct[] = [];
  // The same verdicts as checkSuitability per product, with the client's side worked out once.
  const screen = suitabilityScreen(client, { holdings, today, ruleSet, catalog: products });
  for (const product of active) {
    const verdict = screen(product, request.deviations?.get(product.id));
    if (verdict.suitable) suitable.push({ product, deviation: verdict.deviationApplied });
    else
      excluded.push({
        // Written out rather than spread from head(): most of a catalogue is excluded for most clients, and the
        // spread's second object per product was a good share of the call's garbage.
        productId: product.id,
        nameEn: product.nameEn,
        nameZh: product.nameZh,
        family: product.family,
        category: product.category,
        riskGrade: product.riskGrade,
        // RuleChecks carry only what a RuleCheckView holds: ruleId, passed, reason and the two flags.
        failed: verdict.failed,
      });
  }

  // Objectives shape the list after suitability: suitable credit products wait for a borrowing need or the advisor's
  // request, and are not "not suitable" (they are counted, not listed among the excluded).
  const need = borrowingNeed(client, holdings, products, ruleSet);
  const included = request.includeCredit === true || need.length > 0;
  let hidden = 0;
  if (!included) {
    const kept = suitable.filter((s) => !inScope(s.product, ruleSet.scopes.credit));
    hidden = suitable.length - kept.length;
    suitable.splice(0, suitable.length, ...kept);
  }
  const credit: CreditFilter = { requested: request.includeCredit === true, borrowingNeed: need, included, hidden };

  const scores =
    suitable.length > 0
      ? request.scorer(
          client,
          suitable.map((s) => s.product),
          request.market,
          request.at,
          active,
        )
      : [];
  const scored = suitable
    .map(({ product, deviation }, i) => {
      const score = scores[i]!;
      const p = score.probability;
      return { product, deviation, score, probability: Number.isFinite(p) ? Math.min(1, Math.max(0, p)) : 0 };
    })
    // Ties keep a stable, reproducible order: by product id.
    .sort(
      (a, b) =>
        b.probability - a.probability || (a.product.id < b.product.id ? -1 : a.product.id > b.product.id ? 1 : 0),
    );
  const rule = request.diversity ?? DEFAULT_DIVERSITY;
  const ordered = diversify(
    scored,
    (s) => s.product.category,
    (s) => s.probability,
    { ...rule, window: Math.min(rule.window, request.top) },
    request.top,
  );
  const top = ordered.map(({ item, moved }) => ({ item, moved }));
  let propensities: number[] | null = null;
  let exploredAt: number | null = null;
  if (request.exploration) {
    const inTop = new Set(ordered.map(({ item }) => item));
    const below = scored.filter((s) => !inTop.has(s)).map((item) => ({ item, moved: false }));
    const explored = explore(top, below, request.exploration);
    top.splice(0, top.length, ...explored.shown);
    propensities = explored.propensities;
    exploredAt = explored.exploredAt;
  }
  const ranked: RankedProduct[] = top.map(({ item, moved }, i) => ({
    ...head(item.product),
    rank: i + 1,
    probability: item.probability,
    reasons: item.score.explain(),
    movedForDiversity: moved,
    deviation: item.deviation,
    ...(propensities ? { propensity: propensities[i]! } : {}),
    ...(exploredAt === i ? { explored: true as const } : {}),
  }));
  return { ranked, excluded, credit };
}
