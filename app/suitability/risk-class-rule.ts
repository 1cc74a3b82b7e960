import { RISK_GRADES, type RiskClass, type RiskGrade } from '../domain/enums';
import { message, type Message, type MessageKey, type MessageParam } from '../messages';
import type { SuitabilityRuleSet } from './rule-set';
import { gradeIndex } from './suitability-facts';
import { QUIET_PASS, type RuleAnswer, type RuleCheck, type SuitabilityFacts } from './suitability-types';

/** The domain forbids deviations for the most conservative class outright; no rule set may change that. */
export const NO_DEVIATION_CLASS = 'C1';

function fail(key: MessageKey, params?: Record<string, MessageParam>): RuleCheck {
  return { ruleId: 'risk-class', passed: false, reason: message(key, params) };
}

/** The highest grade a client of this class may be offered under the rule set. */
function gradeLimit(cls: RiskClass, professionalInvestor: boolean, ruleSet: SuitabilityRuleSet): RiskGrade {
  const rules = ruleSet.rules.riskClass;
  const limit = rules.maxGradeByClass[cls];
  const pro = rules.professionalMaxGrade;
  return professionalInvestor && pro && gradeIndex(pro) > gradeIndex(limit) ? pro : limit;
}

/** The highest grade a client of this class may be offered under the rule set, with how to name it in a reason. */
export function riskGradeLimit(
  cls: RiskClass,
  professionalInvestor: boolean,
  ruleSet: SuitabilityRuleSet,
): { limit: RiskGrade; limitText: Message } {
  const rules = ruleSet.rules.riskClass;
  const limit: RiskGrade = rules.maxGradeByClass[cls];
  if (
    professionalInvestor &&
    rules.professionalMaxGrade &&
    gradeIndex(rules.professionalMaxGrade) > gradeIndex(limit)
  ) {
    const pro = rules.professionalMaxGrade;
    return { limit: pro, limitText: message('suit.risk.professionalLimit', { limit: pro, cls }) };
  }
  return { limit, limitText: message('suit.risk.classLimit', { cls, limit }) };
}

/**
 * Risk class vs risk grade for investment products. Credit and protection products are judged by other
 * rules, so this rule does not apply to them. A grade above the limit passes only as a client-requested
 * deviation with the warning shown and the acknowledgement recorded, and never for class C1.
 */
export function checkRiskClass(f: SuitabilityFacts): RuleAnswer {
  if (!f.isInvestment) return null;
  const grade = f.product.riskGrade;
  if (f.riskClass === null) {
    return fail('suit.risk.noClass', { grade });
  }
  const rules = f.ruleSet.rules.riskClass;
  const cls = f.riskClass;
  const limit = gradeLimit(cls, f.profile.professionalInvestor, f.ruleSet);
  if (gradeIndex(grade) <= gradeIndex(limit)) {
    if (f.failuresOnly) return QUIET_PASS;
    const { limitText } = riskGradeLimit(cls, f.profile.professionalInvestor, f.ruleSet);
    return { ruleId: 'risk-class', passed: true, reason: message('suit.risk.within', { grade, limit: limitText }) };
  }
  const { limitText } = riskGradeLimit(cls, f.profile.professionalInvestor, f.ruleSet);

  const exceeds = message('suit.risk.exceeds', { grade, limit: limitText });
  const d = f.deviation;
  if (!d) {
    // Say so when the client could still ask for it, so the advisor knows a recorded deviation is an option.
    const possible =
      cls !== NO_DEVIATION_CLASS &&
      rules.deviation.enabled &&
      gradeIndex(grade) - gradeIndex(limit) <= rules.deviation.maxGradesAboveLimit;
    if (!possible) return { ruleId: 'risk-class', passed: false, reason: exceeds };
    return { ...fail('suit.risk.mayAsk', { exceeds }), deviationPossible: true };
  }
  if (cls === NO_DEVIATION_CLASS) {
    return fail('suit.risk.neverForClass', { exceeds, cls });
  }
  if (!rules.deviation.enabled) {
    return fail('suit.risk.noDeviations', { exceeds });
  }
  const above = gradeIndex(grade) - gradeIndex(limit);
  const maxAbove = rules.deviation.maxGradesAboveLimit;
  if (above > maxAbove) {
    const furthest = RISK_GRADES[Math.min(RISK_GRADES.length - 1, gradeIndex(limit) + maxAbove)];
    return fail('suit.risk.tooFar', { exceeds, maxAbove, furthest: furthest ?? limit });
  }
  if (!d.warningShown) {
    return fail('suit.risk.noWarning', { exceeds });
  }
  const by = d.acknowledgedBy?.trim() ?? '';
  const at = d.acknowledgedAt?.trim() ?? '';
  if (by === '' || !/^\d{4}-\d{2}-\d{2}/.test(at)) {
    return fail('suit.risk.noAcknowledgement', { exceeds });
  }
  const ackDate = at.slice(0, 10);
  if (ackDate > f.today) {
    return fail('suit.risk.ackInFuture', { exceeds, date: ackDate, today: f.today });
  }
  return {
    ruleId: 'risk-class',
    passed: true,
    deviation: true,
    reason: message('suit.risk.deviationAllowed', { exceeds, by, date: ackDate }),
  };
}
