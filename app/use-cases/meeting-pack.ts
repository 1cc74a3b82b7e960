import type { PitchDraftContent } from '../contract/pitch-channels';
import type { Client } from '../domain/client';
import type { MarketSnapshot } from '../domain/market';
import type { Meeting } from '../domain/meeting';
import type { Product } from '../domain/product';
import type { ClientRanking, ExcludedProduct, RankedProduct } from '../domain/ranking';
import { pickText } from '../domain/localized-text';
import { addDays, zoneOffsetMinutes } from '../meetings/day-range';
import { isMessageKey, renderMessage, translate, LOCALE_TAGS, type Language, type MessageKey } from '../messages';
import type { TemplateValue } from '../messages/message-format';
import { requiredDisclosure } from '../pitch/disclosure';
import { formatAmount } from '../pitch/formatting';
import type { HoldingWithProduct, InteractionWithProduct } from '../ports/records';
import { DEFAULT_RULE_SET } from '../suitability/rule-set';
import { monthsBetween, wholeYearsBetween } from '../suitability/suitability-facts';
import { RULE_IDS } from '../suitability/suitability-types';
import { packQuestions } from './meeting-pack-questions';

/**
 * The meeting pack: what an advisor takes into one client meeting, on one or two A4 pages, in the client's language.
 * Assembled here from what the caller gathered (pure: no store, no clock), as text ready to print, so the PDF only
 * lays it out and a test can read every sentence the advisor will.
 */

/** Client money (assets, income) is kept in the institution's currency, whole units (see ClientProfileSchema). */
export const CLIENT_CURRENCY = 'CNY';
/** How many of the ranking's top products the pack discusses. */
export const PACK_PRODUCTS = 3;
/** A KYC review that expires within this many days is flagged as expiring. */
export const KYC_WARNING_DAYS = 60;
/** A holding maturing within this many days gets a question. */
export const MATURITY_DAYS = 90;

export type PackPitchStatus = 'approved' | 'awaiting-review' | 'draft';

/** A pitch as the pack shows it: the approved version if there is one, else the latest. */
export interface PackPitch {
  productId: string;
  language: Language;
  status: PackPitchStatus;
  version: number;
  content: PitchDraftContent;
}

/** A holding with what the pack needs of its product: the currency its amount is in, and its term. */
export interface PackHolding extends HoldingWithProduct {
  currency: string;
  termMonths: number | null;
}

export interface MeetingPackInput {
  client: Client;
  holdings: readonly PackHolding[];
  /** The client's current ranking (or the latest impression's); null when none could be made. */
  ranking: ClientRanking | null;
  /** Product records for the ranked and held products (their disclosures and minimums). */
  products: readonly Product[];
  pitches: readonly PackPitch[];
  /** Recent reactions, newest first: interest the client showed becomes a question. */
  interactions: readonly InteractionWithProduct[];
  market: MarketSnapshot | null;
  meeting: Meeting | null;
  language: Language;
  /** ISO time the pack is prepared at: the document's date, and what ages and expiries are measured to. */
  now: string;
  /** IANA zone the meeting's time is shown in (the advisor's); UTC when not given. */
  timeZone?: string;
  kyc?: { maxAgeMonths: number; requiredFields: { individual: string[]; business: string[] } };
  top?: number;
}

export type KycState = 'valid' | 'expiring' | 'stale' | 'never';

export interface PackProduct {
  productId: string;
  rank: number;
  heading: string;
  reasons: string;
  minimum: string | null;
  deviation: string | null;
  pitch: (PackPitch & { statusText: string }) | null;
  /** Why there is no pitch text to show (none drafted, or only in the other language). */
  noPitch: string | null;
  disclosure: string;
}

export interface ExclusionGroup {
  ruleId: string;
  rule: string;
  count: number;
  /** "Risk class and grade: 12 products" */
  line: string;
  /** A few of the products, by name, and how many more. */
  examples: string;
  /** The line and the examples together, as the pack prints them. */
  text: string;
}

export interface MeetingPackData {
  language: Language;
  clientId: string;
  preparedAt: string;
  title: string;
  subtitle: string;
  footer: string;
  headings: Record<'profile' | 'holdings' | 'market' | 'products' | 'excluded' | 'questions', string>;
  profile: { rows: [string, string][]; kycState: KycState; kyc: string };
  holdings: { columns: string[]; rows: string[][]; total: string | null; empty: string | null };
  market: { asOf: string | null; rows: [string, string][]; empty: string | null };
  products: { items: PackProduct[]; empty: string | null };
  excluded: { total: number; summary: string; groups: ExclusionGroup[] };
  questions: string[];
}

/** Number and money formats in one language; kept per language (a format is costly to make). */
const FORMATS = new Map<string, Intl.NumberFormat>();
export function packNumber(language: Language, value: number, digits = 0): string {
  const key = `${language}/${digits}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE_TAGS[language], { maximumFractionDigits: digits });
    FORMATS.set(key, format);
  }
  return format.format(value);
}

export class PackText {
  constructor(readonly language: Language) {}
  t = (key: MessageKey, values?: Record<string, TemplateValue>): string => translate(this.language, key, values);
  money = (value: number, currency: string): string => pickText(formatAmount(value, currency), this.language);
  percent = (value: number, digits = 1): string =>
    this.t('pack.percent', { value: packNumber(this.language, value, digits) });
  name = (p: { nameEn?: string; nameZh?: string; productNameEn?: string; productNameZh?: string }): string =>
    this.language === 'zh-CN' ? (p.nameZh ?? p.productNameZh ?? '') : (p.nameEn ?? p.productNameEn ?? '');
  list = (items: readonly string[]): string => items.join(this.language === 'zh-CN' ? '、' : ', ');
  /** Why a rule excluded a product, in a few words (the rule's failure, not its name). */
  rule = (ruleId: string): string => {
    const key = `pack.rule.${ruleId}`;
    return isMessageKey(key) ? this.t(key) : ruleId;
  };
}

/** Adds whole calendar months to a date, keeping the day where the month has it (else its last day). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

export function kycStatus(
  client: Client,
  today: string,
  maxAgeMonths: number,
): { state: KycState; reviewed: string | null; until: string | null } {
  const reviewed = client.kycReviewedAt;
  if (reviewed === null) return { state: 'never', reviewed, until: null };
  const until = addMonths(reviewed, maxAgeMonths);
  if (until < today) return { state: 'stale', reviewed, until };
  if (until <= addDays(today, KYC_WARNING_DAYS)) return { state: 'expiring', reviewed, until };
  return { state: 'valid', reviewed, until };
}

/**
 * The next day a holding matures, on or after `today`: bought plus whole terms (a holding still in the book after its
 * term was renewed for another); null for open-ended products.
 */
export function maturityOf(holding: Pick<PackHolding, 'acquiredOn' | 'termMonths'>, today: string): string | null {
  const term = holding.termMonths;
  if (!term) return null;
  const elapsed = Math.max(0, monthsBetween(holding.acquiredOn, today));
  let terms = Math.max(1, Math.floor(elapsed / term));
  while (addMonths(holding.acquiredOn, terms * term) < today) terms++;
  return addMonths(holding.acquiredOn, terms * term);
}

/** A time in a zone as "YYYY-MM-DD HH:MM" (the same on every machine for the same zone). */
export function zonedTime(iso: string, timeZone: string): string {
  const ms = Date.parse(iso);
  const local = new Date(ms + zoneOffsetMinutes(ms, timeZone) * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

/** A meeting's place or purpose in the pack's language, with the advisor's own words beside it when given. */
function meetingLabel(x: PackText, prefix: 'agenda.place' | 'agenda.purpose', code: string, note: string): string {
  const key = `${prefix}.${code}`;
  const label = isMessageKey(key) ? x.t(key) : code;
  return note.trim() ? `${label} (${note.trim()})` : label;
}

export function assembleMeetingPack(input: MeetingPackInput): MeetingPackData {
  const { client, language } = input;
  const x = new PackText(language);
  const today = input.now.slice(0, 10);
  const kycRule = input.kyc ?? DEFAULT_RULE_SET.rules.kyc;
  const kyc = kycStatus(client, today, kycRule.maxAgeMonths);
  const prepared = `${input.now.slice(0, 10)} ${input.now.slice(11, 16)} UTC`;
  const products = new Map(input.products.map((p) => [p.id, p]));

  const subtitle = input.meeting
    ? x.t('pack.subtitleMeeting', {
        id: client.id,
        when: `${zonedTime(input.meeting.startsAt, input.timeZone ?? 'UTC')}${input.timeZone ? '' : ' UTC'}`,
        location: meetingLabel(x, 'agenda.place', input.meeting.location, input.meeting.locationNote),
        purpose: meetingLabel(x, 'agenda.purpose', input.meeting.purpose, input.meeting.purposeNote),
      })
    : x.t('pack.subtitle', { id: client.id, at: prepared });

  const missing = kycRule.requiredFields[client.kind].filter((field) => {
    const value = (client as unknown as Record<string, unknown>)[field];
    return value === null || value === undefined || value === '';
  });

  return {
    language,
    clientId: client.id,
    preparedAt: input.now,
    title: x.t('pack.title', { client: client.displayName }),
    subtitle,
    footer: x.t('pack.footer', { id: client.id, at: prepared }),
    headings: {
      profile: x.t('pack.section.profile'),
      holdings: x.t('pack.section.holdings'),
      market: x.t('pack.section.market'),
      products: x.t('pack.section.products'),
      excluded: x.t('pack.section.excluded'),
      questions: x.t('pack.section.questions'),
    },
    profile: profileSection(x, client, today, kyc, missing),
    holdings: holdingsSection(x, input.holdings, today),
    market: marketSection(x, input.market),
    products: productsSection(x, input, products, kyc.state),
    excluded: excludedSection(x, input.ranking?.excluded ?? []),
    questions: packQuestions(x, { ...input, today, kyc, missing, maxAgeMonths: kycRule.maxAgeMonths }),
  };
}

function profileSection(
  x: PackText,
  client: Client,
  today: string,
  kyc: ReturnType<typeof kycStatus>,
  missing: string[],
): MeetingPackData['profile'] {
  const rows: [string, string][] = [];
  const unknown = x.t('pack.unknown');
  if (client.kind === 'individual') {
    rows.push([
      x.t('pack.profile.age'),
      client.birthDate ? x.t('pack.profile.ageValue', { years: wholeYearsBetween(client.birthDate, today) }) : unknown,
    ]);
    if (client.occupation) rows.push([x.t('field.occupation'), client.occupation]);
  } else {
    rows.push([
      x.t('pack.profile.founded'),
      client.foundedDate ? x.t('pdf.years', { years: wholeYearsBetween(client.foundedDate, today) }) : unknown,
    ]);
    if (client.sector) rows.push([x.t('field.sector'), client.sector]);
  }
  rows.push([
    x.t('pack.profile.riskClass'),
    client.riskClass ? x.t(`riskClass.${client.riskClass}`) : x.t('pack.profile.notAssessed'),
  ]);
  rows.push([
    x.t('pack.profile.objectives'),
    client.objectives.length > 0
      ? x.list(client.objectives.map((o) => x.t(`objective.${o}`)))
      : x.t('pack.profile.noObjectives'),
  ]);
  rows.push([x.t('pack.profile.horizon'), x.t('pdf.years', { years: client.horizonYears })]);
  rows.push([x.t('pack.profile.liquidity'), x.t(`liquidityNeed.${client.liquidityNeed}`)]);
  rows.push([x.t('pack.profile.knowledge'), x.t(`knowledge.${client.knowledgeLevel}`)]);
  rows.push([x.t('pack.profile.investable'), x.money(client.investableAssets, CLIENT_CURRENCY)]);
  const yearly = client.kind === 'individual' ? client.annualIncome : client.annualRevenue;
  rows.push([
    x.t(client.kind === 'individual' ? 'pack.profile.income' : 'pack.profile.revenue'),
    yearly === null ? unknown : x.money(yearly, CLIENT_CURRENCY),
  ]);
  rows.push([x.t('pack.profile.liabilities'), x.money(client.liabilities, CLIENT_CURRENCY)]);
  rows.push([
    x.t('pack.profile.questionnaire'),
    client.questionnaire
      ? x.t('pack.profile.questionnaireValue', {
          date: client.questionnaire.completedAt.slice(0, 10),
          riskClass: client.questionnaire.riskClass,
        })
      : x.t('pack.profile.questionnaireNone'),
  ]);
  const kycText =
    kyc.state === 'never'
      ? x.t('pack.kyc.never')
      : x.t(`pack.kyc.${kyc.state}`, { date: kyc.reviewed!, until: kyc.until! });
  const withMissing =
    missing.length > 0
      ? `${kycText}. ${x.t('pack.kyc.missing', { fields: x.list(missing.map((f) => fieldName(x, f))) })}`
      : kycText;
  rows.push([x.t('pack.profile.kyc'), withMissing]);
  return { rows, kycState: kyc.state, kyc: withMissing };
}

export function fieldName(x: PackText, field: string): string {
  const key = `field.${field}`;
  return isMessageKey(key) ? x.t(key) : field;
}

function holdingsSection(x: PackText, holdings: readonly PackHolding[], today: string): MeetingPackData['holdings'] {
  const columns = [
    x.t('pack.holdings.product'),
    x.t('pack.holdings.family'),
    x.t('pack.holdings.amount'),
    x.t('pack.holdings.since'),
    x.t('pack.holdings.matures'),
  ];
  if (holdings.length === 0) return { columns, rows: [], total: null, empty: x.t('pack.holdings.none') };
  const sorted = [...holdings].sort((a, b) => b.amount - a.amount || a.productId.localeCompare(b.productId));
  const rows = sorted.map((h) => [
    x.name(h),
    x.t(`family.${h.family}` as MessageKey),
    x.money(h.amount, h.currency),
    h.acquiredOn,
    maturityOf(h, today) ?? x.t('pack.holdings.open'),
  ]);
  const totals = new Map<string, number>();
  for (const h of holdings) totals.set(h.currency, (totals.get(h.currency) ?? 0) + h.amount);
  const amounts = [...totals].sort(([a], [b]) => a.localeCompare(b)).map(([c, v]) => x.money(v, c));
  return { columns, rows, total: x.t('pack.holdings.total', { amounts: x.list(amounts) }), empty: null };
}

function marketSection(x: PackText, market: MarketSnapshot | null): MeetingPackData['market'] {
  if (!market) return { asOf: null, rows: [], empty: x.t('pack.market.none') };
  const trend = market.equityTrend3m;
  const rows: [string, string][] = [
    [x.t('pack.market.policyRate'), x.percent(market.policyRate, 2)],
    [x.t('pack.market.depositRate'), x.percent(market.depositRate1y, 2)],
    [x.t('pack.market.inflation'), x.percent(market.inflation, 1)],
    [x.t('pack.market.bondYield'), x.percent(market.bondYield10y, 2)],
    [
      x.t('pack.market.equity'),
      x.t('pack.market.equityValue', {
        level: packNumber(x.language, market.equityIndex, 0),
        trend: x.t('pack.percentSigned', {
          sign: trend > 0 ? '+' : trend < 0 ? '−' : '',
          value: packNumber(x.language, Math.abs(trend), 1),
        }),
      }),
    ],
  ];
  if (market.regulatoryFlags.length > 0) rows.push([x.t('pack.market.flags'), x.list(market.regulatoryFlags)]);
  return { asOf: x.t('pack.market.asOf', { date: market.asOf }), rows, empty: null };
}

/** The pitch to show for a product: in the pack's language, approved before waiting before draft. */
function pitchFor(pitches: readonly PackPitch[], productId: string, language: Language): PackPitch | null {
  const order: Record<PackPitchStatus, number> = { approved: 0, 'awaiting-review': 1, draft: 2 };
  const mine = pitches
    .filter((p) => p.productId === productId && p.language === language)
    .sort((a, b) => order[a.status] - order[b.status] || b.version - a.version);
  return mine[0] ?? null;
}

function productsSection(
  x: PackText,
  input: MeetingPackInput,
  products: Map<string, Product>,
  kyc: KycState,
): MeetingPackData['products'] {
  const ranked = input.ranking?.ranked ?? [];
  if (ranked.length === 0)
    return {
      items: [],
      empty: x.t(kyc === 'stale' || kyc === 'never' ? 'pack.products.kycBlocked' : 'pack.products.none'),
    };
  const items = ranked.slice(0, input.top ?? PACK_PRODUCTS).map((p) => packProduct(x, input, products, p));
  return { items, empty: null };
}

function packProduct(
  x: PackText,
  input: MeetingPackInput,
  products: Map<string, Product>,
  p: RankedProduct,
): PackProduct {
  const record = products.get(p.productId);
  const reasons = p.reasons
    .filter((r) => r.logOdds > 0)
    .slice(0, 3)
    .map((r) => renderMessage(r.text, x.language));
  const pitch = pitchFor(input.pitches, p.productId, x.language);
  const other = pitch ? null : input.pitches.find((q) => q.productId === p.productId);
  const statusKey = {
    approved: 'pack.status.approved',
    'awaiting-review': 'pack.status.awaiting',
    draft: 'pack.status.draft',
  } as const;
  return {
    productId: p.productId,
    rank: p.rank,
    heading: x.t('pack.products.heading', {
      rank: p.rank,
      product: x.name(p),
      grade: p.riskGrade,
      score: x.percent(p.probability * 100, 0),
    }),
    reasons:
      reasons.length > 0
        ? x.t('pack.products.reasons', { reasons: reasons.join(x.language === 'zh-CN' ? '；' : '; ') })
        : x.t('pack.products.noReasons'),
    minimum:
      record && record.minimumAmount > 0
        ? x.t('pack.products.minimum', { amount: x.money(record.minimumAmount, record.currency) })
        : null,
    deviation: p.deviation ? x.t('pack.products.deviation') : null,
    pitch: pitch
      ? {
          ...pitch,
          statusText: x.t('pack.status.label', {
            status: x.t(statusKey[pitch.status], { version: pitch.version }),
          }),
        }
      : null,
    noPitch: pitch
      ? null
      : other
        ? x.t('pack.products.pitchOtherLanguage', { language: x.t(`language.${other.language}`) })
        : x.t('pack.products.noPitch'),
    disclosure: x.t('pack.products.disclosure', {
      text: record ? pickText(requiredDisclosure(record), x.language) : x.t('pack.unknown'),
    }),
  };
}

const NAMED_EXAMPLES = 3;

/** Exclusions grouped by the first rule each product failed (the one an advisor would say), largest group first. */
function excludedSection(x: PackText, excluded: readonly ExcludedProduct[]): MeetingPackData['excluded'] {
  const groups = new Map<string, ExcludedProduct[]>();
  for (const p of excluded) {
    const ruleId = p.failed[0]!.ruleId;
    groups.set(ruleId, [...(groups.get(ruleId) ?? []), p]);
  }
  const order = (id: string) => RULE_IDS.indexOf(id as (typeof RULE_IDS)[number]);
  const list = [...groups]
    .sort(([a, pa], [b, pb]) => pb.length - pa.length || order(a) - order(b))
    .map(([ruleId, members]): ExclusionGroup => {
      const names = members.slice(0, NAMED_EXAMPLES).map((m) => x.name(m));
      const rest = members.length - names.length;
      const line = x.t('pack.excluded.group', { rule: x.rule(ruleId), count: members.length });
      const examples = x.t('pack.excluded.examples', {
        names: rest > 0 ? x.t('pack.excluded.more', { names: x.list(names), count: rest }) : x.list(names),
      });
      return {
        ruleId,
        rule: x.rule(ruleId),
        count: members.length,
        line,
        examples,
        text: x.t('pack.excluded.line', { group: line, examples }),
      };
    });
  return {
    total: excluded.length,
    summary:
      excluded.length === 0 ? x.t('pack.excluded.none') : x.t('pack.excluded.summary', { count: excluded.length }),
    groups: list,
  };
}
