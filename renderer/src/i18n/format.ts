import { LOCALE_TAGS, type Language } from '../../../app/messages';

/**
 * Client money is held in the institution's currency in whole units (see ClientProfile);
 * the contract does not carry it yet, so the renderer states it once here.
 */
export const INSTITUTION_CURRENCY = 'CNY';

export interface Formatters {
  number(value: number, fractionDigits?: number): string;
  money(value: number, currency?: string): string;
  /** Rates arrive as percent (2.35 means 2.35 %). */
  percent(value: number): string;
  /** A calendar date written YYYY-MM-DD, shown without any time-zone shift. */
  date(isoDate: string): string;
  dateTime(isoDateTime: string): string;
  /** Narrow forms for table columns: 2026/10/28 in Chinese, 28 Oct 2026 in English. */
  compactDate(isoDate: string): string;
  compactDateTime(isoDateTime: string): string;
  time(isoDateTime: string): string;
}

const cache = new Map<string, Formatters>();

/**
 * Formatters for a language. Times of day are shown in `timeZone` (the advisor's setting), or the machine's zone
 * without one; calendar dates written YYYY-MM-DD are never shifted.
 */
export function formattersFor(language: Language, timeZone?: string): Formatters {
  const cacheKey = `${language} ${timeZone ?? ''}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const zone: Intl.DateTimeFormatOptions = timeZone ? { timeZone } : {};
  const tag = LOCALE_TAGS[language];
  const moneyFormats = new Map<string, Intl.NumberFormat>();
  const dateFormat = new Intl.DateTimeFormat(tag, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  const dateTimeFormat = new Intl.DateTimeFormat(tag, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    ...zone,
  });
  const compact: Intl.DateTimeFormatOptions =
    language === 'zh-CN'
      ? { year: 'numeric', month: '2-digit', day: '2-digit' }
      : { year: 'numeric', month: 'short', day: 'numeric' };
  const compactDateFormat = new Intl.DateTimeFormat(tag, { ...compact, timeZone: 'UTC' });
  const compactDateTimeFormat = new Intl.DateTimeFormat(tag, {
    ...compact,
    hour: '2-digit',
    minute: '2-digit',
    ...zone,
  });
  const timeFormat = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...zone });
  const percentFormat = new Intl.NumberFormat(tag, {
    style: 'percent',
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  const formatters: Formatters = {
    number: (value, fractionDigits = 0) =>
      new Intl.NumberFormat(tag, {
        minimumFractionDigits: fractionDigits,
        maximumFractionDigits: fractionDigits,
      }).format(value),
    money: (value, currency = INSTITUTION_CURRENCY) => {
      let format = moneyFormats.get(currency);
      if (!format) {
        format = new Intl.NumberFormat(tag, { style: 'currency', currency, maximumFractionDigits: 0 });
        moneyFormats.set(currency, format);
      }
      return format.format(value);
    },
    percent: (value) => percentFormat.format(value / 100),
    date: (isoDate) => {
      const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDate : dateFormat.format(d);
    },
    dateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : dateTimeFormat.format(d);
    },
    compactDate: (isoDate) => {
      const d = new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? isoDate : compactDateFormat.format(d);
    },
    compactDateTime: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : compactDateTimeFormat.format(d);
    },
    time: (iso) => {
      const d = new Date(iso);
      return Number.isNaN(d.getTime()) ? iso : timeFormat.format(d);
    },
  };
  cache.set(cacheKey, formatters);
  return formatters;
}

/** Today's local calendar date, YYYY-MM-DD: what an advisor means by "today". */
export function localToday(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** True when a KYC review date is more than twelve months before today. */
export function isOlderThanTwelveMonths(isoDate: string, today: string): boolean {
  const year = Number(today.slice(0, 4)) - 1;
  return isoDate < `${year}${today.slice(4)}`;
}
