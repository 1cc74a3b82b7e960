import type { Client, ClientProfile, QuestionnaireResult } from '../../app/domain';

/** A clients row as SQLite returns it, joined with the current questionnaire response. */
export interface ClientRow {
  id: string;
  kind: string;
  display_name: string;
  language: string;
  email: string | null;
  phone: string | null;
  city: string | null;
  birth_date: string | null;
  founded_date: string | null;
  occupation: string | null;
  sector: string | null;
  employees: number | null;
  annual_income: number | null;
  annual_revenue: number | null;
  monthly_expenses: number | null;
  investable_assets: number;
  total_assets: number;
  liabilities: number;
  monthly_debt_payments: number;
  dependents: number;
  credit_score: number | null;
  credit_rating: string | null;
  objectives_json: string;
  horizon_years: number;
  liquidity_need: string;
  knowledge_level: string;
  experience_years: number;
  complex_product_experience: number;
  professional_investor: number;
  sustainability_preference: number | null;
  kyc_reviewed_at: string | null;
  notes: string;
  custom_attributes_json: string;
  risk_class: string | null;
  questionnaire_response_id: string | null;
  revision: number;
  created_at: string;
  updated_at: string;
  q_version: string | null;
  q_completed_at: string | null;
  q_answers_json: string | null;
  q_score: number | null;
  q_risk_class: string | null;
}

export const CLIENT_SELECT = `
  SELECT c.*, q.questionnaire_version AS q_version, q.completed_at AS q_completed_at,
         q.answers_json AS q_answers_json, q.score AS q_score, q.risk_class AS q_risk_class
  FROM clients c LEFT JOIN questionnaire_responses q ON q.id = c.questionnaire_response_id`;

/**
 * What the list search matches against: lower-cased (after NFKC, so full-width letters match) name, id,
 * email, city and phone, plus the phone's bare digits so "13800001234" finds "+86 138-0000-1234".
 */
export function normalizeSearch(text: string): string {
  return text.normalize('NFKC').toLowerCase().trim();
}

export function clientSearchText(id: string, p: ClientProfile): string {
  const digits = p.phone ? p.phone.replace(/\D/g, '') : '';
  return normalizeSearch([p.displayName, id, p.email ?? '', p.phone ?? '', digits, p.city ?? ''].join('\u0001'));
}

const bool = (v: boolean | null): number | null => (v === null ? null : v ? 1 : 0);

/** Named parameters for INSERT/UPDATE: one place maps profile fields to columns. */
export function profileParams(id: string, p: ClientProfile): Record<string, unknown> {
  return {
    id,
    kind: p.kind,
    display_name: p.displayName.trim(),
    language: p.language,
    email: p.email,
    phone: p.phone,
    city: p.city,
    birth_date: p.birthDate,
    founded_date: p.foundedDate,
    occupation: p.occupation,
    sector: p.sector,
    employees: p.employees,
    annual_income: p.annualIncome,
    annual_revenue: p.annualRevenue,
    monthly_expenses: p.monthlyExpenses,
    investable_assets: p.investableAssets,
    total_assets: p.totalAssets,
    liabilities: p.liabilities,
    monthly_debt_payments: p.monthlyDebtPayments,
    dependents: p.dependents,
    credit_score: p.creditScore,
    credit_rating: p.creditRating,
    objectives_json: JSON.stringify(p.objectives),
    horizon_years: p.horizonYears,
    liquidity_need: p.liquidityNeed,
    knowledge_level: p.knowledgeLevel,
    experience_years: p.experienceYears,
    complex_product_experience: bool(p.complexProductExperience),
    professional_investor: bool(p.professionalInvestor),
    sustainability_preference: bool(p.sustainabilityPreference),
    kyc_reviewed_at: p.kycReviewedAt,
    notes: p.notes,
    custom_attributes_json: JSON.stringify(p.customAttributes),
    search_text: clientSearchText(id, p),
  };
}

export const PROFILE_COLUMNS = Object.keys(
  profileParams('x', {
    kind: 'individual',
    displayName: 'x',
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
    liquidityNeed: 'low',
    knowledgeLevel: 'none',
    experienceYears: 0,
    complexProductExperience: false,
    professionalInvestor: false,
    sustainabilityPreference: null,
    kycReviewedAt: null,
    notes: '',
    customAttributes: {},
  }),
).filter((c) => c !== 'id');

export function rowToProfile(r: ClientRow): ClientProfile {
  return {
    kind: r.kind as ClientProfile['kind'],
    displayName: r.display_name,
    language: r.language as ClientProfile['language'],
    email: r.email,
    phone: r.phone,
    city: r.city,
    birthDate: r.birth_date,
    foundedDate: r.founded_date,
    occupation: r.occupation,
    sector: r.sector,
    employees: r.employees,
    annualIncome: r.annual_income,
    annualRevenue: r.annual_revenue,
    monthlyExpenses: r.monthly_expenses,
    investableAssets: r.investable_assets,
    totalAssets: r.total_assets,
    liabilities: r.liabilities,
    monthlyDebtPayments: r.monthly_debt_payments,
    dependents: r.dependents,
    creditScore: r.credit_score,
    creditRating: r.credit_rating as ClientProfile['creditRating'],
    objectives: JSON.parse(r.objectives_json) as ClientProfile['objectives'],
    horizonYears: r.horizon_years,
    liquidityNeed: r.liquidity_need as ClientProfile['liquidityNeed'],
    knowledgeLevel: r.knowledge_level as ClientProfile['knowledgeLevel'],
    experienceYears: r.experience_years,
    complexProductExperience: r.complex_product_experience === 1,
    professionalInvestor: r.professional_investor === 1,
    sustainabilityPreference: r.sustainability_preference === null ? null : r.sustainability_preference === 1,
    kycReviewedAt: r.kyc_reviewed_at,
    notes: r.notes,
    customAttributes: JSON.parse(r.custom_attributes_json) as ClientProfile['customAttributes'],
  };
}

export function rowToClient(r: ClientRow): Client {
  const questionnaire: QuestionnaireResult | null =
    r.q_version === null
      ? null
      : {
          questionnaireVersion: r.q_version,
          completedAt: r.q_completed_at ?? '',
          answers: JSON.parse(r.q_answers_json ?? '{}') as Record<string, string>,
          score: r.q_score ?? 0,
          riskClass: r.q_risk_class as QuestionnaireResult['riskClass'],
        };
  return {
    ...rowToProfile(r),
    id: r.id,
    riskClass: r.risk_class as Client['riskClass'],
    questionnaire,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    revision: r.revision,
  };
}
