import type { ClientProfile, CustomAttributes, Interaction, Product } from '../../app/domain';
import type { ScoredClient } from '../../app/scoring/scoring-context';
import type { SeededRandom } from '../../app/scoring/seeded-random';
import type { BookOfBusiness } from '../../app/scoring/training-rows';

export type Attributes = CustomAttributes;

/**
 * A book as `advisor-desk import-events` leaves it: clients and products that are little more than an id and
 * their imported columns (custom attributes), every built-in profile field at its blank default.
 */
export interface SyntheticDataset {
  name: string;
  description: string;
  interactions: Interaction[];
  book: BookOfBusiness;
  /** The planted probability per interaction id: the ceiling any model could reach. */
  truth: Map<string, number>;
}

const BLANK_PROFILE: ClientProfile = {
  kind: 'individual',
  displayName: 'Imported client',
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
  liquidityNeed: 'medium',
  knowledgeLevel: 'none',
  experienceYears: 0,
  complexProductExperience: false,
  professionalInvestor: false,
  sustainabilityPreference: null,
  kycReviewedAt: null,
  notes: '',
  customAttributes: {},
};

export function importedClient(id: string, attributes: Attributes): ScoredClient {
  return { ...BLANK_PROFILE, id, riskClass: null, customAttributes: attributes };
}

export function importedProduct(id: string, family: Product['family'], attributes: Attributes): Product {
  return {
    id,
    family,
    category: 'imported',
    nameEn: id,
    nameZh: id,
    riskGrade: 'R1',
    rateKind: 'none',
    rateMin: null,
    rateMax: null,
    annualFeePct: 0,
    upfrontFeePct: 0,
    termMonths: null,
    lockupMonths: 0,
    liquidity: 'none',
    minimumAmount: 0,
    currency: 'EUR',
    complex: false,
    insured: false,
    eligibility: {
      clientKinds: ['individual'],
      minAge: null,
      maxAge: null,
      minCreditScore: null,
      maxDebtToIncome: null,
      minYearsTrading: null,
      minAnnualRevenue: null,
      excludedSectors: [],
    },
    descriptionEn: '',
    descriptionZh: '',
    riskDisclosureEn: '',
    riskDisclosureZh: '',
    customAttributes: attributes,
    active: true,
    updatedAt: '2024-01-01T00:00:00.000Z',
  };
}

const START = Date.parse('2024-01-01T00:00:00Z');
const SPAN_MS = 2 * 365 * 24 * 3600 * 1000;

/** The n-th of `total` events, spread evenly over two years so a time split takes the latest share. */
export function eventTime(n: number, total: number): string {
  return new Date(START + Math.floor((n / total) * SPAN_MS)).toISOString();
}

export function outcomeInteraction(
  id: string,
  clientId: string,
  productId: string,
  at: string,
  positive: boolean,
  context?: Attributes,
): Interaction {
  return {
    id,
    clientId,
    productId,
    occurredAt: at,
    channel: 'call',
    policy: 'imported',
    score: null,
    outcome: positive ? 'accepted' : 'declined',
    advisorId: 'import',
    note: '',
    ...(context ? { context } : {}),
  };
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** One of `values` with the given weights (need not sum to 1). */
export function pick<T>(rng: SeededRandom, values: readonly T[], weights?: readonly number[]): T {
  if (!weights) return values[Math.floor(rng.next() * values.length)]!;
  const total = weights.reduce((a, b) => a + b, 0);
  let u = rng.next() * total;
  for (let i = 0; i < values.length; i++) {
    u -= weights[i]!;
    if (u < 0) return values[i]!;
  }
  return values[values.length - 1]!;
}

/** Zipf-like rank in 0..n-1: a few very common codes and a long tail, as branch and region codes are. */
export function zipf(rng: SeededRandom, n: number, s = 1.1): number {
  // Inverse CDF over precomputable harmonic weights would be exact; rejection on a continuous bound is enough here.
  for (;;) {
    const r = Math.floor(Math.pow(n + 1, rng.next())) - 1;
    if (r >= 0 && r < n && rng.next() < Math.pow(r + 1, 1 - s)) return r;
  }
}

/** 1 + geometric failures before success with probability p, capped. */
export function countFrom(rng: SeededRandom, p: number, cap: number): number {
  let k = 1;
  while (k < cap && rng.next() > p) k++;
  return k;
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}
