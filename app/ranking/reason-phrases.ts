import { recordedText } from '../domain/localized-text';
import { categoryName } from '../domain';
import { isMessageKey, message, type Message, type MessageKey, type MessageParam } from '../messages';
import type { ScoringContext } from '../scoring/scoring-context';
import { INSTITUTION_CURRENCY, amountText } from '../domain/money-text';

/**
 * Raw features grouped into what an advisor thinks about: every feature rawFeatures produces belongs to one
 * concept, so a score is explained as "risk fit, objective, fees" rather than as forty numbers. Custom
 * attributes and language-model signals are their own concepts, named after the attribute.
 */
export const CONCEPT_OF: Readonly<Record<string, string>> = {
  'client.riskClass': 'risk',
  'product.riskGrade': 'risk',
  'cross.riskGap': 'risk',
  'cross.riskGapAbove': 'risk',
  'cross.classXGrade': 'risk',
  'client.objective': 'objective',
  'cross.objectiveXCategory': 'objective',
  'cross.objectiveXFamily': 'objective',
  'product.annualFeePct': 'fees',
  'product.upfrontFeePct': 'fees',
  'product.rateMid': 'rate',
  'product.rateKind': 'rate',
  'cross.rateOverDeposit': 'rate',
  'cross.rateOverInflation': 'rate',
  'client.liquidityNeed': 'liquidity',
  'product.liquidity': 'liquidity',
  'product.lockupYears': 'liquidity',
  'cross.liquidityNeedXLockup': 'liquidity',
  'cross.lockupOverHorizon': 'horizon',
  'client.horizonYears': 'horizon',
  'product.termYears': 'horizon',
  'cross.horizonMinusTerm': 'horizon',
  'client.age': 'age',
  'cross.ageXCategory': 'age',
  'cross.ageXLockup': 'age',
  'client.kind': 'kind-fit',
  'product.eligibleKinds': 'kind-fit',
  'cross.kindXFamily': 'kind-fit',
  'cross.kindEligible': 'kind-fit',
  'product.category': 'category',
  'product.family': 'category',
  'product.id': 'product',
  'client.id': 'history',
  'cross.equityTrendXRisk': 'market',
  'client.logIncome': 'wealth',
  'client.logInvestable': 'wealth',
  'client.logTotalAssets': 'wealth',
  'client.logLiabilities': 'wealth',
  'product.logMinimum': 'wealth',
  'cross.minimumOverInvestable': 'wealth',
  'client.debtToIncome': 'credit',
  'client.creditScore': 'credit',
  'client.creditRating': 'credit',
  'client.knowledge': 'experience',
  'client.experienceYears': 'experience',
  'client.complexExperience': 'experience',
  'client.professional': 'experience',
  'product.complex': 'experience',
  'client.kycAgeYears': 'kyc',
  'context.channel': 'channel',
  'client.yearsTrading': 'business',
  'client.employees': 'business',
  'client.sector': 'business',
  'client.dependents': 'household',
  'client.occupation': 'household',
  'client.sustainability': 'household',
  'product.insured': 'insured',
  'product.currency': 'currency',
};

const CUSTOM_PREFIXES = ['client.custom.', 'product.custom.', 'market.custom.', 'llm.'];

export function conceptOf(feature: string): string {
  const known = CONCEPT_OF[feature];
  if (known) return known;
  // A loop rather than some(): this runs for every contribution of every product explained.
  for (const prefix of CUSTOM_PREFIXES) if (feature.startsWith(prefix)) return feature;
  if (feature.startsWith('market.')) return 'market';
  return feature;
}

/** A word from the catalog for a code, or the code itself where the catalog has no word for it. */
function word(prefix: string, code: string): MessageParam {
  const key = `${prefix}.${code}`;
  return isMessageKey(key) ? message(key) : code;
}

export interface ReasonFacts {
  /** The raw feature that moved the concept most, and its categorical value when it has one. */
  feature: string;
  value: string | null;
  context: ScoringContext;
}

const num = (v: number): string => String(Number(v.toFixed(2)));
const pct = (v: number): string => `${num(v)}%`;

/**
 * A minimum is called large only when it takes more than this share of the client's investable assets, and
 * "well within the client's means" only at or below it. Between the model's sign and the figures, the figures win:
 * a minimum of CNY 50 against CNY 609,000 is never "large", whatever the weight on log-minimum says.
 */
export const LARGE_MINIMUM_SHARE = 0.1;

/**
 * The longest lock-up that "suits" a client's need for cash, as the default rule set's liquidity limits have it: a
 * 24-month lock-up never "suits the client's high need for cash", and locking money up does not hurt a low need.
 */
export const LOCKUP_SUITS_MONTHS: Readonly<Record<'low' | 'medium' | 'high', number>> = {
  low: Number.POSITIVE_INFINITY,
  medium: 12,
  high: 1,
};

/** How far a return may sit above the one-year deposit rate and still be "little above" it, in percentage points. */
export const LITTLE_ABOVE_DEPOSIT_POINTS = 1;

function rateRange(ctx: ScoringContext): string | null {
  const { rateMin, rateMax } = ctx.product;
  if (rateMin === null && rateMax === null) return null;
  if (rateMin !== null && rateMax !== null && rateMin !== rateMax) return `${num(rateMin)}–${num(rateMax)}%`;
  return pct((rateMin ?? rateMax)!);
}

function ageOf(ctx: ScoringContext): number | null {
  const { birthDate } = ctx.client;
  if (ctx.client.kind !== 'individual' || !birthDate) return null;
  const years = (Date.parse(ctx.at.slice(0, 10)) - Date.parse(birthDate)) / (365.25 * 24 * 3600 * 1000);
  return Number.isFinite(years) ? Math.floor(years) : null;
}

function termWords(months: number): Message {
  return months % 12 === 0 && months >= 12
    ? message('reason.term.years', { n: months / 12 })
    : message('reason.term.months', { n: months });
}

/**
 * The minimum against the client's investable assets, only where the figures support the claim: "large" past
 * LARGE_MINIMUM_SHARE of the assets, "well within" at or below it, with both amounts and the share quoted. No claim
 * (null) for a zero minimum or no assets, for a minimum in another currency than the client's money (no rate to compare them),
 * or where the figures say the opposite of the model's sign.
 */
function minimumClaim(ctx: ScoringContext, up: boolean): Message | null {
  const { product, client } = ctx;
  const minimum = product.minimumAmount;
  const assets = client.investableAssets;
  if (!(minimum > 0) || !(assets > 0) || product.currency !== INSTITUTION_CURRENCY) return null;
  const large = minimum > LARGE_MINIMUM_SHARE * assets;
  if (large === up) return null;
  const params = { minimum: amountText(minimum, product.currency), assets: amountText(assets) };
  if (!large) return message('reasonCheck.minimum.small', params);
  return message('reasonCheck.minimum.large', { ...params, share: shareText(minimum / assets) });
}

function shareText(ratio: number): string {
  return ratio >= 10 ? `${Math.round(ratio * 100)}%` : `${Number((ratio * 100).toFixed(1))}%`;
}

/** Both sides of a concept: `<key>.up` when it pushes interest up, `<key>.down` when it pushes it down. */
function upDown(up: boolean, key: string, params?: Record<string, MessageParam>): Message {
  return message(`${key}.${up ? 'up' : 'down'}` as MessageKey, params);
}

function customText(concept: string, up: boolean, ctx: ScoringContext): Message {
  const [scope, name] = concept.startsWith('llm.')
    ? ['llm', concept.slice(4)]
    : [concept.split('.')[0]!, concept.split('.').slice(2).join('.')];
  const source =
    scope === 'client'
      ? ctx.client.customAttributes
      : scope === 'product'
        ? ctx.product.customAttributes
        : scope === 'market'
          ? (ctx.contextAttributes ?? {})
          : {};
  // Signals arrive on the context only where a language model produced them for this ranking.
  const signals = (ctx as { signals?: Readonly<Record<string, number | null>> }).signals;
  const raw = scope === 'llm' ? signals?.[name] : source[name];
  const shown =
    raw === undefined || raw === null
      ? ''
      : message('reason.custom.shown', { value: typeof raw === 'number' ? num(raw) : String(raw) });
  const where = scope === 'llm' || scope === 'client' || scope === 'product' ? scope : 'market';
  // The language model's signals have names in the catalog; custom attributes are named as the data names them.
  const named: MessageParam = scope === 'llm' ? word('reasonCheck.signal', name) : name;
  return upDown(up, `reason.custom.${where}`, { name: named, shown });
}

/** The words for one concept in one direction, with the figures an advisor can check against the client and product. */
export function reasonText(concept: string, up: boolean, facts: ReasonFacts): Message {
  const { context: ctx, feature, value } = facts;
  const { client, product, market } = ctx;
  const grade = product.riskGrade;
  const cls = client.riskClass;
  switch (concept) {
    case 'risk': {
      if (!cls) return upDown(up, 'reason.risk.noClass', { grade });
      const gradeNo = Number(grade.slice(1));
      const classNo = Number(cls.slice(1));
      // A grade above the class (a client-requested deviation) does not "sit well" with it, whatever the model says.
      if (up)
        return gradeNo <= classNo
          ? message('reason.risk.fits', { grade, cls })
          : upDown(up, 'reason.risk.noClass', { grade });
      if (gradeNo > classNo) return message('reason.risk.above', { grade });
      // "Lower than this C3 client looks for" is true only of a grade below the class; at the class, just the grade.
      return gradeNo < classNo
        ? message('reason.risk.below', { grade, cls })
        : upDown(false, 'reason.risk.noClass', { grade });
    }
    case 'objective': {
      const fromValue = value?.split('|')[0];
      const objective =
        fromValue && isMessageKey(`reason.objectiveWord.${fromValue}`) ? fromValue : client.objectives[0];
      if (!objective) return upDown(up, 'reason.objective.none');
      return upDown(up, 'reason.objective', { objective: word('reason.objectiveWord', objective) });
    }
    case 'fees': {
      // A fee that is not recorded has no figure to quote, and a zero fee cannot count against a product.
      const upfront = feature === 'product.upfrontFeePct';
      const fee = upfront ? product.upfrontFeePct : product.annualFeePct;
      if (fee === null || (fee <= 0 && !up)) return upDown(up, 'reasonCheck.fees');
      return upDown(up, upfront ? 'reason.fees.upfront' : 'reason.fees.annual', { fee: pct(fee) });
    }
    case 'rate': {
      const range = rateRange(ctx);
      if (!range) return upDown(up, 'reason.rate.none');
      if (product.rateKind === 'borrowing_rate') return upDown(up, 'reason.rate.borrowing', { range });
      if ((product.rateKind === 'expected_return' || product.rateKind === 'fixed_rate') && market) {
        const deposit = pct(market.depositRate1y);
        const mid =
          product.rateMin !== null && product.rateMax !== null
            ? (product.rateMin + product.rateMax) / 2
            : (product.rateMin ?? product.rateMax)!;
        // "Beats", "is below" and "is little above" the deposit rate are each said only where the figures bear it out.
        if (mid < market.depositRate1y)
          return up
            ? upDown(up, 'reason.rate.other', { range })
            : message('reason.rate.belowDeposit', { range, deposit });
        if (up)
          return mid > market.depositRate1y
            ? upDown(up, 'reason.rate.deposit', { range, deposit })
            : upDown(up, 'reason.rate.other', { range });
        return mid - market.depositRate1y <= LITTLE_ABOVE_DEPOSIT_POINTS
          ? upDown(up, 'reason.rate.deposit', { range, deposit })
          : upDown(up, 'reason.rate.other', { range });
      }
      return upDown(up, 'reason.rate.other', { range });
    }
    case 'liquidity': {
      const need = word('reason.needWord', client.liquidityNeed);
      const redemption = word('reason.redemptionWord', product.liquidity);
      const months = product.lockupMonths;
      // Money that cannot come out before the end does not "suit" anyone by its redemption, and redemption any day
      // cannot be what hurts a client who needs cash: those cases get the plain words.
      const redeemable = product.liquidity !== 'none';
      const lockupSuits = months <= LOCKUP_SUITS_MONTHS[client.liquidityNeed];
      if (up) {
        if (months > 0)
          return lockupSuits
            ? message('reason.liquidity.lockupFits', { months, need })
            : upDown(up, 'reasonCheck.liquidity');
        return redeemable
          ? message('reason.liquidity.redemptionFits', { redemption })
          : upDown(up, 'reasonCheck.liquidity');
      }
      if (months > 0)
        return client.liquidityNeed === 'low'
          ? upDown(up, 'reasonCheck.liquidity')
          : message('reason.liquidity.lockupHurts', { months, need });
      return product.liquidity === 'daily' || client.liquidityNeed === 'low'
        ? upDown(up, 'reasonCheck.liquidity')
        : message('reason.liquidity.redemptionHurts', { redemption, need });
    }
    case 'horizon': {
      // No horizon recorded (0 years) has no figure to quote; a term "fits" only when it ends within the horizon.
      if (!(client.horizonYears > 0)) return upDown(up, 'reasonCheck.horizon');
      const years = num(client.horizonYears);
      const term = product.termMonths;
      if (term === null || term === 0) return upDown(up, 'reason.horizon.open', { years });
      const within = term <= client.horizonYears * 12;
      if (within !== up) return upDown(up, 'reason.horizon.open', { years });
      return upDown(up, 'reason.horizon.term', { term: termWords(term), years });
    }
    case 'age': {
      const age = ageOf(ctx);
      if (age === null) return upDown(up, 'reason.age.unknown');
      return upDown(up, 'reason.age', { age });
    }
    case 'kind-fit': {
      const businessProduct = product.family === 'business_finance';
      // Each sentence names the client's kind and the product's: said only where both are as it says.
      if (client.kind === 'business') {
        if (businessProduct) return up ? message('reason.kind.businessForBusiness') : upDown(up, 'reasonCheck.kind');
        return up ? upDown(up, 'reasonCheck.kind') : message('reason.kind.personalForBusiness');
      }
      if (businessProduct) return up ? upDown(up, 'reasonCheck.kind') : message('reason.kind.businessOnly');
      return upDown(up, 'reason.kind.individual');
    }
    case 'category': {
      // Lower case in an English sentence ("often take up bond fund products").
      const name = recordedText(categoryName(product.category));
      return upDown(up, 'reason.category', { category: { en: name.en.toLowerCase(), zh: name.zh } });
    }
    case 'product':
      return upDown(up, 'reason.product');
    case 'history':
      return upDown(up, 'reason.history');
    case 'market': {
      if (!market) return upDown(up, 'reason.market.none');
      // Name the market fact that moved the score most, so the figure quoted is the one that mattered.
      if (feature === 'market.equityTrend3m' || feature === 'cross.equityTrendXRisk') {
        const trend = `${market.equityTrend3m >= 0 ? '+' : ''}${num(market.equityTrend3m)}%`;
        return upDown(up, 'reason.market.equities', { trend });
      }
      if (feature === 'market.policyRate' || feature === 'market.depositRate1y' || feature === 'market.bondYield10y') {
        const rates = message('reason.market.rates', {
          policy: pct(market.policyRate),
          bond: pct(market.bondYield10y),
        });
        return upDown(up, 'reason.market.rates', { rates });
      }
      if (feature === 'market.inflation')
        return upDown(up, 'reason.market.inflation', { inflation: pct(market.inflation) });
      return upDown(up, 'reason.market.other');
    }
    case 'wealth': {
      if (feature === 'cross.minimumOverInvestable' || feature === 'product.logMinimum') {
        const claim = minimumClaim(ctx, up);
        if (claim) return claim;
      }
      return upDown(up, 'reason.wealth');
    }
    case 'credit':
      return upDown(up, 'reason.credit');
    case 'experience': {
      const knowledge = word('reason.knowledgeWord', client.knowledgeLevel);
      if (!up && product.complex)
        return client.knowledgeLevel === 'none'
          ? message('reasonCheck.experience.complexNoKnowledge')
          : message('reason.experience.complex', { knowledge });
      // "Investment knowledge (none) suits it" would contradict itself: the plain words instead.
      if (up && client.knowledgeLevel === 'none') return message('reasonCheck.experience.up');
      return upDown(up, 'reason.experience', { knowledge });
    }
    case 'kyc':
      return upDown(up, 'reason.kyc');
    case 'channel':
      return upDown(up, 'reason.channel');
    case 'business':
      return upDown(up, 'reason.business');
    case 'household':
      return upDown(up, 'reason.household');
    case 'insured':
      return upDown(up, product.insured ? 'reason.insured' : 'reason.uninsured');
    case 'currency':
      return upDown(up, 'reason.currency', { currency: product.currency });
    default:
      if (CUSTOM_PREFIXES.some((p) => concept.startsWith(p))) return customText(concept, up, ctx);
      return upDown(up, 'reason.other', { concept });
  }
}
