import { categoryName } from '../domain/category-names';
import type { ClientProfile } from '../domain/client';
import type { ClientKind, Objective, ProductFamily, RateKind, RiskGrade } from '../domain/enums';
import { recordedText, type LocalizedText } from '../domain/localized-text';
import type { MarketSnapshot } from '../domain/market';
import type { Product } from '../domain/product';
import type { SuitabilityClient, SuitabilityResult } from '../suitability/suitability-types';
import { redactPersonalData } from './client-text';
import { greetingFor } from './greeting';
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
import { doc, t } from './pitch-types';

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
  /** How a language model is told to address the client: it is given no name. */
  salutation: LocalizedText;
  /** How the template greets the client, by name (the template is written here, nothing leaves the machine). */
  greeting: LocalizedText;
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

export const GENERIC_SALUTATION: LocalizedText = doc('pitchFact.dearClient');

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
  capital_preservation: doc('pitchFact.preservingCapital'),
  income: doc('pitchFact.regularIncome'),
  growth: doc('pitchFact.longTermGrowth'),
  retirement: doc('pitchFact.retirement'),
  education: doc('pitchFact.childrenSEducation'),
  home_purchase: doc('pitchFact.buyingAHome'),
  protection: doc('pitchFact.protectingTheFamily'),
  liquidity: doc('pitchFact.keepingMoneyAvailable'),
  business_expansion: doc('pitchFact.expandingTheBusiness'),
  working_capital: doc('pitchFact.workingCapital'),
};
const NEED = { low: doc('pitchFact.low'), medium: doc('pitchFact.medium'), high: doc('pitchFact.high') };
const KNOWLEDGE = {
  none: doc('pitchFact.none'),
  basic: doc('pitchFact.basic'),
  informed: doc('pitchFact.informed'),
  advanced: doc('pitchFact.advanced'),
};
const LIQUIDITY = {
  daily: doc('pitchFact.canBeRedeemedOnAny'),
  weekly: doc('pitchFact.canBeRedeemedWeekly'),
  monthly: doc('pitchFact.canBeRedeemedMonthly'),
  quarterly: doc('pitchFact.canBeRedeemedQuarterly'),
  at_maturity: doc('pitchFact.paidBackAtMaturity'),
  none: doc('pitchFact.noEarlyRedemption'),
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
      doc('pitchFact.clientType'),
      business ? doc('pitchFact.smallBusiness') : doc('pitchFact.individual'),
      null,
    ),
  );
  out.push(
    fact(
      'client.riskClass',
      'client',
      doc('pitchFact.riskClass'),
      client.riskClass ? t(client.riskClass, client.riskClass) : doc('pitchFact.notAssessed'),
      null,
    ),
  );
  if (p.objectives.length > 0) {
    out.push(
      fact(
        'client.objectives',
        'client',
        doc('pitchFact.objectives'),
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
      doc('pitchFact.horizon'),
      recordedText(formatMonths(Math.round(p.horizonYears * 12))),
      8,
    ),
  );
  out.push(fact('client.liquidityNeed', 'client', doc('pitchFact.needForAccessToMoney'), NEED[p.liquidityNeed], 7));
  if (!business && p.birthDate)
    out.push(
      fact(
        'client.ageBand',
        'client',
        doc('pitchFact.ageBand'),
        recordedText(ageBand(wholeYears(p.birthDate, options.today))),
        7,
      ),
    );
  if (business && p.foundedDate)
    out.push(
      fact(
        'client.yearsTrading',
        'client',
        doc('pitchFact.yearsTrading'),
        recordedText(yearsBand(wholeYears(p.foundedDate, options.today))),
        7,
      ),
    );
  if (business && p.sector)
    out.push(
      fact(
        'client.sector',
        'client',
        doc('pitchFact.sector'),
        t(p.sector.replace(/_/g, ' '), p.sector.replace(/_/g, ' ')),
        6,
      ),
    );
  out.push(fact('client.knowledge', 'client', doc('pitchFact.investmentKnowledge'), KNOWLEDGE[p.knowledgeLevel], 6));
  out.push(
    fact(
      business ? 'client.revenueBand' : 'client.investableBand',
      'client',
      business ? doc('pitchFact.annualRevenueBand') : doc('pitchFact.investableAssetsBand'),
      recordedText(amountBand(business ? (p.annualRevenue ?? 0) : p.investableAssets)),
      6,
    ),
  );
  if (p.sustainabilityPreference !== null) {
    out.push(
      fact(
        'client.sustainability',
        'client',
        doc('pitchFact.sustainabilityPreference'),
        p.sustainabilityPreference ? doc('pitchFact.yes') : doc('pitchFact.no'),
        6,
      ),
    );
  }
  const known = { displayName: p.displayName, email: p.email, phone: p.phone };
  const notes = redactPersonalData(p.notes, known).trim();
  if (notes)
    out.push(fact('client.notes', 'client', doc('pitchFact.advisorNotesAboutTheClient'), t(notes, notes), 3, true));
  const goals = redactPersonalData(options.goalsText ?? '', known).trim();
  if (goals)
    out.push(fact('client.goalsText', 'client', doc('pitchFact.clientSGoalsInTheir'), t(goals, goals), 3, true));
  return out;
}

function rateFact(product: Product): PitchFact | null {
  const { rateMin, rateMax, rateKind } = product;
  if (rateKind === 'none' || (rateMin === null && rateMax === null)) return null;
  const lo = rateMin ?? rateMax!;
  const hi = rateMax ?? rateMin!;
  const range = { en: formatRange(lo, hi), zh: formatRangeZh(lo, hi) };
  const labels: Record<Exclude<RateKind, 'none'>, [LocalizedText, LocalizedText]> = {
    expected_return: [doc('pitchFact.expectedReturnRangeNotGuaranteed'), doc('pitchFact.rateAYear', { range })],
    fixed_rate: [doc('pitchFact.fixedRate'), doc('pitchFact.rateAYear', { range })],
    borrowing_rate: [doc('pitchFact.borrowingRate'), doc('pitchFact.rateAYear', { range })],
    premium_rate: [doc('pitchFact.yearlyPremiumAsAShare'), doc('pitchFact.rateOfCoverAYear', { range })],
  };
  const [label, value] = labels[rateKind];
  return fact('product.rate', 'product', label, value, null);
}

/** Product facts: what the record says, nothing else, so every figure a pitch quotes can be traced here. */
export function productPitchFacts(product: Product): PitchFact[] {
  const out: PitchFact[] = [];
  const category = recordedText(categoryName(product.category));
  out.push(fact('product.name', 'product', doc('pitchFact.product'), t(product.nameEn, product.nameZh), null));
  out.push(fact('product.category', 'product', doc('pitchFact.category'), category, null));
  out.push(
    fact('product.riskGrade', 'product', doc('pitchFact.riskGrade'), t(product.riskGrade, product.riskGrade), null),
  );
  const rate = rateFact(product);
  if (rate) out.push(rate);
  const fees: LocalizedText[] = [];
  if (product.annualFeePct > 0) fees.push(doc('pitchFact.annualFee', { rate: formatPercent(product.annualFeePct) }));
  if (product.upfrontFeePct > 0) fees.push(doc('pitchFact.upfrontFee', { rate: formatPercent(product.upfrontFeePct) }));
  out.push(
    fact(
      'product.fees',
      'product',
      doc('pitchFact.fees'),
      fees.length > 0
        ? { en: fees.map((f) => f.en).join(', '), zh: fees.map((f) => f.zh).join('，') }
        : doc('pitchFact.noAnnualOrUpfrontFee'),
      null,
    ),
  );
  if (product.termMonths !== null && product.termMonths > 0)
    out.push(
      fact('product.term', 'product', doc('pitchFact.term'), recordedText(formatMonths(product.termMonths)), null),
    );
  if (product.lockupMonths > 0)
    out.push(
      fact(
        'product.lockup',
        'product',
        doc('pitchFact.lockUp'),
        recordedText(formatMonths(product.lockupMonths)),
        null,
      ),
    );
  out.push(fact('product.liquidity', 'product', doc('pitchFact.accessToMoney'), LIQUIDITY[product.liquidity], null));
  if (product.minimumAmount > 0)
    out.push(
      fact(
        'product.minimum',
        'product',
        doc('pitchFact.minimumAmount'),
        formatAmount(product.minimumAmount, product.currency),
        null,
      ),
    );
  if (product.currency !== 'CNY')
    out.push(
      fact('product.currency', 'product', doc('pitchFact.currency'), t(product.currency, product.currency), null),
    );
  if (product.insured)
    out.push(
      fact(
        'product.insured',
        'product',
        doc('pitchFact.depositInsurance'),
        doc('pitchFact.coveredByDepositInsuranceUp'),
        null,
      ),
    );
  if (product.complex)
    out.push(fact('product.complex', 'product', doc('pitchFact.complexity'), doc('pitchFact.complexProduct'), null));
  if (product.descriptionEn || product.descriptionZh) {
    out.push(
      fact(
        'product.description',
        'product',
        doc('pitchFact.description'),
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
    fact('market.asOf', 'market', doc('pitchFact.marketFiguresAsOf'), t(market.asOf, market.asOf), 4),
    fact(
      'market.depositRate1y',
      'market',
      doc('pitchFact.oneYearDepositRate'),
      t(formatPercent(market.depositRate1y), formatPercent(market.depositRate1y)),
      4,
    ),
    fact(
      'market.policyRate',
      'market',
      doc('pitchFact.policyRate'),
      t(formatPercent(market.policyRate), formatPercent(market.policyRate)),
      1,
    ),
    fact(
      'market.inflation',
      'market',
      doc('pitchFact.inflation'),
      t(formatPercent(market.inflation), formatPercent(market.inflation)),
      1,
    ),
    fact(
      'market.bondYield10y',
      'market',
      doc('pitchFact.bondYield10y'),
      t(formatPercent(market.bondYield10y), formatPercent(market.bondYield10y)),
      1,
    ),
    fact(
      'market.equityTrend3m',
      'market',
      doc('pitchFact.equityTrend3m'),
      t(formatPercent(market.equityTrend3m), formatPercent(market.equityTrend3m)),
      1,
    ),
  ];
}

const RULE_WORDS: Record<string, LocalizedText> = {
  'kyc-current': doc('pitchFact.kycCurrent'),
  'client-kind': doc('pitchFact.rule.clientType'),
  'risk-class': doc('pitchFact.rule.riskClass'),
  'complex-product-knowledge': doc('pitchFact.complexProductKnowledge'),
  'horizon-term': doc('pitchFact.rule.horizon'),
  'liquidity-redemption': doc('pitchFact.liquidity'),
  'emergency-reserve': doc('pitchFact.emergencyReserve'),
  'minimum-investment': doc('pitchFact.rule.minimumAmount'),
  concentration: doc('pitchFact.concentration'),
  'already-held': doc('pitchFact.notAlreadyHeld'),
  'product-age-limits': doc('pitchFact.ageLimits'),
  'lockup-age-limit': doc('pitchFact.ageAtEndOfLock'),
  'credit-debt-to-income': doc('pitchFact.affordability'),
  'credit-score': doc('pitchFact.creditScore'),
  'business-years-trading': doc('pitchFact.rule.yearsTrading'),
  'business-revenue': doc('pitchFact.revenue'),
  'business-credit-rating': doc('pitchFact.creditRating'),
  'business-sector': doc('pitchFact.rule.sector'),
};

/** The verdict without its figures: the reasons quote the client's exact age and income, which the prompt does not need. */
export function suitabilityPitchFacts(result: SuitabilityResult): PitchFact[] {
  const passed = result.checks.filter((c) => c.passed).map((c) => RULE_WORDS[c.ruleId] ?? t(c.ruleId, c.ruleId));
  const out = [
    fact(
      'suitability.verdict',
      'suitability',
      doc('pitchFact.suitability'),
      result.suitable ? doc('pitchFact.suitableForThisClient') : doc('pitchFact.notSuitableForThisClient'),
      null,
    ),
  ];
  // Never dropped: a pitch for a product the client asked for against their risk class must not read as advice to buy it.
  if (result.deviationApplied) {
    out.push(
      fact(
        'suitability.deviation',
        'suitability',
        doc('pitchFact.clientRequestedDeviation'),
        doc('pitchFact.theClientAskedForThis'),
        null,
      ),
    );
  }
  if (passed.length > 0)
    out.push(
      fact(
        'suitability.passed',
        'suitability',
        doc('pitchFact.checksPassed'),
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
    greeting: greetingFor(profileOf(client)),
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
