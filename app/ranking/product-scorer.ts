import type { ScoreReason } from '../contract/engine-channels';
import type { MarketSnapshot, Product } from '../domain';
import { popularityScore, type PopularityBaseline } from '../eval/popularity-baseline';
import { encodeFeatures } from '../scoring/feature-encoding';
import { rawFeatures } from '../scoring/raw-features';
import type { ScoredClient, ScoringContext } from '../scoring/scoring-context';
import type { LiveModel } from './live-model';
import { calibrate } from './platt-calibration';
import { explainScore } from './score-reasons';

export interface ProductScore {
  /** Calibrated probability of interest, 0..1. */
  probability: number;
  reasons: ScoreReason[];
}

/** Scores one client against many products at one moment: the one seam a faster scorer can replace. */
export type ProductScorer = (client: ScoredClient, products: readonly Product[], market: MarketSnapshot | null, at: string) => ProductScore[];

/**
 * The interest model's scorer: probability through the stored calibration, and the score explained by its
 * largest contributions. Each (client, product) is encoded once and the same vector gives score and reasons,
 * so the reasons always add up to the score shown (bias and calibration aside).
 */
export function modelScorer(live: LiveModel, options: { reasons?: number } = {}): ProductScorer {
  const { model, calibration } = live;
  return (client, products, market, at) =>
    products.map((product) => {
      const context: ScoringContext = { client, product, market, at, channel: null };
      const x = encodeFeatures(model.encoding, rawFeatures(context));
      const logit = model.machine.predictLogit(x);
      return {
        probability: calibrate(calibration, logit),
        reasons: explainScore(model.encoding, model.machine.contributions(x), context, { limit: options.reasons ?? 4, scale: calibration?.a ?? 1 }),
      };
    });
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
      return {
        probability,
        reasons: [
          {
            group: 'popularity',
            logOdds: 0,
            text: {
              en: `No model is trained yet: ordered by how often clients took it up (${share})`,
              zh: `尚未训练模型：按客户接受的频率排序（${share}）`,
            },
          },
        ],
      };
    });
}
