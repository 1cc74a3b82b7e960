import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, parseRuleSet } from '../../../../app/suitability';

describe('suitability rule sets are validated data', () => {
  it('accepts the default rule set, and it survives a round trip through JSON as a stored rule set would', () => {
    expect(parseRuleSet(DEFAULT_RULE_SET)).toEqual({ ok: true, ruleSet: DEFAULT_RULE_SET });
    expect(parseRuleSet(JSON.parse(JSON.stringify(DEFAULT_RULE_SET)))).toEqual({ ok: true, ruleSet: DEFAULT_RULE_SET });
  });

  it('maps C1…C5 to R1…R5 by default, as the domain prescribes', () => {
    expect(DEFAULT_RULE_SET.rules.riskClass.maxGradeByClass).toEqual({
      C1: 'R1',
      C2: 'R2',
      C3: 'R3',
      C4: 'R4',
      C5: 'R5',
    });
  });

  it('refuses a malformed rule set and names each bad field', () => {
    const bad = structuredClone(DEFAULT_RULE_SET) as unknown as Record<string, unknown> & {
      rules: Record<string, Record<string, unknown>>;
    };
    bad.version = 0;
    bad.rules.kyc!.maxAgeMonths = 'twelve';
    bad.rules.concentration!.maxSharePerProduct = 1.5;
    const r = parseRuleSet(bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toMatch(/^Suitability rule set refused: /);
    expect(r.issues.some((i) => i.startsWith('version:'))).toBe(true);
    expect(r.issues.some((i) => i.startsWith('rules.kyc.maxAgeMonths:'))).toBe(true);
    expect(r.issues.some((i) => i.startsWith('rules.concentration.maxSharePerProduct:'))).toBe(true);
  });

  it('refuses class limits that fall as the class rises, and unknown grades or fields', () => {
    const inverted = structuredClone(DEFAULT_RULE_SET);
    inverted.rules.riskClass.maxGradeByClass.C3 = 'R1';
    const r = parseRuleSet(inverted);
    expect(r).toMatchObject({ ok: false });
    if (!r.ok) expect(r.message).toContain('rules.riskClass.maxGradeByClass.C3: C3 is allowed less than C2');
    const unknownGrade = parseRuleSet({
      ...DEFAULT_RULE_SET,
      rules: {
        ...DEFAULT_RULE_SET.rules,
        riskClass: { ...DEFAULT_RULE_SET.rules.riskClass, professionalMaxGrade: 'R9' },
      },
    });
    expect(unknownGrade.ok).toBe(false);
    const extra = parseRuleSet({ ...DEFAULT_RULE_SET, surprise: true });
    expect(extra.ok).toBe(false);
    expect(parseRuleSet(null)).toMatchObject({ ok: false });
  });
});
