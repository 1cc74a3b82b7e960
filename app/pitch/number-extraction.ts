/**
 * Finds the figures a reader would see in a pitch, in English and Chinese forms: 3.5%, 3.5 %, 百分之三点五,
 * 1,000,000, CNY 50,000, 100万, 5年, 12 个月, "three months", 2026-01-01. Each comes with the unit it is
 * quoted in, so 12 months and 1 year compare equal and 5% never matches 5 years. Digits glued to Latin
 * letters (R3, C3, 10y) are codes, not figures.
 */

export type NumberUnit = 'percent' | 'money' | 'months' | 'age' | 'plain' | 'date';

export interface QuotedNumber {
  /** In the unit's base: percent points, currency units, months, years of age; dates as YYYYMMDD. */
  value: number;
  unit: NumberUnit;
  start: number;
  end: number;
  text: string;
}

const CN_DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const CN_SMALL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** 三点五 → 3.5, 十二 → 12, 一百二十 → 120, 三万 → 30000. Returns null for anything it cannot read. */
export function chineseNumeralValue(text: string): number | null {
  const [whole, fraction] = text.split('点');
  if (whole === undefined || whole === '') return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of whole) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else if (ch in CN_SMALL_UNITS) {
      section += (digit ?? 1) * CN_SMALL_UNITS[ch]!;
      digit = null;
    } else if (ch === '万' || ch === '亿') {
      total = (total + section + (digit ?? 0)) * (ch === '万' ? 10_000 : 100_000_000);
      section = 0;
      digit = null;
    } else return null;
  }
  let value = total + section + (digit ?? 0);
  if (fraction !== undefined) {
    let scale = 0.1;
    for (const ch of fraction) {
      const d = CN_DIGITS[ch];
      if (d === undefined) return null;
      value += d * scale;
      scale /= 10;
    }
  }
  return value;
}

const EN_WORDS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  eighteen: 18,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

type Suffix = { unit: NumberUnit; factor: number; length: number };

/** What follows a number decides its unit; the longest match wins, so 个月 is months and 万元 money. */
const SUFFIXES: readonly [RegExp, NumberUnit, number][] = [
  [/^\s?(?:%|％|per\s?cent\b|percent\b|pct\b)/i, 'percent', 1],
  [/^\s?(?:bps?|basis[\s-]points?)\b/i, 'percent', 0.01],
  [/^\s?个?百分点/, 'percent', 1],
  [/^\s?万亿(?:元|人民币|美元|港元)?/, 'money', 1e12],
  [/^\s?亿(?:元|人民币|美元|港元)?/, 'money', 1e8],
  [/^\s?万(?:元|人民币|美元|港元)?/, 'money', 1e4],
  [/^\s?千元/, 'money', 1e3],
  [/^\s?(?:元|块|人民币|美元|港元|yuan\b|rmb\b|cny\b|usd\b|hkd\b)/i, 'money', 1],
  [/^\s?(?:million|mn)\b/i, 'money', 1e6],
  [/^\s?(?:billion|bn)\b/i, 'money', 1e9],
  [/^\s?(?:thousand)\b/i, 'money', 1e3],
  [/^[\s-]?(?:years?[\s-]olds?|岁|周岁)/i, 'age', 1],
  [/^[\s-]?(?:years?|yrs?)\b/i, 'months', 12],
  [/^\s?年(?![龄纪级])/, 'months', 12],
  [/^[\s-]?(?:months?|mths?)\b/i, 'months', 1],
  [/^\s?个?月/, 'months', 1],
  [/^[\s-]?(?:weeks?)\b/i, 'months', 12 / 52],
  [/^\s?(?:个)?(?:星期|周)/, 'months', 12 / 52],
  [/^[\s-]?(?:days?)\b/i, 'months', 12 / 365],
  [/^\s?(?:天|日)/, 'months', 12 / 365],
];

function suffixAt(text: string, from: number): Suffix | null {
  const rest = text.slice(from, from + 16);
  for (const [pattern, unit, factor] of SUFFIXES) {
    const m = pattern.exec(rest);
    if (m) return { unit, factor, length: m[0].length };
  }
  return null;
}

const CURRENCY_BEFORE = /(?:CNY|RMB|USD|HKD|EUR|¥|￥|\$|人民币|美元|港元)\s?$/i;
const AGE_BEFORE = /\b(?:aged?|ages)\s$/i;
/** Between two figures of one range, so the first takes the second's unit: 1 to 3 years, 3 至 24 个月. */
const RANGE_JOINER = /^\s*(?:-|–|—|~|～|to|and|或|至|到)\s*$/i;

interface Raw {
  value: number;
  start: number;
  end: number;
  suffix: Suffix | null;
  before: string;
  fixedUnit?: NumberUnit;
}

function scanDates(text: string, taken: boolean[], out: QuotedNumber[]): void {
  const patterns = [/(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)/g, /(?<!\d)(\d{4})\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日/g];
  for (const pattern of patterns) {
    for (const m of text.matchAll(pattern)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      out.push({
        value: Number(m[1]) * 10_000 + Number(m[2]) * 100 + Number(m[3]),
        unit: 'date',
        start,
        end,
        text: m[0],
      });
      for (let i = start; i < end; i++) taken[i] = true;
    }
  }
}

function scanDigits(text: string, taken: boolean[]): Raw[] {
  const out: Raw[] = [];
  const pattern = /(?<![A-Za-z0-9_.]|\d,)([-−]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![A-Za-z0-9]*\.?[A-Za-z])/g;
  for (const m of text.matchAll(pattern)) {
    let start = m.index ?? 0;
    if (taken[start + (m[1] ? 1 : 0)]) continue;
    const integer = m[2]!.replace(/,/g, '');
    let value = Number(`${integer}${m[3] ? `.${m[3]}` : ''}`);
    // A dash is a minus sign only where it cannot be joining a range (after a figure or a per cent sign).
    const prev = text.slice(0, start).trimEnd().slice(-1);
    if (m[1] && !/[\d%％]/.test(prev)) value = -value;
    else if (m[1]) start += 1;
    const end = (m.index ?? 0) + m[0].length;
    out.push({ value, start, end, suffix: suffixAt(text, end), before: text.slice(Math.max(0, start - 8), start) });
  }
  return out;
}

/** Digits glued to letters are filtered by the lookahead above, except unit abbreviations like 10k or 5yr. */
function scanUnitAbbreviations(text: string, taken: boolean[], out: Raw[]): void {
  for (const m of text.matchAll(/(?<![A-Za-z0-9_.])(\d+(?:\.\d+)?)(k|m|bn|yrs?|mths?)\b/gi)) {
    const start = m.index ?? 0;
    if (taken[start]) continue;
    const unit = m[2]!.toLowerCase();
    const value = Number(m[1]);
    const end = start + m[0].length;
    const suffix: Suffix =
      unit === 'k'
        ? { unit: 'money', factor: 1e3, length: 0 }
        : unit === 'm'
          ? { unit: 'money', factor: 1e6, length: 0 }
          : unit === 'bn'
            ? { unit: 'money', factor: 1e9, length: 0 }
            : unit.startsWith('y')
              ? { unit: 'months', factor: 12, length: 0 }
              : { unit: 'months', factor: 1, length: 0 };
    out.push({ value, start, end, suffix, before: text.slice(Math.max(0, start - 8), start) });
  }
}

function scanChinese(text: string, taken: boolean[], out: Raw[]): void {
  const numeral = '[零〇一二两三四五六七八九十百千万亿点]';
  for (const m of text.matchAll(new RegExp(`百分之(${numeral}+)`, 'g'))) {
    const value = chineseNumeralValue(m[1]!);
    const start = m.index ?? 0;
    if (value === null || taken[start]) continue;
    out.push({ value, start, end: start + m[0].length, suffix: null, before: '', fixedUnit: 'percent' });
    for (let i = start; i < start + m[0].length; i++) taken[i] = true;
  }
  // Elsewhere a Chinese numeral counts only before a unit: 一次 or 一站式 are words, 一年 and 三个月 are figures.
  for (const m of text.matchAll(new RegExp(`(?<!${numeral})([零〇一二两三四五六七八九十]${numeral}*)`, 'g'))) {
    const start = m.index ?? 0;
    if (taken[start]) continue;
    const end = start + m[0].length;
    const suffix = suffixAt(text, end);
    const value = chineseNumeralValue(m[1]!);
    if (value === null || !suffix || suffix.unit === 'percent') continue;
    out.push({ value, start, end, suffix, before: text.slice(Math.max(0, start - 8), start) });
  }
}

function scanEnglishWords(text: string, taken: boolean[], out: Raw[]): void {
  const words = Object.keys(EN_WORDS).join('|');
  for (const m of text.matchAll(new RegExp(`\\b(${words})\\b`, 'gi'))) {
    const start = m.index ?? 0;
    if (taken[start]) continue;
    const end = start + m[0].length;
    const suffix = suffixAt(text, end);
    if (!suffix || (suffix.unit !== 'months' && suffix.unit !== 'age')) continue;
    out.push({
      value: EN_WORDS[m[1]!.toLowerCase()]!,
      start,
      end,
      suffix,
      before: text.slice(Math.max(0, start - 8), start),
    });
  }
}

/** Full-width digits, signs and letters (３．５％) read as their ASCII forms; one character each, so offsets hold. */
export function halfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Every figure in `text`, in reading order; offsets and texts refer to `input` as given. */
export function extractNumbers(input: string): QuotedNumber[] {
  const text = halfWidth(input);
  const taken: boolean[] = new Array<boolean>(text.length).fill(false);
  const dates: QuotedNumber[] = [];
  scanDates(text, taken, dates);
  const raws: Raw[] = [];
  scanChinese(text, taken, raws);
  raws.push(...scanDigits(text, taken));
  scanUnitAbbreviations(text, taken, raws);
  scanEnglishWords(text, taken, raws);
  raws.sort((a, b) => a.start - b.start);
  // A bare figure before a range joiner takes the unit of the figure after it.
  for (let i = raws.length - 2; i >= 0; i--) {
    const here = raws[i]!;
    const next = raws[i + 1]!;
    if (here.suffix || here.fixedUnit || !(next.suffix || next.fixedUnit)) continue;
    if (RANGE_JOINER.test(text.slice(here.end, next.start))) {
      if (next.fixedUnit) here.fixedUnit = next.fixedUnit;
      else here.suffix = { ...next.suffix!, length: 0 };
    }
  }
  const out: QuotedNumber[] = [...dates];
  for (const raw of raws) {
    let unit: NumberUnit = raw.fixedUnit ?? raw.suffix?.unit ?? 'plain';
    let value = raw.value * (raw.fixedUnit ? 1 : (raw.suffix?.factor ?? 1));
    if (unit === 'plain' && CURRENCY_BEFORE.test(raw.before)) unit = 'money';
    if (unit === 'plain' && AGE_BEFORE.test(raw.before)) unit = 'age';
    if (unit === 'months' && AGE_BEFORE.test(raw.before)) {
      unit = 'age';
      value = raw.value;
    }
    // 2045 年 or "in 2029" is a calendar year, not a duration.
    if (
      (unit === 'months' || unit === 'plain') &&
      Number.isInteger(raw.value) &&
      raw.value >= 1900 &&
      raw.value <= 2100 &&
      raw.suffix?.factor !== 1
    ) {
      unit = 'plain';
      value = raw.value;
    }
    const end = raw.end + (raw.suffix?.length ?? 0);
    out.push({ value, unit, start: raw.start, end, text: input.slice(raw.start, end) });
  }
  for (const d of out) if (d.unit === 'date') d.text = input.slice(d.start, d.end);
  return out.sort((a, b) => a.start - b.start);
}
