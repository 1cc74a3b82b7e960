import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../../app/domain/localized-text';
import { RISK_GRADES } from '../../../../app/domain';
import { generateDemoData } from '../../../../app/demo';
import { DEFAULT_RULE_SET, checkSuitability, type SuitabilityRuleSet } from '../../../../app/suitability';
import { TODAY } from './suitability-fixtures';

const grade = (g: string) => RISK_GRADES.indexOf(g as (typeof RISK_GRADES)[number]);

/** Over the whole demo book, under more than one rule set: the guarantee compliance relies on. */
describe('no demo client is offered an investment product above their class limit', () => {
  const data = generateDemoData({ today: TODAY, clientCount: 200, interactionCount: 10 });
  const strict: SuitabilityRuleSet = structuredClone(DEFAULT_RULE_SET);
  strict.rules.riskClass.maxGradeByClass = { C1: 'R1', C2: 'R1', C3: 'R2', C4: 'R3', C5: 'R4' };
  strict.rules.riskClass.professionalMaxGrade = null;

  for (const ruleSet of [DEFAULT_RULE_SET, strict]) {
    it(`holds under rule set limits ${JSON.stringify(ruleSet.rules.riskClass.maxGradeByClass)}`, () => {
      let suitablePairs = 0;
      let investmentPairs = 0;
      for (const client of data.clients) {
        const holdings = data.holdings.filter((h) => h.clientId === client.id);
        for (const product of data.products) {
          const r = checkSuitability(client, product, { holdings, today: TODAY, ruleSet, catalog: data.products });
          expect(
            r.checks.every((c) => recordedText(c.reason).en.length > 0 && recordedText(c.reason).zh.length > 0),
          ).toBe(true);
          if (!r.suitable) continue;
          suitablePairs++;
          const risk = r.checks.find((c) => c.ruleId === 'risk-class');
          if (!risk) continue;
          investmentPairs++;
          // Without a class nothing is offered; with one, only up to the class (or professional) limit.
          expect(client.riskClass).not.toBeNull();
          const classLimit = ruleSet.rules.riskClass.maxGradeByClass[client.riskClass!];
          const pro = client.profile.professionalInvestor ? ruleSet.rules.riskClass.professionalMaxGrade : null;
          const limit = pro && grade(pro) > grade(classLimit) ? pro : classLimit;
          expect(
            grade(product.riskGrade),
            `${client.id} ${client.riskClass} ${product.id} ${product.riskGrade}`,
          ).toBeLessThanOrEqual(grade(limit));
          expect(r.deviationApplied).toBe(false);
          expect(client.profile.kycReviewedAt).not.toBeNull();
        }
      }
      // The guarantee is not vacuous: plenty of investment products are offered.
      expect(investmentPairs).toBeGreaterThan(200);
      expect(suitablePairs).toBeGreaterThan(investmentPairs);
    });
  }

  it('offers nothing at all to clients with stale KYC', () => {
    const stale = data.clients.filter(
      (c) => c.profile.kycReviewedAt !== null && c.profile.kycReviewedAt < '2024-12-01',
    );
    expect(stale.length).toBeGreaterThan(0);
    for (const client of stale) {
      for (const product of data.products) {
        expect(
          checkSuitability(client, product, { holdings: [], today: TODAY, ruleSet: DEFAULT_RULE_SET }).suitable,
        ).toBe(false);
      }
    }
  });
});
