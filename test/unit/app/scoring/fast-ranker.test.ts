import { describe, expect, it } from 'vitest';
import type { Objective, Product } from '../../../../app/domain';
import { createRanker, rankOrder } from '../../../../app/scoring/fast-ranker';
import { encodeFeatures } from '../../../../app/scoring/feature-encoding';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import { marketAt, type ScoredClient, type ScoringContext } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook, TODAY } from './scoring-fixtures';

const data = demo();
const book = demoBook(data);
const rows = labelledRows(data.interactions, book);
const model = InterestModel.train(rows, { model: { seed: 4 } });
const market = marketAt(data.marketSnapshots, TODAY);

function maxDiffOverBook(
  ranker: ReturnType<typeof createRanker>,
  m: InterestModel,
  clients: readonly ScoredClient[],
  at: string,
  extra: Partial<ScoringContext> = {},
): number {
  const out = new Float64Array(ranker.products.length);
  let worst = 0;
  for (const client of clients) {
    ranker.scoreClient(client, out, { channel: extra.channel, contextAttributes: extra.contextAttributes });
    ranker.products.forEach((product, p) => {
      const slow = m.score({
        client,
        product,
        market: extra.market === undefined ? market : extra.market,
        at,
        ...extra,
      });
      worst = Math.max(worst, Math.abs(slow - out[p]!));
    });
  }
  return worst;
}

/** Awkward clients: nothing known, unknown words, duplicated and unseen objectives, numbers at the float limit. */
function oddClients(base: ScoredClient): ScoredClient[] {
  const business = book.clients.find((c) => c.kind === 'business')!;
  return [
    {
      ...base,
      id: 'CL-NEW',
      riskClass: null,
      objectives: [],
      birthDate: null,
      kycReviewedAt: null,
      creditScore: null,
      sector: null,
      occupation: null,
    },
    { ...base, id: 'CL-DUP', objectives: ['growth', 'growth', 'income'] as Objective[] },
    {
      ...base,
      id: 'CL-UNSEEN',
      objectives: ['brand_new_goal', 'another_new_goal'] as unknown as Objective[],
      occupation: 'astronaut',
      customAttributes: { segment: 'never seen', tenure: 1e308 },
    },
    {
      ...base,
      id: 'CL-HUGE',
      investableAssets: 1e308,
      totalAssets: Number.MAX_VALUE,
      liabilities: 1e308,
      annualIncome: 1e308,
      horizonYears: 1e308,
      dependents: -1e308 as number,
    },
    {
      ...base,
      id: 'CL-NAN',
      investableAssets: NaN,
      annualIncome: NaN,
      horizonYears: NaN,
      creditScore: NaN,
      birthDate: 'not a date',
    },
    { ...business, id: 'CL-BIZ', riskClass: 'C5' },
  ];
}

function oddProducts(base: Product): Product[] {
  return [
    { ...base, id: 'PR-NEW', category: 'brand_new_category', family: base.family },
    {
      ...base,
      id: 'PR-HUGE',
      minimumAmount: 1e308,
      rateMin: -1e308,
      rateMax: 1e308,
      termMonths: 1e9,
      lockupMonths: 1e9,
      annualFeePct: 1e308,
    },
    {
      ...base,
      id: 'PR-NULLS',
      rateMin: null,
      rateMax: null,
      termMonths: null,
      customAttributes: { shelf: 'new', score: NaN },
    },
  ];
}

describe('fast ranker', () => {
  it('gives exactly InterestModel.score over the whole demo book', () => {
    const ranker = createRanker(model, book.products, market, TODAY);
    expect(maxDiffOverBook(ranker, model, book.clients, TODAY)).toBeLessThan(1e-9);
    expect(
      maxDiffOverBook(ranker, model, book.clients.slice(0, 40), TODAY, {
        channel: 'call',
        contextAttributes: { campaign: 'spring', budget: '12.5' },
      }),
    ).toBeLessThan(1e-9);
  });

  it('matches at another moment, without a market, and for edge-case clients and products', () => {
    const products = [...book.products.slice(0, 12), ...oddProducts(book.products[3]!)];
    const clients = [...book.clients.slice(0, 10), ...oddClients(book.clients[0]!)];
    const earlier = '2026-03-15T10:00:00.000Z';
    const earlierMarket = marketAt(data.marketSnapshots, earlier);
    expect(
      maxDiffOverBook(createRanker(model, products, earlierMarket, earlier), model, clients, earlier, {
        market: earlierMarket,
      }),
    ).toBeLessThan(1e-9);
    expect(
      maxDiffOverBook(createRanker(model, products, null, TODAY), model, clients, TODAY, { market: null }),
    ).toBeLessThan(1e-9);
    const out = createRanker(model, products, null, TODAY).scoreClient(clients[clients.length - 3]!);
    expect(out.every((p) => Number.isFinite(p) && p > 0 && p < 1)).toBe(true);
  });

  it('builds the same vector as the full encoder, and contributions equal the machine’s own', () => {
    const products = [...book.products, ...oddProducts(book.products[7]!)];
    const ranker = createRanker(model, products, market, TODAY);
    for (const client of [...book.clients.slice(0, 15), ...oddClients(book.clients[1]!)]) {
      for (const p of [0, 5, 20, products.length - 1]) {
        const slow = encodeFeatures(
          model.encoding,
          rawFeatures({ client, product: products[p]!, market, at: TODAY, channel: 'email' }),
        );
        const fast = ranker.vector(client, p, { channel: 'email' });
        const asMap = (x: typeof fast) => new Map(Array.from(x.indices, (i, j) => [i, x.values[j]!]));
        expect(asMap(fast)).toEqual(asMap(slow));
        expect(fast.indices.length).toBe(slow.indices.length);
        const expected = new Map(model.machine.contributions(slow).map((c) => [c.index, c.value]));
        const got = ranker.contributions(client, p, { channel: 'email' });
        expect(got.length).toBe(expected.size);
        for (const c of got) {
          expect(Math.abs(c.value - expected.get(c.index)!)).toBeLessThan(1e-12);
          expect(c.name).toBe(model.encoding.names[c.index]);
        }
      }
    }
  });

  it('follows online learning: a recorded outcome moves the fast scores exactly as the slow ones', () => {
    const copy = InterestModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    const ranker = createRanker(copy, book.products, market, TODAY);
    const client = book.clients[9]!;
    const before = ranker.scoreClient(client)[4]!;
    copy.learn({ client, product: book.products[4]!, market, at: TODAY }, false);
    const after = ranker.scoreClient(client);
    expect(after[4]!).toBeLessThan(before);
    expect(maxDiffOverBook(ranker, copy, [client], TODAY)).toBeLessThan(1e-9);
  });

  it('matches for a model with another number of factors than the default eight', () => {
    const five = InterestModel.train(rows.slice(0, 1500), { model: { seed: 2, factors: 5 } });
    const ranker = createRanker(five, book.products, market, TODAY);
    expect(
      maxDiffOverBook(ranker, five, [...book.clients.slice(0, 30), ...oddClients(book.clients[2]!)], TODAY),
    ).toBeLessThan(1e-9);
  });

  it('orders products from the highest score, ties in catalogue order', () => {
    expect(Array.from(rankOrder(Float64Array.from([0.2, 0.9, 0.2, 0.5])))).toEqual([1, 3, 0, 2]);
  });
});

describe('language-model signals', () => {
  // A model that has seen a similarity signal: half the rows carry it, loosely tied to the outcome.
  const signalled = rows.map((r, n) => {
    const signals = n % 2 === 0 ? { similarity: r.label === 1 ? 0.7 : 0.4, fit: n % 3 === 0 ? null : 0.5 } : undefined;
    const context = { ...r.context, signals };
    return { ...r, context, raw: rawFeatures(context) };
  });
  const withSignals = InterestModel.train(signalled, { model: { seed: 4 } });

  it('become llm.<name> features, missing when null or not finite, absent when not given', () => {
    const base = rows[0]!.context;
    const raw = rawFeatures({ ...base, signals: { similarity: 0.8, fit: null, odd: NaN } });
    expect(raw.numeric['llm.similarity']).toBe(0.8);
    expect(raw.numeric['llm.fit']).toBeNull();
    expect(raw.numeric['llm.odd']).toBeNull();
    expect(Object.keys(rawFeatures(base).numeric).some((k) => k.startsWith('llm.'))).toBe(false);
    expect(withSignals.encoding.numeric.some((c) => c.name === 'llm.similarity')).toBe(true);
  });

  it('score the same on the fast path, given per product, and as missing when not given', () => {
    const products = book.products;
    const ranker = createRanker(withSignals, products, market, TODAY);
    const similarity = Float64Array.from(products, (_, p) => (p % 4 === 3 ? NaN : (p % 10) / 10));
    const out = new Float64Array(products.length);
    let worst = 0;
    for (const client of book.clients.slice(0, 30)) {
      ranker.scoreClient(client, out, { signals: { similarity } });
      products.forEach((product, p) => {
        const slow = withSignals.score({ client, product, market, at: TODAY, signals: { similarity: similarity[p]! } });
        worst = Math.max(worst, Math.abs(slow - out[p]!));
      });
    }
    expect(worst).toBeLessThan(1e-9);
    expect(maxDiffOverBook(ranker, withSignals, book.clients.slice(0, 30), TODAY)).toBeLessThan(1e-9);
  });

  it('change nothing for a model trained without them', () => {
    const ranker = createRanker(model, book.products, market, TODAY);
    const client = book.clients[3]!;
    const plain = ranker.scoreClient(client);
    const given = ranker.scoreClient(client, undefined, {
      signals: { similarity: new Float64Array(book.products.length).fill(0.9) },
    });
    expect(Array.from(given)).toEqual(Array.from(plain));
    const ctx = { client, product: book.products[0]!, market, at: TODAY };
    expect(model.score({ ...ctx, signals: { similarity: 0.9, fit: 0.1 } })).toBe(model.score(ctx));
  });
});
