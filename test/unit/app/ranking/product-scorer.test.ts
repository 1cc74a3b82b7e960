import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../app/domain';
import { calibrate } from '../../../../app/ranking/platt-calibration';
import { modelScorer } from '../../../../app/ranking/product-scorer';
import { explainScore } from '../../../../app/ranking/score-reasons';
import { encodeFeatures } from '../../../../app/scoring/feature-encoding';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import type { ScoringContext } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook } from '../scoring/scoring-fixtures';

describe("the app's product scorer", () => {
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
  it('scores a product read again from the store like the first time, and a changed one by its new content', () => {
    const data = demo();
    const book = demoBook(data);
    const model = InterestModel.train(labelledRows(data.interactions.slice(0, 1500), book));
    const calibration = { kind: 'platt' as const, a: 1.1, b: 0.2, rows: 500 };
    const live = { model, calibration };
    const market = data.marketSnapshots.at(-1)!;
    const at = '2026-11-28T09:00:00.000Z';
    const client = book.clients[3]!;
    const straightforward = (product: Product) =>
      calibrate(
        calibration,
        model.machine.predictLogit(
          encodeFeatures(model.encoding, rawFeatures({ client, product, market, at, channel: null })),
        ),
      );
    // The store gives new objects on every read: copies, as listProducts gives them.
    const read = () => data.products.map((p) => structuredClone(p));
    const first = modelScorer(live)(client, read(), market, at).map((s) => s.probability);
    const again = modelScorer(live)(client, read(), market, at).map((s) => s.probability);
    expect(again).toEqual(first);

    // The same product ids, one edited in the catalogue between two requests: its score follows the edit.
    const i = data.products.findIndex((p) => p.family === 'fund');
    const edited = read();
    edited[i] = {
      ...edited[i]!,
      category: 'bond_fund' === edited[i]!.category ? 'equity_index_fund' : 'bond_fund',
      riskGrade: 'R5',
      lockupMonths: 60,
    };
    const after = modelScorer(live)(client, edited, market, at).map((s) => s.probability);
    expect(Math.abs(after[i]! - straightforward(edited[i]!))).toBeLessThan(1e-9);
    expect(Math.abs(after[i]! - first[i]!)).toBeGreaterThan(1e-6);
    after.forEach((p, j) => {
      if (j !== i) expect(p).toBe(first[j]);
    });
    // And back again.
    const restored = modelScorer(live)(client, read(), market, at).map((s) => s.probability);
    expect(Math.abs(restored[i]! - first[i]!)).toBeLessThan(1e-12);
  });

  it('scores each client’s own share of the catalogue, at any moment and market, as each pair on its own', () => {
    // The catalogue is handed with every share, as rankForClient does: the scorer may prepare for all of it.
    const data = demo();
    const book = demoBook(data);
    const model = InterestModel.train(labelledRows(data.interactions.slice(0, 1500), book));
    const live = { model, calibration: null };
    const scorer = modelScorer(live);
    const markets = data.marketSnapshots.slice(-2);
    let asked = 0;
    book.clients.slice(0, 12).forEach((client, c) => {
      // Each ranking hands over only the products suitable for its client: a different share every time.
      const share = data.products.filter((_, p) => (p + c) % (2 + (c % 3)) === 0);
      // The market moves once, after eight rankings.
      const market = markets[c < 8 ? 0 : 1]!;
      // Years apart, so the clients' ages (read at the moment scored) differ between rankings.
      const at = `${2026 + (c % 4) * 10}-11-20T09:00:00.000Z`;
      const scores = scorer(client, share, market, at, data.products);
      share.forEach((product, i) => {
        const x = encodeFeatures(model.encoding, rawFeatures({ client, product, market, at, channel: null }));
        const expected = calibrate(null, model.machine.predictLogit(x));
        expect(Math.abs(scores[i]!.probability - expected)).toBeLessThan(1e-9);
        asked++;
      });
    });
    expect(asked).toBeGreaterThan(100);
  });

  it('scores a product by its own content when the catalogue handed in holds another one under its id', () => {
    const data = demo();
    const book = demoBook(data);
    const model = InterestModel.train(labelledRows(data.interactions.slice(0, 1500), book));
    const scorer = modelScorer({ model, calibration: null });
    const market = data.marketSnapshots.at(-1)!;
    const at = '2026-11-28T09:00:00.000Z';
    const client = book.clients[5]!;
    const i = data.products.findIndex((p) => p.family === 'fund');
    // The catalogue ranked before, and a share whose fund was edited since (same id, other content).
    scorer(client, data.products, market, at, data.products);
    const edited: Product = { ...data.products[i]!, riskGrade: 'R5', lockupMonths: 60, minimumAmount: 1 };
    const [score] = scorer(client, [edited], market, at, data.products);
    const x = encodeFeatures(model.encoding, rawFeatures({ client, product: edited, market, at, channel: null }));
    expect(Math.abs(score!.probability - calibrate(null, model.machine.predictLogit(x)))).toBeLessThan(1e-9);
  });

  it('gives the same figures for the same model, catalogue and client whatever was scored before', () => {
    const data = demo();
    const book = demoBook(data);
    const model = InterestModel.train(labelledRows(data.interactions.slice(0, 1500), book));
    const market = data.marketSnapshots.at(-1)!;
    const at = '2026-11-28T09:00:00.000Z';
    const client = book.clients[5]!;
    const share = data.products.filter((_, p) => p % 3 === 0);
    // A model used for other clients and other catalogues first, and the same model read afresh.
    const used = modelScorer({ model, calibration: null });
    used(book.clients[1]!, data.products.slice(0, 9), market, at, data.products.slice(0, 20));
    used(book.clients[2]!, data.products.slice(4, 30), market, at, data.products);
    const fresh = modelScorer({ model: InterestModel.fromJSON(model.toJSON()), calibration: null });
    const a = used(client, share, market, at, data.products).map((s) => s.probability);
    const b = fresh(client, share, market, at, data.products).map((s) => s.probability);
    expect(a).toEqual(b);
  });
});
