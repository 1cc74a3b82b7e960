import type { DataText } from '../messages';

/**
 * Client money (assets, income, expenses, debts, revenue) is held in the institution's currency in whole units
 * (see ClientProfile); products carry their own currency. The renderer states the same currency for the profile.
 */
export const INSTITUTION_CURRENCY = 'CNY';

const UNIT_ZH: Record<string, string> = { CNY: '元', USD: '美元', HKD: '港元', EUR: '欧元' };

/** Whole units with thousands separators, written by hand so the text is the same on every machine. */
function grouped(value: number): string {
  const rounded = Math.round(value);
  const digits = String(Math.abs(rounded)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return rounded < 0 ? `-${digits}` : digits;
}

/**
 * An amount with its currency, in both languages: "CNY 609,000" in English; "609,000 元" in Chinese (a currency
 * without a Chinese name keeps its code: "1,000 SGD"). A reason never shows a bare figure for money.
 */
export function amountText(value: number, currency: string = INSTITUTION_CURRENCY): DataText {
  const unit = UNIT_ZH[currency] ?? currency;
  return { en: `${currency} ${grouped(value)}`, zh: `${grouped(value)} ${unit}` };
}
