import type { Language } from '../domain/enums';
import type { LocalizedText } from '../domain/localized-text';
import { message, type Message, type MessageKey } from '../messages';

/**
 * Figures are written by hand (not toLocaleString) so a prompt, a template and the lint read the same
 * text on every machine. Percentages keep at most two decimals and drop trailing zeros: 1.45%, 3%, -15%.
 */
export function formatNumber(value: number, maxDecimals = 2): string {
  const fixed = value.toFixed(maxDecimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return trimmed === '-0' ? '0' : trimmed;
}

export function formatPercent(value: number): string {
  return `${formatNumber(value)}%`;
}

/** Whole units with thousands separators: 1,250,000. */
export function groupDigits(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

const CURRENCY_ZH: Record<string, string> = { CNY: '元', USD: '美元', HKD: '港元', EUR: '欧元' };

/** An amount in the product's currency: "CNY 50,000" in English; "5 万元" or "1,000 元" in Chinese. */
export function formatAmount(value: number, currency: string): LocalizedText {
  const unitZh = CURRENCY_ZH[currency] ?? ` ${currency}`;
  const wan =
    value >= 10_000 && value % 10_000 === 0
      ? `${groupDigits(value / 10_000)} 万${unitZh}`
      : `${groupDigits(value)} ${unitZh.trim()}`;
  return {
    en: `${currency} ${groupDigits(value)}`,
    zh: unitZh.startsWith(' ') ? `${groupDigits(value)}${unitZh}` : wan,
  };
}

/** A term in the plainest words: 12 months reads "1 year", 18 months stays "18 months". */
export function formatMonths(months: number): Message {
  if (months >= 12 && months % 12 === 0) return message('pitch.term.years', { n: months / 12 });
  return message('pitch.term.months', { n: months });
}

export function formatRange(min: number, max: number): string {
  return min === max ? formatPercent(min) : `${formatPercent(min)} to ${formatPercent(max)}`;
}

export function formatRangeZh(min: number, max: number): string {
  return min === max ? formatPercent(min) : `${formatPercent(min)} 至 ${formatPercent(max)}`;
}

export function pick(text: LocalizedText, language: Language): string {
  return language === 'zh-CN' ? text.zh : text.en;
}

/** Bands instead of exact figures: the prompt needs the order of magnitude, not the client's balance. */
const AMOUNT_BANDS: readonly [number, MessageKey][] = [
  [100_000, 'pitch.amountBand.under100k'],
  [500_000, 'pitch.amountBand.to500k'],
  [1_000_000, 'pitch.amountBand.to1m'],
  [5_000_000, 'pitch.amountBand.to5m'],
  [20_000_000, 'pitch.amountBand.to20m'],
  [Number.POSITIVE_INFINITY, 'pitch.amountBand.over20m'],
];

export function amountBand(value: number): Message {
  return message(AMOUNT_BANDS.find(([limit]) => value < limit)![1]);
}

export function ageBand(age: number): Message {
  if (age < 25) return message('pitch.ageBand.under25');
  if (age >= 75) return message('pitch.ageBand.over75');
  const low = Math.floor((age - 25) / 10) * 10 + 25;
  return message('pitch.ageBand.range', { low, high: low + 9 });
}

export function yearsBand(years: number): Message {
  if (years < 2) return message('pitch.yearsBand.under2');
  if (years < 5) return message('pitch.yearsBand.to5');
  if (years < 10) return message('pitch.yearsBand.to10');
  return message('pitch.yearsBand.over10');
}
