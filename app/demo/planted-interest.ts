import type { ClientProfile, InteractionChannel, MarketSnapshot, Objective, Product, RiskClass } from '../domain';

/**
 * The interest model planted in the demo interactions, so a learned model can be checked against known truth.
 * Outcome is positive (interested/accepted) with probability sigmoid(logit), where logit is the sum of:
 *
 *   base                                   -1.0
 *   risk gap (grade above class), per step -1.1   (R4 shown to a C2 client: -2.2)
 *   much safer than the class (gap <= -3)  -0.4   (bold clients shrug at deposits)
 *   objective matches the category         +1.2   (see OBJECTIVE_CATEGORIES)
 *   yield over the 1-year deposit rate     +0.35 per point, capped at ±1.4 (investment products only)
 *   high liquidity need, lock-up >= 12 m   -1.0;  medium need, lock-up >= 36 m: -0.5
 *   age >= 60 and lock-up >= 60 m          -0.8;  age >= 60 and annuity: +0.5 if age <= 65; age < 35 and annuity: -0.9
 *   business client, business product      +1.0;  business client, personal product: -1.5
 *   individual client, business product    -2.5
 *   equity-like product, 3-month trend     +0.04 per percent of index trend
 *   channel                                meeting +0.3, branch +0.1, call 0, email -0.4
 */
export const OBJECTIVE_CATEGORIES: Record<Objective, readonly string[]> = {
  capital_preservation: ['savings', 'time_deposit', 'government_bond', 'money_market', 'structured_deposit'],
  income: ['bond_fund', 'time_deposit', 'corporate_bond', 'annuity', 'equity_index_fund'],
  growth: [
    'equity_index_fund',
    'sector_fund',
    'equity',
    'cross_border_fund',
    'balanced_fund',
    'investment_linked',
    'convertible_bond',
  ],
  retirement: ['annuity', 'balanced_fund', 'bond_fund', 'medical'],
  education: ['annuity', 'balanced_fund', 'time_deposit'],
  home_purchase: ['mortgage', 'time_deposit', 'money_market'],
  protection: ['term_life', 'critical_illness', 'medical', 'accident'],
  liquidity: ['savings', 'money_market', 'credit_card', 'cash_management'],
  business_expansion: ['working_capital_loan', 'equipment_leasing', 'trade_finance'],
  working_capital: ['working_capital_loan', 'invoice_factoring', 'supply_chain_finance', 'cash_management'],
};

const EQUITY_LIKE = new Set([
  'equity_index_fund',
  'sector_fund',
  'equity',
  'cross_border_fund',
  'convertible_bond',
  'investment_linked',
  'balanced_fund',
]);
const CHANNEL_EFFECT: Record<InteractionChannel, number> = { meeting: 0.3, branch: 0.1, call: 0, email: -0.4 };

export interface PlantedContext {
  profile: ClientProfile;
  riskClass: RiskClass | null;
  age: number;
  product: Product;
  market: MarketSnapshot;
  channel: InteractionChannel;
}

/** Each named effect separately, so tests and model checks can see which one drives a difference. */
export function plantedEffects(c: PlantedContext): Record<string, number> {
  const { profile, product } = c;
  const effects: Record<string, number> = { base: -1.0 };
  const classNum = c.riskClass ? Number(c.riskClass.slice(1)) : 2;
  const gap = Number(product.riskGrade.slice(1)) - classNum;
  if (gap > 0) effects.riskGap = -1.1 * gap;
  else if (gap <= -3) effects.riskGap = -0.4;
  if (profile.objectives.some((o) => OBJECTIVE_CATEGORIES[o].includes(product.category))) effects.objective = 1.2;
  if (
    (product.rateKind === 'expected_return' || product.rateKind === 'fixed_rate') &&
    product.rateMin !== null &&
    product.rateMax !== null
  ) {
    const mid = (product.rateMin + product.rateMax) / 2;
    effects.yieldOverDeposit = Math.max(-1.4, Math.min(1.4, 0.35 * (mid - c.market.depositRate1y)));
  }
  if (profile.liquidityNeed === 'high' && product.lockupMonths >= 12) effects.liquidity = -1.0;
  else if (profile.liquidityNeed === 'medium' && product.lockupMonths >= 36) effects.liquidity = -0.5;
  let age = 0;
  if (profile.kind === 'individual') {
    if (c.age >= 60 && product.lockupMonths >= 60) age -= 0.8;
    if (product.category === 'annuity') age += c.age < 35 ? -0.9 : c.age >= 60 && c.age <= 65 ? 0.5 : 0;
  }
  if (age !== 0) effects.age = age;
  const businessProduct = product.family === 'business_finance';
  if (profile.kind === 'business')
    effects.kindFit = businessProduct || product.eligibility.clientKinds.includes('business') ? 1.0 : -1.5;
  else if (businessProduct) effects.kindFit = -2.5;
  if (EQUITY_LIKE.has(product.category)) effects.marketTrend = 0.04 * c.market.equityTrend3m;
  if (CHANNEL_EFFECT[c.channel] !== 0) effects.channel = CHANNEL_EFFECT[c.channel];
  return effects;
}

export function plantedLogit(c: PlantedContext): number {
  return Object.values(plantedEffects(c)).reduce((a, b) => a + b, 0);
}

export function plantedProbability(c: PlantedContext): number {
  return 1 / (1 + Math.exp(-plantedLogit(c)));
}
