import { recordedText } from '../domain/localized-text';
import { categoryName } from '../domain/category-names';
import { KNOWLEDGE_LEVELS } from '../domain/enums';
import { message, type MessageParam } from '../messages';
import { commitmentMonths, gradeIndex, money, monthsText, percent } from './suitability-facts';
import { ruleCheck as check } from './suitability-facts';
import type { RuleCheck, SuitabilityFacts } from './suitability-types';

/** A category's name inside a sentence: lower case in English ("the bond fund category"). */
function categoryInSentence(category: string): MessageParam {
  const name = recordedText(categoryName(category));
  return { en: name.en.toLowerCase(), zh: name.zh };
}

/** Complex products need knowledge and either prior complex-product experience or enough years investing. */
export function checkComplexProductKnowledge(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.complexProducts;
  if (!rule.enabled || !f.product.complex) return null;
  const p = f.profile;
  if (p.professionalInvestor && rule.professionalWaiver) {
    return check('complex-product-knowledge', true, 'suit.complex.waived');
  }
  const knows = KNOWLEDGE_LEVELS.indexOf(p.knowledgeLevel) >= KNOWLEDGE_LEVELS.indexOf(rule.minKnowledge);
  const experienced = p.complexProductExperience || p.experienceYears >= rule.minExperienceYears;
  return check('complex-product-knowledge', knows && experienced, 'suit.complex.check', {
    knowledge: message(`suit.knowledge.${p.knowledgeLevel}`),
    minKnowledge: message(`suit.knowledge.${rule.minKnowledge}`),
    years: p.experienceYears,
    minYears: rule.minExperienceYears,
    held: message(p.complexProductExperience ? 'suit.complex.held' : 'suit.complex.notHeld'),
  });
}

export function checkHorizon(f: SuitabilityFacts): RuleCheck | null {
  if (!f.isInvestment || !f.ruleSet.rules.horizon.enabled) return null;
  const committed = commitmentMonths(f.product);
  const horizonMonths = f.profile.horizonYears * 12;
  const passed = committed <= horizonMonths;
  return check('horizon-term', passed, 'suit.horizon', {
    committed: monthsText(committed),
    years: f.profile.horizonYears,
    months: horizonMonths,
    shorter: passed ? '' : message('suit.horizon.shorter'),
  });
}

export function checkLiquidity(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.liquidity;
  if (!f.isInvestment || !rule.enabled) return null;
  const need = f.profile.liquidityNeed;
  const limit = rule.maxMonthsToCash[need];
  const committed = commitmentMonths(f.product);
  const facts = {
    committed: monthsText(committed),
    redemption: message(`suit.redemption.${f.product.liquidity}`),
    need: message(`suit.need.${need}`),
  };
  if (limit === null) return check('liquidity-redemption', true, 'suit.liquidity.noLimit', facts);
  return check('liquidity-redemption', committed <= limit, 'suit.liquidity.check', { ...facts, limit });
}

/**
 * Investable assets less the product's minimum must still cover the emergency reserve. Instant-access,
 * lowest-risk products are where the reserve is kept, so buying them does not spend it.
 */
export function checkEmergencyReserve(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.emergencyReserve;
  if (!f.isInvestment || !rule.enabled) return null;
  const p = f.product;
  if (
    rule.exemptUpToGrade &&
    p.liquidity === 'daily' &&
    p.lockupMonths === 0 &&
    gradeIndex(p.riskGrade) <= gradeIndex(rule.exemptUpToGrade)
  ) {
    return check('emergency-reserve', true, 'suit.reserve.exempt', { grade: p.riskGrade });
  }
  const reserveMonths = f.profile.kind === 'business' ? rule.businessMonths : rule.individualMonths;
  const expenses = f.profile.monthlyExpenses;
  if (expenses === null) {
    return check('emergency-reserve', false, 'suit.reserve.noExpenses', { months: reserveMonths });
  }
  const reserve = reserveMonths * expenses;
  const left = f.profile.investableAssets - p.minimumAmount;
  const passed = left >= reserve;
  return check('emergency-reserve', passed, 'suit.reserve.check', {
    assets: money(f.profile.investableAssets),
    minimum: money(p.minimumAmount),
    left: money(left),
    months: reserveMonths,
    reserve: money(reserve),
  });
}

export function checkMinimumInvestment(f: SuitabilityFacts): RuleCheck | null {
  if (!f.isInvestment || !f.ruleSet.rules.minimumInvestment.enabled) return null;
  const min = f.product.minimumAmount;
  const assets = f.profile.investableAssets;
  return check('minimum-investment', min <= assets, min <= assets ? 'suit.minimum.within' : 'suit.minimum.exceeds', {
    minimum: money(min),
    assets: money(assets),
  });
}

/**
 * Existing holdings plus the minimum, as a share of the client's investable wealth (investable assets, or
 * the sum of holdings where the records put that higher), per product and per category.
 */
export function checkConcentration(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.concentration;
  const p = f.product;
  if (!f.isInvestment || !rule.enabled) return null;
  const category = categoryInSentence(p.category);
  if ((rule.exemptInsured && p.insured) || rule.exemptCategories.includes(p.category)) {
    return check('concentration', true, 'suit.concentration.exempt', {
      what: p.insured ? message('suit.concentration.insured') : message('suit.concentration.category', { category }),
    });
  }
  const own = f.holdings.filter((h) => h.clientId === f.clientId);
  const total = own.reduce((s, h) => s + h.amount, 0);
  const inProduct = own.filter((h) => h.productId === p.id).reduce((s, h) => s + h.amount, 0);
  const inCategory = own
    .filter((h) => h.productId === p.id || f.catalog.get(h.productId)?.category === p.category)
    .reduce((s, h) => s + h.amount, 0);
  const base = Math.max(f.profile.investableAssets, total);
  const shareOf = (held: number) =>
    held + p.minimumAmount === 0 ? 0 : base > 0 ? (held + p.minimumAmount) / base : Number.POSITIVE_INFINITY;
  const productShare = shareOf(inProduct);
  const categoryShare = shareOf(inCategory);
  const passed = productShare <= rule.maxSharePerProduct && categoryShare <= rule.maxSharePerCategory;
  const pct = (x: number) => (Number.isFinite(x) ? percent(x) : '∞');
  return check('concentration', passed, 'suit.concentration.check', {
    held: money(inProduct),
    minimum: money(p.minimumAmount),
    productShare: pct(productShare),
    base: money(base),
    productLimit: percent(rule.maxSharePerProduct),
    category,
    categoryShare: pct(categoryShare),
    categoryLimit: percent(rule.maxSharePerCategory),
  });
}

export function checkAlreadyHeld(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.alreadyHeld;
  if (!rule.enabled || !rule.holdOnceCategories.includes(f.product.category)) return null;
  const held = f.holdings.filter((h) => h.clientId === f.clientId && h.productId === f.product.id);
  const category = categoryInSentence(f.product.category);
  if (held.length === 0) return check('already-held', true, 'suit.alreadyHeld.no', { category });
  const since = held.map((h) => h.acquiredOn).sort()[0]!;
  return check('already-held', false, 'suit.alreadyHeld.yes', { since, category });
}
