import { describe, expect, it } from 'vitest';
import type { Product } from '../../../../app/domain';
import { createRanker } from '../../../../app/scoring/fast-ranker';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import { marketAt } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook, TODAY } from './scoring-fixtures';

/**
 * The fast ranker walks a model's trees once per group of products that its columns cannot tell apart, not once per
 * product; every product must still get the score that scoring the pair on its own gives, whatever the catalogue
 * holds (copies, near-copies, products of one category that differ only in rate or term) and whatever signals a
 * ranking brings.
 */
describe("the fast ranker's trees", () => {
  const data = demo();
  const book = demoBook(data);
  const rows = labelledRows(data.interactions, book).map((r, n) => {
    // Half the rows carry a similarity signal loosely tied to the outcome, so some trees may split on it.
    const signals = n % 2 === 0 ? { similarity: r.label === 1 ? 0.7 : 0.4 } : undefined;
    const context = { ...r.context, signals };
    return { ...r, context, raw: rawFeatures(context) };
  });
  const model = InterestModel.train(rows, { model: { seed: 5 }, trees: { trees: 30, validationShare: 0 } });
  const market = marketAt(data.marketSnapshots, TODAY);
  // The demo catalogue, exact copies under other ids, and near-copies with another minimum, rate, lock-up or term.
  const catalogue: Product[] = [
    ...book.products,
    ...book.products.map((p) => ({ ...p, id: `${p.id}-COPY` })),
    ...book.products.map((p, i) => ({
      ...p,
      id: `${p.id}-NEAR`,
      minimumAmount: p.minimumAmount * (1 + (i % 3)),
      rateMin: p.rateMin === null ? null : p.rateMin + (i % 5) / 4,
      rateMax: p.rateMax === null ? null : p.rateMax + (i % 5) / 4,
      lockupMonths: p.lockupMonths + (i % 4) * 6,
      termMonths: p.termMonths === null ? null : p.termMonths + 12,
    })),
  ];

  it('has trees that read the client, the product and the pair', () => {
    expect(model.trees?.size).toBe(30);
    const names = model.trees!.usedColumns().map((c) => model.trees!.columns[c]!.name);
    expect(names.some((n) => n.startsWith('client.'))).toBe(true);
    expect(names.some((n) => n.startsWith('cross.'))).toBe(true);
  });

  for (const [name, at, snapshot] of [
    ['with the market', TODAY, market],
    ['without a market', '2026-06-01', null],
  ] as const) {
    it(`gives each product the pair's own score ${name}, with and without signals`, () => {
      const ranker = createRanker(model, catalogue, snapshot, at);
      const similarity = Float64Array.from(catalogue, (_, p) => (p % 7 === 6 ? NaN : (p % 10) / 10));
      let worst = 0;
      for (const client of book.clients.slice(0, 25)) {
        const plain = Float64Array.from(ranker.scoreClient(client));
        const given = ranker.scoreClient(client, undefined, { signals: { similarity } });
        catalogue.forEach((product, p) => {
          const context = { client, product, market: snapshot, at };
          worst = Math.max(worst, Math.abs(plain[p]! - model.score(context)));
          const signals = { similarity: Number.isNaN(similarity[p]!) ? null : similarity[p]! };
          worst = Math.max(worst, Math.abs(given[p]! - model.score({ ...context, signals })));
        });
      }
      expect(worst).toBeLessThan(1e-9);
    });
  }
});
