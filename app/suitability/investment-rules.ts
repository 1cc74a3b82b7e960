import { recordedText } from '../domain/localized-text';
import { categoryName } from '../domain/category-names';
import { KNOWLEDGE_LEVELS } from '../domain/enums';
import { message, type MessageParam } from '../messages';
import { gradeIndex, money, monthsText, percent } from './suitability-facts';
import { ruleCheck as check } from './suitability-facts';
import type { RuleAnswer, SuitabilityFacts } from './suitability-types';

/** A category's name inside a sentence: lower case in English ("the bond fund category"). */
function categoryInSentence(category: string): MessageParam {
  const name = recordedText(categoryName(category));
  return { en: name.en.toLowerCase(), zh: name.zh };
}

/** Complex products need knowledge and either prior complex-product experience or enough years investing. */
export function checkComplexProductKnowledge(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.complexProducts;
  if (!rule.enabled || !f.product.complex) return null;
  const p = f.profile;
  if (p.professionalInvestor && rule.professionalWaiver) {
    return check(f, 'complex-product-knowledge', true, 'suit.complex.waived');
  }
  const knows = KNOWLEDGE_LEVELS.indexOf(p.knowledgeLevel) >= KNOWLEDGE_LEVELS.indexOf(rule.minKnowledge);
  const experienced = p.complexProductExperience || p.experienceYears >= rule.minExperienceYears;
  return check(f, 'complex-product-knowledge', knows && experienced, 'suit.complex.check', () => ({
    knowledge: message(`suit.knowledge.${p.knowledgeLevel}`),
    minKnowledge: message(`suit.knowledge.${rule.minKnowledge}`),
    years: p.experienceYears,
    minYears: rule.minExperienceYears,
    held: message(p.complexProductExperience ? 'suit.complex.held' : 'suit.complex.notHeld'),
  }));
}

export function checkHorizon(f: SuitabilityFacts): RuleAnswer {
  if (!f.isInvestment || !f.ruleSet.rules.horizon.enabled) return null;
  const committed = f.commitment;
  const horizonMonths = f.profile.horizonYears * 12;
  const passed = committed <= horizonMonths;
  return check(f, 'horizon-term', passed, 'suit.horizon', () => ({
    committed: monthsText(committed),
    years: f.profile.horizonYears,
    months: horizonMonths,
    shorter: passed ? '' : message('suit.horizon.shorter'),
  }));
}

function liquidityFacts(f: SuitabilityFacts, committed: number): Record<string, MessageParam> {
  return {
    committed: monthsText(committed),
    redemption: message(`suit.redemption.${f.product.liquidity}`),
    need: message(`suit.need.${f.profile.liquidityNeed}`),
  };
}

export function checkLiquidity(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.liquidity;
  if (!f.isInvestment || !rule.enabled) return null;
  const need = f.profile.liquidityNeed;
  const limit = rule.maxMonthsToCash[need];
  const committed = f.commitment;
  if (limit === null)
    return check(f, 'liquidity-redemption', true, 'suit.liquidity.noLimit', () => liquidityFacts(f, committed));
  return check(f, 'liquidity-redemption', committed <= limit, 'suit.liquidity.check', () => ({
    ...liquidityFacts(f, committed),
    limit,
  }));
}

/**
 * Investable assets less the product's minimum must still cover the emergency reserve. Instant-access,
 * lowest-risk products are where the reserve is kept, so buying them does not spend it.
 */
export function checkEmergencyReserve(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.emergencyReserve;
  if (!f.isInvestment || !rule.enabled) return null;
  const p = f.product;
  if (
    rule.exemptUpToGrade &&
    p.liquidity === 'daily' &&
    p.lockupMonths === 0 &&
    gradeIndex(p.riskGrade) <= gradeIndex(rule.exemptUpToGrade)
  ) {
    return check(f, 'emergency-reserve', true, 'suit.reserve.exempt', () => ({ grade: p.riskGrade }));
  }
  const reserveMonths = f.profile.kind === 'business' ? rule.businessMonths : rule.individualMonths;
  const expenses = f.profile.monthlyExpenses;
  if (expenses === null) {
    return check(f, 'emergency-reserve', false, 'suit.reserve.noExpenses', () => ({ months: reserveMonths }));
  }
  const reserve = reserveMonths * expenses;
  const left = f.profile.investableAssets - p.minimumAmount;
  const passed = left >= reserve;
  // A minimum above the assets leaves a negative remainder: say so rather than quote "leave CNY -40,000".
  if (left < 0)
    return check(f, 'emergency-reserve', passed, 'reasonCheck.reserve.short', () => ({
      assets: money(f.profile.investableAssets),
      minimum: money(p.minimumAmount, p.currency),
      months: reserveMonths,
      reserve: money(reserve),
    }));
  return check(f, 'emergency-reserve', passed, 'suit.reserve.check', () => ({
    assets: money(f.profile.investableAssets),
    minimum: money(p.minimumAmount, p.currency),
    left: money(left),
    months: reserveMonths,
    reserve: money(reserve),
  }));
}

export function checkMinimumInvestment(f: SuitabilityFacts): RuleAnswer {
  if (!f.isInvestment || !f.ruleSet.rules.minimumInvestment.enabled) return null;
  const min = f.product.minimumAmount;
  // No minimum, nothing to weigh against the assets ("Minimum investment CNY 0 is within …" told nobody anything).
  if (min <= 0) return null;
  const assets = f.profile.investableAssets;
  const within = min <= assets;
  return check(f, 'minimum-investment', within, within ? 'suit.minimum.within' : 'suit.minimum.exceeds', () => ({
    minimum: money(min, f.product.currency),
    assets: money(assets),
  }));
}

/**
 * The client's holdings in the product or its category: the sums worked out per client, unless the catalog
 * files the product under another category than the one given, where the holdings are walked as they are.
 */
function heldInCategory(f: SuitabilityFacts): number {
  const p = f.product;
  if (f.heldByProduct.has(p.id) && f.catalog.get(p.id)?.category !== p.category) {
    let sum = 0;
    for (const h of f.holdings)
      if (h.productId === p.id || f.catalog.get(h.productId)?.category === p.category) sum += h.amount;
    return sum;
  }
  return f.heldByCategory.get(p.category) ?? 0;
}

/** Holdings plus the minimum as a share of the base; with nothing to weigh them against, an infinite share. */
function shareAfter(held: number, minimum: number, base: number): number {
  return held + minimum === 0 ? 0 : base > 0 ? (held + minimum) / base : Number.POSITIVE_INFINITY;
}

function shareText(share: number): string {
  return Number.isFinite(share) ? percent(share) : '∞';
}

/**
 * Existing holdings plus the minimum, as a share of the client's investable wealth (investable assets, or
 * the sum of holdings where the records put that higher), per product and per category.
 */
export function checkConcentration(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.concentration;
  const p = f.product;
  if (!f.isInvestment || !rule.enabled) return null;
  if ((rule.exemptInsured && p.insured) || rule.exemptCategories.includes(p.category)) {
    return check(f, 'concentration', true, 'suit.concentration.exempt', () => ({
      what: p.insured
        ? message('suit.concentration.insured')
        : message('suit.concentration.category', { category: categoryInSentence(p.category) }),
    }));
  }
  const inProduct = f.heldByProduct.get(p.id) ?? 0;
  const inCategory = heldInCategory(f);
  const base = Math.max(f.profile.investableAssets, f.heldTotal);
  const productShare = shareAfter(inProduct, p.minimumAmount, base);
  const categoryShare = shareAfter(inCategory, p.minimumAmount, base);
  // Nothing held and no minimum to buy: there is nothing to concentrate, and "CNY 0 plus CNY 0" says nothing.
  if (inProduct === 0 && inCategory === 0 && p.minimumAmount <= 0) return null;
  const passed = productShare <= rule.maxSharePerProduct && categoryShare <= rule.maxSharePerCategory;
  return check(
    f,
    'concentration',
    passed,
    p.minimumAmount > 0 ? 'suit.concentration.check' : 'reasonCheck.concentration.holding',
    () => ({
      held: money(inProduct),
      ...(p.minimumAmount > 0 ? { minimum: money(p.minimumAmount, p.currency) } : {}),
      productShare: shareText(productShare),
      base: money(base),
      productLimit: percent(rule.maxSharePerProduct),
      category: categoryInSentence(p.category),
      categoryShare: shareText(categoryShare),
      categoryLimit: percent(rule.maxSharePerCategory),
    }),
  );
}

export function checkAlreadyHeld(f: SuitabilityFacts): RuleAnswer {
  const rule = f.ruleSet.rules.alreadyHeld;
  if (!rule.enabled || !rule.holdOnceCategories.includes(f.product.category)) return null;
  const since = f.firstAcquired.get(f.product.id);
  if (since === undefined)
    return check(f, 'already-held', true, 'suit.alreadyHeld.no', () => ({
      category: categoryInSentence(f.product.category),
    }));
  return check(f, 'already-held', false, 'suit.alreadyHeld.yes', () => ({
    since,
    category: categoryInSentence(f.product.category),
  }));
}
