import { describe, expect, it } from 'vitest';
import { generateBulkClients, generateDemoData } from '../../../../app/demo/demo-data';
import { clientAge } from '../../../../app/demo/demo-clients';
import { DISCLOSURES } from '../../../../app/demo/demo-product-builder';
import { plantedEffects } from '../../../../app/demo/planted-interest';
import {
  isPositiveOutcome,
  PRODUCT_FAMILIES,
  ProductSchema,
  validateClientProfile,
  type Interaction,
} from '../../../../app/domain';
import { DEFAULT_QUESTIONNAIRE, scoreQuestionnaire } from '../../../../app/risk/questionnaire';

const TODAY = '2026-11-28';
const demo = generateDemoData({ today: TODAY });
const clients = new Map(demo.clients.map((c) => [c.id, c]));
const products = new Map(demo.products.map((p) => [p.id, p]));

/** Categories domain.md asks the catalog to cover, per family. */
const REQUIRED: Record<string, string[]> = {
  deposit: ['savings', 'time_deposit', 'structured_deposit'],
  fund: ['money_market', 'bond_fund', 'balanced_fund', 'equity_index_fund', 'sector_fund', 'cross_border_fund'],
  security: ['government_bond', 'corporate_bond', 'convertible_bond', 'equity'],
  insurance: ['term_life', 'critical_illness', 'medical', 'accident', 'annuity', 'investment_linked'],
  consumer_credit: ['credit_card', 'personal_loan', 'car_loan', 'mortgage', 'instalment_plan'],
  business_finance: [
    'working_capital_loan',
    'invoice_factoring',
    'supply_chain_finance',
    'equipment_leasing',
    'trade_finance',
    'cash_management',
  ],
};

function positiveRate(rows: Interaction[]): number {
  const decided = rows.filter((i) => i.outcome !== null);
  return decided.filter((i) => isPositiveOutcome(i.outcome)).length / decided.length;
}

describe('demo data', () => {
  it('is identical for the same seed and date, and different for another seed', () => {
    expect(generateDemoData({ today: TODAY })).toEqual(demo);
    expect(generateDemoData({ today: TODAY, seed: 7 }).clients[0]).not.toEqual(demo.clients[0]);
  });

  it('has about 200 valid clients, individuals and businesses, English and Chinese, some with stale KYC', () => {
    expect(demo.clients).toHaveLength(200);
    for (const c of demo.clients) expect(validateClientProfile(c.profile, TODAY)).toMatchObject({ ok: true });
    expect(demo.clients.filter((c) => c.profile.kind === 'business').length).toBeGreaterThan(20);
    expect(demo.clients.some((c) => /^[\u4e00-\u9fff]{2,3}$/.test(c.profile.displayName))).toBe(true);
    expect(demo.clients.some((c) => /有限公司$/.test(c.profile.displayName))).toBe(true);
    expect(demo.clients.some((c) => / Ltd$/.test(c.profile.displayName))).toBe(true);
    const stale = demo.clients.filter(
      (c) => c.profile.kycReviewedAt !== null && c.profile.kycReviewedAt < '2025-11-28',
    );
    expect(stale.length).toBeGreaterThan(5);
  });

  it('stores risk classes that re-score from the stored answers', () => {
    const classes = new Set<string>();
    for (const c of demo.clients) {
      if (!c.questionnaire) {
        expect(c.riskClass).toBeNull();
        continue;
      }
      const rescored = scoreQuestionnaire(DEFAULT_QUESTIONNAIRE, c.questionnaire.answers);
      expect(rescored).toMatchObject({ ok: true, riskClass: c.riskClass, score: c.questionnaire.score });
      classes.add(c.riskClass!);
    }
    expect(classes.size).toBeGreaterThanOrEqual(4);
  });

  it('covers every product family and category with bilingual names, descriptions and disclosures', () => {
    expect(demo.products.length).toBeGreaterThanOrEqual(55);
    for (const family of PRODUCT_FAMILIES) {
      const categories = new Set(demo.products.filter((p) => p.family === family).map((p) => p.category));
      for (const needed of REQUIRED[family]!) expect(categories, `${family}/${needed}`).toContain(needed);
    }
    for (const p of demo.products) {
      expect(ProductSchema.safeParse(p).success).toBe(true);
      expect(p.nameZh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.riskDisclosureZh).toBe(DISCLOSURES[p.category]![1]);
      expect(p.descriptionEn.length).toBeGreaterThan(10);
    }
    expect(new Set(demo.products.map((p) => p.id)).size).toBe(demo.products.length);
  });

  it('has a year of daily market data ending today and meetings in the coming weeks', () => {
    expect(demo.marketSnapshots).toHaveLength(365);
    expect(demo.marketSnapshots.at(-1)!.asOf).toBe(TODAY);
    expect(demo.marketSnapshots.some((m) => m.regulatoryFlags.includes('policy_rate_cut'))).toBe(true);
    expect(demo.meetings.filter((m) => m.startsAt >= TODAY).length).toBeGreaterThan(20);
  });

  it('has over 5,000 interactions whose outcomes show the planted effects', () => {
    const all = demo.interactions;
    expect(all.length).toBeGreaterThan(5000);
    expect(all.some((i) => i.outcome === null)).toBe(true);
    const withEffect = (name: string, test: (v: number | undefined) => boolean) =>
      all.filter((i) => {
        const c = clients.get(i.clientId)!;
        const market = demo.marketSnapshots.find((m) => m.asOf === i.occurredAt.slice(0, 10))!;
        const effects = plantedEffects({
          profile: c.profile,
          riskClass: c.riskClass,
          age: clientAge(c.profile, i.occurredAt.slice(0, 10)),
          product: products.get(i.productId)!,
          market,
          channel: i.channel,
        });
        return test(effects[name]);
      });
    // Too risky for the client: far fewer positive reactions.
    expect(positiveRate(withEffect('riskGap', (v) => v !== undefined && v <= -2.2))).toBeLessThan(
      positiveRate(withEffect('riskGap', (v) => v === undefined)) - 0.15,
    );
    // Product matches a stated objective: more positive reactions.
    expect(positiveRate(withEffect('objective', (v) => v !== undefined))).toBeGreaterThan(
      positiveRate(withEffect('objective', (v) => v === undefined)) + 0.1,
    );
    // Business products shown to individuals almost never land.
    const bizToPerson = all.filter(
      (i) =>
        clients.get(i.clientId)!.profile.kind === 'individual' &&
        products.get(i.productId)!.family === 'business_finance',
    );
    const bizToBiz = all.filter(
      (i) =>
        clients.get(i.clientId)!.profile.kind === 'business' &&
        products.get(i.productId)!.family === 'business_finance',
    );
    expect(positiveRate(bizToBiz)).toBeGreaterThan(positiveRate(bizToPerson) + 0.2);
    // High liquidity need against a lock-up of a year or more.
    expect(positiveRate(withEffect('liquidity', (v) => v === -1))).toBeLessThan(
      positiveRate(withEffect('liquidity', (v) => v === undefined)),
    );
  });

  it('makes bulk clients with unique ids that never clash with the demo ids', () => {
    const bulk = generateBulkClients(2000, 1);
    expect(new Set(bulk.map((c) => c.id)).size).toBe(2000);
    expect(bulk.every((c) => c.id.startsWith('BK-'))).toBe(true);
    expect(generateBulkClients(50, 1)).toEqual(bulk.slice(0, 50));
  });
});
