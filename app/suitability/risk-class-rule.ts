import { RISK_GRADES, type RiskClass, type RiskGrade } from '../domain/enums';
import type { SuitabilityRuleSet } from './rule-set';
import { gradeIndex } from './suitability-facts';
import type { RuleCheck, SuitabilityFacts } from './suitability-types';

/** The domain forbids deviations for the most conservative class outright; no rule set may change that. */
export const NO_DEVIATION_CLASS = 'C1';

function fail(en: string, zh: string): RuleCheck {
  return { ruleId: 'risk-class', passed: false, reason: { en, zh } };
}

/** The highest grade a client of this class may be offered under the rule set, with how to name it in a reason. */
export function riskGradeLimit(
  cls: RiskClass,
  professionalInvestor: boolean,
  ruleSet: SuitabilityRuleSet,
): { limit: RiskGrade; limitEn: string; limitZh: string } {
  const rules = ruleSet.rules.riskClass;
  const limit: RiskGrade = rules.maxGradeByClass[cls];
  if (
    professionalInvestor &&
    rules.professionalMaxGrade &&
    gradeIndex(rules.professionalMaxGrade) > gradeIndex(limit)
  ) {
    const pro = rules.professionalMaxGrade;
    return {
      limit: pro,
      limitEn: `the professional-investor limit ${pro} (class ${cls})`,
      limitZh: `专业投资者可承受的 ${pro}（${cls} 类）`,
    };
  }
  return { limit, limitEn: `class ${cls}'s limit ${limit}`, limitZh: `${cls} 类客户可承受的 ${limit}` };
}

/**
 * Risk class vs risk grade for investment products. Credit and protection products are judged by other
 * rules, so this rule does not apply to them. A grade above the limit passes only as a client-requested
 * deviation with the warning shown and the acknowledgement recorded, and never for class C1.
 */
export function checkRiskClass(f: SuitabilityFacts): RuleCheck | null {
  if (!f.isInvestment) return null;
  const grade = f.product.riskGrade;
  if (f.riskClass === null) {
    return fail(
      `No risk class: the client has not completed the risk questionnaire, so no investment product (this one is ${grade}) can be offered`,
      `客户尚未完成风险测评，没有风险承受能力等级，不能推荐投资产品（本产品为 ${grade}）`,
    );
  }
  const rules = f.ruleSet.rules.riskClass;
  const cls = f.riskClass;
  const { limit, limitEn, limitZh } = riskGradeLimit(cls, f.profile.professionalInvestor, f.ruleSet);
  if (gradeIndex(grade) <= gradeIndex(limit)) {
    return {
      ruleId: 'risk-class',
      passed: true,
      reason: { en: `Risk grade ${grade} is within ${limitEn}`, zh: `产品风险等级 ${grade} 在 ${limitZh} 以内` },
    };
  }

  const en = `Risk grade ${grade} exceeds ${limitEn}`;
  const zh = `产品风险等级 ${grade} 高于 ${limitZh}`;
  const d = f.deviation;
  if (!d) {
    // Say so when the client could still ask for it, so the advisor knows a recorded deviation is an option.
    const possible =
      cls !== NO_DEVIATION_CLASS &&
      rules.deviation.enabled &&
      gradeIndex(grade) - gradeIndex(limit) <= rules.deviation.maxGradesAboveLimit;
    if (!possible) return fail(en, zh);
    return {
      ...fail(
        `${en}; the client may still ask for it as a client-requested deviation, with the risk warning shown and acknowledged`,
        `${zh}；如客户坚持购买，可在出示风险警示并经客户书面确认后按客户申请超风险等级购买处理`,
      ),
      deviationPossible: true,
    };
  }
  if (cls === NO_DEVIATION_CLASS) {
    return fail(
      `${en}; a client-requested deviation is never allowed for class ${cls}`,
      `${zh}；${cls} 类客户不得申请购买高于其风险等级的产品`,
    );
  }
  if (!rules.deviation.enabled) {
    return fail(
      `${en}; this rule set allows no client-requested deviation`,
      `${zh}；本规则集不允许客户申请超风险等级购买`,
    );
  }
  const above = gradeIndex(grade) - gradeIndex(limit);
  const maxAbove = rules.deviation.maxGradesAboveLimit;
  if (above > maxAbove) {
    const furthest = RISK_GRADES[Math.min(RISK_GRADES.length - 1, gradeIndex(limit) + maxAbove)];
    return fail(
      `${en}; a client-requested deviation may go at most ${maxAbove} grade(s) above the limit, to ${furthest}`,
      `${zh}；客户申请超风险等级购买最多只能高出 ${maxAbove} 级，即 ${furthest}`,
    );
  }
  if (!d.warningShown) {
    return fail(
      `${en}; the client asked for it but the risk warning has not been shown`,
      `${zh}；客户虽提出申请，但尚未向其出示风险警示`,
    );
  }
  const by = d.acknowledgedBy?.trim() ?? '';
  const at = d.acknowledgedAt?.trim() ?? '';
  if (by === '' || !/^\d{4}-\d{2}-\d{2}/.test(at)) {
    return fail(
      `${en}; the client's written acknowledgement of the warning is not recorded`,
      `${zh}；未记录客户对风险警示的书面确认`,
    );
  }
  const ackDate = at.slice(0, 10);
  if (ackDate > f.today) {
    return fail(
      `${en}; the acknowledgement is dated ${ackDate}, after today ${f.today}`,
      `${zh}；确认日期 ${ackDate} 晚于今天 ${f.today}`,
    );
  }
  return {
    ruleId: 'risk-class',
    passed: true,
    deviation: true,
    reason: {
      en: `${en}; allowed as a client-requested deviation: warning shown, acknowledged by ${by} on ${ackDate}`,
      zh: `${zh}；按客户申请超风险等级购买处理：已出示风险警示，${by} 于 ${ackDate} 书面确认`,
    },
  };
}
