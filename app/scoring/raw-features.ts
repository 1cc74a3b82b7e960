import type {
  CustomAttributes,
  InteractionChannel,
  KnowledgeLevel,
  LiquidityNeed,
  LiquidityTerm,
  MarketSnapshot,
  Product,
} from '../domain';
import type { RawFeatures, ScoredClient, ScoringContext } from './scoring-context';

const KNOWLEDGE: Record<KnowledgeLevel, number> = { none: 0, basic: 1, informed: 2, advanced: 3 };
const LIQUIDITY_NEED: Record<LiquidityNeed, number> = { low: 0, medium: 1, high: 2 };
const LIQUIDITY_TERM: Record<LiquidityTerm, number> = {
  daily: 0,
  weekly: 1,
  monthly: 2,
  quarterly: 3,
  at_maturity: 4,
  none: 5,
};
const MS_PER_YEAR = 365.25 * 24 * 3600 * 1000;

function yearsSince(date: string | null, at: string): number | null {
  if (!date) return null;
  const from = Date.parse(date.length === 10 ? `${date}T00:00:00Z` : date);
  const to = Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);
  if (!Number.isFinite(from) || !Number.isFinite(to)) return null;
  return (to - from) / MS_PER_YEAR;
}

/** Money spans orders of magnitude; a log keeps one millionaire from dominating the standardisation. */
function logMoney(v: number | null | undefined): number | null {
  return v === null || v === undefined || !Number.isFinite(v) ? null : Math.log1p(Math.max(0, v));
}

function ageBand(age: number | null): string {
  if (age === null) return 'none';
  return age < 35 ? 'lt35' : age < 50 ? '35-49' : age < 60 ? '50-59' : age <= 65 ? '60-65' : 'gt65';
}

function lockupBand(months: number): string {
  return months === 0 ? '0' : months < 12 ? 'lt12' : months < 36 ? '12-35' : months < 60 ? '36-59' : 'ge60';
}

/** What the crosses need from the client at one moment, worked out once per client rather than once per product. */
export interface ClientFacts {
  client: ScoredClient;
  at: string;
  individual: boolean;
  age: number | null;
  classNum: number | null;
  ageBand: string;
  liquidityNeed: number;
  logInvestable: number;
}

/** What the crosses need from the product, worked out once per product. */
export interface ProductFacts {
  product: Product;
  gradeNum: number;
  rateMid: number | null;
  termYears: number | null;
  lockupYears: number;
  lockupBand: string;
  /** The rate is a return (not a borrowing rate or a premium), so comparing it with deposits means something. */
  investmentRate: boolean;
  logMinimum: number;
}

export function clientFacts(client: ScoredClient, at: string): ClientFacts {
  const individual = client.kind === 'individual';
  const age = individual ? yearsSince(client.birthDate, at) : null;
  return {
    client,
    at,
    individual,
    age,
    classNum: client.riskClass ? Number(client.riskClass.slice(1)) : null,
    ageBand: ageBand(age),
    liquidityNeed: LIQUIDITY_NEED[client.liquidityNeed],
    logInvestable: Math.log1p(client.investableAssets),
  };
}

export function productFacts(product: Product): ProductFacts {
  return {
    product,
    gradeNum: Number(product.riskGrade.slice(1)),
    rateMid:
      product.rateMin !== null && product.rateMax !== null
        ? (product.rateMin + product.rateMax) / 2
        : (product.rateMin ?? product.rateMax),
    termYears: product.termMonths === null ? null : product.termMonths / 12,
    lockupYears: product.lockupMonths / 12,
    lockupBand: lockupBand(product.lockupMonths),
    investmentRate: product.rateKind === 'expected_return' || product.rateKind === 'fixed_rate',
    logMinimum: Math.log1p(product.minimumAmount),
  };
}

/** A number that depends on both the client and the product: computed per pair, declared once for every scorer. */
export interface NumericCross {
  name: string;
  value(c: ClientFacts, p: ProductFacts, market: MarketSnapshot | null): number | null;
  /**
   * Set when the value does not depend on the client (it must then equal value(c, p, market) for every c): a
   * scorer with a fixed market adds it to each product's part once instead of working it out per pair.
   */
  productValue?(p: ProductFacts, market: MarketSnapshot | null): number | null;
  /**
   * Everything value() reads from the product, as one number (NaN for a missing part): products with the same key
   * get the same value for any one client, so a scorer works the cross out once per key instead of once per pair.
   * Without it every product is taken to be different.
   */
  productKey?(p: ProductFacts): number;
}

/** A cross of the product and the market only. */
function productMarketCross(
  name: string,
  productValue: (p: ProductFacts, market: MarketSnapshot | null) => number | null,
): NumericCross {
  return { name, value: (_c, p, m) => productValue(p, m), productValue };
}

/**
 * A categorical cross as (client-side tokens, product-side token): its values are combine(clientToken, productToken)
 * for each client token, so a scorer can look a pair up in a table built once instead of building strings per pair.
 * No client tokens means the feature is missing.
 */
export interface CategoricalCross {
  name: string;
  clientTokens(c: ClientFacts): readonly string[];
  productToken(p: ProductFacts): string;
  combine(clientToken: string, productToken: string): string;
}

const joined = (clientToken: string, productToken: string): string => `${clientToken}|${productToken}`;

const byGrade = (p: ProductFacts): number => p.gradeNum;
const byLockup = (p: ProductFacts): number => p.lockupYears;

/** The crosses the domain says matter: risk gap, horizon vs term, yield over deposits, lock-up vs age and need. */
export const NUMERIC_CROSSES: readonly NumericCross[] = [
  // A risk gap above zero is what clients refuse, so its positive part is a feature of its own.
  {
    name: 'cross.riskGap',
    value: (c, p) => (c.classNum === null ? null : p.gradeNum - c.classNum),
    productKey: byGrade,
  },
  {
    name: 'cross.riskGapAbove',
    value: (c, p) => (c.classNum === null ? null : Math.max(0, p.gradeNum - c.classNum)),
    productKey: byGrade,
  },
  {
    name: 'cross.horizonMinusTerm',
    value: (c, p) => (p.termYears === null ? null : c.client.horizonYears - p.termYears),
    productKey: (p) => p.termYears ?? NaN,
  },
  {
    name: 'cross.lockupOverHorizon',
    value: (c, p) => Math.max(0, p.lockupYears - c.client.horizonYears),
    productKey: byLockup,
  },
  productMarketCross('cross.rateOverDeposit', (p, m) =>
    p.investmentRate && p.rateMid !== null && m ? p.rateMid - m.depositRate1y : null,
  ),
  productMarketCross('cross.rateOverInflation', (p, m) =>
    p.investmentRate && p.rateMid !== null && m ? p.rateMid - m.inflation : null,
  ),
  { name: 'cross.liquidityNeedXLockup', value: (c, p) => c.liquidityNeed * p.lockupYears, productKey: byLockup },
  {
    name: 'cross.ageXLockup',
    value: (c, p) => (c.age === null ? null : (c.age * p.lockupYears) / 10),
    productKey: byLockup,
  },
  {
    name: 'cross.minimumOverInvestable',
    value: (c, p) => p.logMinimum - c.logInvestable,
    productKey: (p) => p.logMinimum,
  },
  productMarketCross('cross.equityTrendXRisk', (p, m) => (m ? (m.equityTrend3m * p.gradeNum) / 5 : null)),
];

const NONE: readonly string[] = [];

/** Objective × category, kind × family, age band × category and the like: what the FM should not have to discover. */
export const CATEGORICAL_CROSSES: readonly CategoricalCross[] = [
  {
    name: 'cross.objectiveXCategory',
    clientTokens: (c) => c.client.objectives,
    productToken: (p) => p.product.category,
    combine: joined,
  },
  {
    name: 'cross.objectiveXFamily',
    clientTokens: (c) => c.client.objectives,
    productToken: (p) => p.product.family,
    combine: joined,
  },
  {
    name: 'cross.kindXFamily',
    clientTokens: (c) => [c.client.kind],
    productToken: (p) => p.product.family,
    combine: joined,
  },
  {
    name: 'cross.kindEligible',
    clientTokens: (c) => [c.client.kind],
    // Client kinds are fixed enum words without commas, so the list survives the round trip through one token.
    productToken: (p) => p.product.eligibility.clientKinds.join(','),
    combine: (kind, kinds) => `${kind}|${kinds.split(',').includes(kind)}`,
  },
  {
    name: 'cross.liquidityNeedXLockup',
    clientTokens: (c) => [c.client.liquidityNeed],
    productToken: (p) => p.lockupBand,
    combine: joined,
  },
  {
    name: 'cross.ageXCategory',
    clientTokens: (c) => (c.individual ? [c.ageBand] : NONE),
    productToken: (p) => p.product.category,
    combine: joined,
  },
  {
    name: 'cross.ageXLockup',
    clientTokens: (c) => (c.individual ? [c.ageBand] : NONE),
    productToken: (p) => p.lockupBand,
    combine: joined,
  },
  {
    name: 'cross.classXGrade',
    clientTokens: (c) => (c.client.riskClass ? [c.client.riskClass] : NONE),
    productToken: (p) => p.product.riskGrade,
    combine: joined,
  },
];

/**
 * Which part of a score a feature belongs to, by its name: `client` features (client.*, market.*, context.*)
 * are fixed for one client at one moment, `product` features for one product, `pair` features (cross.*, llm.*)
 * need both. A fast scorer sums the first two once and only the third per pair; null for any other name.
 */
export function featureSide(name: string): 'client' | 'product' | 'pair' | null {
  if (name.startsWith('product.')) return 'product';
  if (name.startsWith('cross.') || name.startsWith('llm.')) return 'pair';
  if (name.startsWith('client.') || name.startsWith('market.') || name.startsWith('context.')) return 'client';
  return null;
}

export function emptyRawFeatures(): RawFeatures {
  return { numeric: {}, categorical: {} };
}

/** Custom attributes become `prefix.name`; booleans count as numbers so they standardise like flags. */
function addCustom(raw: RawFeatures, prefix: string, attrs: CustomAttributes): void {
  for (const [name, value] of Object.entries(attrs)) {
    const key = `${prefix}.${name}`;
    if (typeof value === 'number') raw.numeric[key] = Number.isFinite(value) ? value : null;
    else if (typeof value === 'boolean') raw.numeric[key] = value ? 1 : 0;
    else if (typeof value === 'string') {
      // Numbers imported as text ("12.5") are still numbers; the encoder decides per attribute from training data.
      const trimmed = value.trim();
      const asNumber = trimmed === '' ? NaN : Number(trimmed);
      if (Number.isFinite(asNumber)) raw.numeric[key] = asNumber;
      raw.categorical[key] = trimmed === '' ? [] : [trimmed];
    } else {
      raw.numeric[key] = null;
      raw.categorical[key] = [];
    }
  }
}

/** client.* and client.custom.*: everything about the client at the moment `facts.at`. */
export function addClientFeatures(raw: RawFeatures, facts: ClientFacts): void {
  const { client, at, individual } = facts;
  const num = raw.numeric;
  const cat = raw.categorical;
  const income = individual ? client.annualIncome : client.annualRevenue;
  num['client.age'] = facts.age;
  num['client.yearsTrading'] = individual ? null : yearsSince(client.foundedDate, at);
  num['client.logIncome'] = logMoney(income);
  num['client.logInvestable'] = logMoney(client.investableAssets);
  num['client.logTotalAssets'] = logMoney(client.totalAssets);
  num['client.logLiabilities'] = logMoney(client.liabilities);
  num['client.debtToIncome'] = income && income > 0 ? (client.monthlyDebtPayments * 12) / income : null;
  num['client.dependents'] = client.dependents;
  num['client.employees'] = client.employees === null ? null : Math.log1p(client.employees);
  num['client.creditScore'] = client.creditScore;
  num['client.horizonYears'] = client.horizonYears;
  num['client.experienceYears'] = client.experienceYears;
  num['client.knowledge'] = KNOWLEDGE[client.knowledgeLevel];
  num['client.liquidityNeed'] = facts.liquidityNeed;
  num['client.riskClass'] = facts.classNum;
  num['client.kycAgeYears'] = yearsSince(client.kycReviewedAt, at);

  cat['client.kind'] = [client.kind];
  cat['client.riskClass'] = client.riskClass ? [client.riskClass] : [];
  cat['client.knowledge'] = [client.knowledgeLevel];
  cat['client.liquidityNeed'] = [client.liquidityNeed];
  cat['client.objective'] = [...client.objectives];
  cat['client.sector'] = client.sector ? [client.sector] : [];
  cat['client.occupation'] = client.occupation ? [client.occupation] : [];
  cat['client.creditRating'] = client.creditRating ? [client.creditRating] : [];
  cat['client.complexExperience'] = [String(client.complexProductExperience)];
  cat['client.professional'] = [String(client.professionalInvestor)];
  cat['client.sustainability'] =
    client.sustainabilityPreference === null ? [] : [String(client.sustainabilityPreference)];
  cat['client.id'] = [client.id];
  addCustom(raw, 'client.custom', client.customAttributes);
}

/** product.* and product.custom.*. */
export function addProductFeatures(raw: RawFeatures, facts: ProductFacts): void {
  const { product } = facts;
  const num = raw.numeric;
  const cat = raw.categorical;
  num['product.riskGrade'] = facts.gradeNum;
  num['product.rateMid'] = facts.rateMid;
  num['product.annualFeePct'] = product.annualFeePct;
  num['product.upfrontFeePct'] = product.upfrontFeePct;
  num['product.termYears'] = facts.termYears;
  num['product.lockupYears'] = facts.lockupYears;
  num['product.liquidity'] = LIQUIDITY_TERM[product.liquidity];
  num['product.logMinimum'] = logMoney(product.minimumAmount);
  num['product.complex'] = product.complex ? 1 : 0;
  num['product.insured'] = product.insured ? 1 : 0;

  cat['product.id'] = [product.id];
  cat['product.family'] = [product.family];
  cat['product.category'] = [product.category];
  cat['product.riskGrade'] = [product.riskGrade];
  cat['product.rateKind'] = [product.rateKind];
  cat['product.liquidity'] = [product.liquidity];
  cat['product.currency'] = [product.currency];
  cat['product.eligibleKinds'] = [...product.eligibility.clientKinds];
  addCustom(raw, 'product.custom', product.customAttributes);
}

/** market.*, context.* and market.custom.*: the moment the score is for, the same for every product. */
export function addMomentFeatures(
  raw: RawFeatures,
  market: MarketSnapshot | null,
  channel: InteractionChannel | null | undefined,
  contextAttributes: CustomAttributes | undefined,
): void {
  const num = raw.numeric;
  num['market.policyRate'] = market?.policyRate ?? null;
  num['market.depositRate1y'] = market?.depositRate1y ?? null;
  num['market.inflation'] = market?.inflation ?? null;
  num['market.equityTrend3m'] = market?.equityTrend3m ?? null;
  num['market.bondYield10y'] = market?.bondYield10y ?? null;
  for (const [name, value] of Object.entries(market?.indicators ?? {}))
    num[`market.${name}`] = Number.isFinite(value) ? value : null;
  raw.categorical['market.flag'] = [...(market?.regulatoryFlags ?? [])];
  raw.categorical['context.channel'] = channel ? [channel] : [];
  addCustom(raw, 'market.custom', contextAttributes ?? {});
}

/** cross.*: every declared cross for one pair. */
export function addCrossFeatures(
  raw: RawFeatures,
  c: ClientFacts,
  p: ProductFacts,
  market: MarketSnapshot | null,
): void {
  for (const cross of NUMERIC_CROSSES) raw.numeric[cross.name] = cross.value(c, p, market);
  for (const cross of CATEGORICAL_CROSSES) {
    const productToken = cross.productToken(p);
    raw.categorical[cross.name] = cross.clientTokens(c).map((token) => cross.combine(token, productToken));
  }
}

/** llm.<name> for each language-model signal; a signal that is null or not a finite number is missing. */
export function addSignalFeatures(
  raw: RawFeatures,
  signals: Readonly<Record<string, number | null>> | undefined,
): void {
  if (!signals) return;
  for (const [name, value] of Object.entries(signals))
    raw.numeric[`llm.${name}`] = value !== null && Number.isFinite(value) ? value : null;
}

/**
 * Turns one (client, product, market) into named features, including the crosses the domain says matter.
 * Crosses are explicit so the logistic baseline can use them too; the FM learns others itself.
 */
export function rawFeatures(ctx: ScoringContext): RawFeatures {
  const raw = emptyRawFeatures();
  const c = clientFacts(ctx.client, ctx.at);
  const p = productFacts(ctx.product);
  addClientFeatures(raw, c);
  addProductFeatures(raw, p);
  addMomentFeatures(raw, ctx.market, ctx.channel, ctx.contextAttributes);
  addCrossFeatures(raw, c, p, ctx.market);
  addSignalFeatures(raw, ctx.signals);
  return raw;
}
