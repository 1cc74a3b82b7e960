import { describe, expect, it } from 'vitest';
import { calibrate } from '../../../../app/ranking/platt-calibration';
import { modelScorer } from '../../../../app/ranking/product-scorer';
import { explainScore } from '../../../../app/ranking/score-reasons';
import { encodeFeatures } from '../../../../app/scoring/feature-encoding';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import type { ScoringContext } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook } from '../scoring/scoring-fixtures';

describe('the app\'s product scorer', () => {
  it('gives the probabilities and reasons of encoding every pair the straightforward way, through the calibration', () => {
    const data = demo();
    const book = demoBook(data);
    const model = InterestModel.train(labelledRows(data.interactions.slice(0, 1500), book));
    const calibration = { kind: 'platt' as const, a: 0.8, b: -0.1, rows: 500 };
    const scorer = modelScorer({ model, calibration });
    const market = data.marketSnapshots.at(-1)!;
    const at = '2026-11-28T09:00:00.000Z';
    for (const client of book.clients.slice(0, 15)) {
      const scores = scorer(client, data.products, market, at);
      expect(scores).toHaveLength(data.products.length);
      data.products.forEach((product, i) => {
        const context: ScoringContext = { client, product, market, at, channel: null };
        const x = encodeFeatures(model.encoding, rawFeatures(context));
        const expected = calibrate(calibration, model.machine.predictLogit(x));
        expect(Math.abs(scores[i]!.probability - expected)).toBeLessThan(1e-9);
        if (i % 10 === 0) {
          const got = scores[i]!.explain();
          const want = explainScore(model.encoding, model.machine.contributions(x), context, { limit: 4, scale: 0.8 });
          expect(got.map((r) => r.text)).toEqual(want.map((r) => r.text));
          got.forEach((r, j) => expect(r.logOdds).toBeCloseTo(want[j]!.logOdds, 9));
        }
      });
    }
  });
});
