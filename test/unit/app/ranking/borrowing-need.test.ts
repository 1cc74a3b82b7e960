import { describe, expect, it } from 'vitest';
import { message } from '../../../../app/messages';
import type { Holding } from '../../../../app/domain';
import { demoProducts } from '../../../../app/demo';
import { borrowingNeed } from '../../../../app/ranking/borrowing-need';
import type { ProductScorer } from '../../../../app/ranking/product-scorer';
import { rankForClient } from '../../../../app/ranking/rank-for-client';
import type { ScoredClient } from '../../../../app/scoring/scoring-context';
import { DEFAULT_RULE_SET } from '../../../../app/suitability';
import { inScope } from '../../../../app/suitability/suitability-facts';
import { business, individual, TODAY } from '../suitability/suitability-fixtures';

const PRODUCTS = demoProducts(TODAY);
const isCredit = (id: string) =>
  inScope(
    PRODUCTS.find((p) => p.id === id)!,
    DEFAULT_RULE_SET.scopes.credit,
  );

/** Every product scores the same but credit scores highest: without the filter, credit would top the list. */
const creditFirst: ProductScorer = (_client, products) =>
  products.map((p) => ({
    probability: inScope(p, DEFAULT_RULE_SET.scopes.credit) ? 0.9 : 0.3,
    explain: () => [{ group: 'test', logOdds: 0.1, text: message('reason.product.up') }],
  }));

function rank(client: ScoredClient, options: { includeCredit?: boolean; holdings?: Holding[]; top?: number } = {}) {
  return rankForClient({
    client,
    products: PRODUCTS,
    holdings: options.holdings ?? [],
    ruleSet: DEFAULT_RULE_SET,
    today: TODAY,
    at: `${TODAY}T09:00:00.000Z`,
    market: null,
    scorer: creditFirst,
    top: options.top ?? 14,
    ...(options.includeCredit !== undefined ? { includeCredit: options.includeCredit } : {}),
  });
}

/** A 78-year-old retired widow living on her pension and savings: wants income and money she can reach. */
const retiree = individual(
  {
    birthDate: '1947-03-02',
    occupation: 'Retired',
    annualIncome: 96_000,
    monthlyExpenses: 5_500,
    investableAssets: 609_000,
    liabilities: 0,
    monthlyDebtPayments: 0,
    creditScore: 760,
    objectives: ['liquidity', 'income'],
    horizonYears: 3,
    liquidityNeed: 'high',
    knowledgeLevel: 'basic',
  },
  'C2',
) as ScoredClient;

describe('credit products are ranked for a client with a borrowing need, or when the advisor asks', () => {
  it('the retiree with liquidity and income objectives gets no credit card, car loan or personal loan', () => {
    expect(borrowingNeed(retiree, [], PRODUCTS, DEFAULT_RULE_SET)).toEqual([]);
    const { ranked, excluded, credit } = rank(retiree);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.filter((p) => isCredit(p.productId)).map((p) => p.category)).toEqual([]);
    // Held back, counted, and not listed as unsuitable: the page says how many and offers to show them.
    expect(credit.included).toBe(false);
    expect(credit.hidden).toBeGreaterThan(0);
    const shown = rank(retiree, { includeCredit: true, top: 500 });
    const suitableCredit = shown.ranked.filter((p) => isCredit(p.productId)).map((p) => p.productId);
    expect(credit.hidden).toBe(suitableCredit.length);
    const excludedIds = new Set(excluded.map((p) => p.productId));
    expect(suitableCredit.filter((id) => excludedIds.has(id))).toEqual([]);
    // The unsuitable ones stay excluded with their rules either way: suitability still comes first.
    expect(shown.excluded.map((p) => p.productId)).toEqual(excluded.map((p) => p.productId));
  });

  it('shows the suitable credit products when the advisor asks for them', () => {
    const { ranked, credit } = rank(retiree, { includeCredit: true });
    expect(ranked.slice(0, 3).every((p) => isCredit(p.productId))).toBe(true);
    expect(credit).toEqual({ requested: true, borrowingNeed: [], included: true, hidden: 0 });
  });

  it('a client saving for a home purchase sees credit products unasked', () => {
    const buyer = individual({ objectives: ['growth', 'home_purchase'] }) as ScoredClient;
    expect(borrowingNeed(buyer, [], PRODUCTS, DEFAULT_RULE_SET)).toEqual(['objective']);
    const { ranked, credit } = rank(buyer);
    expect(ranked.map((p) => p.category)).toContain('mortgage');
    expect(credit).toMatchObject({ included: true, hidden: 0, requested: false });
  });

  it('credit already held and a shortfall of income are borrowing needs; a liquidity objective alone is not', () => {
    const saver = individual({ objectives: ['liquidity'] }) as ScoredClient;
    expect(borrowingNeed(saver, [], PRODUCTS, DEFAULT_RULE_SET)).toEqual([]);
    const card: Holding = { id: 'H-1', clientId: saver.id, productId: 'CC-CD-01', amount: 0, acquiredOn: '2024-01-01' };
    expect(borrowingNeed(saver, [card], PRODUCTS, DEFAULT_RULE_SET)).toEqual(['holds-credit']);
    // Someone else's card is not hers.
    expect(borrowingNeed(saver, [{ ...card, clientId: 'CL-OTHER' }], PRODUCTS, DEFAULT_RULE_SET)).toEqual([]);
    const stretched = individual({
      objectives: ['income'],
      annualIncome: 120_000,
      monthlyExpenses: 9_000,
      monthlyDebtPayments: 2_000,
      investableAssets: 20_000,
    }) as ScoredClient;
    expect(borrowingNeed(stretched, [], PRODUCTS, DEFAULT_RULE_SET)).toEqual(['liquidity-gap']);
  });

  it('a business with working-capital or expansion objectives sees business finance; one without does not', () => {
    const trading = business({ objectives: ['working_capital'] }) as ScoredClient;
    expect(rank(trading).ranked.some((p) => p.family === 'business_finance' && isCredit(p.productId))).toBe(true);
    const cashRich = business({ objectives: ['capital_preservation'] }) as ScoredClient;
    const { ranked, credit } = rank(cashRich);
    expect(ranked.some((p) => isCredit(p.productId))).toBe(false);
    expect(credit.hidden).toBeGreaterThan(0);
  });
});
