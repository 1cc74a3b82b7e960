import type { RiskClass, RiskGrade } from '../domain/enums';
import { list, message, type Message, type MessageKey, type MessageParam } from '../messages';
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
  /** Why not, with the figures; null when allowed. */
  refusal: { code: DeviationRefusal; message: Message } | null;
  riskClass: RiskClass | null;
  /** The highest grade the client may be offered (the professional-investor limit where it applies); null without a class. */
  limit: RiskGrade | null;
  grade: RiskGrade;
  /** How many grades the product is above the limit (0 when within it). */
  gradesAbove: number;
  maxGradesAboveLimit: number;
  /** The text the client is shown and acknowledges; the record keeps it word for word, rendered in both languages. */
  warning: Message;
  /** Rules other than the risk class that the product fails; a deviation lifts only the risk-class rule. */
  otherFailures: RuleCheck[];
}

function warningText(product: Product, cls: RiskClass | null, limit: RiskGrade | null, above: number): Message {
  const name = { en: product.nameEn, zh: product.nameZh };
  const grade = product.riskGrade;
  if (cls === null || limit === null) return message('deviation.warning.noClass', { product: name, grade });
  return message('deviation.warning', { product: name, grade, above, limit, cls });
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
  const refuse = (
    code: DeviationRefusal,
    key: MessageKey,
    params?: Record<string, MessageParam>,
  ): DeviationPreview => ({
    ...base,
    allowed: false,
    refusal: { code, message: message(key, params) },
  });

  if (!riskCheck)
    return refuse('not-investment', 'deviation.refusal.notInvestment', {
      product: { en: product.nameEn, zh: product.nameZh },
    });
  if (cls === null || limit === null) return refuse('no-risk-class', 'deviation.refusal.noClass');
  if (above === 0) return refuse('within-limit', 'deviation.refusal.withinLimit', { grade, limit, cls });
  if (cls === NO_DEVIATION_CLASS) {
    return refuse('lowest-class', 'deviation.refusal.lowestClass', { cls });
  }
  if (!rules.deviation.enabled)
    return refuse('disabled', 'deviation.refusal.disabled', {
      ruleSet: context.ruleSet.id,
      version: context.ruleSet.version,
    });
  if (above > maxAbove) {
    return refuse('too-far', 'deviation.refusal.tooFar', { grade, above, limit, cls, maxAbove });
  }
  if (otherFailures.length > 0) {
    return refuse('other-rules', 'deviation.refusal.otherRules', {
      reasons: list(
        otherFailures.map((c) => c.reason),
        'semicolon',
      ),
    });
  }
  return { ...base, allowed: true, refusal: null };
}
