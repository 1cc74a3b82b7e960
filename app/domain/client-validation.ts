import { ClientProfileSchema, type ClientProfile } from './client';
import type { LocalizedText } from './localized-text';

export interface FieldIssue {
  field: string;
  message: LocalizedText;
}

export type ProfileValidation = { ok: true; value: ClientProfile } | { ok: false; issues: FieldIssue[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Checks a profile the way an advisor thinks about it and says what is wrong in both languages.
 * The schema check runs last as a safety net for anything the named rules do not cover.
 * `today` is passed in so the result does not depend on the clock.
 */
export function validateClientProfile(input: ClientProfile, today: string): ProfileValidation {
  const issues: FieldIssue[] = [];
  const add = (field: string, en: string, zh: string) => issues.push({ field, message: { en, zh } });
  const nonNegative = (field: keyof ClientProfile, en: string, zh: string) => {
    const v = input[field];
    if (v === null || v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v)) add(field, `${en} must be a number.`, `${zh}必须是数字。`);
    else if (v < 0) add(field, `${en} cannot be negative.`, `${zh}不能为负数。`);
  };

  if (!input.displayName || input.displayName.trim().length === 0)
    add('displayName', 'Name is required.', '请填写姓名或名称。');
  else if (input.displayName.length > 120)
    add('displayName', 'Name is longer than 120 characters.', '名称超过 120 个字符。');

  if (input.email && !EMAIL.test(input.email)) add('email', 'Email address is not valid.', '电子邮箱格式不正确。');
  if (input.phone && !/^[+\d][\d\s()-]{5,}$/.test(input.phone))
    add(
      'phone',
      'Phone number may contain only digits, spaces, +, - and brackets.',
      '电话号码只能包含数字、空格、+、- 和括号。',
    );

  if (input.kind === 'individual') {
    if (!input.birthDate)
      add('birthDate', 'Date of birth is required for an individual.', '个人客户必须填写出生日期。');
    else if (!isRealDate(input.birthDate))
      add('birthDate', 'Date of birth must be a real date (YYYY-MM-DD).', '出生日期须为有效日期（YYYY-MM-DD）。');
    else if (input.birthDate > today)
      add('birthDate', 'Date of birth cannot be in the future.', '出生日期不能晚于今天。');
    else if (input.birthDate < '1900-01-01')
      add('birthDate', 'Date of birth is before 1900.', '出生日期早于 1900 年。');
  } else {
    if (!input.foundedDate)
      add('foundedDate', 'Founding date is required for a business.', '企业客户必须填写成立日期。');
    else if (!isRealDate(input.foundedDate))
      add('foundedDate', 'Founding date must be a real date (YYYY-MM-DD).', '成立日期须为有效日期（YYYY-MM-DD）。');
    else if (input.foundedDate > today)
      add('foundedDate', 'Founding date cannot be in the future.', '成立日期不能晚于今天。');
    if (!input.sector) add('sector', 'Sector is required for a business.', '企业客户必须填写所属行业。');
  }

  nonNegative('annualIncome', 'Annual income', '年收入');
  nonNegative('annualRevenue', 'Annual revenue', '年营业收入');
  nonNegative('monthlyExpenses', 'Monthly expenses', '月支出');
  nonNegative('investableAssets', 'Investable assets', '可投资资产');
  nonNegative('totalAssets', 'Total assets', '总资产');
  nonNegative('liabilities', 'Liabilities', '负债');
  nonNegative('monthlyDebtPayments', 'Monthly debt payments', '每月还款额');
  if (
    typeof input.investableAssets === 'number' &&
    typeof input.totalAssets === 'number' &&
    input.investableAssets > input.totalAssets
  ) {
    add('investableAssets', 'Investable assets cannot exceed total assets.', '可投资资产不能超过总资产。');
  }
  if (!Number.isInteger(input.dependents) || input.dependents < 0 || input.dependents > 20)
    add('dependents', 'Dependents must be a whole number from 0 to 20.', '受抚养人数须为 0 到 20 的整数。');
  if (
    input.creditScore !== null &&
    (!Number.isInteger(input.creditScore) || input.creditScore < 300 || input.creditScore > 900)
  ) {
    add('creditScore', 'Credit score must be a whole number from 300 to 900.', '信用评分须为 300 到 900 的整数。');
  }
  if (!Number.isFinite(input.horizonYears) || input.horizonYears < 0 || input.horizonYears > 60)
    add('horizonYears', 'Investment horizon must be between 0 and 60 years.', '投资期限须在 0 到 60 年之间。');
  if (!Number.isInteger(input.experienceYears) || input.experienceYears < 0 || input.experienceYears > 80)
    add(
      'experienceYears',
      'Years of experience must be a whole number from 0 to 80.',
      '投资经验年限须为 0 到 80 的整数。',
    );
  if (input.kycReviewedAt !== null) {
    if (!isRealDate(input.kycReviewedAt))
      add(
        'kycReviewedAt',
        'KYC review date must be a real date (YYYY-MM-DD).',
        'KYC 复核日期须为有效日期（YYYY-MM-DD）。',
      );
    else if (input.kycReviewedAt > today)
      add('kycReviewedAt', 'KYC review date cannot be in the future.', 'KYC 复核日期不能晚于今天。');
  }

  if (issues.length > 0) return { ok: false, issues };

  const parsed = ClientProfileSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const field = issue.path.join('.') || 'profile';
        return { field, message: { en: `${field}: ${issue.message}`, zh: `${field}：${issue.message}` } };
      }),
    };
  }
  return { ok: true, value: parsed.data };
}
