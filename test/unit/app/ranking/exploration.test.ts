import { describe, expect, it } from 'vitest';
import { message } from '../../../../app/messages';
import { demoProducts } from '../../../../app/demo';
import {
  DEFAULT_EXPLORATION_RATE,
  explore,
  explorationRateProblem,
  MAX_EXPLORATION_RATE,
} from '../../../../app/ranking/exploration';
import type { ProductScorer } from '../../../../app/ranking/product-scorer';
import { rankForClient } from '../../../../app/ranking/rank-for-client';
import { mulberry32 } from '../../../../app/random/mulberry32';
import type { ScoredClient } from '../../../../app/scoring/scoring-context';
import { DEFAULT_RULE_SET } from '../../../../app/suitability';
import { individual, TODAY } from '../suitability/suitability-fixtures';

const PRODUCTS = demoProducts(TODAY);

/** Every product scored by its place in the catalogue, so the policy's own order is known. */
const byCatalogue: ProductScorer = (_client, products) =>
  products.map((p) => ({
    probability: 0.9 - PRODUCTS.indexOf(p) / (PRODUCTS.length * 2),
    explain: () => [{ group: 'test', logOdds: 0.1, text: message('issue.text', { text: { en: 'x', zh: 'x' } }) }],
  }));

function rank(rate: number, random: () => number, client: ScoredClient = individual({}, 'C1') as ScoredClient) {
  return rankForClient({
    client,
    products: PRODUCTS,
    holdings: [],
    ruleSet: DEFAULT_RULE_SET,
    today: TODAY,
    at: `${TODAY}T09:00:00.000Z`,
    market: null,
    scorer: byCatalogue,
    top: 5,
    exploration: { rate, random },
  });
}

describe('exploration', () => {
  it('allows a rate from 0 to 0.5, the default among them, and refuses others by name', () => {
    expect(explorationRateProblem(0)).toBeNull();
    expect(explorationRateProblem(DEFAULT_EXPLORATION_RATE)).toBeNull();
    expect(explorationRateProblem(MAX_EXPLORATION_RATE)).toBeNull();
    expect(explorationRateProblem(0.6)).toMatch(/exploration rate must be between 0 and 0.5/);
    expect(explorationRateProblem(-0.1)).toMatch(/exploration rate/);
    expect(explorationRateProblem(Number.NaN)).toMatch(/exploration rate/);
  });

  it('at rate 0 shows the policy its own list, every product with propensity 1', () => {
    const own = rankForClient({ ...baseRequest(), exploration: undefined });
    const explored = rank(0, mulberry32(1));
    expect(explored.ranked.map((p) => p.productId)).toEqual(own.ranked.map((p) => p.productId));
    expect(explored.ranked.every((p) => p.propensity === 1 && !p.explored)).toBe(true);
  });

  it('explores only the last place, only with suitable products from below the top, about as often as the rate', () => {
    const own = rankForClient({ ...baseRequest(), top: 1000 });
    const suitable = new Set(own.ranked.map((p) => p.productId));
    const top = own.ranked.slice(0, 5).map((p) => p.productId);
    const below = own.ranked.slice(5).map((p) => p.productId);
    const random = mulberry32(42);
    const draws = 1500;
    const seen = new Map<string, number>();
    for (let i = 0; i < draws; i++) {
      const { ranked, excluded } = rank(0.2, random);
      expect(ranked.slice(0, 4).map((p) => p.productId)).toEqual(top.slice(0, 4));
      expect(ranked.every((p) => suitable.has(p.productId))).toBe(true);
      expect(excluded.map((e) => e.productId)).toEqual(own.excluded.map((e) => e.productId));
      const last = ranked[4]!;
      seen.set(last.productId, (seen.get(last.productId) ?? 0) + 1);
      // The recorded propensity is what the policy does: 1 − rate for its own choice, rate / pool for another.
      if (last.productId === top[4]) expect(last.propensity).toBeCloseTo(0.8, 12);
      else {
        expect(below).toContain(last.productId);
        expect(last.explored).toBe(true);
        expect(last.propensity).toBeCloseTo(0.2 / below.length, 12);
      }
    }
    const ownShare = (seen.get(top[4]!) ?? 0) / draws;
    expect(Math.abs(ownShare - 0.8)).toBeLessThan(0.05);
    // Every product below had its chance.
    expect(below.every((id) => (seen.get(id) ?? 0) > 0)).toBe(true);
  });

  it('does not explore when nothing suitable is left below the list', () => {
    const shown = explore(['a', 'b'], [], { rate: 0.5, random: () => 0 });
    expect(shown).toEqual({ shown: ['a', 'b'], propensities: [1, 1], exploredAt: null });
  });
});

function baseRequest() {
  return {
    client: individual({}, 'C1') as ScoredClient,
    products: PRODUCTS,
    holdings: [],
    ruleSet: DEFAULT_RULE_SET,
    today: TODAY,
    at: `${TODAY}T09:00:00.000Z`,
    market: null,
    scorer: byCatalogue,
    top: 5,
  };
}
