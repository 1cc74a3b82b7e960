import type { Language } from '../domain/enums';
import type { LocalizedText } from '../domain/localized-text';

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
export function formatMonths(months: number): LocalizedText {
  if (months >= 12 && months % 12 === 0) {
    const years = months / 12;
    return { en: `${years} year${years === 1 ? '' : 's'}`, zh: `${years} 年` };
  }
  return { en: `${months} month${months === 1 ? '' : 's'}`, zh: `${months} 个月` };
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
const AMOUNT_BANDS: readonly [number, LocalizedText][] = [
  [100_000, { en: 'under 100,000', zh: '10 万以下' }],
  [500_000, { en: '100,000 to 500,000', zh: '10 万至 50 万' }],
  [1_000_000, { en: '500,000 to 1 million', zh: '50 万至 100 万' }],
  [5_000_000, { en: '1 million to 5 million', zh: '100 万至 500 万' }],
  [20_000_000, { en: '5 million to 20 million', zh: '500 万至 2000 万' }],
  [Number.POSITIVE_INFINITY, { en: 'over 20 million', zh: '2000 万以上' }],
];

export function amountBand(value: number): LocalizedText {
  return AMOUNT_BANDS.find(([limit]) => value < limit)![1];
}

export function ageBand(age: number): LocalizedText {
  if (age < 25) return { en: 'under 25', zh: '25 岁以下' };
  if (age >= 75) return { en: '75 or over', zh: '75 岁及以上' };
  const low = Math.floor((age - 25) / 10) * 10 + 25;
  return { en: `${low} to ${low + 9}`, zh: `${low} 至 ${low + 9} 岁` };
}

export function yearsBand(years: number): LocalizedText {
  if (years < 2) return { en: 'under 2 years', zh: '不足 2 年' };
  if (years < 5) return { en: '2 to 5 years', zh: '2 至 5 年' };
  if (years < 10) return { en: '5 to 10 years', zh: '5 至 10 年' };
  return { en: '10 years or more', zh: '10 年及以上' };
}
