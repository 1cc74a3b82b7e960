import { ClientProfileSchema, type ClientProfile } from './client';
import { message, type Message, type MessageKey } from '../messages';

export interface FieldIssue {
  field: string;
  message: Message;
}

export type ProfileValidation = { ok: true; value: ClientProfile } | { ok: false; issues: FieldIssue[] };

type MoneyField =
  | 'annualIncome'
  | 'annualRevenue'
  | 'monthlyExpenses'
  | 'investableAssets'
  | 'totalAssets'
  | 'liabilities'
  | 'monthlyDebtPayments';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function isRealDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Checks a profile the way an advisor thinks about it and says what is wrong as catalog messages.
 * The schema check runs last as a safety net for anything the named rules do not cover.
 * `today` is passed in so the result does not depend on the clock.
 */
export function validateClientProfile(input: ClientProfile, today: string): ProfileValidation {
  const issues: FieldIssue[] = [];
  const add = (field: string, key: MessageKey, params?: Record<string, number | Message>) =>
    issues.push({ field, message: message(key, params) });
  const nonNegative = (field: MoneyField) => {
    const v = input[field];
    if (v === null || v === undefined) return;
    const name = message(`field.${field}`);
    if (typeof v !== 'number' || !Number.isFinite(v)) add(field, 'client.issue.notANumber', { field: name });
    else if (v < 0) add(field, 'client.issue.negative', { field: name });
  };

  if (!input.displayName || input.displayName.trim().length === 0) add('displayName', 'client.issue.nameRequired');
  else if (input.displayName.length > 120) add('displayName', 'client.issue.nameTooLong', { max: 120 });

  if (input.email && !EMAIL.test(input.email)) add('email', 'client.issue.email');
  if (input.phone && !/^[+\d][\d\s()-]{5,}$/.test(input.phone)) add('phone', 'client.issue.phone');

  if (input.kind === 'individual') {
    if (!input.birthDate) add('birthDate', 'client.issue.birthDateRequired');
    else if (!isRealDate(input.birthDate)) add('birthDate', 'client.issue.birthDateInvalid');
    else if (input.birthDate > today) add('birthDate', 'client.issue.birthDateFuture');
    else if (input.birthDate < '1900-01-01') add('birthDate', 'client.issue.birthDateTooEarly', { year: 1900 });
  } else {
    if (!input.foundedDate) add('foundedDate', 'client.issue.foundedDateRequired');
    else if (!isRealDate(input.foundedDate)) add('foundedDate', 'client.issue.foundedDateInvalid');
    else if (input.foundedDate > today) add('foundedDate', 'client.issue.foundedDateFuture');
    if (!input.sector) add('sector', 'client.issue.sectorRequired');
  }

  nonNegative('annualIncome');
  nonNegative('annualRevenue');
  nonNegative('monthlyExpenses');
  nonNegative('investableAssets');
  nonNegative('totalAssets');
  nonNegative('liabilities');
  nonNegative('monthlyDebtPayments');
  if (
    typeof input.investableAssets === 'number' &&
    typeof input.totalAssets === 'number' &&
    input.investableAssets > input.totalAssets
  ) {
    add('investableAssets', 'client.issue.investableOverTotal');
  }
  if (!Number.isInteger(input.dependents) || input.dependents < 0 || input.dependents > 20)
    add('dependents', 'client.issue.dependents', { min: 0, max: 20 });
  if (
    input.creditScore !== null &&
    (!Number.isInteger(input.creditScore) || input.creditScore < 300 || input.creditScore > 900)
  ) {
    add('creditScore', 'client.issue.creditScore', { min: 300, max: 900 });
  }
  if (!Number.isFinite(input.horizonYears) || input.horizonYears < 0 || input.horizonYears > 60)
    add('horizonYears', 'client.issue.horizon', { min: 0, max: 60 });
  if (!Number.isInteger(input.experienceYears) || input.experienceYears < 0 || input.experienceYears > 80)
    add('experienceYears', 'client.issue.experience', { min: 0, max: 80 });
  if (input.kycReviewedAt !== null) {
    if (!isRealDate(input.kycReviewedAt)) add('kycReviewedAt', 'client.issue.kycInvalid');
    else if (input.kycReviewedAt > today) add('kycReviewedAt', 'client.issue.kycFuture');
  }

  if (issues.length > 0) return { ok: false, issues };

  const parsed = ClientProfileSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => {
        const field = issue.path.join('.') || 'profile';
        return { field, message: message('client.issue.schema', { field, detail: issue.message }) };
      }),
    };
  }
  return { ok: true, value: parsed.data };
}
