import type { RiskClass, RiskGrade } from '../domain/enums';
import type { LocalizedText } from '../domain/localized-text';
import type { Product } from '../domain/product';
import { checkSuitability } from './check-suitability';
import { NO_DEVIATION_CLASS, riskGradeLimit } from './risk-class-rule';
import { gradeIndex } from './suitability-facts';
import type { RuleCheck, SuitabilityClient, SuitabilityContext } from './suitability-types';

export const DEVIATION_REFUSALS = [
  'not-investment',
  'within-limit',
  'no-risk-class',
  'lowest-class',
  'disabled',
  'too-far',
  'other-rules',
] as const;
export type DeviationRefusal = (typeof DEVIATION_REFUSALS)[number];

/** What an advisor is told before recording a client-requested deviation, and whether one may be recorded at all. */
export interface DeviationPreview {
  allowed: boolean;
  /** Why not, in both languages with the figures; null when allowed. */
  refusal: { code: DeviationRefusal; message: LocalizedText } | null;
  riskClass: RiskClass | null;
  /** The highest grade the client may be offered (the professional-investor limit where it applies); null without a class. */
  limit: RiskGrade | null;
  grade: RiskGrade;
  /** How many grades the product is above the limit (0 when within it). */
  gradesAbove: number;
  maxGradesAboveLimit: number;
  /** The text the client is shown and acknowledges; the record keeps it word for word. */
  warning: LocalizedText;
  /** Rules other than the risk class that the product fails; a deviation lifts only the risk-class rule. */
  otherFailures: RuleCheck[];
}

function warningText(product: Product, cls: RiskClass | null, limit: RiskGrade | null, above: number): LocalizedText {
  const grade = product.riskGrade;
  if (cls === null || limit === null) {
    return {
      en: `Risk warning: ${product.nameEn} has risk grade ${grade}. The client has no assessed risk class, so no investment product can be sold.`,
      zh: `风险警示：${product.nameZh} 的风险等级为 ${grade}。客户尚无风险承受能力等级，不能购买任何投资产品。`,
    };
  }
  return {
    en:
      `Risk warning: ${product.nameEn} has risk grade ${grade}, ${above} grade(s) above ${limit}, the highest grade suited to your risk class ${cls}. ` +
      `It can lose more, and more often, than the products your risk assessment allows, and you may lose part or all of the money you invest. ` +
      `You are asking to buy it on your own initiative, against the result of your risk assessment; it has not been recommended to you.`,
    zh:
      `风险警示：${product.nameZh} 的风险等级为 ${grade}，比您的风险承受能力等级 ${cls} 可承受的最高等级 ${limit} 高 ${above} 级。` +
      `该产品的亏损幅度和频率可能高于与您风险测评结果相符的产品，您可能损失部分甚至全部投资本金。` +
      `您是主动要求购买该产品，与您的风险测评结果不符，本产品并非向您推荐的产品。`,
  };
}

/**
 * Whether this client may ask for this product as a deviation from the risk-class rule, and the warning they
 * must be shown. The verdict comes from the suitability rules themselves, run once as if the warning had been
 * acknowledged today: the product must then be suitable, so a deviation never lifts any other rule.
 */
export function previewDeviation(
  client: SuitabilityClient,
  product: Product,
  context: Omit<SuitabilityContext, 'requestedDeviation'>,
): DeviationPreview {
  const rules = context.ruleSet.rules.riskClass;
  const cls = client.riskClass;
  const professional = 'profile' in client ? client.profile.professionalInvestor : client.professionalInvestor;
  const limit = cls === null ? null : riskGradeLimit(cls, professional, context.ruleSet).limit;
  const grade = product.riskGrade;
  const above = limit === null ? 0 : Math.max(0, gradeIndex(grade) - gradeIndex(limit));
  const maxAbove = rules.deviation.maxGradesAboveLimit;
  const asIfAcknowledged = checkSuitability(client, product, {
    ...context,
    requestedDeviation: { warningShown: true, acknowledgedBy: 'preview', acknowledgedAt: context.today },
  });
  const riskCheck = asIfAcknowledged.checks.find((c) => c.ruleId === 'risk-class');
  const otherFailures = asIfAcknowledged.checks.filter((c) => !c.passed && c.ruleId !== 'risk-class');
  const base = {
    riskClass: cls,
    limit,
    grade,
    gradesAbove: above,
    maxGradesAboveLimit: maxAbove,
    warning: warningText(product, cls, limit, above),
    otherFailures,
  };
  const refuse = (code: DeviationRefusal, en: string, zh: string): DeviationPreview => ({
    ...base,
    allowed: false,
    refusal: { code, message: { en, zh } },
  });

  if (!riskCheck)
    return refuse(
      'not-investment',
      `${product.nameEn} is not judged by risk class, so there is no risk-class rule to deviate from`,
      `${product.nameZh} 不按风险等级判断，没有可申请例外的风险等级规则`,
    );
  if (cls === null || limit === null)
    return refuse(
      'no-risk-class',
      'The client has no risk class yet: complete the risk questionnaire first',
      '客户尚无风险承受能力等级：请先完成风险测评',
    );
  if (above === 0)
    return refuse(
      'within-limit',
      `Risk grade ${grade} is already within ${limit} for class ${cls}: no deviation is needed`,
      `产品风险等级 ${grade} 已在 ${cls} 类客户可承受的 ${limit} 以内，无需申请`,
    );
  if (cls === NO_DEVIATION_CLASS) {
    return refuse(
      'lowest-class',
      `Class ${cls} is the most conservative class: a client-requested deviation is never allowed, whatever the client acknowledges`,
      `${cls} 类为最保守等级：无论客户如何确认，均不得超风险等级购买`,
    );
  }
  if (!rules.deviation.enabled)
    return refuse(
      'disabled',
      `Rule set ${context.ruleSet.id} version ${context.ruleSet.version} allows no client-requested deviation`,
      `规则集 ${context.ruleSet.id} 第 ${context.ruleSet.version} 版不允许客户申请超风险等级购买`,
    );
  if (above > maxAbove) {
    return refuse(
      'too-far',
      `Risk grade ${grade} is ${above} grades above the limit ${limit} for class ${cls}; a deviation may go at most ${maxAbove} grade(s) above it`,
      `产品风险等级 ${grade} 比 ${cls} 类客户可承受的 ${limit} 高 ${above} 级；超风险等级购买最多只能高出 ${maxAbove} 级`,
    );
  }
  if (otherFailures.length > 0) {
    return refuse(
      'other-rules',
      `A deviation lifts only the risk-class rule, and this product also fails: ${otherFailures.map((c) => c.reason.en).join('; ')}`,
      `超风险等级申请只能豁免风险等级规则，而该产品还未通过：${otherFailures.map((c) => c.reason.zh).join('；')}`,
    );
  }
  return { ...base, allowed: true, refusal: null };
}
