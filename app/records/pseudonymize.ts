import { recordedText, type LocalizedText } from '../domain/localized-text';
import type { Message, MessageParam } from '../messages';

/**
 * Pseudonymized exports: what a record says about the advice stays (risk class, objectives, questionnaire, product,
 * suitability verdict, text), what says who the client is goes (name, contact details, national ids, notes, exact
 * birth date), and exact money becomes a range. The pseudonym is computed by the caller with a key the store keeps
 * outside the database, so it is the same for a client in every export from that store and cannot be reversed
 * without the key.
 */

/** The client as a pseudonymized record carries them. */
export interface PseudonymousClient {
  id: string;
  pseudonymized: true;
  kind: string;
  language: string | null;
  riskClass: string | null;
  /** Ten-year band of the age on the day of the record ("40–49"); null when the birth date was not known. */
  ageBand: string | null;
  /** The year a business was founded, without the day. */
  foundedYear: number | null;
  sector: string | null;
  creditRating: string | null;
  creditScoreBand: string | null;
  /** Each money field of the profile as a range ("250k–500k"). */
  amounts: Record<string, string | null>;
  dependents: number | null;
  objectives: unknown[];
  horizonYears: number | null;
  liquidityNeed: string | null;
  knowledgeLevel: string | null;
  experienceYears: number | null;
  complexProductExperience: boolean | null;
  professionalInvestor: boolean | null;
  sustainabilityPreference: boolean | null;
  kycReviewedAt: string | null;
  questionnaire: unknown;
}

/** The profile's money fields: each is replaced by its range. */
export const CLIENT_AMOUNT_FIELDS = [
  'annualIncome',
  'annualRevenue',
  'monthlyExpenses',
  'investableAssets',
  'totalAssets',
  'liabilities',
  'monthlyDebtPayments',
] as const;

/**
 * Parameters of the suitability and ranking reasons that carry the client's own money (formatted, "1,561,000"):
 * their holdings, assets, income and the sums worked out from them.
 */
const MONEY_PARAMS = new Set([
  'assets',
  'held',
  'income',
  'revenue',
  'reserve',
  'left',
  'base',
  'repayment',
  'current',
  'amount',
  'holding',
  'total',
]);
/** The reasons whose `age` (and `atEnd`) is the client's age in years; elsewhere `age` can be a count of months. */
const AGE_MESSAGES = new Set(['suit.age.check', 'suit.lockupAge.check', 'reason.age.up', 'reason.age.down']);
const AGE_PARAMS = new Set(['age', 'atEnd']);

const EDGES = [0, 10e3, 50e3, 100e3, 250e3, 500e3, 1e6, 2.5e6, 5e6, 10e6, 25e6, 50e6, 100e6];

function short(n: number): string {
  if (n >= 1e6) return `${n / 1e6}M`;
  if (n >= 1e3) return `${n / 1e3}k`;
  return String(n);
}

/** A range a money amount falls in, written short ("100k–250k", "≥100M") so it never spells an exact amount. */
export function amountBand(amount: number): string {
  if (amount < 0) return `-(${amountBand(-amount)})`;
  for (let i = 1; i < EDGES.length; i++) if (amount < EDGES[i]!) return `${short(EDGES[i - 1]!)}–${short(EDGES[i]!)}`;
  return `≥${short(EDGES[EDGES.length - 1]!)}`;
}

export function ageBand(age: number): string {
  const low = Math.floor(age / 10) * 10;
  return `${low}–${low + 9}`;
}

function scoreBand(score: number): string {
  const low = Math.floor(score / 50) * 50;
  return `${low}–${low + 49}`;
}

/** Whole years between a birth date and a day, both YYYY-MM-DD. */
function ageOn(birthDate: string, day: string): number {
  const years = Number(day.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return day.slice(5, 10) < birthDate.slice(5, 10) ? years - 1 : years;
}

/** "1,561,000", "1561000" or 1561000 as a number; null for anything else (a percentage, a date, a word). */
function moneyValue(value: MessageParam): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !/^-?\d{1,3}(,\d{3})*(\.\d+)?$|^-?\d+(\.\d+)?$/.test(value)) return null;
  return Number(value.replace(/,/g, ''));
}

/** A money parameter given in both languages with its currency, and the figure both spell. */
function currencyAmount(value: unknown): { value: number; figure: string; en: string; zh: string } | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const { en, zh } = value as { en?: unknown; zh?: unknown };
  if (typeof en !== 'string' || typeof zh !== 'string') return null;
  const figure = /-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?/.exec(en)?.[0];
  if (!figure || !zh.includes(figure)) return null;
  return { value: Number(figure.replace(/,/g, '')), figure, en, zh };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isMessage = (value: Json): value is JsonObject & { key: string } =>
  isObject(value) && typeof value.key === 'string' && Object.keys(value).every((k) => k === 'key' || k === 'params');

/** What identifies the client in free text, and the exact amounts to hide there, found while the record is walked. */
class Scrubber {
  private readonly amounts = new Map<number, string>();
  /** Each name part or contact detail: its lower-case text (a cheap test first) and the pattern that replaces it. */
  private readonly words: [string, RegExp][] = [];

  private readonly birthBand: string;

  constructor(
    private readonly pseudonym: string,
    day: string,
    private readonly birthDate: string | null,
  ) {
    this.birthBand = birthDate ? ageBand(ageOn(birthDate, day)) : '';
  }

  /** The client's name (whole, and each longer part of it), contact details and ids, replaced by the pseudonym. */
  hide(text: string | null | undefined): void {
    if (!text || text.trim().length < 2) return;
    this.words.push([text.trim().toLowerCase(), new RegExp(escapeRegExp(text.trim()), 'giu')]);
  }

  hideName(name: string): void {
    this.hide(name);
    const parts = name.split(/[\s,.]+/u).filter((p) => p.length >= 3);
    for (const p of parts)
      this.words.push([p.toLowerCase(), new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(p)}(?![\\p{L}\\p{N}])`, 'giu')]);
    // A Chinese name: the given name alone (after a one-character surname) is how a letter addresses the client.
    if (/^\p{Script=Han}{3,4}$/u.test(name)) this.hide(name.slice(1));
  }

  amount(value: number): string {
    const band = amountBand(value);
    if (Math.abs(value) >= 100) this.amounts.set(value, band);
    return band;
  }

  age(value: number): string {
    return ageBand(value);
  }

  /** The amounts as one pattern, rebuilt only when an amount was added since the last text. */
  private amountPattern: RegExp | null = null;
  private amountForms = new Map<string, string>();
  private patternSize = -1;

  private amountsMatcher(): RegExp | null {
    if (this.patternSize === this.amounts.size) return this.amountPattern;
    this.patternSize = this.amounts.size;
    this.amountForms = new Map();
    for (const [value, band] of this.amounts) {
      this.amountForms.set(value.toLocaleString('en-US', { maximumFractionDigits: 2 }), band);
      this.amountForms.set(String(value), band);
    }
    // Longest first, so "1,561,000" is not read as "1,561" followed by more.
    const forms = [...this.amountForms.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp);
    this.amountPattern =
      forms.length > 0 ? new RegExp(`(?<![\\d.,])(?:${forms.join('|')})(?![\\d]|[.,]\\d)`, 'g') : null;
    return this.amountPattern;
  }

  /** Text with the client's name, contact details, birth date and exact amounts replaced. */
  text(input: string): string {
    let out = input;
    const lower = out.toLowerCase();
    for (const [literal, pattern] of this.words)
      if (lower.includes(literal)) out = out.replace(pattern, this.pseudonym);
    if (this.birthDate) out = out.split(this.birthDate).join(this.birthBand);
    const amounts = /\d{3}/.test(out) ? this.amountsMatcher() : null;
    if (amounts) out = out.replace(amounts, (form) => this.amountForms.get(form) ?? form);
    return out;
  }

  /** A reason's parameters with money and ages as ranges (their own text is rendered again from them). */
  params(messageKey: string, params: JsonObject): JsonObject {
    const out: JsonObject = {};
    const ages = AGE_MESSAGES.has(messageKey);
    for (const [key, value] of Object.entries(params)) {
      const money = MONEY_PARAMS.has(key) ? moneyValue(value as MessageParam) : null;
      const withCurrency = MONEY_PARAMS.has(key) && money === null ? currencyAmount(value) : null;
      if (money !== null) out[key] = this.amount(money);
      else if (withCurrency) {
        // An amount written with its currency in each language ("CNY 1,561,000" / "1,561,000 元"): the figure
        // becomes its range and the currency stays.
        const band = this.amount(withCurrency.value);
        out[key] = {
          en: withCurrency.en.replace(withCurrency.figure, band),
          zh: withCurrency.zh.replace(withCurrency.figure, band),
        };
      } else if (ages && AGE_PARAMS.has(key) && typeof value === 'number') out[key] = this.age(value);
      // Any other parameter is the product's or the market's; the client's exact amounts are still taken out of it.
      else out[key] = this.walk(value, true);
    }
    return out;
  }

  /** Every string in a value, scrubbed; every reason inside, with its parameters banded. */
  walk(value: Json, strings = true): Json {
    if (typeof value === 'string') return strings ? this.text(value) : value;
    if (Array.isArray(value)) return value.map((v) => this.walk(v, strings));
    if (!isObject(value)) return value;
    if (isMessage(value))
      return value.params && isObject(value.params)
        ? { key: value.key, params: this.params(value.key, value.params) }
        : { key: value.key };
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = this.walk(v, strings);
    return out;
  }
}

const pick = <T>(value: unknown, fallback: T): T => (value === undefined ? fallback : (value as T));

/**
 * The record with the client pseudonymized: the client replaced by {@link PseudonymousClient}, every reason's
 * money and ages banded (and its text rendered again from them), and every free text (the pitch, the deviation's
 * reason, the issues) with the client's name, contact details and exact amounts replaced. Works on any kind of record
 * that carries a `client`; the record's own layout is otherwise kept.
 */
export function pseudonymizeRecord<R extends { client: unknown; createdAt: string }>(
  record: R,
  pseudonym: string,
): Omit<R, 'client'> & { client: PseudonymousClient } {
  const client = (isObject(record.client) ? record.client : {}) as JsonObject;
  const profile = (isObject(client.profile) ? { ...client, ...client.profile } : client) as JsonObject;
  const day = record.createdAt.slice(0, 10);
  const birthDate = typeof profile.birthDate === 'string' ? profile.birthDate : null;
  const scrub = new Scrubber(pseudonym, day, birthDate);
  // Contact details first (an email address holds the name), then the name: a business's whole, an individual's
  // also by each part (a letter says "Dear Ms Gordon").
  for (const field of ['email', 'phone', 'nationalId', 'idNumber', 'address'])
    if (typeof profile[field] === 'string') scrub.hide(profile[field] as string);
  if (typeof profile.displayName === 'string')
    if (profile.kind === 'business') scrub.hide(profile.displayName);
    else scrub.hideName(profile.displayName);
  if (typeof client.id === 'string') scrub.hide(client.id);

  const amounts: Record<string, string | null> = {};
  for (const field of CLIENT_AMOUNT_FIELDS) {
    const value = profile[field];
    amounts[field] = typeof value === 'number' ? scrub.amount(value) : null;
  }
  const creditScore = profile.creditScore;
  const founded = typeof profile.foundedDate === 'string' ? Number(profile.foundedDate.slice(0, 4)) : null;
  const pseudonymous: PseudonymousClient = {
    id: pseudonym,
    pseudonymized: true,
    kind: pick(profile.kind, 'individual'),
    language: pick(profile.language, null),
    riskClass: pick(profile.riskClass, null),
    ageBand: birthDate ? ageBand(ageOn(birthDate, day)) : null,
    foundedYear: founded,
    sector: pick(profile.sector, null),
    creditRating: pick(profile.creditRating, null),
    creditScoreBand: typeof creditScore === 'number' ? scoreBand(creditScore) : null,
    amounts,
    dependents: pick(profile.dependents, null),
    objectives: pick(profile.objectives, []),
    horizonYears: pick(profile.horizonYears, null),
    liquidityNeed: pick(profile.liquidityNeed, null),
    knowledgeLevel: pick(profile.knowledgeLevel, null),
    experienceYears: pick(profile.experienceYears, null),
    complexProductExperience: pick(profile.complexProductExperience, null),
    professionalInvestor: pick(profile.professionalInvestor, null),
    sustainabilityPreference: pick(profile.sustainabilityPreference, null),
    kycReviewedAt: pick(profile.kycReviewedAt, null),
    questionnaire: pick(profile.questionnaire, null),
  };

  const { client: _client, ...rest } = record as unknown as JsonObject;
  // Reasons first, so the money they name is known before the free text is scrubbed of it.
  const banded = scrub.walk(rest as Json, false) as JsonObject;
  const suitability = banded.suitability;
  const stored = (record as unknown as { suitability?: { checks?: JsonObject[]; reasons?: JsonObject[] } }).suitability;
  if (isObject(suitability) && Array.isArray(suitability.checks))
    suitability.reasons = suitability.checks.map((check, i) => {
      const c = check as JsonObject;
      // Rendered again only where banding changed the reason; otherwise the stored text is kept (and scrubbed).
      const before = stored?.reasons?.[i];
      const same = JSON.stringify(stored?.checks?.[i]?.reason) === JSON.stringify(c.reason);
      const text: LocalizedText =
        same && before && isObject(before.text)
          ? (before.text as unknown as LocalizedText)
          : recordedText(c.reason as unknown as Message);
      return { ruleId: c.ruleId as string, passed: c.passed as boolean, text: { en: text.en, zh: text.zh } };
    }) as unknown as Json;
  const scrubbed = scrub.walk(banded as Json) as JsonObject;
  return { ...scrubbed, client: pseudonymous } as unknown as Omit<R, 'client'> & { client: PseudonymousClient };
}
