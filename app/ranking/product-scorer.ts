import type { ScoreReason } from '../domain/ranking';
import { message } from '../messages';
import type { MarketSnapshot, Product } from '../domain';
import { popularityScore, type PopularityBaseline } from '../eval/popularity-baseline';
import { createRanker, type InterestRanker } from '../scoring/fast-ranker';
import { MAX_LOGIT } from '../scoring/logistic-loss';
import { rawFeatures } from '../scoring/raw-features';
import type { ScoredClient, ScoringContext } from '../scoring/scoring-context';
import type { LiveModel } from './live-model';
import { calibrate } from './platt-calibration';
import { explainScore } from './score-reasons';

export interface ProductScore {
  /** Calibrated probability of interest, 0..1. */
  probability: number;
  /** The score explained by its largest contributions; asked only for the products shown, since it costs an encoding. */
  explain(): ScoreReason[];
}

/**
 * Scores one client against many products at one moment: the one seam a faster scorer can replace. `catalogue`,
 * when given, is the whole catalogue the products were drawn from (the same for every client): a scorer may
 * prepare for all of it at once, but answers only for `products`.
 */
export type ProductScorer = (
  client: ScoredClient,
  products: readonly Product[],
  market: MarketSnapshot | null,
  at: string,
  catalogue?: readonly Product[],
) => ProductScore[];

/** The logit a probability came from; the fast ranker answers probabilities, the calibration maps logits. */
function logitOf(p: number): number {
  const z = Math.log(p) - Math.log1p(-p);
  return Number.isNaN(z) ? 0 : Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, z));
}

/** What scoring needs of a live model: the interest model and its calibration. */
export type ScoringModel = Pick<LiveModel, 'model' | 'calibration'>;

/** Language-model signals (`similarity`, `fit`, each 0..1 or null for missing) by product id. */
export type ProductSignals = ReadonlyMap<string, Readonly<Record<string, number | null>>>;

/** A ranker over one catalogue (its products in its order) for one market; see catalogueRanker. */
interface CatalogueRanker {
  marketKey: string;
  products: readonly Product[];
  ranker: InterestRanker;
  scores: Float64Array;
  /** Each product id's place in `products`, made once per ranker rather than once per ranking. */
  placeOf: Map<string, number>;
}
const catalogueRankers = new WeakMap<ScoringModel, CatalogueRanker>();

function sameList(a: readonly Product[], b: readonly Product[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * One ranker per live model over the catalogue, built again only when a product is added, removed or changed or
 * the market moves. Each ranking asks for a different share of the catalogue (the products suitable for that
 * client), and building a ranker costs far more than scoring a thousand products, so the whole catalogue is
 * scored and only the products asked for are handed back. The ranker covers the catalogue as given, whatever
 * was asked before, so the same model, catalogue and client give the same figures to the last digit.
 */
function catalogueRanker(
  live: ScoringModel,
  catalogue: readonly Product[],
  market: MarketSnapshot | null,
  at: string,
): CatalogueRanker {
  const marketKey = market === null ? 'none' : JSON.stringify(market);
  const cached = catalogueRankers.get(live);
  if (cached && cached.marketKey === marketKey && sameList(cached.products, catalogue)) return cached;
  const ranker = createRanker(live.model, catalogue, market, at);
  const placeOf = new Map<string, number>();
  catalogue.forEach((p, i) => placeOf.set(p.id, i));
  const built = { marketKey, products: catalogue, ranker, scores: new Float64Array(catalogue.length), placeOf };
  catalogueRankers.set(live, built);
  return built;
}

/**
 * The interest model's scorer. Probabilities come from the fast ranker (app/scoring/fast-ranker.ts: exact to
 * rounding, a fraction of the cost of encoding every pair) through the stored calibration. Reasons are asked
 * only for the products shown: that pair is encoded the straightforward way (cheaper for one pair than the
 * ranker's own contributions, which also name every feature) and its largest contributions explained, so
 * they always add up to the score shown (bias and calibration aside).
 *
 * With `signals`, each product found there is scored (and explained) with its language-model signals; a product
 * not found there, or a model trained without llm.* features, scores as without them (missing values).
 */
export function modelScorer(
  live: ScoringModel,
  options: { reasons?: number; signals?: ProductSignals } = {},
): ProductScorer {
  const { model, calibration } = live;
  const given = options.signals;
  return (client, products, market, at, catalogue) => {
    if (products.length === 0) return [];
    let raw: ArrayLike<number> | null = null;
    if (catalogue && !given) {
      const whole = catalogueRanker(live, catalogue, market, at);
      // A product asked for must be the very object at its id's place in the catalogue handed in (ids repeated,
      // or a product from elsewhere, take the path below).
      const places: number[] = [];
      for (const p of products) {
        const place = whole.placeOf.get(p.id);
        if (place === undefined || catalogue[place] !== p) break;
        places.push(place);
      }
      if (places.length === products.length) {
        const all = whole.ranker.scoreClient(client, whole.scores, { at });
        raw = places.map((place) => all[place]!);
      }
    }
    if (raw === null) {
      // Signals are per request and per product asked; without the catalogue there are only these products.
      const ranking = given ? { at, signals: signalColumns(given, products) } : { at };
      raw = createRanker(model, products, market, at).scoreClient(client, undefined, ranking);
    }
    const scores = raw;
    const request: ScoreRequest = { live, client, market, at, signals: given, reasons: options.reasons ?? 4 };
    const out: ProductScore[] = new Array(products.length);
    for (let i = 0; i < products.length; i++)
      out[i] = new ModelScore(calibrate(calibration, logitOf(scores[i]!)), products[i]!, request);
    return out;
  };
}

/** What one scorer call shares among its products' scores. */
interface ScoreRequest {
  live: ScoringModel;
  client: ScoredClient;
  market: MarketSnapshot | null;
  at: string;
  signals: ProductSignals | undefined;
  reasons: number;
}

/**
 * One product's score from modelScorer. A class rather than an object with its own explain closure: a ranking scores
 * every suitable product and explains ten.
 */
class ModelScore implements ProductScore {
  constructor(
    readonly probability: number,
    private readonly product: Product,
    private readonly request: ScoreRequest,
  ) {}

  explain(): ScoreReason[] {
    const { live, client, market, at, signals: given, reasons } = this.request;
    const product = this.product;
    const signals = given?.get(product.id);
    const context: ScoringContext = { client, product, market, at, channel: null, ...(signals ? { signals } : {}) };
    return explainScore(live.model.encoding, live.model.contributions(rawFeatures(context)), context, {
      limit: reasons,
      scale: live.calibration?.a ?? 1,
    });
  }
}

/** The signals by name, each an array indexed like `products` (the fast ranker's RankingOptions.signals). */
function signalColumns(signals: ProductSignals, products: readonly Product[]): Record<string, (number | null)[]> {
  const names = new Set<string>();
  for (const byName of signals.values()) for (const name of Object.keys(byName)) names.add(name);
  const columns: Record<string, (number | null)[]> = {};
  for (const name of names) columns[name] = products.map((p) => signals.get(p.id)?.[name] ?? null);
  return columns;
}

/**
 * Before any model is trained: every client gets the products others took up most (smoothed rates), and
 * each product says so, so nobody mistakes the order for a personal score.
 */
export function popularityScorer(popularity: PopularityBaseline): ProductScorer {
  return (_client, products) =>
    products.map((product) => {
      const probability = popularityScore(popularity, product.id);
      const share = `${Math.round(probability * 100)}%`;
      const reasons: ScoreReason[] = [
        {
          group: 'popularity',
          logOdds: 0,
          text: message('reason.popularity', { share }),
        },
      ];
      return { probability, explain: () => reasons };
    });
}
