import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../../app/demo';
import type { Holding, Product } from '../../../../app/domain';
import {
  DEFAULT_RULE_SET,
  checkSuitability,
  failedChecks,
  suitabilityScreen,
  type RequestedDeviation,
  type SuitabilityRuleSet,
} from '../../../../app/suitability';
import { TODAY, holding, individual, product } from './suitability-fixtures';
import { recordedText } from '../../../../app/domain/localized-text';

const acknowledged: RequestedDeviation = { warningShown: true, acknowledgedBy: 'the client', acknowledgedAt: TODAY };

/**
 * The ranking screens a whole catalogue per client; an advisor must see exactly the verdicts and reasons that
 * checking each product on its own gives, under any rule set, with or without a recorded deviation.
 */
describe('the ranking screen gives checkSuitability’s verdicts and reasons', () => {
  const data = generateDemoData({ today: TODAY, clientCount: 120, interactionCount: 10 });
  // A product the catalogue files under another category than the one it is held under, and a second copy of
  // a held product with another minimum, so the per-client sums meet the cases they must not shortcut.
  const moved: Product[] = data.products.slice(0, 6).map((p, i) => ({
    ...p,
    category: data.products[(i + 7) % data.products.length]!.category,
    minimumAmount: p.minimumAmount * 2,
  }));
  // Near-copies (another id, minimum, lock-up, term or rate) and exact copies under another id: the screen asks a rule once
  // per value of what it reads of the product, and every copy must still get its own verdict and figures.
  const copies: Product[] = data.products.flatMap((p, i) => [
    {
      ...p,
      id: `${p.id}-A`,
      minimumAmount: p.minimumAmount * (1 + (i % 4)),
      lockupMonths: p.lockupMonths + (i % 3) * 12,
      termMonths: p.termMonths === null ? null : p.termMonths + 6,
      rateMax: p.rateMax === null ? null : p.rateMax + 1,
    },
    { ...p, id: `${p.id}-B` },
  ]);
  const strict: SuitabilityRuleSet = structuredClone(DEFAULT_RULE_SET);
  strict.rules.riskClass.maxGradeByClass = { C1: 'R1', C2: 'R1', C3: 'R2', C4: 'R3', C5: 'R4' };
  strict.rules.riskClass.deviation.enabled = false;
  strict.rules.business.excludedSectors = [' Retail ', 'construction'];
  strict.rules.concentration.exemptInsured = false;
  // Tight enough that concentration fails often, so its figures (the sums per product and category) are compared.
  strict.rules.concentration.maxSharePerProduct = 0.05;
  strict.rules.concentration.maxSharePerCategory = 0.1;
  // Every category held once at most, so a held product and its unheld copies meet the already-held rule.
  strict.rules.alreadyHeld.holdOnceCategories = [...new Set(data.products.map((p) => p.category))];

  for (const [name, ruleSet] of [
    ['default', DEFAULT_RULE_SET],
    ['strict', strict],
  ] as const) {
    it(`under the ${name} rule set`, () => {
      let compared = 0;
      for (const client of data.clients) {
        const holdings: Holding[] = data.holdings.filter((h) => h.clientId === client.id);
        const context = { holdings, today: TODAY, ruleSet, catalog: data.products };
        const screen = suitabilityScreen(client, context);
        for (const product of [...data.products, ...moved, ...copies]) {
          for (const requestedDeviation of [undefined, acknowledged]) {
            const full = checkSuitability(client, product, {
              ...context,
              ...(requestedDeviation ? { requestedDeviation } : {}),
            });
            const fast = screen(product, requestedDeviation);
            expect(fast, `${client.id} ${product.id}`).toEqual({
              suitable: full.suitable,
              failed: failedChecks(full),
              deviationApplied: full.deviationApplied,
            });
            compared++;
          }
        }
      }
      expect(compared).toBe(data.clients.length * (data.products.length + moved.length + copies.length) * 2);
    });
  }
});

describe('a held product the catalogue files under another category', () => {
  it('still counts its holding in the category it is offered under', () => {
    // The catalogue says bond fund; the product as offered now says balanced fund (an edit not yet stored).
    const catalog = [product('FD-BD-01'), product('FD-BL-01')];
    const edited: Product = { ...product('FD-BD-01'), category: product('FD-BL-01').category };
    const holdings = [holding('FD-BD-01', 300_000), holding('FD-BL-01', 250_000)];
    const context = { holdings, today: TODAY, ruleSet: DEFAULT_RULE_SET, catalog };
    const full = checkSuitability(individual(), edited, context);
    const concentration = full.checks.find((c) => c.ruleId === 'concentration')!;
    // 300,000 + 250,000 + the 1,000 minimum of 1,000,000.
    expect(recordedText(concentration.reason).en).toContain('would be 55.1% (limit 60%)');
    expect(suitabilityScreen(individual(), context)(edited).failed).toEqual(failedChecks(full));
  });
});
