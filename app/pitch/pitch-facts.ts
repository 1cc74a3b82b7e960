import { categoryName } from '../domain/category-names';
import type { ClientProfile } from '../domain/client';
import type { ClientKind, Objective, ProductFamily, RateKind, RiskGrade } from '../domain/enums';
import { recordedText, type LocalizedText } from '../domain/localized-text';
import type { MarketSnapshot } from '../domain/market';
import type { Product } from '../domain/product';
import type { SuitabilityClient, SuitabilityResult } from '../suitability/suitability-types';
import { redactPersonalData } from './client-text';
import { gradeStatement, requiredDisclosure } from './disclosure';
import {
  ageBand,
  amountBand,
  formatAmount,
  formatMonths,
  formatPercent,
  formatRange,
  formatRangeZh,
  yearsBand,
} from './formatting';
import { extractNumbers, type NumberUnit } from './number-extraction';
import { t } from './pitch-types';

export type FactGroup = 'client' | 'product' | 'market' | 'suitability';

/** A figure a pitch may quote, traced to the fact it came from. */
export interface FactNumber {
  key: string;
  value: number;
  unit: NumberUnit;
}

/**
 * One fact the prompt may use. `dropRank` null means essential; otherwise facts are dropped to fit a small
 * context in ascending rank (see DROP_ORDER). Only product and market facts are quotable: a pitch may
 * repeat their figures, never the client's.
 */
export interface PitchFact {
  key: string;
  group: FactGroup;
  label: LocalizedText;
  value: LocalizedText;
  quotable: boolean;
  dropRank: number | null;
  /** Client free text: goes inside the data block, marked as data. */
  freeText: boolean;
  numbers: FactNumber[];
}

/**
 * The order optional facts leave a prompt that does not fit, first to last. Market colour goes first and
 * the client's objectives last, because a pitch without them is no longer personal.
 */
export const DROP_ORDER: readonly { rank: number; what: string }[] = [
  { rank: 1, what: 'secondary market figures: policy rate, inflation, 10-year bond yield, equity trend' },
  { rank: 2, what: 'the list of suitability checks passed' },
  { rank: 3, what: "the client's own words: notes and stated goals" },
  { rank: 4, what: 'the one-year deposit rate and the market date' },
  { rank: 5, what: 'the product description' },
  { rank: 6, what: 'client knowledge, wealth band, sector and sustainability preference' },
  { rank: 7, what: 'client age band or years trading, and liquidity need' },
  { rank: 8, what: 'client objectives and horizon' },
];

export interface PitchProductFacts {
  id: string;
  family: ProductFamily;
  category: string;
  riskGrade: RiskGrade;
  rateKind: RateKind;
  rateMin: number | null;
  rateMax: number | null;
  insured: boolean;
  complex: boolean;
  currency: string;
  name: LocalizedText;
  categoryName: LocalizedText;
  description: LocalizedText;
  /** Texts from the product record a pitch may quote word for word (name, description, disclosure). */
  quotedTexts: LocalizedText[];
}

export interface PitchFacts {
  clientKind: ClientKind;
  salutation: LocalizedText;
  product: PitchProductFacts;
  /** The product's risk disclosure, to be carried word for word. */
  disclosure: LocalizedText;
  /** The grade sentence, carried with the disclosure. */
  gradeStatement: LocalizedText;
  suitability: SuitabilityResult;
  facts: PitchFact[];
}

export interface PitchFactOptions {
  /** YYYY-MM-DD: for the age band. */
  today: string;
  /** How the pitch addresses the client; the generic form unless the advisor chose another. */
  salutation?: LocalizedText;
  /** The client's goals in their own words, from a meeting: free text, treated as data. */
  goalsText?: string;
}

export const GENERIC_SALUTATION: LocalizedText = { en: 'Dear client', zh: '尊敬的客户' };

function numbersOf(key: string, ...texts: LocalizedText[]): FactNumber[] {
  const out: FactNumber[] = [];
  for (const text of texts)
    for (const s of [text.en, text.zh])
      for (const n of extractNumbers(s)) out.push({ key, value: n.value, unit: n.unit });
  return out;
}

function fact(
  key: string,
  group: FactGroup,
  label: LocalizedText,
  value: LocalizedText,
  dropRank: number | null,
  freeText = false,
): PitchFact {
  const quotable = group === 'product' || group === 'market';
  return {
    key,
    group,
    label,
    value,
    quotable,
    dropRank,
    freeText,
    numbers: quotable ? numbersOf(key, label, value) : [],
  };
}

const OBJECTIVES: Record<Objective, LocalizedText> = {
  capital_preservation: t('preserving capital', '资本保值'),
  income: t('regular income', '稳定收入'),
  growth: t('long-term growth', '长期增值'),
  retirement: t('retirement', '养老'),
  education: t("children's education", '子女教育'),
  home_purchase: t('buying a home', '购房'),
  protection: t('protecting the family', '家庭保障'),
  liquidity: t('keeping money available', '资金灵活'),
  business_expansion: t('expanding the business', '业务扩张'),
  working_capital: t('working capital', '营运资金'),
};
const NEED = { low: t('low', '低'), medium: t('medium', '中'), high: t('high', '高') };
const KNOWLEDGE = {
  none: t('none', '无'),
  basic: t('basic', '基础'),
  informed: t('informed', '较好'),
  advanced: t('advanced', '丰富'),
};
const LIQUIDITY = {
  daily: t('can be redeemed on any business day', '可在任一工作日赎回'),
  weekly: t('can be redeemed weekly', '每周可赎回'),
  monthly: t('can be redeemed monthly', '每月可赎回'),
  quarterly: t('can be redeemed quarterly', '每季度可赎回'),
  at_maturity: t('paid back at maturity', '到期兑付'),
  none: t('no early redemption', '不可提前赎回'),
};

function profileOf(client: SuitabilityClient): ClientProfile {
  return 'profile' in client ? client.profile : client;
}

function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return Math.floor(((ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0)) / 12);
}

/** Client facts: bands and categories, never the name, contact data, birth date or exact balances. */
export function clientPitchFacts(client: SuitabilityClient, options: PitchFactOptions): PitchFact[] {
  const p = profileOf(client);
  const out: PitchFact[] = [];
  const business = p.kind === 'business';
  out.push(
    fact(
      'client.kind',
      'client',
      t('Client type', '客户类型'),
      business ? t('small business', '小微企业') : t('individual', '个人'),
      null,
    ),
  );
  out.push(
    fact(
      'client.riskClass',
      'client',
      t('Risk class', '风险承受等级'),
      client.riskClass ? t(client.riskClass, client.riskClass) : t('not assessed', '未评估'),
      null,
    ),
  );
  if (p.objectives.length > 0) {
    out.push(
      fact(
        'client.objectives',
        'client',
        t('Objectives', '投资目标'),
        {
          en: p.objectives.map((o) => OBJECTIVES[o].en).join(', '),
          zh: p.objectives.map((o) => OBJECTIVES[o].zh).join('、'),
        },
        8,
      ),
    );
  }
  out.push(
    fact(
      'client.horizon',
      'client',
      t('Horizon', '投资期限'),
      recordedText(formatMonths(Math.round(p.horizonYears * 12))),
      8,
    ),
  );
  out.push(
    fact('client.liquidityNeed', 'client', t('Need for access to money', '流动性需求'), NEED[p.liquidityNeed], 7),
  );
  if (!business && p.birthDate)
    out.push(
      fact(
        'client.ageBand',
        'client',
        t('Age band', '年龄段'),
        recordedText(ageBand(wholeYears(p.birthDate, options.today))),
        7,
      ),
    );
  if (business && p.foundedDate)
    out.push(
      fact(
        'client.yearsTrading',
        'client',
        t('Years trading', '经营年限'),
        recordedText(yearsBand(wholeYears(p.foundedDate, options.today))),
        7,
      ),
    );
  if (business && p.sector)
    out.push(
      fact(
        'client.sector',
        'client',
        t('Sector', '所属行业'),
        t(p.sector.replace(/_/g, ' '), p.sector.replace(/_/g, ' ')),
        6,
      ),
    );
  out.push(fact('client.knowledge', 'client', t('Investment knowledge', '投资知识'), KNOWLEDGE[p.knowledgeLevel], 6));
  out.push(
    fact(
      business ? 'client.revenueBand' : 'client.investableBand',
      'client',
      business ? t('Annual revenue band', '年营业收入区间') : t('Investable assets band', '可投资资产区间'),
      recordedText(amountBand(business ? (p.annualRevenue ?? 0) : p.investableAssets)),
      6,
    ),
  );
  if (p.sustainabilityPreference !== null) {
    out.push(
      fact(
        'client.sustainability',
        'client',
        t('Sustainability preference', '可持续投资偏好'),
        p.sustainabilityPreference ? t('yes', '有') : t('no', '无'),
        6,
      ),
    );
  }
  const known = { displayName: p.displayName, email: p.email, phone: p.phone };
  const notes = redactPersonalData(p.notes, known).trim();
  if (notes)
    out.push(fact('client.notes', 'client', t('Advisor notes about the client', '客户备注'), t(notes, notes), 3, true));
  const goals = redactPersonalData(options.goalsText ?? '', known).trim();
  if (goals)
    out.push(
      fact(
        'client.goalsText',
        'client',
        t("Client's goals in their own words", '客户自述目标'),
        t(goals, goals),
        3,
        true,
      ),
    );
  return out;
}

function rateFact(product: Product): PitchFact | null {
  const { rateMin, rateMax, rateKind } = product;
  if (rateKind === 'none' || (rateMin === null && rateMax === null)) return null;
  const lo = rateMin ?? rateMax!;
  const hi = rateMax ?? rateMin!;
  const en = formatRange(lo, hi);
  const zh = formatRangeZh(lo, hi);
  const labels: Record<Exclude<RateKind, 'none'>, [LocalizedText, LocalizedText]> = {
    expected_return: [
      t('Expected return range (not guaranteed)', '预期收益区间（不构成保证）'),
      t(`${en} a year`, `每年 ${zh}`),
    ],
    fixed_rate: [t('Fixed rate', '固定利率'), t(`${en} a year`, `每年 ${zh}`)],
    borrowing_rate: [t('Borrowing rate', '贷款利率'), t(`${en} a year`, `每年 ${zh}`)],
    premium_rate: [
      t('Yearly premium as a share of cover', '年保费占保额比例'),
      t(`${en} of the cover a year`, `每年保额的 ${zh}`),
    ],
  };
  const [label, value] = labels[rateKind];
  return fact('product.rate', 'product', label, value, null);
}

/** Product facts: what the record says, nothing else, so every figure a pitch quotes can be traced here. */
export function productPitchFacts(product: Product): PitchFact[] {
  const out: PitchFact[] = [];
  const category = recordedText(categoryName(product.category));
  out.push(fact('product.name', 'product', t('Product', '产品'), t(product.nameEn, product.nameZh), null));
  out.push(fact('product.category', 'product', t('Category', '类别'), category, null));
  out.push(
    fact('product.riskGrade', 'product', t('Risk grade', '风险等级'), t(product.riskGrade, product.riskGrade), null),
  );
  const rate = rateFact(product);
  if (rate) out.push(rate);
  const fees: LocalizedText[] = [];
  if (product.annualFeePct > 0)
    fees.push(t(`annual fee ${formatPercent(product.annualFeePct)}`, `年费率 ${formatPercent(product.annualFeePct)}`));
  if (product.upfrontFeePct > 0)
    fees.push(
      t(`upfront fee ${formatPercent(product.upfrontFeePct)}`, `认购费率 ${formatPercent(product.upfrontFeePct)}`),
    );
  out.push(
    fact(
      'product.fees',
      'product',
      t('Fees', '费用'),
      fees.length > 0
        ? { en: fees.map((f) => f.en).join(', '), zh: fees.map((f) => f.zh).join('，') }
        : t('no annual or upfront fee', '无年费及认购费'),
      null,
    ),
  );
  if (product.termMonths !== null && product.termMonths > 0)
    out.push(fact('product.term', 'product', t('Term', '期限'), recordedText(formatMonths(product.termMonths)), null));
  if (product.lockupMonths > 0)
    out.push(
      fact('product.lockup', 'product', t('Lock-up', '锁定期'), recordedText(formatMonths(product.lockupMonths)), null),
    );
  out.push(fact('product.liquidity', 'product', t('Access to money', '流动性'), LIQUIDITY[product.liquidity], null));
  if (product.minimumAmount > 0)
    out.push(
      fact(
        'product.minimum',
        'product',
        t('Minimum amount', '起购金额'),
        formatAmount(product.minimumAmount, product.currency),
        null,
      ),
    );
  if (product.currency !== 'CNY')
    out.push(fact('product.currency', 'product', t('Currency', '币种'), t(product.currency, product.currency), null));
  if (product.insured)
    out.push(
      fact(
        'product.insured',
        'product',
        t('Deposit insurance', '存款保险'),
        t('covered by deposit insurance up to its limit', '在存款保险限额内受保障'),
        null,
      ),
    );
  if (product.complex)
    out.push(fact('product.complex', 'product', t('Complexity', '复杂程度'), t('complex product', '复杂产品'), null));
  if (product.descriptionEn || product.descriptionZh) {
    out.push(
      fact(
        'product.description',
        'product',
        t('Description', '产品说明'),
        t(product.descriptionEn || product.descriptionZh, product.descriptionZh || product.descriptionEn),
        5,
      ),
    );
  }
  return out;
}

/** Market context a pitch may quote: the deposit rate first, the rest as colour. */
export function marketPitchFacts(market: MarketSnapshot | null): PitchFact[] {
  if (!market) return [];
  return [
    fact('market.asOf', 'market', t('Market figures as of', '市场数据日期'), t(market.asOf, market.asOf), 4),
    fact(
      'market.depositRate1y',
      'market',
      t('One-year deposit rate', '一年期存款利率'),
      t(formatPercent(market.depositRate1y), formatPercent(market.depositRate1y)),
      4,
    ),
    fact(
      'market.policyRate',
      'market',
      t('Policy rate', '政策利率'),
      t(formatPercent(market.policyRate), formatPercent(market.policyRate)),
      1,
    ),
    fact(
      'market.inflation',
      'market',
      t('Inflation', '通胀率'),
      t(formatPercent(market.inflation), formatPercent(market.inflation)),
      1,
    ),
    fact(
      'market.bondYield10y',
      'market',
      t('10-year government bond yield', '10 年期国债收益率'),
      t(formatPercent(market.bondYield10y), formatPercent(market.bondYield10y)),
      1,
    ),
    fact(
      'market.equityTrend3m',
      'market',
      t('Equity index change over 3 months', '股指近 3 个月涨跌幅'),
      t(formatPercent(market.equityTrend3m), formatPercent(market.equityTrend3m)),
      1,
    ),
  ];
}

const RULE_WORDS: Record<string, LocalizedText> = {
  'kyc-current': t('KYC current', 'KYC 有效'),
  'client-kind': t('client type', '客户类型'),
  'risk-class': t('risk class', '风险等级匹配'),
  'complex-product-knowledge': t('complex-product knowledge', '复杂产品知识'),
  'horizon-term': t('horizon', '投资期限'),
  'liquidity-redemption': t('liquidity', '流动性'),
  'emergency-reserve': t('emergency reserve', '应急储备'),
  'minimum-investment': t('minimum amount', '起购金额'),
  concentration: t('concentration', '集中度'),
  'already-held': t('not already held', '未重复持有'),
  'product-age-limits': t('age limits', '年龄限制'),
  'lockup-age-limit': t('age at end of lock-up', '锁定期结束年龄'),
  'credit-debt-to-income': t('affordability', '还款能力'),
  'credit-score': t('credit score', '信用评分'),
  'business-years-trading': t('years trading', '经营年限'),
  'business-revenue': t('revenue', '营业收入'),
  'business-credit-rating': t('credit rating', '信用评级'),
  'business-sector': t('sector', '行业'),
};

/** The verdict without its figures: the reasons quote the client's exact age and income, which the prompt does not need. */
export function suitabilityPitchFacts(result: SuitabilityResult): PitchFact[] {
  const passed = result.checks.filter((c) => c.passed).map((c) => RULE_WORDS[c.ruleId] ?? t(c.ruleId, c.ruleId));
  const out = [
    fact(
      'suitability.verdict',
      'suitability',
      t('Suitability', '适当性'),
      result.suitable ? t('suitable for this client', '适合该客户') : t('NOT suitable for this client', '不适合该客户'),
      null,
    ),
  ];
  // Never dropped: a pitch for a product the client asked for against their risk class must not read as advice to buy it.
  if (result.deviationApplied) {
    out.push(
      fact(
        'suitability.deviation',
        'suitability',
        t('Client-requested deviation', '客户申请超风险等级购买'),
        t(
          'the client asked for this product against their risk class; the risk warning was shown and acknowledged, so present it as their request, not a recommendation',
          '客户主动要求购买高于其风险等级的产品，已出示风险警示并经客户确认；应表述为客户自己的要求，而不是推荐',
        ),
        null,
      ),
    );
  }
  if (passed.length > 0)
    out.push(
      fact(
        'suitability.passed',
        'suitability',
        t('Checks passed', '已通过的检查'),
        { en: passed.map((p) => p.en).join(', '), zh: passed.map((p) => p.zh).join('、') },
        2,
      ),
    );
  return out;
}

function productFactsOf(product: Product): PitchProductFacts {
  const disclosure = requiredDisclosure(product);
  return {
    id: product.id,
    family: product.family,
    category: product.category,
    riskGrade: product.riskGrade,
    rateKind: product.rateKind,
    rateMin: product.rateMin,
    rateMax: product.rateMax,
    insured: product.insured,
    complex: product.complex,
    currency: product.currency,
    name: t(product.nameEn, product.nameZh),
    categoryName: recordedText(categoryName(product.category)),
    description: t(product.descriptionEn, product.descriptionZh),
    quotedTexts: [t(product.nameEn, product.nameZh), t(product.descriptionEn, product.descriptionZh), disclosure],
  };
}

/** Everything a pitch for this client and product may be built from, and nothing more. */
export function pitchFacts(
  client: SuitabilityClient,
  product: Product,
  market: MarketSnapshot | null,
  suitability: SuitabilityResult,
  options: PitchFactOptions,
): PitchFacts {
  return {
    clientKind: profileOf(client).kind,
    salutation: options.salutation ?? GENERIC_SALUTATION,
    product: productFactsOf(product),
    disclosure: requiredDisclosure(product),
    gradeStatement: recordedText(gradeStatement(product.riskGrade)),
    suitability,
    facts: [
      ...clientPitchFacts(client, options),
      ...productPitchFacts(product),
      ...marketPitchFacts(market),
      ...suitabilityPitchFacts(suitability),
    ],
  };
}

/** Every figure a pitch may quote: from product and market facts, the product texts and the disclosure. */
export function quotableNumbers(facts: PitchFacts): FactNumber[] {
  const out: FactNumber[] = [];
  for (const f of facts.facts) if (f.quotable) out.push(...f.numbers);
  facts.product.quotedTexts.forEach((text, i) => out.push(...numbersOf(`product.text.${i}`, text)));
  out.push(...numbersOf('product.gradeStatement', facts.gradeStatement));
  return out;
}
