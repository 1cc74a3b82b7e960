import { CATALOGS, renderMessage, type Message, type MessageParam } from '../../../app/messages';
import { LANGUAGES, type Language } from '../../../app/messages/language';
import type { Product } from '../../../app/domain';
import type { ScoredClient } from '../../../app/scoring/scoring-context';
import {
  LARGE_MINIMUM_SHARE,
  LITTLE_ABOVE_DEPOSIT_POINTS,
  LOCKUP_SUITS_MONTHS,
} from '../../../app/ranking/reason-phrases';
import type { MarketSnapshot } from '../../../app/domain';

/** What a reason was said about: the figures its claims are checked against. */
export interface ReasonSubject {
  client: ScoredClient;
  product: Product;
  market: MarketSnapshot | null;
}

/** Params that carry money wherever they appear: each must arrive with its currency, never as a bare figure. */
const MONEY_PARAMS = new Set([
  'minimum',
  'assets',
  'left',
  'reserve',
  'held',
  'base',
  'current',
  'repayment',
  'income',
  'revenue',
  'minRevenue',
  'amount',
]);
/** Of those, the ones a sentence presents as a real, positive amount ("the minimum of …", "a repayment of …"). */
const POSITIVE_MONEY = new Set(['minimum', 'repayment']);

/** Money as a reason writes it: "CNY 609,000" in English, "609,000 元" / "5 万元" / "1,000 SGD" in Chinese. */
const MONEY_EN = /^([A-Z]{3}) (-?[\d,]+)$/;
const MONEY_ZH = /^(-?[\d,]+)( 万)? ?(元|美元|港元|欧元|[A-Z]{3})$/;

function amountOf(text: string, language: Language): number | null {
  const m = language === 'en' ? MONEY_EN.exec(text) : MONEY_ZH.exec(text);
  if (!m) return null;
  const digits = language === 'en' ? m[2]! : m[1]!;
  const value = Number(digits.replace(/,/g, ''));
  return language === 'zh-CN' && m[2] ? value * 10_000 : value;
}

/** Codes a Chinese sentence may carry as they are: currency codes, risk grades and classes, KYC, credit ratings. */
const CODE = /^(?:[A-Z]{2,}|[A-Z]\d|[RC][1-5])$/;

function englishWordsIn(text: string): string[] {
  return (text.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !CODE.test(w));
}

/** A catalog template with its placeholders (and the plural syntax around them) taken out. */
function templateText(template: string): string {
  return template.replace(/\{[^{}]*\}/g, ' ').replace(/\{[^{}]*\}/g, ' ');
}

const PLURAL_NOUNS = /(?:^|[^\w.,])1 (months|years|products|grades|days|weeks|clients|offers)\b/;
const SINGULAR_NOUNS =
  /(?:^|[^\w.,-])(?:0|[2-9]|\d{2,}|\d+\.\d+) (month|year|product|grade|day|week|client|offer)\b(?![-'])/;

/** One problem found in one reason, with the text as it reads. */
export interface ReasonProblem {
  key: string;
  language: Language | 'both';
  problem: string;
  text: string;
}

function rateMid(p: Product): number | null {
  if (p.rateMin === null && p.rateMax === null) return null;
  if (p.rateMin !== null && p.rateMax !== null) return (p.rateMin + p.rateMax) / 2;
  return (p.rateMin ?? p.rateMax)!;
}

const gradeNo = (g: string) => Number(g.slice(1));

/**
 * What each claim in a reason presumes about the client, the product and the market. A reason whose key is here
 * is said only where its premise holds; a key not here makes no claim the figures could contradict beyond the
 * generic checks. Applied to every reason produced, whatever produced it.
 */
const PREMISES: Record<string, (s: ReasonSubject) => boolean> = {
  'reasonCheck.minimum.large': (s) =>
    s.product.minimumAmount > LARGE_MINIMUM_SHARE * s.client.investableAssets && s.client.investableAssets > 0,
  'reasonCheck.minimum.small': (s) =>
    s.product.minimumAmount > 0 && s.product.minimumAmount <= LARGE_MINIMUM_SHARE * s.client.investableAssets,
  // The old wording claimed size without any threshold: it must not be said at all.
  'reason.wealth.minimum.up': () => false,
  'reason.wealth.minimum.down': () => false,
  'suit.minimum.within': (s) => s.product.minimumAmount <= s.client.investableAssets,
  'suit.minimum.exceeds': (s) => s.product.minimumAmount > s.client.investableAssets,
  'reason.risk.fits': (s) => s.client.riskClass !== null && gradeNo(s.product.riskGrade) <= gradeNo(s.client.riskClass),
  'reason.kind.businessForBusiness': (s) => s.client.kind === 'business' && s.product.family === 'business_finance',
  'reason.kind.personalForBusiness': (s) => s.client.kind === 'business' && s.product.family !== 'business_finance',
  'reason.kind.businessOnly': (s) => s.client.kind === 'individual' && s.product.family === 'business_finance',
  'reason.kind.individual.up': (s) => s.client.kind === 'individual' && s.product.family !== 'business_finance',
  'reason.kind.individual.down': (s) => s.client.kind === 'individual',
  'reason.risk.below': (s) => s.client.riskClass !== null && gradeNo(s.product.riskGrade) < gradeNo(s.client.riskClass),
  'reason.risk.above': (s) => s.client.riskClass !== null && gradeNo(s.product.riskGrade) > gradeNo(s.client.riskClass),
  'reason.rate.deposit.up': (s) => s.market !== null && (rateMid(s.product) ?? -Infinity) > s.market.depositRate1y,
  'reason.rate.deposit.down': (s) => {
    const mid = rateMid(s.product);
    return (
      s.market !== null &&
      mid !== null &&
      mid >= s.market.depositRate1y &&
      mid - s.market.depositRate1y <= LITTLE_ABOVE_DEPOSIT_POINTS
    );
  },
  'reason.rate.belowDeposit': (s) => s.market !== null && (rateMid(s.product) ?? Infinity) < s.market.depositRate1y,
  'reason.horizon.term.up': (s) => s.product.termMonths !== null && s.product.termMonths <= s.client.horizonYears * 12,
  'reason.horizon.term.down': (s) => s.product.termMonths !== null && s.product.termMonths > s.client.horizonYears * 12,
  'reason.liquidity.lockupFits': (s) => s.product.lockupMonths <= LOCKUP_SUITS_MONTHS[s.client.liquidityNeed],
  'reason.liquidity.lockupHurts': (s) => s.client.liquidityNeed !== 'low',
  'reason.liquidity.redemptionHurts': (s) => s.product.liquidity !== 'daily' && s.client.liquidityNeed !== 'low',
  'reason.liquidity.redemptionFits': (s) => s.product.liquidity !== 'none',
  'reason.fees.upfront.down': (s) => (s.product.upfrontFeePct ?? 0) > 0,
  'reason.fees.annual.down': (s) => (s.product.annualFeePct ?? 0) > 0,
  'reason.experience.complex': (s) => s.product.complex && s.client.knowledgeLevel !== 'none',
};

const recordTexts = new WeakMap<ReasonSubject, string>();

/** Everything the client's, product's and market's records say, in which data words (codes, names) are found. */
function recordText(subject: ReasonSubject): string {
  let text = recordTexts.get(subject);
  if (text === undefined) recordTexts.set(subject, (text = JSON.stringify(subject)));
  return text;
}

function walkParams(
  msg: Message,
  visit: (key: string, name: string, value: MessageParam) => void,
  seen: (m: Message) => void,
): void {
  seen(msg);
  for (const [name, value] of Object.entries(msg.params ?? {})) {
    visit(msg.key, name, value);
    if (typeof value === 'object' && 'key' in value) walkParams(value, visit, seen);
    if (typeof value === 'object' && 'items' in value)
      for (const item of value.items) if (typeof item === 'object' && 'key' in item) walkParams(item, visit, seen);
  }
}

/**
 * Every check a reason must pass before an advisor can say it aloud, in both languages: no placeholder left,
 * no NaN/undefined/Infinity, money always with its currency and positive where the sentence presents it as an
 * amount, plural forms that agree with their count, no English words in the Chinese text except codes and data,
 * and no claim its figures contradict.
 */
export function checkReason(msg: Message, subject: ReasonSubject): ReasonProblem[] {
  const problems: ReasonProblem[] = [];
  const add = (key: string, language: ReasonProblem['language'], problem: string, text: string) =>
    problems.push({ key, language, problem, text });
  const rendered = Object.fromEntries(LANGUAGES.map((l) => [l, renderMessage(msg, l)])) as Record<Language, string>;

  walkParams(
    msg,
    (key, name, value) => {
      if (!MONEY_PARAMS.has(name)) return;
      if (typeof value === 'number' || (typeof value === 'string' && /^-?[\d,.]+$/.test(value))) {
        add(key, 'both', `money "${name}" without a currency`, String(value));
        return;
      }
      if (typeof value !== 'object' || !('en' in value)) return;
      for (const language of LANGUAGES) {
        const text = language === 'en' ? value.en : value.zh;
        const amount = amountOf(text, language);
        if (amount === null) add(key, language, `money "${name}" not written as an amount with its currency`, text);
        else if (amount < 0 || (amount === 0 && POSITIVE_MONEY.has(name)))
          add(key, language, `money "${name}" is ${amount} where a positive amount is meant`, text);
      }
    },
    (m) => {
      const premise = PREMISES[m.key];
      if (premise && !premise(subject)) add(m.key, 'both', 'claim contradicts the figures', rendered.en);
      const zhTemplate = CATALOGS['zh-CN'][m.key];
      const english = englishWordsIn(templateText(zhTemplate));
      if (english.length > 0)
        add(m.key, 'zh-CN', `English in the Chinese catalog text: ${english.join(', ')}`, zhTemplate);
    },
  );
  // Data given in both languages (names, category words) must be Chinese on the Chinese side, unless it is a code;
  // a plain value may carry English only where it is the record's own data (an attribute's name, a sector).
  walkParams(
    msg,
    (key, _name, value) => {
      if (typeof value === 'string') {
        const foreign = englishWordsIn(value).filter((w) => !recordText(subject).includes(w));
        if (foreign.length > 0) add(key, 'zh-CN', `English words not from the record: ${foreign.join(', ')}`, value);
        return;
      }
      if (typeof value !== 'object' || !('zh' in value)) return;
      if (value.zh !== value.en && englishWordsIn(value.zh).some((w) => value.en.includes(w) && w.length > 2))
        add(key, 'zh-CN', 'English words in Chinese data text', value.zh);
    },
    () => undefined,
  );

  for (const language of LANGUAGES) {
    const text = rendered[language];
    if (/[{}]/.test(text)) add(msg.key, language, 'unreplaced placeholder', text);
    if (/\b(NaN|undefined|null|Infinity)\b/.test(text)) add(msg.key, language, 'not a value', text);
    if (/(^|[^\d])-?0?\.?\d*e[+-]\d/.test(text)) add(msg.key, language, 'exponent notation', text);
    if (/ {2}|\( |\(\)|of {2}|\bof %|\bof ,/.test(text)) add(msg.key, language, 'an empty value', text);
    if (language === 'en') {
      if (PLURAL_NOUNS.test(text)) add(msg.key, language, 'plural noun after 1', text);
      if (SINGULAR_NOUNS.test(text)) add(msg.key, language, 'singular noun after a count other than 1', text);
    }
  }
  return problems;
}
