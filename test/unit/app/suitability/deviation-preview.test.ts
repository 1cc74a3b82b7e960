import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../../app/domain/localized-text';
import {
  DEFAULT_RULE_SET,
  previewDeviation,
  type SuitabilityClient,
  type SuitabilityRuleSet,
} from '../../../../app/suitability';
import { demoProducts } from '../../../../app/demo';
import { individual, product, ruleSetWith, TODAY } from './suitability-fixtures';

function preview(client: SuitabilityClient, productId: string, ruleSet: SuitabilityRuleSet = DEFAULT_RULE_SET) {
  return previewDeviation(client, product(productId), {
    holdings: [],
    today: TODAY,
    ruleSet,
    catalog: demoProducts(TODAY),
  });
}

describe('deviation preview', () => {
  it('allows one grade above the limit and gives the warning with class, limit and grade in both languages', () => {
    const p = preview(individual({}, 'C2'), 'FD-BL-01');
    expect(p).toMatchObject({
      allowed: true,
      refusal: null,
      riskClass: 'C2',
      limit: 'R2',
      grade: 'R3',
      gradesAbove: 1,
      maxGradesAboveLimit: 1,
      otherFailures: [],
    });
    expect(recordedText(p.warning).en).toContain(
      'risk grade R3, 1 grade above R2, the highest grade suited to your risk class C2',
    );
    expect(recordedText(p.warning).en).toContain('lose part or all of the money');
    expect(recordedText(p.warning).zh).toContain(
      '风险等级为 R3，比您的风险承受能力等级 C2 可承受的最高等级 R2 高 1 级',
    );
  });

  it('refuses for C1 whatever the grade, and says why', () => {
    const p = preview(individual({}, 'C1'), 'FD-BD-01');
    expect(p).toMatchObject({ allowed: false, riskClass: 'C1', limit: 'R1', grade: 'R2', gradesAbove: 1 });
    expect(p.refusal?.code).toBe('lowest-class');
    expect(recordedText(p.refusal!.message).en).toContain('never allowed');
    expect(recordedText(p.refusal!.message).zh).toContain('C1 类为最保守等级');
  });

  it('refuses when the rule set disables deviations, or the grade is further above the limit than it allows', () => {
    const off = ruleSetWith((s) => {
      s.rules.riskClass.deviation.enabled = false;
    });
    expect(preview(individual({}, 'C2'), 'FD-BL-01', off).refusal?.code).toBe('disabled');
    const far = preview(individual({}, 'C2'), 'FD-EQ-01');
    expect(far).toMatchObject({ allowed: false, gradesAbove: 2, maxGradesAboveLimit: 1 });
    expect(far.refusal?.code).toBe('too-far');
    expect(recordedText(far.refusal!.message).en).toBe(
      'Risk grade R4 is 2 grades above the limit R2 for class C2; a deviation may go at most 1 grade above it',
    );
    const two = ruleSetWith((s) => {
      s.rules.riskClass.deviation.maxGradesAboveLimit = 2;
    });
    expect(preview(individual({}, 'C2'), 'FD-EQ-01', two).allowed).toBe(true);
  });

  it('refuses when the product fails another rule too, naming it: a deviation lifts only the risk class', () => {
    const p = preview(
      individual({ knowledgeLevel: 'basic', complexProductExperience: false, experienceYears: 0 }, 'C3'),
      'SC-CV-01',
    );
    expect(p.allowed).toBe(false);
    expect(p.refusal?.code).toBe('other-rules');
    expect(p.otherFailures.map((c) => c.ruleId)).toContain('complex-product-knowledge');
  });

  it('needs no deviation within the limit, none for a loan, and none without a risk class', () => {
    expect(preview(individual({}, 'C4'), 'FD-EQ-01').refusal?.code).toBe('within-limit');
    expect(preview(individual({}, 'C2'), 'CC-PL-01').refusal?.code).toBe('not-investment');
    expect(preview(individual({}, null), 'FD-BL-01').refusal?.code).toBe('no-risk-class');
  });
});
