import { describe, expect, it } from 'vitest';
import { createRanker } from '../../../../app/scoring/fast-ranker';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { clientFacts, NUMERIC_CROSSES, productFacts } from '../../../../app/scoring/raw-features';
import { marketAt } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook, TODAY } from './scoring-fixtures';

const data = demo();
const book = demoBook(data);
const model = InterestModel.train(labelledRows(data.interactions.slice(0, 4000), book), { model: { seed: 9 } });

describe('fast ranker: the parts it sums once', () => {
  it('declares a cross client-free only when its value really ignores the client', () => {
    const markets = [null, ...data.marketSnapshots.slice(0, 3)];
    const crosses = NUMERIC_CROSSES.filter((c) => c.productValue);
    expect(crosses.map((c) => c.name)).toEqual([
      'cross.rateOverDeposit',
      'cross.rateOverInflation',
      'cross.equityTrendXRisk',
    ]);
    for (const cross of crosses) {
      for (const product of book.products) {
        const p = productFacts(product);
        for (const market of markets) {
          const expected = cross.productValue!(p, market);
          for (const client of book.clients.slice(0, 25))
            expect(cross.value(clientFacts(client, TODAY), p, market)).toBe(expected);
        }
      }
    }
  });

  it('declares a product key for a cross only when products with equal keys get equal values for every client', () => {
    // The ranker works a cross out once per key: a key that missed something value() reads would give every
    // product with that key the first one's value. Products are varied so that keys collide across real differences.
    const crosses = NUMERIC_CROSSES.filter((c) => c.productKey);
    expect(crosses.length).toBeGreaterThanOrEqual(6);
    const products = book.products.flatMap((product, i) => [
      product,
      {
        ...product,
        id: `${product.id}-v`,
        rateMin: product.rateMin === null ? null : product.rateMin + 1,
        minimumAmount: product.minimumAmount + (i % 2),
      },
    ]);
    const facts = products.map(productFacts);
    const market = marketAt(data.marketSnapshots, TODAY);
    for (const cross of crosses) {
      const byKey = new Map<number, number[]>();
      facts.forEach((p, i) => byKey.set(cross.productKey!(p), [...(byKey.get(cross.productKey!(p)) ?? []), i]));
      expect([...byKey.values()].some((same) => same.length > 1)).toBe(true);
      for (const client of book.clients.slice(0, 40)) {
        const c = clientFacts(client, TODAY);
        for (const same of byKey.values()) {
          const first = cross.value(c, facts[same[0]!]!, market);
          for (const i of same)
            expect(cross.value(c, facts[i]!, market), `${cross.name}, product ${products[i]!.id}`).toBe(first);
        }
      }
    }
  });

  it('keeps each ranker’s market in its own sums when two rankers share the product objects', () => {
    // Product sums are cached per product object and model state; the market crosses must not leak between moments.
    const early = '2026-02-01';
    const marketEarly = marketAt(data.marketSnapshots, early);
    const marketNow = marketAt(data.marketSnapshots, TODAY);
    expect(marketEarly?.asOf).not.toBe(marketNow?.asOf);
    const products = book.products;
    const now = createRanker(model, products, marketNow, TODAY);
    const then = createRanker(model, products, marketEarly, early);
    const none = createRanker(model, products, null, TODAY);
    for (const client of book.clients.slice(0, 30)) {
      const cases = [
        { ranker: now, market: marketNow, at: TODAY },
        { ranker: then, market: marketEarly, at: early },
        { ranker: none, market: null, at: TODAY },
      ];
      for (const { ranker, market, at } of cases) {
        const fast = ranker.scoreClient(client);
        products.forEach((product, p) =>
          expect(Math.abs(fast[p]! - model.score({ client, product, market, at }))).toBeLessThan(1e-9),
        );
      }
    }
  });

  it('scores numbers on the bin edges, just beside them and far outside the training range as the encoder does', () => {
    const horizon = model.encoding.numeric.find((c) => c.name === 'cross.horizonMinusTerm')!;
    expect(horizon.binEdges.length).toBeGreaterThan(2);
    const products = book.products.filter((p) => p.termMonths !== null).slice(0, 8);
    const ranker = createRanker(model, products, marketAt(data.marketSnapshots, TODAY), TODAY);
    const base = book.clients.find((c) => c.kind === 'individual')!;
    const market = marketAt(data.marketSnapshots, TODAY);
    for (const product of products) {
      const term = product.termMonths! / 12;
      const horizons = horizon.binEdges
        .flatMap((e) => [e + term, e + term + 1e-9, e + term - 1e-9])
        .concat([-1e6, 1e6, term]);
      for (const horizonYears of horizons) {
        const client = { ...base, horizonYears };
        const p = products.indexOf(product);
        expect(
          Math.abs(ranker.scoreClient(client)[p]! - model.score({ client, product, market, at: TODAY })),
        ).toBeLessThan(1e-9);
      }
    }
  });
});
