import { validateClientProfile, type ClientProfile, type NewClient } from '../domain';
import { RISK_CLASSES, type RiskClass } from '../domain/enums';
import { renderMessage } from '../messages';
import { readImportedId, type ImportIssue, type MappedRecord, type MappingFile } from './column-mapping';

/** What an imported client gets for a field its file does not carry: the most conservative reading. */
export function defaultProfile(kind: 'individual' | 'business'): ClientProfile {
  return {
    kind,
    displayName: '',
    language: 'en',
    email: null,
    phone: null,
    city: null,
    birthDate: null,
    foundedDate: null,
    occupation: null,
    sector: null,
    employees: null,
    annualIncome: null,
    annualRevenue: null,
    monthlyExpenses: null,
    investableAssets: 0,
    totalAssets: 0,
    liabilities: 0,
    monthlyDebtPayments: 0,
    dependents: 0,
    creditScore: null,
    creditRating: null,
    objectives: [],
    horizonYears: 0,
    liquidityNeed: 'high',
    knowledgeLevel: 'none',
    experienceYears: 0,
    complexProductExperience: false,
    professionalInvestor: false,
    sustainabilityPreference: null,
    kycReviewedAt: null,
    notes: '',
    customAttributes: {},
  };
}

const PROFILE_FIELDS = new Set(Object.keys(defaultProfile('individual')));

export type ClientBuild = { ok: true; client: NewClient } | { ok: false; issues: ImportIssue[] };

/**
 * Turns one mapped CSV record into a new client, checked by the same rules as the edit form.
 * Problems name the file's own column, not our field name, so the user knows what to fix.
 */
export function buildImportedClient(
  record: MappedRecord,
  mapping: MappingFile,
  today: string,
  now: string,
): ClientBuild {
  const columnOf = (field: string) => mapping.columns.find((c) => c.field === field)?.column ?? field;
  const issues: ImportIssue[] = [];
  const f = record.fields;
  const id = typeof f.id === 'string' ? f.id.trim() : '';
  if (!id) issues.push({ line: record.line, column: columnOf('id'), reason: 'every client needs an id' });
  else {
    const checked = readImportedId(id);
    if (!checked.ok) issues.push({ line: record.line, column: columnOf('id'), reason: checked.reason });
  }

  const kindValue = f.kind ?? 'individual';
  if (kindValue !== 'individual' && kindValue !== 'business')
    issues.push({
      line: record.line,
      column: columnOf('kind'),
      reason: `"${String(kindValue)}" is not individual or business`,
    });
  const profile: ClientProfile = defaultProfile(kindValue === 'business' ? 'business' : 'individual');
  const target = profile as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(f)) {
    if (field === 'id' || field === 'kind' || field === 'riskClass' || value === null) continue;
    if (!PROFILE_FIELDS.has(field)) {
      issues.push({
        line: record.line,
        column: columnOf(field),
        reason: `the mapping sends this column to "${field}", which clients do not have`,
      });
      continue;
    }
    target[field] = value;
  }
  profile.customAttributes = { ...record.customAttributes };

  let riskClass: RiskClass | null = null;
  if (f.riskClass !== undefined && f.riskClass !== null) {
    if ((RISK_CLASSES as readonly unknown[]).includes(f.riskClass)) riskClass = f.riskClass as RiskClass;
    else
      issues.push({
        line: record.line,
        column: columnOf('riskClass'),
        reason: `"${String(f.riskClass)}" is not a risk class C1–C5`,
      });
  }
  if (issues.length > 0) return { ok: false, issues };

  const checked = validateClientProfile(profile, today);
  if (!checked.ok) {
    return {
      ok: false,
      issues: checked.issues.map((issue) => ({
        line: record.line,
        column: columnOf(issue.field),
        reason: renderMessage(issue.message, 'en'),
      })),
    };
  }
  return {
    ok: true,
    client: { id, profile: checked.value, riskClass, questionnaire: null, createdAt: now, updatedAt: now },
  };
}
