import type {
  AttributeValueSchema,
  ClientKind,
  ClientProfile,
  CreditRating,
  FieldIssue,
  KnowledgeLevel,
  Language,
  LiquidityNeed,
  Objective,
} from '../../../../app/domain';
import type { z } from 'zod';
import { message, type MessageKey } from '../../../../app/messages';

type AttributeValue = z.infer<typeof AttributeValueSchema>;
export type AttributeType = 'text' | 'number' | 'boolean' | 'empty';

export interface AttributeDraft {
  key: string;
  type: AttributeType;
  value: string;
}

/**
 * What the form edits: text exactly as typed, so a half-typed number is kept and
 * validateClientProfile can say what is wrong with it instead of the input swallowing it.
 */
export interface ProfileDraft {
  kind: ClientKind;
  displayName: string;
  language: Language;
  email: string;
  phone: string;
  city: string;
  birthDate: string;
  foundedDate: string;
  occupation: string;
  sector: string;
  employees: string;
  annualIncome: string;
  annualRevenue: string;
  monthlyExpenses: string;
  investableAssets: string;
  totalAssets: string;
  liabilities: string;
  monthlyDebtPayments: string;
  dependents: string;
  creditScore: string;
  creditRating: CreditRating | '';
  objectives: Objective[];
  horizonYears: string;
  liquidityNeed: LiquidityNeed;
  knowledgeLevel: KnowledgeLevel;
  experienceYears: string;
  complexProductExperience: boolean;
  professionalInvestor: boolean;
  sustainabilityPreference: 'yes' | 'no' | 'unknown';
  kycReviewedAt: string;
  notes: string;
  customAttributes: AttributeDraft[];
}

const text = (value: string | null) => value ?? '';
const num = (value: number | null) => (value === null ? '' : String(value));

export function draftFromProfile(p: ClientProfile): ProfileDraft {
  return {
    kind: p.kind,
    displayName: p.displayName,
    language: p.language,
    email: text(p.email),
    phone: text(p.phone),
    city: text(p.city),
    birthDate: text(p.birthDate),
    foundedDate: text(p.foundedDate),
    occupation: text(p.occupation),
    sector: text(p.sector),
    employees: num(p.employees),
    annualIncome: num(p.annualIncome),
    annualRevenue: num(p.annualRevenue),
    monthlyExpenses: num(p.monthlyExpenses),
    investableAssets: num(p.investableAssets),
    totalAssets: num(p.totalAssets),
    liabilities: num(p.liabilities),
    monthlyDebtPayments: num(p.monthlyDebtPayments),
    dependents: num(p.dependents),
    creditScore: num(p.creditScore),
    creditRating: p.creditRating ?? '',
    objectives: [...p.objectives],
    horizonYears: num(p.horizonYears),
    liquidityNeed: p.liquidityNeed,
    knowledgeLevel: p.knowledgeLevel,
    experienceYears: num(p.experienceYears),
    complexProductExperience: p.complexProductExperience,
    professionalInvestor: p.professionalInvestor,
    sustainabilityPreference:
      p.sustainabilityPreference === null ? 'unknown' : p.sustainabilityPreference ? 'yes' : 'no',
    kycReviewedAt: text(p.kycReviewedAt),
    notes: p.notes,
    customAttributes: Object.entries(p.customAttributes).map(([key, value]) => attributeDraft(key, value)),
  };
}

export function emptyDraft(language: Language): ProfileDraft {
  return {
    kind: 'individual',
    displayName: '',
    language,
    email: '',
    phone: '',
    city: '',
    birthDate: '',
    foundedDate: '',
    occupation: '',
    sector: '',
    employees: '',
    annualIncome: '',
    annualRevenue: '',
    monthlyExpenses: '',
    investableAssets: '0',
    totalAssets: '0',
    liabilities: '0',
    monthlyDebtPayments: '0',
    dependents: '0',
    creditScore: '',
    creditRating: '',
    objectives: [],
    horizonYears: '3',
    liquidityNeed: 'medium',
    knowledgeLevel: 'basic',
    experienceYears: '0',
    complexProductExperience: false,
    professionalInvestor: false,
    sustainabilityPreference: 'unknown',
    kycReviewedAt: '',
    notes: '',
    customAttributes: [],
  };
}

function attributeDraft(key: string, value: AttributeValue): AttributeDraft {
  if (value === null) return { key, type: 'empty', value: '' };
  if (typeof value === 'number') return { key, type: 'number', value: String(value) };
  if (typeof value === 'boolean') return { key, type: 'boolean', value: value ? 'true' : 'false' };
  return { key, type: 'text', value };
}

/** Empty means "not given"; thousands separators an advisor types are accepted; anything else that is not a number stays NaN for the validator to name. */
function parseNumber(raw: string): number | null {
  const cleaned = raw.replace(/[\s,_]/g, '');
  if (cleaned === '') return null;
  return Number(cleaned);
}

const optionalText = (raw: string) => (raw.trim() === '' ? null : raw.trim());
const requiredNumber = (raw: string) => parseNumber(raw) ?? Number.NaN;

/** Issues a message the validator cannot produce, from the same catalog as its own. */
const issue = (field: string, key: MessageKey, params?: Record<string, string | number>): FieldIssue => ({
  field,
  message: message(key, params),
});

/**
 * Turns the draft into a profile. Fields that belong to the other kind of client are cleared,
 * so a business never carries a hidden date of birth. Custom attributes are checked here
 * because the shared validator only sees their parsed form.
 */
export function profileFromDraft(d: ProfileDraft): { profile: ClientProfile; issues: FieldIssue[] } {
  const individual = d.kind === 'individual';
  const issues: FieldIssue[] = [];
  const customAttributes: Record<string, AttributeValue> = {};
  for (const attr of d.customAttributes) {
    const key = attr.key.trim();
    if (key.length === 0 || key.length > 64 || key in customAttributes) {
      issues.push(issue('customAttributes', 'client.issue.attributeName', { min: 1, max: 64 }));
      continue;
    }
    if (attr.type === 'number') {
      const n = parseNumber(attr.value);
      if (n === null || !Number.isFinite(n))
        issues.push(issue('customAttributes', 'client.issue.attributeNumber', { name: key }));
      customAttributes[key] = n ?? 0;
    } else if (attr.type === 'boolean') customAttributes[key] = attr.value === 'true';
    else if (attr.type === 'empty') customAttributes[key] = null;
    else customAttributes[key] = attr.value;
  }

  const profile: ClientProfile = {
    kind: d.kind,
    displayName: d.displayName.trim(),
    language: d.language,
    email: optionalText(d.email),
    phone: optionalText(d.phone),
    city: optionalText(d.city),
    birthDate: individual ? optionalText(d.birthDate) : null,
    foundedDate: individual ? null : optionalText(d.foundedDate),
    occupation: individual ? optionalText(d.occupation) : null,
    sector: individual ? null : optionalText(d.sector),
    employees: individual ? null : parseNumber(d.employees),
    annualIncome: individual ? parseNumber(d.annualIncome) : null,
    annualRevenue: individual ? null : parseNumber(d.annualRevenue),
    monthlyExpenses: parseNumber(d.monthlyExpenses),
    investableAssets: requiredNumber(d.investableAssets),
    totalAssets: requiredNumber(d.totalAssets),
    liabilities: requiredNumber(d.liabilities),
    monthlyDebtPayments: requiredNumber(d.monthlyDebtPayments),
    dependents: individual ? requiredNumber(d.dependents) : 0,
    creditScore: parseNumber(d.creditScore),
    creditRating: individual || d.creditRating === '' ? null : d.creditRating,
    objectives: d.objectives,
    horizonYears: requiredNumber(d.horizonYears),
    liquidityNeed: d.liquidityNeed,
    knowledgeLevel: d.knowledgeLevel,
    experienceYears: requiredNumber(d.experienceYears),
    complexProductExperience: d.complexProductExperience,
    professionalInvestor: d.professionalInvestor,
    sustainabilityPreference: d.sustainabilityPreference === 'unknown' ? null : d.sustainabilityPreference === 'yes',
    kycReviewedAt: optionalText(d.kycReviewedAt),
    notes: d.notes,
    customAttributes,
  };
  return { profile, issues };
}

/** The first message per field; a schema path like "customAttributes.x" belongs to its top-level field. */
export function issuesByField(issues: FieldIssue[]): Map<string, FieldIssue['message']> {
  const map = new Map<string, FieldIssue['message']>();
  for (const i of issues) {
    const field = i.field.split('.')[0] ?? i.field;
    if (!map.has(field)) map.set(field, i.message);
  }
  return map;
}
