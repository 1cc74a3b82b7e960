import { RUBRIC_CRITERIA, type ReviewRubric } from '../domain/desk-users';
import type { Language } from '../domain/enums';
import type { PitchLength, PitchTone } from '../pitch/pitch-types';
import type { Prng } from './prng';

/** What wrote a demo draft, as far as its reviewers' scores depend on it. */
export interface DemoDraftKind {
  /** Index into the demo's model files; null for a template draft. */
  model: number | null;
  language: Language;
  tone: PitchTone;
  length: PitchLength;
}

type Criterion = (typeof RUBRIC_CRITERIA)[number];

/**
 * How the demo branch's reviewers found each kind of text, on average: templates are exact and compliant but stiff,
 * the small model slips on facts and on Chinese, the larger one is close to the template on facts and reads better.
 */
const TYPICAL: Record<'template' | 'small' | 'large', ReviewRubric> = {
  template: { accuracy: 4.8, suitability: 4.6, clarity: 3.7, compliance: 4.9 },
  small: { accuracy: 3.6, suitability: 4.1, clarity: 3.6, compliance: 3.9 },
  large: { accuracy: 4.4, suitability: 4.5, clarity: 4.3, compliance: 4.5 },
};

/** A reviewer's leaning: the second reviewer of the demo branch marks a little lower. */
const LEANING: Record<string, number> = { 'REV-01': 0.15, 'REV-02': -0.25 };

const clampScore = (x: number): number => Math.min(5, Math.max(1, Math.round(x)));

/** One reviewer's rubric for a first submission of a draft of this kind. */
export function demoRubric(kind: DemoDraftKind, reviewerId: string, random: Prng): ReviewRubric {
  const typical = TYPICAL[kind.model === null ? 'template' : kind.model === 0 ? 'small' : 'large'];
  const shift: Partial<Record<Criterion, number>> = {
    clarity:
      (kind.tone === 'concise' ? 0.3 : 0) +
      (kind.length === 'long' ? -0.4 : 0) +
      (kind.model === 0 && kind.language === 'zh-CN' ? -0.5 : 0),
    accuracy: kind.model === 0 && kind.language === 'zh-CN' ? -0.3 : 0,
    compliance: kind.tone === 'warm' && kind.model !== null ? -0.3 : 0,
  };
  const leaning = LEANING[reviewerId] ?? 0;
  return Object.fromEntries(
    RUBRIC_CRITERIA.map((c) => [c, clampScore(typical[c] + (shift[c] ?? 0) + leaning + (random.next() - 0.5) * 1.8)]),
  ) as ReviewRubric;
}

/** Whether a reviewer sends a first submission back: always below 3 on any criterion, sometimes below 4. */
export function demoSendsBack(rubric: ReviewRubric, random: Prng): boolean {
  const lowest = Math.min(...RUBRIC_CRITERIA.map((c) => rubric[c]));
  return lowest < 3 || (lowest < 4 && random.chance(0.35));
}

/** The criterion a send-back is about: the lowest score, the first such in rubric order. */
export function weakestCriterion(rubric: ReviewRubric): Criterion {
  return RUBRIC_CRITERIA.reduce((worst, c) => (rubric[c] < rubric[worst] ? c : worst), RUBRIC_CRITERIA[0]);
}

/**
 * The next reviewer's rubric for the revision: near the first review's, the weak point mended, and at least 3 on
 * every criterion so it can be approved.
 */
export function demoRevisionRubric(
  first: ReviewRubric,
  weakest: Criterion,
  reviewerId: string,
  random: Prng,
): ReviewRubric {
  const leaning = LEANING[reviewerId] ?? 0;
  return Object.fromEntries(
    RUBRIC_CRITERIA.map((c) => {
      const mended = c === weakest ? 1 + random.next() : 0;
      return [c, Math.max(3, clampScore(first[c] + mended + leaning + (random.next() - 0.5) * 1.6))];
    }),
  ) as ReviewRubric;
}
