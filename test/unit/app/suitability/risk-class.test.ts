import { describe, expect, it } from 'vitest';
import { recordedText } from '../../../../app/domain/localized-text';
import type { RequestedDeviation } from '../../../../app/suitability';
import { checkOf, individual, run, ruleSetWith, shown } from './suitability-fixtures';

const acknowledged: RequestedDeviation = {
  warningShown: true,
  acknowledgedAt: '2025-12-30T10:00:00.000Z',
  acknowledgedBy: 'Ada Test',
};

describe('risk class vs risk grade', () => {
  it('refuses a grade above the class limit and names grade, class and limit in both languages', () => {
    const r = run(individual({}, 'C2'), 'FD-EQ-01');
    expect(r.suitable).toBe(false);
    expect(shown(checkOf(r, 'risk-class'))).toEqual({
      ruleId: 'risk-class',
      passed: false,
      reason: { en: "Risk grade R4 exceeds class C2's limit R2", zh: '产品风险等级 R4 高于 C2 类客户可承受的 R2' },
    });
  });

  it('passes a grade at the limit and says so', () => {
    const check = checkOf(run(individual({}, 'C4'), 'FD-EQ-01'), 'risk-class');
    expect(check.passed).toBe(true);
    expect(recordedText(check.reason).en).toBe("Risk grade R4 is within class C4's limit R4");
    expect(recordedText(check.reason).zh).toBe('产品风险等级 R4 在 C4 类客户可承受的 R4 以内');
  });

  it('offers no investment product to a client without a risk class, even the lowest grade', () => {
    const r = run(individual({}, null), 'FD-MM-01');
    expect(r.suitable).toBe(false);
    expect(recordedText(checkOf(r, 'risk-class').reason).en).toContain('has not completed the risk questionnaire');
    expect(recordedText(checkOf(r, 'risk-class').reason).zh).toContain('尚未完成风险测评');
  });

  it('leaves credit products to affordability: no risk-class check on a loan', () => {
    const r = run(individual({}, null), 'CC-PL-01');
    expect(r.checks.map((c) => c.ruleId)).not.toContain('risk-class');
  });

  it('lets a professional investor go to the professional limit, and follows the rule set when it has none', () => {
    const pro = individual({ professionalInvestor: true }, 'C2');
    expect(shown(checkOf(run(pro, 'FD-SC-01'), 'risk-class'))).toMatchObject({
      passed: true,
      reason: { en: 'Risk grade R5 is within the professional-investor limit R5 (class C2)' },
    });
    const strict = ruleSetWith((s) => {
      s.rules.riskClass.professionalMaxGrade = null;
    });
    expect(checkOf(run(pro, 'FD-SC-01', { ruleSet: strict }), 'risk-class').passed).toBe(false);
  });

  it('follows an institution that maps classes more strictly', () => {
    const strict = ruleSetWith((s) => {
      s.rules.riskClass.maxGradeByClass.C3 = 'R2';
    });
    const check = checkOf(run(individual(), 'FD-BL-01', { ruleSet: strict }), 'risk-class');
    expect(recordedText(check.reason).en).toBe(
      "Risk grade R3 exceeds class C3's limit R2; the client may still ask for it as a client-requested deviation, with the risk warning shown and acknowledged",
    );
    expect(check.deviationPossible).toBe(true);
  });
});

describe('client-requested deviation', () => {
  it('allows one grade above the limit with the warning shown and the acknowledgement recorded, and says so', () => {
    const r = run(individual({}, 'C2'), 'FD-BL-01', { requestedDeviation: acknowledged });
    const check = checkOf(r, 'risk-class');
    expect(shown(check)).toMatchObject({ passed: true, deviation: true });
    expect(recordedText(check.reason).en).toBe(
      "Risk grade R3 exceeds class C2's limit R2; allowed as a client-requested deviation: warning shown, acknowledged by Ada Test on 2025-12-30",
    );
    expect(recordedText(check.reason).zh).toContain('Ada Test 于 2025-12-30 书面确认');
    expect(r.suitable).toBe(true);
    expect(r.deviationApplied).toBe(true);
  });

  it('never allows a deviation for class C1, acknowledgement or not', () => {
    const r = run(individual({}, 'C1'), 'FD-BD-01', { requestedDeviation: acknowledged });
    expect(r.suitable).toBe(false);
    expect(recordedText(checkOf(r, 'risk-class').reason).en).toBe(
      "Risk grade R2 exceeds class C1's limit R1; a client-requested deviation is never allowed for class C1",
    );
    expect(recordedText(checkOf(r, 'risk-class').reason).zh).toContain('C1 类客户不得申请');
  });

  it('refuses without the warning shown or without a recorded acknowledgement', () => {
    const noWarning = run(individual({}, 'C2'), 'FD-BL-01', {
      requestedDeviation: { ...acknowledged, warningShown: false },
    });
    expect(recordedText(checkOf(noWarning, 'risk-class').reason).en).toContain('the risk warning has not been shown');
    const noAck = run(individual({}, 'C2'), 'FD-BL-01', {
      requestedDeviation: { warningShown: true, acknowledgedAt: null, acknowledgedBy: ' ' },
    });
    expect(shown(checkOf(noAck, 'risk-class'))).toMatchObject({ passed: false });
    expect(recordedText(checkOf(noAck, 'risk-class').reason).en).toContain(
      'acknowledgement of the warning is not recorded',
    );
    const future = run(individual({}, 'C2'), 'FD-BL-01', {
      requestedDeviation: { ...acknowledged, acknowledgedAt: '2026-02-01' },
    });
    expect(recordedText(checkOf(future, 'risk-class').reason).en).toContain('dated 2026-02-01, after today 2026-01-01');
  });

  it('refuses a deviation further above the limit than the rule set allows, or when the rule set allows none', () => {
    const far = run(individual({}, 'C2'), 'FD-EQ-01', { requestedDeviation: acknowledged });
    expect(recordedText(checkOf(far, 'risk-class').reason).en).toBe(
      "Risk grade R4 exceeds class C2's limit R2; a client-requested deviation may go at most 1 grade above the limit, to R3",
    );
    const none = ruleSetWith((s) => {
      s.rules.riskClass.deviation.enabled = false;
    });
    expect(
      recordedText(
        checkOf(
          run(individual({}, 'C2'), 'FD-BL-01', { requestedDeviation: acknowledged, ruleSet: none }),
          'risk-class',
        ).reason,
      ).en,
    ).toContain('allows no client-requested deviation');
  });

  it('does not let a deviation override any other rule', () => {
    const r = run(
      individual({ knowledgeLevel: 'basic', complexProductExperience: false, experienceYears: 0 }, 'C3'),
      'SC-CV-01',
      { requestedDeviation: acknowledged },
    );
    expect(checkOf(r, 'risk-class').passed).toBe(true);
    expect(r.suitable).toBe(false);
  });
});
