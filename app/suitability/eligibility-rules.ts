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
import type { RuleCheck, SuitabilityFacts, SuitabilityRuleId } from './suitability-types';

function check(ruleId: SuitabilityRuleId, passed: boolean, en: string, zh: string): RuleCheck {
  return { ruleId, passed, reason: { en, zh } };
}

const FIELD_ZH: Record<string, string> = {
  birthDate: '出生日期',
  foundedDate: '成立日期',
  sector: '所属行业',
  annualIncome: '年收入',
  annualRevenue: '年营业收入',
  monthlyExpenses: '月支出',
  creditScore: '信用评分',
  creditRating: '信用评级',
};

/** Stale or incomplete KYC blocks every product until it is refreshed; it applies to all products. */
export function checkKyc(f: SuitabilityFacts): RuleCheck {
  const rule = f.ruleSet.rules.kyc;
  const reviewed = f.profile.kycReviewedAt;
  const missing = rule.requiredFields[f.profile.kind].filter((field) => isMissing(f.profile, field));
  const missingEn = missing.length > 0 ? `; missing ${missing.join(', ')}` : '';
  const missingZh = missing.length > 0 ? `；缺少${missing.map((m) => FIELD_ZH[m] ?? m).join('、')}` : '';
  if (reviewed === null) {
    return check(
      'kyc-current',
      false,
      `KYC has never been reviewed${missingEn}; no product can be recommended until it is`,
      `客户尚未完成 KYC 审核${missingZh}；完成前不能推荐任何产品`,
    );
  }
  if (reviewed > f.today) {
    return check(
      'kyc-current',
      false,
      `KYC review date ${reviewed} is after today ${f.today}; the record must be corrected`,
      `KYC 复核日期 ${reviewed} 晚于今天 ${f.today}，须更正`,
    );
  }
  const age = monthsBetween(reviewed, f.today);
  const fresh = age <= rule.maxAgeMonths;
  const passed = fresh && missing.length === 0;
  const verdictEn = passed ? '' : '; no product can be recommended until KYC is refreshed';
  const verdictZh = passed ? '' : '；KYC 更新前不能推荐任何产品';
  return check(
    'kyc-current',
    passed,
    `KYC reviewed ${reviewed}, ${age} months ago (limit ${rule.maxAgeMonths} months)${missingEn}${verdictEn}`,
    `KYC 复核于 ${reviewed}，距今 ${age} 个月（上限 ${rule.maxAgeMonths} 个月）${missingZh}${verdictZh}`,
  );
}

export function checkClientKind(f: SuitabilityFacts): RuleCheck {
  const kinds = f.product.eligibility.clientKinds;
  const kindZh = (k: string) => (k === 'business' ? '企业客户' : '个人客户');
  return check(
    'client-kind',
    kinds.includes(f.profile.kind),
    `Product is for ${kinds.join(' and ')} clients; this client is ${f.profile.kind === 'business' ? 'a business' : 'an individual'}`,
    `本产品面向${kinds.map(kindZh).join('和')}；该客户为${kindZh(f.profile.kind)}`,
  );
}

function ageOf(f: SuitabilityFacts): number | null {
  return f.profile.birthDate ? wholeYearsBetween(f.profile.birthDate, f.today) : null;
}

export function checkProductAgeLimits(f: SuitabilityFacts): RuleCheck | null {
  const { minAge, maxAge } = f.product.eligibility;
  if (!f.ruleSet.rules.age.enabled || f.profile.kind !== 'individual' || (minAge === null && maxAge === null))
    return null;
  const rangeEn = `${minAge ?? 0}–${maxAge ?? 'any'}`;
  const rangeZh = `${minAge ?? 0}–${maxAge ?? '不限'}`;
  const age = ageOf(f);
  if (age === null)
    return check(
      'product-age-limits',
      false,
      `Product is for ages ${rangeEn}; the client's date of birth is not recorded`,
      `本产品适用年龄 ${rangeZh} 岁；未记录客户出生日期`,
    );
  const passed = (minAge === null || age >= minAge) && (maxAge === null || age <= maxAge);
  return check(
    'product-age-limits',
    passed,
    `Client is ${age}; the product is for ages ${rangeEn}`,
    `客户 ${age} 岁；本产品适用年龄 ${rangeZh} 岁`,
  );
}

/** Long commitments must end before the client reaches the institution's age ceiling. Loans carry their own maxAge instead. */
export function checkLockupAge(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.age;
  if (!rule.enabled || f.isCredit || f.profile.kind !== 'individual') return null;
  const committed = commitmentMonths(f.product);
  if (committed < rule.longLockupMonths) return null;
  const age = ageOf(f);
  if (age === null)
    return check(
      'lockup-age-limit',
      false,
      `Long commitment of ${committed} months; the client's date of birth is not recorded`,
      `产品资金占用 ${committed} 个月；未记录客户出生日期`,
    );
  const atEnd = age + committed / 12;
  const shown = Number.isFinite(atEnd) ? String(Math.floor(atEnd)) : '∞';
  return check(
    'lockup-age-limit',
    atEnd <= rule.maxAgeAtLockupEnd,
    `Client is ${age}; after the ${Number.isFinite(committed) ? `${committed}-month` : 'open-ended'} commitment they would be ${shown} (limit ${rule.maxAgeAtLockupEnd})`,
    `客户 ${age} 岁；${Number.isFinite(committed) ? `${committed} 个月` : '无固定期限的'}资金占用结束时将为 ${shown} 岁（上限 ${rule.maxAgeAtLockupEnd} 岁）`,
  );
}

/** Debt payments after borrowing the product's minimum, over income: the product's own limit or the institution's, whichever is stricter. */
export function checkDebtToIncome(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.credit;
  if (!rule.enabled || !f.isCredit || f.profile.kind !== 'individual') return null;
  const limit = Math.min(rule.maxDebtToIncome, f.product.eligibility.maxDebtToIncome ?? Number.POSITIVE_INFINITY);
  const income = f.profile.annualIncome;
  if (income === null || income <= 0) {
    return check(
      'credit-debt-to-income',
      false,
      `Annual income is ${income === null ? 'not recorded' : '0'}, so debt-to-income cannot be within ${percent(limit)}`,
      `年收入${income === null ? '未记录' : '为 0'}，负债收入比无法满足 ${percent(limit)} 的上限`,
    );
  }
  const current = f.profile.monthlyDebtPayments;
  const added = rule.includeNewRepayment
    ? monthlyRepayment(f.product.minimumAmount, f.product.rateMax, f.product.termMonths)
    : 0;
  const ratio = ((current + added) * 12) / income;
  const addedEn = added > 0 ? ` plus ${money(added)} for the minimum loan of ${money(f.product.minimumAmount)}` : '';
  const addedZh = added > 0 ? ` 加上起贷金额 ${money(f.product.minimumAmount)} 的月供 ${money(added)}` : '';
  return check(
    'credit-debt-to-income',
    ratio <= limit,
    `Debt payments ${money(current)} a month${addedEn} are ${percent(ratio)} of income ${money(income)} a year (limit ${percent(limit)})`,
    `每月还款 ${money(current)}${addedZh}，占年收入 ${money(income)} 的 ${percent(ratio)}（上限 ${percent(limit)}）`,
  );
}

export function checkCreditScore(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.credit;
  if (!rule.enabled || !f.isCredit || f.profile.kind !== 'individual') return null;
  const min = Math.max(rule.minCreditScore, f.product.eligibility.minCreditScore ?? 0);
  const score = f.profile.creditScore;
  if (score === null)
    return check(
      'credit-score',
      false,
      `Credit score is not recorded; the product needs ${min}`,
      `未记录信用评分；本产品要求 ${min} 分`,
    );
  return check(
    'credit-score',
    score >= min,
    `Credit score ${score} (needs ${min} or more)`,
    `信用评分 ${score} 分（要求不低于 ${min} 分）`,
  );
}

export function checkYearsTrading(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business') return null;
  const min = Math.max(f.product.eligibility.minYearsTrading ?? 0, f.isCredit ? rule.minYearsTrading : 0);
  if (min === 0) return null;
  const founded = f.profile.foundedDate;
  if (!founded)
    return check(
      'business-years-trading',
      false,
      `Founding date is not recorded; the product needs ${min} years trading`,
      `未记录成立日期；本产品要求经营满 ${min} 年`,
    );
  const years = wholeYearsBetween(founded, f.today);
  return check(
    'business-years-trading',
    years >= min,
    `Trading for ${years} years since ${founded} (needs ${min})`,
    `自 ${founded} 成立，经营 ${years} 年（要求 ${min} 年）`,
  );
}

export function checkRevenue(f: SuitabilityFacts): RuleCheck | null {
  const min = f.product.eligibility.minAnnualRevenue;
  if (!f.ruleSet.rules.business.enabled || f.profile.kind !== 'business' || min === null) return null;
  const revenue = f.profile.annualRevenue;
  if (revenue === null)
    return check(
      'business-revenue',
      false,
      `Annual revenue is not recorded; the product needs ${money(min)}`,
      `未记录年营业收入；本产品要求 ${money(min)}`,
    );
  return check(
    'business-revenue',
    revenue >= min,
    `Annual revenue ${money(revenue)} (needs ${money(min)})`,
    `年营业收入 ${money(revenue)}（要求 ${money(min)}）`,
  );
}

/** CREDIT_RATINGS runs from best to worst, so a lower index is a better rating. */
export function checkCreditRating(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business' || !f.isCredit) return null;
  const rating = f.profile.creditRating;
  if (rating === null)
    return check(
      'business-credit-rating',
      false,
      `Credit rating is not recorded; business credit needs ${rule.minCreditRating} or better`,
      `未记录信用评级；企业融资要求 ${rule.minCreditRating} 及以上`,
    );
  const passed = CREDIT_RATINGS.indexOf(rating) <= CREDIT_RATINGS.indexOf(rule.minCreditRating);
  return check(
    'business-credit-rating',
    passed,
    `Credit rating ${rating} (needs ${rule.minCreditRating} or better)`,
    `信用评级 ${rating}（要求 ${rule.minCreditRating} 及以上）`,
  );
}

export function checkSector(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.business;
  if (!rule.enabled || f.profile.kind !== 'business') return null;
  const excluded = [...new Set([...rule.excludedSectors, ...f.product.eligibility.excludedSectors])];
  const sector = f.profile.sector;
  if (!sector)
    return check(
      'business-sector',
      false,
      'Sector is not recorded, so sector exclusions cannot be checked',
      '未记录所属行业，无法核实行业限制',
    );
  const hit = excluded.some((e) => e.trim().toLowerCase() === sector.trim().toLowerCase());
  const list = excluded.length > 0 ? excluded.join(', ') : 'none';
  return check(
    'business-sector',
    !hit,
    `Sector "${sector}" ${hit ? 'is excluded' : 'is not excluded'} (excluded: ${list})`,
    `所属行业"${sector}"${hit ? '属于限制行业' : '不在限制行业之列'}（限制行业：${excluded.length > 0 ? excluded.join('、') : '无'}）`,
  );
}
