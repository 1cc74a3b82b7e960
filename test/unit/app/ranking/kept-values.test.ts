import { describe, expect, it } from 'vitest';
import { demoProducts } from '../../../../app/demo';
import type { Product } from '../../../../app/domain';
import { keptProductsOf, keptRuleSetOf, sameData } from '../../../../app/ranking/kept-values';
import { rankForClient } from '../../../../app/ranking/rank-for-client';
import type { ScoredClient } from '../../../../app/scoring/scoring-context';
import { DEFAULT_RULE_SET, type SuitabilityRuleSet } from '../../../../app/suitability';
import { inScope } from '../../../../app/suitability/suitability-facts';
import { individual, TODAY } from '../suitability/suitability-fixtures';

/** Products and rule sets as the store hands them: new objects on every request. */
const fresh = <T>(value: T): T => structuredClone(value);

describe('values read afresh per request', () => {
  it('are the same data only when every field is', () => {
    const [product] = demoProducts(TODAY);
    expect(sameData(product, fresh(product))).toBe(true);
    expect(sameData({ a: 1, b: [1, { c: null }] }, { b: [1, { c: null }], a: 1 })).toBe(true);
    expect(sameData({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameData({ a: undefined }, { b: undefined })).toBe(false);
    expect(sameData({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(sameData({ a: NaN }, { a: NaN })).toBe(true);
    expect(sameData({ a: null }, { a: {} })).toBe(false);
    expect(sameData([], {})).toBe(false);
    expect(sameData({ eligibility: { excludedSectors: ['a'] } }, { eligibility: { excludedSectors: ['b'] } })).toBe(
      false,
    );
  });

  it('are swapped for the objects seen before while unchanged, and never for a stale copy', () => {
    const products = demoProducts(TODAY);
    const first = keptProductsOf(products);
    const again = keptProductsOf(fresh(products));
    again.forEach((p, i) => expect(p).toBe(first[i]));
    const edited: Product[] = fresh(products);
    edited[3] = { ...edited[3]!, minimumAmount: edited[3]!.minimumAmount + 1 };
    const afterEdit = keptProductsOf(edited);
    expect(afterEdit[3]).toBe(edited[3]);
    expect(afterEdit[3]!.minimumAmount).toBe(products[3]!.minimumAmount + 1);
    expect(afterEdit[4]).toBe(first[4]);

    const ruleSet = keptRuleSetOf(fresh(DEFAULT_RULE_SET));
    expect(keptRuleSetOf(fresh(DEFAULT_RULE_SET))).toBe(ruleSet);
    const stricter: SuitabilityRuleSet = fresh(DEFAULT_RULE_SET);
    stricter.rules.concentration.maxSharePerProduct = 0.01;
    expect(keptRuleSetOf(stricter)).toBe(stricter);
  });
});

describe('a ranking over products read afresh', () => {
  const client = individual({ investableAssets: 400_000 }, 'C3') as ScoredClient;
  const scorer = (_c: ScoredClient, products: readonly Product[]) =>
    products.map((p) => ({ probability: p.minimumAmount / 1e7, explain: () => [] }));
  const rank = (products: readonly Product[], ruleSet: SuitabilityRuleSet = DEFAULT_RULE_SET) =>
    rankForClient({
      client,
      products,
      holdings: [],
      ruleSet,
      today: TODAY,
      at: `${TODAY}T09:00:00.000Z`,
      market: null,
      scorer,
      top: 100,
    });

  it('is the ranking of the same products handed in before', () => {
    const products = demoProducts(TODAY);
    expect(rank(fresh(products))).toEqual(rank(products));
  });

  it('follows an edited product and an edited rule set at once', () => {
    const products = demoProducts(TODAY);
    rank(products);
    // A suitable product whose minimum is raised past the client's assets is excluded for it by the next ranking.
    const before = rank(fresh(products));
    const investments = new Set(
      products.filter((p) => inScope(p, DEFAULT_RULE_SET.scopes.investment)).map((p) => p.id),
    );
    const target = before.ranked.find((p) => investments.has(p.productId))!;
    const edited = fresh(products).map((p) => (p.id === target.productId ? { ...p, minimumAmount: 10_000_000 } : p));
    const after = rank(edited);
    expect(after.ranked.map((p) => p.productId)).not.toContain(target.productId);
    expect(after.excluded.find((p) => p.productId === target.productId)?.failed.length).toBeGreaterThan(0);
    // The same rule set id and version with other limits decides by its own limits.
    const stricter: SuitabilityRuleSet = fresh(DEFAULT_RULE_SET);
    stricter.rules.riskClass.maxGradeByClass = { C1: 'R1', C2: 'R1', C3: 'R1', C4: 'R1', C5: 'R1' };
    stricter.rules.riskClass.deviation.enabled = false;
    const strict = rank(fresh(products), stricter);
    expect(strict.ranked.every((p) => p.riskGrade === 'R1' || !investments.has(p.productId))).toBe(true);
    expect(strict.excluded.length).toBeGreaterThan(before.excluded.length);
  });
});
