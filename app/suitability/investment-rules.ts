import { categoryName } from '../domain/category-names';
import { KNOWLEDGE_LEVELS, type KnowledgeLevel, type LiquidityNeed } from '../domain/enums';
import { commitmentMonths, gradeIndex, money, monthsText, percent } from './suitability-facts';
import type { RuleCheck, SuitabilityFacts, SuitabilityRuleId } from './suitability-types';

const KNOWLEDGE_ZH: Record<KnowledgeLevel, string> = { none: '无', basic: '基础', informed: '较好', advanced: '丰富' };
const NEED_ZH: Record<LiquidityNeed, string> = { low: '低', medium: '中', high: '高' };

function check(ruleId: SuitabilityRuleId, passed: boolean, en: string, zh: string): RuleCheck {
  return { ruleId, passed, reason: { en, zh } };
}

/** Complex products need knowledge and either prior complex-product experience or enough years investing. */
export function checkComplexProductKnowledge(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.complexProducts;
  if (!rule.enabled || !f.product.complex) return null;
  const p = f.profile;
  if (p.professionalInvestor && rule.professionalWaiver) {
    return check(
      'complex-product-knowledge',
      true,
      'Complex product: the knowledge test is waived for a professional investor',
      '复杂产品：专业投资者免于知识经验要求',
    );
  }
  const knows = KNOWLEDGE_LEVELS.indexOf(p.knowledgeLevel) >= KNOWLEDGE_LEVELS.indexOf(rule.minKnowledge);
  const experienced = p.complexProductExperience || p.experienceYears >= rule.minExperienceYears;
  const held = p.complexProductExperience ? 'has held complex products before' : 'has not held complex products before';
  const heldZh = p.complexProductExperience ? '曾持有复杂产品' : '未曾持有复杂产品';
  const en = `Complex product: knowledge "${p.knowledgeLevel}" (needs "${rule.minKnowledge}" or more), ${p.experienceYears} years of experience (needs ${rule.minExperienceYears} or prior complex products), ${held}`;
  const zh = `复杂产品：客户投资知识"${KNOWLEDGE_ZH[p.knowledgeLevel]}"（要求"${KNOWLEDGE_ZH[rule.minKnowledge]}"及以上），投资经验 ${p.experienceYears} 年（要求 ${rule.minExperienceYears} 年或有复杂产品经验），${heldZh}`;
  return check('complex-product-knowledge', knows && experienced, en, zh);
}

export function checkHorizon(f: SuitabilityFacts): RuleCheck | null {
  if (!f.isInvestment || !f.ruleSet.rules.horizon.enabled) return null;
  const committed = commitmentMonths(f.product);
  const horizonMonths = f.profile.horizonYears * 12;
  const c = monthsText(committed);
  const passed = committed <= horizonMonths;
  return check(
    'horizon-term',
    passed,
    `Money is committed for ${c.en}; the client's horizon is ${f.profile.horizonYears} years (${horizonMonths} months)${passed ? '' : ', which is shorter'}`,
    `资金占用期限为 ${c.zh}；客户投资期限为 ${f.profile.horizonYears} 年（${horizonMonths} 个月）${passed ? '' : '，短于产品期限'}`,
  );
}

export function checkLiquidity(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.liquidity;
  if (!f.isInvestment || !rule.enabled) return null;
  const need = f.profile.liquidityNeed;
  const limit = rule.maxMonthsToCash[need];
  const committed = commitmentMonths(f.product);
  const c = monthsText(committed);
  const redemption = `${f.product.liquidity.replace('_', ' ')} redemption`;
  if (limit === null) {
    return check(
      'liquidity-redemption',
      true,
      `Money back after ${c.en} (${redemption}); no limit for a client with ${need} liquidity needs`,
      `资金约 ${c.zh}后可取回；流动性需求${NEED_ZH[need]}的客户无期限限制`,
    );
  }
  const passed = committed <= limit;
  return check(
    'liquidity-redemption',
    passed,
    `Money back after ${c.en} (${redemption}); a client with ${need} liquidity needs accepts at most ${limit} months`,
    `资金约 ${c.zh}后可取回；流动性需求${NEED_ZH[need]}的客户最多接受 ${limit} 个月`,
  );
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
    return check(
      'emergency-reserve',
      true,
      `Instant-access ${p.riskGrade} product: it can hold the emergency reserve rather than spend it`,
      `随时可取的 ${p.riskGrade} 产品：可作为应急资金存放，不占用应急储备`,
    );
  }
  const reserveMonths = f.profile.kind === 'business' ? rule.businessMonths : rule.individualMonths;
  const expenses = f.profile.monthlyExpenses;
  if (expenses === null) {
    return check(
      'emergency-reserve',
      false,
      `Monthly expenses are not recorded, so the ${reserveMonths}-month emergency reserve cannot be checked`,
      `未记录月支出，无法核实 ${reserveMonths} 个月的应急储备`,
    );
  }
  const reserve = reserveMonths * expenses;
  const left = f.profile.investableAssets - p.minimumAmount;
  const passed = left >= reserve;
  return check(
    'emergency-reserve',
    passed,
    `Investable assets ${money(f.profile.investableAssets)} less the minimum ${money(p.minimumAmount)} leave ${money(left)}; the reserve of ${reserveMonths} months' expenses is ${money(reserve)}`,
    `可投资资产 ${money(f.profile.investableAssets)} 扣除起投金额 ${money(p.minimumAmount)} 后剩余 ${money(left)}；${reserveMonths} 个月支出的应急储备为 ${money(reserve)}`,
  );
}

export function checkMinimumInvestment(f: SuitabilityFacts): RuleCheck | null {
  if (!f.isInvestment || !f.ruleSet.rules.minimumInvestment.enabled) return null;
  const min = f.product.minimumAmount;
  const assets = f.profile.investableAssets;
  return check(
    'minimum-investment',
    min <= assets,
    `Minimum investment ${money(min)} ${min <= assets ? 'is within' : 'exceeds'} investable assets ${money(assets)}`,
    `起投金额 ${money(min)} ${min <= assets ? '不超过' : '超过'}可投资资产 ${money(assets)}`,
  );
}

/**
 * Existing holdings plus the minimum, as a share of the client's investable wealth (investable assets, or
 * the sum of holdings where the records put that higher), per product and per category.
 */
export function checkConcentration(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.concentration;
  const p = f.product;
  if (!f.isInvestment || !rule.enabled) return null;
  const cat = categoryName(p.category);
  if ((rule.exemptInsured && p.insured) || rule.exemptCategories.includes(p.category)) {
    return check(
      'concentration',
      true,
      `No concentration limit for ${p.insured ? 'insured deposits' : `the ${cat.en.toLowerCase()} category`}`,
      `${p.insured ? '受存款保险保障的存款' : `${cat.zh}类产品`}不设集中度限制`,
    );
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
  return check(
    'concentration',
    passed,
    `Holding ${money(inProduct)} plus the minimum ${money(p.minimumAmount)} makes this product ${pct(productShare)} of ${money(base)} (limit ${percent(rule.maxSharePerProduct)}); the ${cat.en.toLowerCase()} category would be ${pct(categoryShare)} (limit ${percent(rule.maxSharePerCategory)})`,
    `已持有 ${money(inProduct)} 加起投金额 ${money(p.minimumAmount)}，本产品占 ${money(base)} 的 ${pct(productShare)}（上限 ${percent(rule.maxSharePerProduct)}）；${cat.zh}类合计占 ${pct(categoryShare)}（上限 ${percent(rule.maxSharePerCategory)}）`,
  );
}

export function checkAlreadyHeld(f: SuitabilityFacts): RuleCheck | null {
  const rule = f.ruleSet.rules.alreadyHeld;
  if (!rule.enabled || !rule.holdOnceCategories.includes(f.product.category)) return null;
  const held = f.holdings.filter((h) => h.clientId === f.clientId && h.productId === f.product.id);
  if (held.length === 0) {
    return check(
      'already-held',
      true,
      `Not yet held; a ${categoryName(f.product.category).en.toLowerCase()} product is held at most once`,
      `客户尚未持有；${categoryName(f.product.category).zh}类产品每位客户限持有一份`,
    );
  }
  const since = held.map((h) => h.acquiredOn).sort()[0]!;
  return check(
    'already-held',
    false,
    `Already held since ${since}; a ${categoryName(f.product.category).en.toLowerCase()} product is held at most once`,
    `客户自 ${since} 起已持有本产品；${categoryName(f.product.category).zh}类产品每位客户限持有一份`,
  );
}
