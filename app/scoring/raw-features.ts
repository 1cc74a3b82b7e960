import type { CustomAttributes, KnowledgeLevel, LiquidityNeed, LiquidityTerm } from '../domain';
import type { RawFeatures, ScoringContext } from './scoring-context';

const KNOWLEDGE: Record<KnowledgeLevel, number> = { none: 0, basic: 1, informed: 2, advanced: 3 };
const LIQUIDITY_NEED: Record<LiquidityNeed, number> = { low: 0, medium: 1, high: 2 };
const LIQUIDITY_TERM: Record<LiquidityTerm, number> = { daily: 0, weekly: 1, monthly: 2, quarterly: 3, at_maturity: 4, none: 5 };
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

/**
 * Turns one (client, product, market) into named features, including the crosses the domain says matter
 * (risk gap, horizon vs term, yield over deposits, objective × category, liquidity need × lock-up, kind × family,
 * age × category). Crosses are explicit so the logistic baseline can use them too; the FM learns others itself.
 */
export function rawFeatures(ctx: ScoringContext): RawFeatures {
  const { client, product, market } = ctx;
  const num: Record<string, number | null> = {};
  const cat: Record<string, string[]> = {};
  const individual = client.kind === 'individual';
  const age = individual ? yearsSince(client.birthDate, ctx.at) : null;
  const classNum = client.riskClass ? Number(client.riskClass.slice(1)) : null;
  const gradeNum = Number(product.riskGrade.slice(1));
  const rateMid = product.rateMin !== null && product.rateMax !== null ? (product.rateMin + product.rateMax) / 2 : product.rateMin ?? product.rateMax;
  const termYears = product.termMonths === null ? null : product.termMonths / 12;
  const lockupYears = product.lockupMonths / 12;
  const income = individual ? client.annualIncome : client.annualRevenue;

  num['client.age'] = age;
  num['client.yearsTrading'] = individual ? null : yearsSince(client.foundedDate, ctx.at);
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
  num['client.liquidityNeed'] = LIQUIDITY_NEED[client.liquidityNeed];
  num['client.riskClass'] = classNum;
  num['client.kycAgeYears'] = yearsSince(client.kycReviewedAt, ctx.at);

  num['product.riskGrade'] = gradeNum;
  num['product.rateMid'] = rateMid;
  num['product.annualFeePct'] = product.annualFeePct;
  num['product.upfrontFeePct'] = product.upfrontFeePct;
  num['product.termYears'] = termYears;
  num['product.lockupYears'] = lockupYears;
  num['product.liquidity'] = LIQUIDITY_TERM[product.liquidity];
  num['product.logMinimum'] = logMoney(product.minimumAmount);
  num['product.complex'] = product.complex ? 1 : 0;
  num['product.insured'] = product.insured ? 1 : 0;

  num['market.policyRate'] = market?.policyRate ?? null;
  num['market.depositRate1y'] = market?.depositRate1y ?? null;
  num['market.inflation'] = market?.inflation ?? null;
  num['market.equityTrend3m'] = market?.equityTrend3m ?? null;
  num['market.bondYield10y'] = market?.bondYield10y ?? null;
  for (const [name, value] of Object.entries(market?.indicators ?? {})) num[`market.${name}`] = Number.isFinite(value) ? value : null;

  // Crosses. A risk gap above zero is what clients refuse, so its positive part is a feature of its own.
  const gap = classNum === null ? null : gradeNum - classNum;
  num['cross.riskGap'] = gap;
  num['cross.riskGapAbove'] = gap === null ? null : Math.max(0, gap);
  num['cross.horizonMinusTerm'] = termYears === null ? null : client.horizonYears - termYears;
  num['cross.lockupOverHorizon'] = Math.max(0, lockupYears - client.horizonYears);
  const investmentRate = product.rateKind === 'expected_return' || product.rateKind === 'fixed_rate';
  num['cross.rateOverDeposit'] = investmentRate && rateMid !== null && market ? rateMid - market.depositRate1y : null;
  num['cross.rateOverInflation'] = investmentRate && rateMid !== null && market ? rateMid - market.inflation : null;
  num['cross.liquidityNeedXLockup'] = LIQUIDITY_NEED[client.liquidityNeed] * lockupYears;
  num['cross.ageXLockup'] = age === null ? null : (age * lockupYears) / 10;
  num['cross.minimumOverInvestable'] = Math.log1p(product.minimumAmount) - Math.log1p(client.investableAssets);
  num['cross.equityTrendXRisk'] = market ? (market.equityTrend3m * gradeNum) / 5 : null;

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
  cat['client.sustainability'] = client.sustainabilityPreference === null ? [] : [String(client.sustainabilityPreference)];
  cat['client.id'] = [client.id];
  cat['product.id'] = [product.id];
  cat['product.family'] = [product.family];
  cat['product.category'] = [product.category];
  cat['product.riskGrade'] = [product.riskGrade];
  cat['product.rateKind'] = [product.rateKind];
  cat['product.liquidity'] = [product.liquidity];
  cat['product.currency'] = [product.currency];
  cat['product.eligibleKinds'] = [...product.eligibility.clientKinds];
  cat['market.flag'] = [...(market?.regulatoryFlags ?? [])];
  cat['context.channel'] = ctx.channel ? [ctx.channel] : [];

  cat['cross.objectiveXCategory'] = client.objectives.map((o) => `${o}|${product.category}`);
  cat['cross.objectiveXFamily'] = client.objectives.map((o) => `${o}|${product.family}`);
  cat['cross.kindXFamily'] = [`${client.kind}|${product.family}`];
  cat['cross.kindEligible'] = [`${client.kind}|${product.eligibility.clientKinds.includes(client.kind)}`];
  cat['cross.liquidityNeedXLockup'] = [`${client.liquidityNeed}|${lockupBand(product.lockupMonths)}`];
  cat['cross.ageXCategory'] = individual ? [`${ageBand(age)}|${product.category}`] : [];
  cat['cross.ageXLockup'] = individual ? [`${ageBand(age)}|${lockupBand(product.lockupMonths)}`] : [];
  cat['cross.classXGrade'] = client.riskClass ? [`${client.riskClass}|${product.riskGrade}`] : [];

  const raw: RawFeatures = { numeric: num, categorical: cat };
  addCustom(raw, 'client.custom', client.customAttributes);
  addCustom(raw, 'product.custom', product.customAttributes);
  addCustom(raw, 'market.custom', ctx.contextAttributes ?? {});
  return raw;
}
