import { CREDIT_RATINGS } from '../domain/enums';
import type { ClientProfile } from '../domain/client';
import { isMissing, money, monthlyRepayment, monthsBetween, monthsText, percent } from './suitability-facts';
import { fullCheck, ruleCheck as check } from './suitability-facts';
import { isMessageKey, list, message, type Message, type MessageParam } from '../messages';
import type { SuitabilityRuleSet } from './rule-set';
import { QUIET_PASS, type RuleAnswer, type RuleCheck, type SuitabilityFacts } from './suitability-types';

/** A profile field by its form label; a field the catalog does not name (a rule set may list any) by its code. */
function fieldName(field: string): MessageParam {
  const key = `field.${field}`;
  return isMessageKey(key) ? message(key) : field;
}

/**
 * Stale or incomplete KYC blocks every product until it is refreshed. No product changes the verdict, so it is
 * reached once per client (see clientFacts) and every product reads it.
 */
export function kycCheck(profile: ClientProfile, today: string, ruleSet: SuitabilityRuleSet): RuleCheck {
  const rule = ruleSet.rules.kyc;
  const reviewed = profile.kycReviewedAt;
  const missing = rule.requiredFields[profile.kind].filter((field) => isMissing(profile, field));
  const missingText = missing.length > 0 ? message('suit.kyc.missing', { fields: list(missing.map(fieldName)) }) : '';
  if (reviewed === null) return fullCheck('kyc-current', false, 'suit.kyc.never', () => ({ missing: missingText }));
  if (reviewed > today) return fullCheck('kyc-current', false, 'suit.kyc.future', () => ({ reviewed, today }));
  const age = monthsBetween(reviewed, today);
  const fresh = age <= rule.maxAgeMonths;
  const passed = fresh && missing.length === 0;
  return fullCheck('kyc-current', passed, 'suit.kyc.reviewed', () => ({
    reviewed,
    age,
    limit: rule.maxAgeMonths,
    missing: missingText,
    verdict: passed ? '' : message('suit.kyc.blocked'),
  }));
}

export function checkKyc(f: SuitabilityFacts): RuleAnswer {
  return f.kyc.passed && f.failuresOnly ? QUIET_PASS : f.kyc;
}

export function checkClientKind(f: SuitabilityFacts): RuleAnswer {
  const kinds = f.product.eligibility.clientKinds;
  return check(f, 'client-kind', kinds.includes(f.profile.kind), 'suit.clientKind', () => ({
    kinds: list(
      kinds.map((k) => message(`suit.kind.${k}`)),
      'and',
    ),
    kind: message(`suit.thisKind.${f.profile.kind}`),
  }));
}

function ageRange(minAge: number | null, maxAge: number | null): Message {
  return message('suit.ageRange', { min: minAge ?? 0, max: maxAge ?? message('suit.anyAge') });
}

export function checkProductAgeLimits(f: SuitabilityFacts): RuleAnswer {
  const { minAge, maxAge } = f.product.eligibility;
  if (!f.ruleSet.rules.age.enabled || f.profile.kind !== 'individual' || (minAge === null && maxAge === null))
    return null;
  const age = f.age;
  if (age === null)
    return check(f, 'product-age-limits', false, 'suit.age.noBirthDate', () => ({ range: ageRange(minAge, maxAge) }));
  const passed = (minAge === null || age >= minAge) && (maxAge === null || age <= maxAge);
  return check(f, 'product-age-limits', passed, 'suit.age.check', () => ({ age, range: ageRange(minAge, maxAge) }));
}

/** Long commitments must end before the client reaches the institution's age ceiling. Loans carry their own maxAge instead. */
export function checkLockupAge(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.age;
  if (!rule.enabled || f.isCredit || f.profile.kind !== 'individual') return null;
  const committed = f.commitment;
  if (committed < rule.longLockupMonths) return null;
  const age = f.age;
  if (age === null)
    return check(f, 'lockup-age-limit', false, 'suit.lockupAge.noBirthDate', () => ({ months: monthsText(committed) }));
  // An open-ended commitment has no age at its end to quote ("they would be ∞"): it runs past any limit.
  if (!Number.isFinite(committed))
    return check(f, 'lockup-age-limit', false, 'reasonCheck.lockupAge.open', () => ({
      age,
      limit: rule.maxAgeAtLockupEnd,
    }));
  const atEnd = age + committed / 12;
  return check(f, 'lockup-age-limit', atEnd <= rule.maxAgeAtLockupEnd, 'suit.lockupAge.check', () => ({
    age,
    commitment: Number.isFinite(committed)
      ? message('suit.commitment.months', { n: committed })
      : message('suit.commitment.open'),
    atEnd: Number.isFinite(atEnd) ? String(Math.floor(atEnd)) : '∞',
    limit: rule.maxAgeAtLockupEnd,
  }));
}

/** Debt payments after borrowing the product's minimum, over income: the product's own limit or the institution's, whichever is stricter. */
export function checkDebtToIncome(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.credit;
  if (!rule.enabled || !f.isCredit || f.profile.kind !== 'individual') return null;
  const limit = Math.min(rule.maxDebtToIncome, f.product.eligibility.maxDebtToIncome ?? Number.POSITIVE_INFINITY);
  const income = f.profile.annualIncome;
  if (income === null || income <= 0) {
    return check(f, 'credit-debt-to-income', false, 'suit.dti.noIncome', () => ({
      income: message(income === null ? 'suit.notRecorded' : 'suit.zero'),
      limit: percent(limit),
    }));
  }
  const current = f.profile.monthlyDebtPayments;
  const added = rule.includeNewRepayment
    ? monthlyRepayment(f.product.minimumAmount, f.product.rateMax, f.product.termMonths)
    : 0;
  const ratio = ((current + added) * 12) / income;
  return check(f, 'credit-debt-to-income', ratio <= limit, 'suit.dti.check', () => ({
    current: money(current),
    added:
      added > 0
        ? message('suit.dti.added', {
            repayment: money(added, f.product.currency),
            minimum: money(f.product.minimumAmount, f.product.currency),
          })
        : '',
    ratio: percent(ratio),
    income: money(income),
    limit: percent(limit),
  }));
}

export function checkCreditScore(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.credit;
  if (!rule.enabled || !f.isCredit || f.profile.kind !== 'individual') return null;
  const min = Math.max(rule.minCreditScore, f.product.eligibility.minCreditScore ?? 0);
  const score = f.profile.creditScore;
  if (score === null) return check(f, 'credit-score', false, 'suit.creditScore.missing', () => ({ min }));
  return check(f, 'credit-score', score >= min, 'suit.creditScore.check', () => ({ score, min }));
}

export function checkYearsTrading(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business') return null;
  const min = Math.max(f.product.eligibility.minYearsTrading ?? 0, f.isCredit ? rule.minYearsTrading : 0);
  if (min === 0) return null;
  const founded = f.profile.foundedDate;
  const years = f.yearsTrading;
  if (!founded || years === null)
    return check(f, 'business-years-trading', false, 'suit.trading.missing', () => ({ min }));
  return check(f, 'business-years-trading', years >= min, 'suit.trading.check', () => ({ years, founded, min }));
}

export function checkRevenue(f: SuitabilityFacts): RuleAnswer {
  const min = f.product.eligibility.minAnnualRevenue;
  if (!f.ruleSet.rules.business.enabled || f.profile.kind !== 'business' || min === null) return null;
  const revenue = f.profile.annualRevenue;
  if (revenue === null)
    return check(f, 'business-revenue', false, 'suit.revenue.missing', () => ({ minRevenue: money(min) }));
  return check(f, 'business-revenue', revenue >= min, 'suit.revenue.check', () => ({
    revenue: money(revenue),
    minRevenue: money(min),
  }));
}

/** CREDIT_RATINGS runs from best to worst, so a lower index is a better rating. */
export function checkCreditRating(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business' || !f.isCredit) return null;
  const rating = f.profile.creditRating;
  if (rating === null)
    return check(f, 'business-credit-rating', false, 'suit.rating.missing', () => ({ min: rule.minCreditRating }));
  const passed = CREDIT_RATINGS.indexOf(rating) <= CREDIT_RATINGS.indexOf(rule.minCreditRating);
  return check(f, 'business-credit-rating', passed, 'suit.rating.check', () => ({ rating, min: rule.minCreditRating }));
}

/** Whether the list names the sector (compared trimmed and in lower case). */
function namesSector(sectors: readonly string[], sector: string): boolean {
  for (const e of sectors) if (e.trim().toLowerCase() === sector) return true;
  return false;
}

export function checkSector(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business') return null;
  const sector = f.profile.sector;
  if (!sector) return check(f, 'business-sector', false, 'suit.sector.missing');
  const own = sector.trim().toLowerCase();
  const hit = namesSector(rule.excludedSectors, own) || namesSector(f.product.eligibility.excludedSectors, own);
  return check(f, 'business-sector', !hit, hit ? 'suit.sector.excluded' : 'suit.sector.allowed', () => {
    const excluded = [...new Set([...rule.excludedSectors, ...f.product.eligibility.excludedSectors])];
    return { sector, excluded: excluded.length > 0 ? list(excluded) : message('suit.none') };
  });
}
