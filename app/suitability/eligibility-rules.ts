import { CREDIT_RATINGS } from '../domain/enums';
import {
  commitmentMonths,
  isMissing,
  money,
  monthlyRepayment,
  monthsBetween,
  percent,
  wholeYearsBetween,
} from './suitability-facts';
import { ruleCheck as check } from './suitability-facts';
import { isMessageKey, list, message, type MessageParam } from '../messages';
import type { RuleCheck, SuitabilityFacts } from './suitability-types';

/** A profile field by its form label; a field the catalog does not name (a rule set may list any) by its code. */
function fieldName(field: string): MessageParam {
  const key = `field.${field}`;
  return isMessageKey(key) ? message(key) : field;
}

/** Stale or incomplete KYC blocks every product until it is refreshed; it applies to all products. */
export function checkKyc(f: SuitabilityFacts): RuleCheck {
  const rule = f.ruleSet.rules.kyc;
  const reviewed = f.profile.kycReviewedAt;
  const missing = rule.requiredFields[f.profile.kind].filter((field) => isMissing(f.profile, field));
  const missingText = missing.length > 0 ? message('suit.kyc.missing', { fields: list(missing.map(fieldName)) }) : '';
  if (reviewed === null) return check('kyc-current', false, 'suit.kyc.never', { missing: missingText });
  if (reviewed > f.today) return check('kyc-current', false, 'suit.kyc.future', { reviewed, today: f.today });
  const age = monthsBetween(reviewed, f.today);
  const fresh = age <= rule.maxAgeMonths;
  const passed = fresh && missing.length === 0;
  return check('kyc-current', passed, 'suit.kyc.reviewed', {
    reviewed,
    age,
    limit: rule.maxAgeMonths,
    missing: missingText,
    verdict: passed ? '' : message('suit.kyc.blocked'),
  });
}

export function checkClientKind(f: SuitabilityFacts): RuleCheck {
  const kinds = f.product.eligibility.clientKinds;
  return check('client-kind', kinds.includes(f.profile.kind), 'suit.clientKind', {
    kinds: list(
      kinds.map((k) => message(`suit.kind.${k}`)),
      'and',
    ),
    kind: message(`suit.thisKind.${f.profile.kind}`),
  });
}

function ageOf(f: SuitabilityFacts): number | null {
  return f.profile.birthDate ? wholeYearsBetween(f.profile.birthDate, f.today) : null;
}

export function checkProductAgeLimits(f: SuitabilityFacts): RuleCheck | null {
  const { minAge, maxAge } = f.product.eligibility;
  if (!f.ruleSet.rules.age.enabled || f.profile.kind !== 'individual' || (minAge === null && maxAge === null))
    return null;
  const range = message('suit.ageRange', { min: minAge ?? 0, max: maxAge ?? message('suit.anyAge') });
  const age = ageOf(f);
  if (age === null) return check('product-age-limits', false, 'suit.age.noBirthDate', { range });
  const passed = (minAge === null || age >= minAge) && (maxAge === null || age <= maxAge);
  return check('product-age-limits', passed, 'suit.age.check', { age, range });
}

/** Long commitments must end before the client reaches the institution's age ceiling. Loans carry their own maxAge instead. */
export function checkLockupAge(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.age;
  if (!rule.enabled || f.isCredit || f.profile.kind !== 'individual') return null;
  const committed = commitmentMonths(f.product);
  if (committed < rule.longLockupMonths) return null;
  const age = ageOf(f);
  if (age === null)
    return check('lockup-age-limit', false, 'suit.lockupAge.noBirthDate', { months: String(committed) });
  const atEnd = age + committed / 12;
  return check('lockup-age-limit', atEnd <= rule.maxAgeAtLockupEnd, 'suit.lockupAge.check', {
    age,
    commitment: Number.isFinite(committed)
      ? message('suit.commitment.months', { n: committed })
      : message('suit.commitment.open'),
    atEnd: Number.isFinite(atEnd) ? String(Math.floor(atEnd)) : '∞',
    limit: rule.maxAgeAtLockupEnd,
  });
}

/** Debt payments after borrowing the product's minimum, over income: the product's own limit or the institution's, whichever is stricter. */
export function checkDebtToIncome(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.credit;
  if (!rule.enabled || !f.isCredit || f.profile.kind !== 'individual') return null;
  const limit = Math.min(rule.maxDebtToIncome, f.product.eligibility.maxDebtToIncome ?? Number.POSITIVE_INFINITY);
  const income = f.profile.annualIncome;
  if (income === null || income <= 0) {
    return check('credit-debt-to-income', false, 'suit.dti.noIncome', {
      income: message(income === null ? 'suit.notRecorded' : 'suit.zero'),
      limit: percent(limit),
    });
  }
  const current = f.profile.monthlyDebtPayments;
  const added = rule.includeNewRepayment
    ? monthlyRepayment(f.product.minimumAmount, f.product.rateMax, f.product.termMonths)
    : 0;
  const ratio = ((current + added) * 12) / income;
  return check('credit-debt-to-income', ratio <= limit, 'suit.dti.check', {
    current: money(current),
    added:
      added > 0 ? message('suit.dti.added', { repayment: money(added), minimum: money(f.product.minimumAmount) }) : '',
    ratio: percent(ratio),
    income: money(income),
    limit: percent(limit),
  });
}

export function checkCreditScore(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.credit;
  if (!rule.enabled || !f.isCredit || f.profile.kind !== 'individual') return null;
  const min = Math.max(rule.minCreditScore, f.product.eligibility.minCreditScore ?? 0);
  const score = f.profile.creditScore;
  if (score === null) return check('credit-score', false, 'suit.creditScore.missing', { min });
  return check('credit-score', score >= min, 'suit.creditScore.check', { score, min });
}

export function checkYearsTrading(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business') return null;
  const min = Math.max(f.product.eligibility.minYearsTrading ?? 0, f.isCredit ? rule.minYearsTrading : 0);
  if (min === 0) return null;
  const founded = f.profile.foundedDate;
  if (!founded) return check('business-years-trading', false, 'suit.trading.missing', { min });
  const years = wholeYearsBetween(founded, f.today);
  return check('business-years-trading', years >= min, 'suit.trading.check', { years, founded, min });
}

export function checkRevenue(f: SuitabilityFacts): RuleCheck | null {
  const min = f.product.eligibility.minAnnualRevenue;
  if (!f.ruleSet.rules.business.enabled || f.profile.kind !== 'business' || min === null) return null;
  const revenue = f.profile.annualRevenue;
  if (revenue === null) return check('business-revenue', false, 'suit.revenue.missing', { min: money(min) });
  return check('business-revenue', revenue >= min, 'suit.revenue.check', { revenue: money(revenue), min: money(min) });
}

/** CREDIT_RATINGS runs from best to worst, so a lower index is a better rating. */
export function checkCreditRating(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business' || !f.isCredit) return null;
  const rating = f.profile.creditRating;
  if (rating === null)
    return check('business-credit-rating', false, 'suit.rating.missing', { min: rule.minCreditRating });
  const passed = CREDIT_RATINGS.indexOf(rating) <= CREDIT_RATINGS.indexOf(rule.minCreditRating);
  return check('business-credit-rating', passed, 'suit.rating.check', { rating, min: rule.minCreditRating });
}

export function checkSector(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business') return null;
  const excluded = [...new Set([...rule.excludedSectors, ...f.product.eligibility.excludedSectors])];
  const sector = f.profile.sector;
  if (!sector) return check('business-sector', false, 'suit.sector.missing');
  const hit = excluded.some((e) => e.trim().toLowerCase() === sector.trim().toLowerCase());
  return check('business-sector', !hit, hit ? 'suit.sector.excluded' : 'suit.sector.allowed', {
    sector,
    excluded: excluded.length > 0 ? list(excluded) : message('suit.none'),
  });
}
