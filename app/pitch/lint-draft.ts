import type { Language } from '../domain/enums';
import type { LocalizedText } from '../domain/localized-text';
import type { SuitabilityResult } from '../suitability/suitability-types';
import { normaliseForComparison } from './disclosure';
import { CLAIM_MESSAGES, findClaims, type ClaimFamily } from './forbidden-claims';
import { formatPercent } from './formatting';
import { extractNumbers, halfWidth, type NumberUnit, type QuotedNumber } from './number-extraction';
import { quotableNumbers, type FactNumber, type PitchFacts } from './pitch-facts';
import { doc, type DraftField, type PitchDraft } from './pitch-types';

export const PITCH_RULE_IDS = [
  'forbidden-claim',
  'number-not-a-fact',
  'disclosure-missing',
  'risk-grade-missing',
  'product-unsuitable',
  'suitability-deviation',
  'language-mismatch',
  'empty-text',
  'repeated-text',
] as const;
export type PitchRuleId = (typeof PITCH_RULE_IDS)[number];
export type IssueSeverity = 'blocking' | 'warning';

/** Where in the draft the editor should highlight: a field, the item for list fields, and a character range. */
export interface DraftSpan {
  field: DraftField;
  item: number | null;
  start: number;
  end: number;
  text: string;
}

export interface PitchIssue {
  ruleId: PitchRuleId;
  severity: IssueSeverity;
  message: LocalizedText;
  /** Empty when the problem is something missing rather than something written. */
  spans: DraftSpan[];
  claimFamily?: ClaimFamily;
}

export interface LintContext {
  /** The language the pitch was asked for. */
  language: Language;
  /** A fresher verdict than the one the facts were built with, e.g. after the profile changed; it wins. */
  suitability?: SuitabilityResult;
}

interface FieldText {
  field: DraftField;
  item: number | null;
  text: string;
}

function fieldsOf(draft: PitchDraft): FieldText[] {
  return [
    { field: 'headline', item: null, text: draft.headline },
    { field: 'body', item: null, text: draft.body },
    ...draft.keyPoints.map((text, item) => ({ field: 'keyPoints' as const, item, text })),
    ...draft.risks.map((text, item) => ({ field: 'risks' as const, item, text })),
    { field: 'nextStep', item: null, text: draft.nextStep },
  ];
}

/** Same length as the input, so offsets stay valid: typographic apostrophes read as plain ones. */
function forMatching(text: string): string {
  return halfWidth(text).replace(/[’‘]/g, "'");
}

/** Ranges where the draft quotes the product record word for word: quoting the record is never a claim of the draft's own. */
function quotedRanges(text: string, facts: PitchFacts): [number, number][] {
  const out: [number, number][] = [];
  const quotes = [...facts.product.quotedTexts, facts.gradeStatement]
    .flatMap((q) => [q.en, q.zh])
    .filter((q) => q.trim().length >= 4)
    .map(forMatching);
  for (const quote of quotes) {
    let from = 0;
    for (;;) {
      const at = text.indexOf(quote, from);
      if (at < 0) break;
      out.push([at, at + quote.length]);
      from = at + quote.length;
    }
  }
  return out;
}

const inside = (start: number, end: number, ranges: [number, number][]) =>
  ranges.some(([a, b]) => start >= a && end <= b);

function claimIssues(f: FieldText, text: string, quoted: [number, number][], facts: PitchFacts): PitchIssue[] {
  const out: PitchIssue[] = [];
  for (const m of findClaims(text)) {
    if (inside(m.start, m.end, quoted)) continue;
    const span: DraftSpan = {
      field: f.field,
      item: f.item,
      start: m.start,
      end: m.end,
      text: f.text.slice(m.start, m.end),
    };
    if (m.family === 'capital-guarantee' && facts.product.insured) {
      out.push({
        ruleId: 'forbidden-claim',
        severity: 'warning',
        claimFamily: m.family,
        spans: [span],
        message: doc('pitchLint.insuredGuarantee', { quoted: span.text }),
      });
      continue;
    }
    const why = CLAIM_MESSAGES[m.family];
    out.push({
      ruleId: 'forbidden-claim',
      severity: 'blocking',
      claimFamily: m.family,
      spans: [span],
      message: doc('pitchLint.forbiddenClaim', { quoted: span.text, why }),
    });
  }
  return out;
}

const TOLERANCE: Record<NumberUnit, (a: number, b: number) => boolean> = {
  percent: (a, b) => Math.abs(a - b) <= 0.005 + 1e-9,
  money: (a, b) => Math.abs(a - b) <= Math.max(0.5, Math.abs(b) * 0.001),
  months: (a, b) => Math.abs(a - b) <= Math.max(0.02, Math.abs(b) * 0.005),
  age: (a, b) => Math.abs(a - b) < 1e-9,
  plain: (a, b) => Math.abs(a - b) <= 0.005 + 1e-9,
  date: (a, b) => a === b,
};

/** Units a written figure may be traced to. A bare figure may stand for any fact's figure; 1 may be "1 year". */
const COMPATIBLE: Record<NumberUnit, readonly NumberUnit[]> = {
  percent: ['percent'],
  money: ['money', 'plain'],
  months: ['months'],
  age: ['age', 'plain'],
  plain: ['percent', 'money', 'months', 'age', 'plain'],
  date: ['date'],
};

/**
 * Figures are compared by size, not sign: "a fall of 15%" quotes a -15% range end, and a dash in "1.2%-3.4%"
 * is a range, not a minus. Percent figures match to 0.005 points, amounts to 0.1%, terms to the month.
 */
export function supportingFact(n: QuotedNumber, allowed: readonly FactNumber[]): FactNumber | null {
  const value = Math.abs(n.value);
  for (const a of allowed) {
    if (!COMPATIBLE[n.unit].includes(a.unit)) continue;
    const fact = Math.abs(a.value);
    if (TOLERANCE[n.unit](value, fact)) return a;
    if (n.unit === 'plain' && a.unit === 'months' && TOLERANCE.plain(value, fact / 12)) return a;
  }
  return null;
}

const UNIT_WORDS: Record<NumberUnit, LocalizedText> = {
  percent: doc('pitchLint.aPercentage'),
  money: doc('pitchLint.anAmount'),
  months: doc('pitchLint.aTerm'),
  age: doc('pitchLint.anAge'),
  plain: doc('pitchLint.aFigure'),
  date: doc('pitchLint.aDate'),
};

/** A list item's own numbering ("1. ", "2) ") is layout, not a figure. */
function isListMarker(text: string, n: QuotedNumber): boolean {
  return n.unit === 'plain' && /^\s*$/.test(text.slice(0, n.start)) && /^[.)、．]\s/.test(text.slice(n.end));
}

function numberIssues(f: FieldText, text: string, allowed: readonly FactNumber[], facts: PitchFacts): PitchIssue[] {
  const out: PitchIssue[] = [];
  const { rateMin, rateMax } = facts.product;
  for (const n of extractNumbers(text)) {
    if (isListMarker(text, n) || supportingFact(n, allowed)) continue;
    const span: DraftSpan = {
      field: f.field,
      item: f.item,
      start: n.start,
      end: n.end,
      text: f.text.slice(n.start, n.end),
    };
    let message = doc('pitchLint.numberNotAFact', { quoted: span.text });
    const lo = Math.min(rateMin ?? Number.NaN, rateMax ?? Number.NaN);
    const hi = Math.max(rateMin ?? Number.NaN, rateMax ?? Number.NaN);
    if (n.unit === 'percent' && n.value > lo && n.value < hi) {
      message = doc('pitchLint.numberInsideRange', { quoted: span.text, lo: formatPercent(lo), hi: formatPercent(hi) });
    } else {
      const other = allowed.find(
        (a) =>
          a.unit !== n.unit &&
          (Math.abs(Math.abs(a.value) - Math.abs(n.value)) < 1e-9 ||
            (a.unit === 'months' && Math.abs(a.value / 12 - Math.abs(n.value)) < 1e-9)),
      );
      if (other) {
        message = doc('pitchLint.numberWrongUnit', {
          quoted: span.text,
          quotedAs: UNIT_WORDS[n.unit],
          factAs: UNIT_WORDS[other.unit],
        });
      }
    }
    out.push({ ruleId: 'number-not-a-fact', severity: 'blocking', spans: [span], message });
  }
  return out;
}

const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/gu;

/** CJK characters weigh three Latin letters (about a word each); codes like R3, QDII or CNY are not language. */
export function chineseShare(text: string): { share: number; weight: number } {
  const stripped = text.replace(/\b[A-Z]{2,}\b|\b[RC][1-5]\b/g, '');
  const cjk = (stripped.match(CJK) ?? []).length * 3;
  const latin = (stripped.match(/[A-Za-z]/g) ?? []).length;
  const weight = cjk + latin;
  return { share: weight === 0 ? 0 : cjk / weight, weight };
}

function languageIssue(f: FieldText, text: string, quoted: [number, number][], language: Language): PitchIssue | null {
  let own = '';
  let last = 0;
  for (const [a, b] of [...quoted].sort((x, y) => x[0] - y[0])) {
    if (a >= last) own += text.slice(last, a);
    last = Math.max(last, b);
  }
  own += text.slice(last);
  const { share, weight } = chineseShare(own);
  if (weight < 8) return null;
  const wrong = language === 'zh-CN' ? share < 0.5 : share > 0.2;
  if (!wrong) return null;
  const span: DraftSpan = { field: f.field, item: f.item, start: 0, end: f.text.length, text: f.text };
  return {
    ruleId: 'language-mismatch',
    severity: 'blocking',
    spans: [span],
    message: language === 'zh-CN' ? doc('pitchLint.notInChinese') : doc('pitchLint.notInEnglish'),
  };
}

/** Letters or digits in any script: a part without one ("." or "—") says nothing. */
const WORDISH = /[\p{L}\p{N}]/u;

function emptyIssue(f: FieldText): PitchIssue | null {
  if (WORDISH.test(f.text)) return null;
  return {
    ruleId: 'empty-text',
    severity: 'blocking',
    spans: [{ field: f.field, item: f.item, start: 0, end: f.text.length, text: f.text }],
    message: doc('pitchLint.emptyText'),
  };
}

/** Sentences as a reader compares them: case, spacing and punctuation aside. */
const sentenceKey = (sentence: string) =>
  sentence
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Where a sentence ends, in either language. */
const SENTENCE = /[^.!?。！？；;\n]+[.!?。！？；;\n]*/gu;

/**
 * A model that loops writes the same sentence again, the same list item again, or the same short run of words
 * over and over. Within a part, one repeat of a sentence of some length blocks; so do the same four words three times.
 */
function repetitionIssues(fields: readonly FieldText[]): PitchIssue[] {
  const out: PitchIssue[] = [];
  const items = new Set<string>();
  for (const f of fields) {
    // A key point or risk that says again what an earlier one of its list said. (Across parts a restatement is
    // fine: the key points sum up the body.)
    if (f.item !== null) {
      const whole = `${f.field}:${sentenceKey(f.text)}`;
      if (items.has(whole)) {
        out.push({
          ruleId: 'repeated-text',
          severity: 'blocking',
          spans: [{ field: f.field, item: f.item, start: 0, end: f.text.length, text: f.text }],
          message: doc('pitchLint.repeatedItem'),
        });
        continue;
      }
      items.add(whole);
    }
    const seen = new Set<string>();
    for (const m of f.text.matchAll(SENTENCE)) {
      const key = sentenceKey(m[0]);
      // Short sentences ("Yes." "R3.") may honestly recur; a sentence of several words should not.
      if (key.length < 16) continue;
      if (seen.has(key)) {
        const start = m.index + (m[0].length - m[0].trimStart().length);
        const end = m.index + m[0].trimEnd().length;
        out.push({
          ruleId: 'repeated-text',
          severity: 'blocking',
          spans: [{ field: f.field, item: f.item, start, end, text: f.text.slice(start, end) }],
          message: doc('pitchLint.repeatedSentence'),
        });
      } else seen.add(key);
    }
    const loop = wordLoop(f.text);
    if (loop)
      out.push({
        ruleId: 'repeated-text',
        severity: 'blocking',
        spans: [
          { field: f.field, item: f.item, start: loop.start, end: loop.end, text: f.text.slice(loop.start, loop.end) },
        ],
        message: doc('pitchLint.repeatedWords'),
      });
  }
  return out;
}

/**
 * The first run of four words (or, in Chinese, six characters) that occurs three times in a field, as a looping
 * model writes it; null when there is none. Figures are not words here: a range quoted twice in two forms is no loop.
 */
function wordLoop(text: string): { start: number; end: number } | null {
  const units: { key: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(/[\p{Script=Han}]|[\p{L}]+/gu))
    units.push({ key: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  const chinese = units.filter((u) => /\p{Script=Han}/u.test(u.key)).length > units.length / 2;
  const size = chinese ? 6 : 4;
  const counts = new Map<string, number>();
  for (let i = 0; i + size <= units.length; i++) {
    const key = units
      .slice(i, i + size)
      .map((u) => u.key)
      .join(' ');
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    if (count === 3) return { start: units[i]!.start, end: units[i + size - 1]!.end };
  }
  return null;
}

function disclosureIssues(draft: PitchDraft, facts: PitchFacts, language: Language): PitchIssue[] {
  const out: PitchIssue[] = [];
  const all = fieldsOf(draft)
    .map((f) => f.text)
    .join('\n');
  const required = language === 'zh-CN' ? facts.disclosure.zh : facts.disclosure.en;
  if (!normaliseForComparison(all).includes(normaliseForComparison(required))) {
    out.push({
      ruleId: 'disclosure-missing',
      severity: 'blocking',
      spans: [],
      message: doc('pitchLint.disclosureMissing', { disclosure: facts.disclosure }),
    });
  }
  const grade = facts.product.riskGrade;
  if (!new RegExp(`(?<![A-Za-z0-9])${grade}(?![0-9])`).test(all)) {
    out.push({
      ruleId: 'risk-grade-missing',
      severity: 'blocking',
      spans: [],
      message: doc('pitchLint.riskGradeMissing', { grade }),
    });
  }
  return out;
}

function suitabilityIssues(result: SuitabilityResult): PitchIssue[] {
  const out: PitchIssue[] = [];
  for (const check of result.checks) {
    if (check.passed) continue;
    out.push({
      ruleId: 'product-unsuitable',
      severity: 'blocking',
      spans: [],
      message: doc('pitchLint.notSuitableBecause', { reason: check.reason }),
    });
  }
  if (!result.suitable && out.length === 0) {
    out.push({
      ruleId: 'product-unsuitable',
      severity: 'blocking',
      spans: [],
      message: doc('pitchLint.notSuitableForThisClient'),
    });
  }
  if (result.deviationApplied) {
    out.push({
      ruleId: 'suitability-deviation',
      severity: 'warning',
      spans: [],
      message: doc('pitchLint.suitableOnlyThroughTheClient'),
    });
  }
  return out;
}

/**
 * Every compliance problem in a draft, for every draft and every edit: forbidden claims, figures not in
 * the facts, the disclosure and grade, suitability, the language, parts that say nothing and text that repeats
 * itself. Issues come in reading order, field by field, then repeats, then what is missing.
 */
export function lintDraft(draft: PitchDraft, facts: PitchFacts, context: LintContext): PitchIssue[] {
  const issues: PitchIssue[] = [...suitabilityIssues(context.suitability ?? facts.suitability)];
  const allowed = quotableNumbers(facts);
  const fields = fieldsOf(draft);
  for (const f of fields) {
    const empty = emptyIssue(f);
    if (empty) {
      issues.push(empty);
      continue;
    }
    const text = forMatching(f.text);
    const quoted = quotedRanges(text, facts);
    issues.push(...claimIssues(f, text, quoted, facts));
    issues.push(...numberIssues(f, text, allowed, facts));
    const language = languageIssue(f, text, quoted, context.language);
    if (language) issues.push(language);
  }
  issues.push(...repetitionIssues(fields));
  issues.push(...disclosureIssues(draft, facts, context.language));
  return issues;
}

/** A draft may be approved only when no blocking problem remains. */
export function canApprove(issues: readonly PitchIssue[]): boolean {
  return !issues.some((i) => i.severity === 'blocking');
}

/**
 * The draft with the required disclosure and grade statement put first in its risks when a model left
 * them out or reworded them; the runner calls it before linting, so an honest omission is repaired, not
 * blocked. Items beyond the schema's limit are dropped from the end.
 */
export function withRequiredDisclosure<D extends PitchDraft>(
  draft: D,
  facts: PitchFacts,
  language: Language,
  maxRisks = 4,
): D {
  const all = normaliseForComparison(
    fieldsOf(draft)
      .map((f) => f.text)
      .join('\n'),
  );
  const needed = [facts.disclosure, facts.gradeStatement]
    .map((x) => (language === 'zh-CN' ? x.zh : x.en))
    .filter((x) => !all.includes(normaliseForComparison(x)));
  if (needed.length === 0) return draft;
  return { ...draft, risks: [...needed, ...draft.risks].slice(0, maxRisks) };
}
