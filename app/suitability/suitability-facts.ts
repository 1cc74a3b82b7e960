import type { ClientProfile } from '../domain/client';
import { RISK_GRADES, type LiquidityTerm, type RiskGrade } from '../domain/enums';
import type { Product } from '../domain/product';
import { INSTITUTION_CURRENCY, amountText } from '../domain/money-text';
import { message, type DataText, type Message, type MessageKey, type MessageParam } from '../messages';
import type { ProductScope } from './rule-set';
import {
  QUIET_PASS,
  type QuietPass,
  type RuleCheck,
  type SuitabilityFacts,
  type SuitabilityRuleId,
} from './suitability-types';

/**
 * One rule's verdict with its reason as a catalog message: how every suitability rule reports. The reason's
 * values come from `params` only when the reason is needed: a rule that passes while the ranking asks for
 * failures only answers QUIET_PASS and formats nothing.
 */
export function ruleCheck(
  f: Pick<SuitabilityFacts, 'failuresOnly'>,
  ruleId: SuitabilityRuleId,
  passed: boolean,
  key: MessageKey,
  params?: () => Record<string, MessageParam>,
): RuleCheck | QuietPass {
  if (passed && f.failuresOnly) return QUIET_PASS;
  return fullCheck(ruleId, passed, key, params);
}

/** A verdict with its reason always built. */
export function fullCheck(
  ruleId: SuitabilityRuleId,
  passed: boolean,
  key: MessageKey,
  params?: () => Record<string, MessageParam>,
): RuleCheck {
  return { ruleId, passed, reason: message(key, params?.()) };
}

export function gradeIndex(grade: RiskGrade): number {
  return RISK_GRADES.indexOf(grade);
}

export function inScope(product: Product, scope: ProductScope): boolean {
  if (scope.excludeCategories.includes(product.category)) return false;
  return scope.families.includes(product.family) || scope.categories.includes(product.category);
}

/**
 * An amount with its currency for a reason: client money is in the institution's currency, a product's minimum in
 * the product's own. A bare figure ("minimum of 50") left the advisor to guess which money was meant.
 */
export function money(value: number, currency: string = INSTITUTION_CURRENCY): DataText {
  let texts = amountTexts.get(currency);
  if (!texts) amountTexts.set(currency, (texts = new Map()));
  let text = texts.get(value);
  if (text === undefined) {
    // Bounded: a long-running app sees many amounts; the ones a ranking repeats are found again right away.
    if (texts.size >= AMOUNT_TEXTS_KEPT) texts.clear();
    texts.set(value, (text = Object.freeze(amountText(value, currency))));
  }
  return text;
}

/**
 * Amount texts already written, per currency and value: a ranking words the client's assets, income and reserve in
 * the reasons of hundreds of excluded products, and the same minimums recur across a catalogue. Frozen, so the
 * reasons that share one cannot change each other.
 */
const amountTexts = new Map<string, Map<number, DataText>>();
const AMOUNT_TEXTS_KEPT = 4096;

export function percent(ratio: number): string {
  return `${(Math.round(ratio * 1000) / 10).toString()}%`;
}

/** Whole months from `from` to `to` (YYYY-MM-DD), counting a month only once its day is reached. */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function wholeYearsBetween(from: string, to: string): number {
  return Math.floor(monthsBetween(from, to) / 12);
}

/** Rough wait before the money can be had back after a redemption request, by dealing frequency. */
const REDEMPTION_MONTHS: Record<LiquidityTerm, number> = {
  daily: 0,
  weekly: 0.25,
  monthly: 1,
  quarterly: 3,
  at_maturity: 0,
  none: 0,
};

/**
 * How long the client's money is committed: the lock-up, and for products that only pay back at maturity
 * (or not at all before then) the whole term. A tradable bond's term does not tie the money up.
 * A product that never pays back and has no term is committed indefinitely.
 */
export function commitmentMonths(product: Product): number {
  const paysOnlyAtEnd = product.liquidity === 'at_maturity' || product.liquidity === 'none';
  if (paysOnlyAtEnd && product.termMonths === null && product.liquidity === 'none') return Number.POSITIVE_INFINITY;
  const term = paysOnlyAtEnd ? (product.termMonths ?? 0) : 0;
  return Math.max(product.lockupMonths, term, REDEMPTION_MONTHS[product.liquidity]);
}

export function monthsText(value: number): Message {
  if (!Number.isFinite(value)) return message('suit.indefinitely');
  return message('suit.months', { n: value });
}

/** Monthly repayment of an amortising loan; zero-rate and open-ended facilities are treated as repaid over a year. */
export function monthlyRepayment(amount: number, annualRatePct: number | null, termMonths: number | null): number {
  if (amount <= 0) return 0;
  const n = termMonths && termMonths > 0 ? termMonths : 12;
  const r = (annualRatePct ?? 0) / 100 / 12;
  if (r <= 0) return amount / n;
  return (amount * r) / (1 - (1 + r) ** -n);
}

export type ProfileField = keyof ClientProfile;

export function isMissing(profile: ClientProfile, field: string): boolean {
  if (!(field in profile)) return true;
  const value = profile[field as ProfileField];
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}
