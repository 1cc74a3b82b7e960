import { describe, expect, it } from 'vitest';
import { message } from '../../../../app/messages';
import { recordedText } from '../../../../app/domain/localized-text';
import type { Product } from '../../../../app/domain';
import { demoProducts } from '../../../../app/demo';
import { diversify } from '../../../../app/ranking/diversity';
import type { ProductScorer } from '../../../../app/ranking/product-scorer';
import { rankForClient } from '../../../../app/ranking/rank-for-client';
import type { ScoredClient } from '../../../../app/scoring/scoring-context';
import { DEFAULT_RULE_SET } from '../../../../app/suitability';
import { individual, TODAY } from '../suitability/suitability-fixtures';

const PRODUCTS = demoProducts(TODAY);

/** Scores by a fixed table and remembers what it was asked to score. */
function tableScorer(table: Record<string, number>, asked: string[] = []): ProductScorer {
  return (_client, products) =>
    products.map((p) => {
      asked.push(p.id);
      return {
        probability: table[p.id] ?? 0.1,
        explain: () => [
          { group: 'test', logOdds: 0.5, text: message('issue.text', { text: { en: 'Because', zh: '因为' } }) },
        ],
      };
    });
}

function rank(client: ScoredClient, scorer: ProductScorer, top = 100, products: readonly Product[] = PRODUCTS) {
  return rankForClient({
    client,
    products,
    holdings: [],
    ruleSet: DEFAULT_RULE_SET,
    today: TODAY,
    at: `${TODAY}T09:00:00.000Z`,
    market: null,
    scorer,
    top,
  });
}

describe('rankForClient', () => {
  it('never hands an unsuitable product to the scorer, and shows each one apart with its failed rules', () => {
    const cautious = individual({}, 'C1') as ScoredClient;
    // The scorer would put every R5 product first if it were ever asked.
    const table = Object.fromEntries(PRODUCTS.map((p) => [p.id, p.riskGrade === 'R5' ? 0.99 : 0.2]));
    const asked: string[] = [];
    const { ranked, excluded } = rank(cautious, tableScorer(table, asked));
    const excludedIds = new Set(excluded.map((e) => e.productId));
    expect(asked.filter((id) => excludedIds.has(id))).toEqual([]);
    expect(
      ranked.every(
        (p) =>
          p.riskGrade === 'R1' ||
          p.family === 'consumer_credit' ||
          p.family === 'insurance' ||
          p.family === 'business_finance',
      ),
    ).toBe(true);
    const r5 = excluded.filter((e) => e.riskGrade === 'R5');
    expect(r5.length).toBeGreaterThan(0);
    for (const e of r5) {
      const risk = e.failed.find((f) => f.ruleId === 'risk-class')!;
      expect(risk.passed).toBe(false);
      expect(recordedText(risk.reason).en).toMatch(/C1/);
      expect(recordedText(risk.reason).zh).toMatch(/C1/);
    }
  });

  it('leaves inactive products out altogether', () => {
    const client = individual() as ScoredClient;
    const products = PRODUCTS.map((p, i) => (i === 0 ? { ...p, active: false } : p));
    const { ranked, excluded } = rank(client, tableScorer({}), 100, products);
    expect([...ranked, ...excluded].some((p) => p.productId === products[0]!.id)).toBe(false);
  });

  it('orders by probability, returns the top asked for, and numbers ranks from 1', () => {
    const client = individual() as ScoredClient;
    const table = Object.fromEntries(PRODUCTS.map((p, i) => [p.id, ((i * 37) % 100) / 100]));
    const { ranked } = rank(client, tableScorer(table), 5);
    expect(ranked).toHaveLength(5);
    expect(ranked.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(ranked[0]!.reasons[0]!.text).toEqual(message('issue.text', { text: { en: 'Because', zh: '因为' } }));
  });
});

describe('the diversity rule', () => {
  const items = [
    { id: 'a', cat: 'bond', p: 0.9 },
    { id: 'b', cat: 'bond', p: 0.8 },
    { id: 'c', cat: 'bond', p: 0.7 },
    { id: 'd', cat: 'equity', p: 0.6 },
    { id: 'e', cat: 'bond', p: 0.5 },
  ];
  const run = (window: number) =>
    diversify(
      items,
      (i) => i.cat,
      (i) => i.p,
      { maxPerCategory: 2, window },
    );

  it('allows two of a category in the window, moves the third below the next category, and flags only the one passed over', () => {
    const out = run(10);
    expect(out.map((o) => o.item.id)).toEqual(['a', 'b', 'd', 'c', 'e']);
    expect(out.filter((o) => o.moved).map((o) => o.item.id)).toEqual(['c']);
  });

  it('fills the window with the next best when nothing of another category is left', () => {
    const bonds = items.filter((i) => i.cat === 'bond');
    const out = diversify(
      bonds,
      (i) => i.cat,
      (i) => i.p,
      { maxPerCategory: 2, window: 10 },
    );
    expect(out.map((o) => o.item.id)).toEqual(['a', 'b', 'c', 'e']);
    expect(out.some((o) => o.moved)).toBe(false);
  });

  it('keeps plain score order below the window', () => {
    expect(run(2).map((o) => o.item.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('asked for the first places only, gives exactly those places with the same flags', () => {
    const first = diversify(
      items,
      (i) => i.cat,
      (i) => i.p,
      { maxPerCategory: 2, window: 10 },
      4,
    );
    expect(first).toEqual(run(10).slice(0, 4));
  });
});
