import { recordedText, type LocalizedText } from '../../../../app/domain/localized-text';
import type { ClientProfile, Holding, Product, RiskClass } from '../../../../app/domain';
import { demoProducts } from '../../../../app/demo';
import {
  DEFAULT_RULE_SET,
  checkSuitability,
  type RequestedDeviation,
  type RuleCheck,
  type SuitabilityClient,
  type SuitabilityResult,
  type SuitabilityRuleId,
  type SuitabilityRuleSet,
} from '../../../../app/suitability';

export const TODAY = '2026-01-01';
const PRODUCTS = demoProducts(TODAY);

export function product(id: string): Product {
  const found = PRODUCTS.find((p) => p.id === id);
  if (!found) throw new Error(`no demo product ${id}`);
  return found;
}

/** A 45-year-old C3 individual with current KYC, comfortable means and no debts to speak of: passes everything she should. */
export function individual(
  overrides: Partial<ClientProfile> = {},
  riskClass: RiskClass | null = 'C3',
): SuitabilityClient {
  const profile: ClientProfile = {
    kind: 'individual',
    displayName: 'Ada Test',
    language: 'en',
    email: null,
    phone: null,
    city: null,
    birthDate: '1980-06-15',
    foundedDate: null,
    occupation: 'Engineer',
    sector: null,
    employees: null,
    annualIncome: 300_000,
    annualRevenue: null,
    monthlyExpenses: 10_000,
    investableAssets: 1_000_000,
    totalAssets: 2_000_000,
    liabilities: 0,
    monthlyDebtPayments: 2_000,
    dependents: 0,
    creditScore: 720,
    creditRating: null,
    objectives: ['growth'],
    horizonYears: 10,
    liquidityNeed: 'low',
    knowledgeLevel: 'informed',
    experienceYears: 5,
    complexProductExperience: true,
    professionalInvestor: false,
    sustainabilityPreference: null,
    kycReviewedAt: '2025-10-01',
    notes: '',
    customAttributes: {},
    ...overrides,
  };
  return { id: 'CL-T1', riskClass, ...profile };
}

/** A manufacturer trading nine years with a BBB rating: meets the demo business-finance criteria. */
export function business(overrides: Partial<ClientProfile> = {}): SuitabilityClient {
  return individual(
    {
      kind: 'business',
      displayName: 'Test Parts Ltd',
      birthDate: null,
      foundedDate: '2016-05-01',
      sector: 'manufacturing',
      employees: 40,
      annualIncome: null,
      annualRevenue: 30_000_000,
      monthlyExpenses: 2_000_000,
      investableAssets: 3_000_000,
      creditScore: null,
      creditRating: 'BBB',
      horizonYears: 3,
      liquidityNeed: 'medium',
      ...overrides,
    },
    'C3',
  );
}

export interface CheckOptions {
  holdings?: Holding[];
  ruleSet?: SuitabilityRuleSet;
  requestedDeviation?: RequestedDeviation;
}

export function run(client: SuitabilityClient, productId: string, options: CheckOptions = {}): SuitabilityResult {
  return checkSuitability(client, product(productId), {
    holdings: options.holdings ?? [],
    today: TODAY,
    ruleSet: options.ruleSet ?? DEFAULT_RULE_SET,
    catalog: PRODUCTS,
    ...(options.requestedDeviation ? { requestedDeviation: options.requestedDeviation } : {}),
  });
}

/** A check with its reason as the advisor reads it, in both languages. */
export function shown(check: RuleCheck): Omit<RuleCheck, 'reason'> & { reason: LocalizedText } {
  return { ...check, reason: recordedText(check.reason) };
}

export function checkOf(result: SuitabilityResult, ruleId: SuitabilityRuleId): RuleCheck {
  const found = result.checks.find((c) => c.ruleId === ruleId);
  if (!found) throw new Error(`no ${ruleId} check in ${result.checks.map((c) => c.ruleId).join(', ')}`);
  return found;
}

export function holding(productId: string, amount: number, clientId = 'CL-T1'): Holding {
  return { id: `${clientId}-${productId}`, clientId, productId, amount, acquiredOn: '2024-03-01' };
}

/** A deep copy of the default rule set with one rule's parameters changed, as an institution's editor would. */
export function ruleSetWith(edit: (set: SuitabilityRuleSet) => void): SuitabilityRuleSet {
  const copy = structuredClone(DEFAULT_RULE_SET);
  edit(copy);
  return copy;
}
