import { describe, expect, it } from 'vitest';
import type { Objective, Product } from '../../../../app/domain';
import { timeSplitInteractions } from '../../../../app/eval/time-split';
import { createRanker } from '../../../../app/scoring/fast-ranker';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { marketAt, type ScoredClient } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook, TODAY } from './scoring-fixtures';

const data = demo();
const book = demoBook(data);
const train = labelledRows(timeSplitInteractions(data.interactions, 0.8).train, book);
const model = InterestModel.train(train);
const market = marketAt(data.marketSnapshots, TODAY);

/** Share of positive outcomes per product in the training rows: what "interest in this product" has been so far. */
function productBaseRates(): number[] {
  const counts = new Map<string, { n: number; pos: number }>();
  for (const r of train) {
    const c = counts.get(r.interaction.productId) ?? { n: 0, pos: 0 };
    c.n++;
    c.pos += r.label;
    counts.set(r.interaction.productId, c);
  }
  return [...counts.values()].filter((c) => c.n >= 20).map((c) => c.pos / c.n);
}

const base = book.clients[0]!;
const awkwardClients: [string, ScoredClient][] = [
  [
    'missing values',
    {
      ...base,
      id: 'X1',
      birthDate: null,
      riskClass: null,
      creditScore: null,
      annualIncome: null,
      kycReviewedAt: null,
      sector: null,
      occupation: null,
      sustainabilityPreference: null,
    },
  ],
  [
    'unseen categories',
    {
      ...base,
      id: 'X2',
      occupation: 'astronaut',
      sector: 'asteroid mining',
      objectives: ['brand_new_goal'] as unknown as Objective[],
      customAttributes: { tier: 'platinum plus' },
    },
  ],
  [
    '+1e308',
    {
      ...base,
      id: 'X3',
      investableAssets: 1e308,
      totalAssets: 1e308,
      liabilities: 1e308,
      annualIncome: 1e308,
      horizonYears: 1e308,
      monthlyDebtPayments: 1e308,
    },
  ],
  [
    '-1e308',
    {
      ...base,
      id: 'X4',
      investableAssets: -1e308,
      totalAssets: -1e308,
      horizonYears: -1e308,
      dependents: -1e308,
      experienceYears: -1e308,
    },
  ],
  [
    'NaN',
    {
      ...base,
      id: 'X5',
      investableAssets: NaN,
      annualIncome: NaN,
      horizonYears: NaN,
      creditScore: NaN,
      dependents: NaN,
      birthDate: 'garbage',
    },
  ],
  ['empty objectives', { ...base, id: 'X6', objectives: [] }],
  ['a brand-new client', { ...base, id: 'CL-BRAND-NEW' }],
];
const product = book.products[2]!;
const awkwardProducts: [string, Product][] = [
  ['a brand-new product', { ...product, id: 'PR-BRAND-NEW' }],
  [
    'an unseen category and family words',
    { ...product, id: 'PR-X1', category: 'quantum_bond', currency: 'XAU', customAttributes: { shelf: 'top' } },
  ],
  [
    'extreme numbers',
    {
      ...product,
      id: 'PR-X2',
      rateMin: 1e308,
      rateMax: -1e308,
      minimumAmount: 1e308,
      annualFeePct: NaN,
      termMonths: -1e308 as number,
      lockupMonths: 1e308,
    },
  ],
  ['missing rates and term', { ...product, id: 'PR-X3', rateMin: null, rateMax: null, termMonths: null }],
];

describe('scores are finite for any input', () => {
  const products = [...book.products.slice(0, 5), ...awkwardProducts.map(([, p]) => p)];
  const ranker = createRanker(model, products, market, TODAY);
  for (const [what, client] of awkwardClients) {
    it(`client with ${what}: every product strictly between 0 and 1, on both scoring paths`, () => {
      const fast = ranker.scoreClient(client);
      products.forEach((p, i) => {
        const slow = model.score({ client, product: p, market, at: TODAY });
        expect(Number.isFinite(slow) && slow > 0 && slow < 1).toBe(true);
        expect(Math.abs(fast[i]! - slow)).toBeLessThan(1e-9);
      });
    });
  }

  it('with no market, an unknown channel, a nonsense date and odd moment attributes', () => {
    const odd = createRanker(model, products, null, 'not a date');
    const scores = odd.scoreClient(base, undefined, {
      channel: null,
      contextAttributes: { weird: NaN, big: 1e308, text: '' },
    });
    expect(scores.every((p) => Number.isFinite(p) && p > 0 && p < 1)).toBe(true);
  });
});

describe('cold start', () => {
  const rates = productBaseRates();
  const low = Math.min(...rates);
  const high = Math.max(...rates);

  it('a client with no history gets scores inside the range products have shown, on average', () => {
    const ranker = createRanker(model, book.products, market, TODAY);
    const scores = book.clients.slice(0, 40).map((c) => ranker.scoreClient({ ...c, id: `NEW-${c.id}` }));
    const mean =
      scores.flatMap((s) => Array.from(s)).reduce((a, b) => a + b, 0) / (scores.length * book.products.length);
    expect(mean).toBeGreaterThan(low);
    expect(mean).toBeLessThan(high);
  });

  it('products and clients with no history, on the pairs advisors actually pitched later, score inside that range on average', () => {
    // The later 20 % of outcomes, each with its product and client replaced by twins the model has never seen.
    const later = labelledRows(timeSplitInteractions(data.interactions, 0.8).test, book);
    const all: number[] = [];
    for (const r of later) {
      const { client, product } = r.context;
      const p = model.score({
        ...r.context,
        client: { ...client, id: `NEW-${client.id}` },
        product: { ...product, id: `NEW-${product.id}` },
      });
      // A poor fit can score low, but never a certainty either way.
      expect(p).toBeGreaterThan(1e-3);
      expect(p).toBeLessThan(1 - 1e-3);
      all.push(p);
    }
    const mean = all.reduce((a, b) => a + b, 0) / all.length;
    expect(mean).toBeGreaterThan(low);
    expect(mean).toBeLessThan(high);
  });
});
