import { RUBRIC_CRITERIA, type ReviewDecision, type ReviewRubric } from '../domain/desk-users';
import type { Language } from '../domain/enums';
import {
  SCORE_DIMENSION_VALUES,
  type ReviewScoreGroup,
  type ReviewScores,
  type ScoreDimension,
} from '../contract/review-score-channels';
import { studentT975 } from './student-t';

/**
 * Expert review scores: reviewers' rubric scores of pitch versions, grouped by what wrote the text (the language
 * model's GGUF file, the prompt version, tone, length and language; template drafts as their own group), with the
 * share sent back and how often two reviewers of the same draft disagree.
 */

/** What a stored version says about how it was written, as its provenance keeps it. */
export interface VersionProvenance {
  version: number;
  source: 'model' | 'template' | 'advisor';
  modelSha256: string | null;
  modelFile: string | null;
  settings: Readonly<Record<string, string | number | boolean | null>>;
}

/** The generation a reviewed text comes from: an advisor's edit counts for the draft it was edited from. */
export interface TextOrigin {
  source: 'model' | 'template' | 'advisor';
  modelSha256: string | null;
  modelFile: string | null;
  promptVersion: string | null;
  tone: string | null;
  length: string | null;
}

export interface ScoredReview {
  draftId: string;
  version: number;
  language: Language;
  reviewerId: string;
  decision: ReviewDecision;
  rubric: ReviewRubric;
  reviewedAt: string;
  origin: TextOrigin;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Follows an advisor's edits back (each names the version it was based on) to the model or template draft the text
 * started from; an edit whose chain is broken stands as the advisor's own text.
 */
export function originOf(versions: readonly VersionProvenance[], version: number): TextOrigin {
  const byNumber = new Map(versions.map((v) => [v.version, v]));
  let current = byNumber.get(version);
  const seen = new Set<number>();
  while (current && current.source === 'advisor' && !seen.has(current.version)) {
    seen.add(current.version);
    const basedOn = current.settings.basedOn;
    const next = typeof basedOn === 'number' ? byNumber.get(basedOn) : undefined;
    if (!next) break;
    current = next;
  }
  if (!current)
    return { source: 'advisor', modelSha256: null, modelFile: null, promptVersion: null, tone: null, length: null };
  return {
    source: current.source,
    modelSha256: current.source === 'model' ? current.modelSha256 : null,
    modelFile: current.source === 'model' ? current.modelFile : null,
    promptVersion: current.source === 'model' ? text(current.settings.promptVersion) : null,
    tone: text(current.settings.tone),
    length: text(current.settings.length),
  };
}

/** Keys of the groups that are not a model's: the same in every dimension. */
export const TEMPLATE_GROUP = 'template';
export const ADVISOR_GROUP = 'advisor';
/** Model drafts made before the prompt version was recorded. */
export const UNRECORDED = 'not-recorded';

function groupKey(review: ScoredReview, dimension: ScoreDimension): { key: string; label: string | null } {
  const { origin } = review;
  if (origin.source === 'template') return { key: TEMPLATE_GROUP, label: null };
  if (origin.source === 'advisor') return { key: ADVISOR_GROUP, label: null };
  switch (dimension) {
    case 'model':
      return origin.modelSha256
        ? { key: origin.modelSha256, label: origin.modelFile }
        : { key: UNRECORDED, label: null };
    case 'prompt':
      return { key: origin.promptVersion ?? UNRECORDED, label: null };
    case 'tone':
      return { key: origin.tone ?? UNRECORDED, label: null };
    case 'length':
      return { key: origin.length ?? UNRECORDED, label: null };
    case 'language':
      return { key: review.language, label: null };
  }
}

/** Mean with a two-sided 95% Student-t interval (clamped to the 1–5 scale); no interval from fewer than two scores. */
export function meanWithInterval(scores: readonly number[]): {
  n: number;
  mean: number | null;
  low: number | null;
  high: number | null;
} {
  const n = scores.length;
  if (n === 0) return { n, mean: null, low: null, high: null };
  const mean = scores.reduce((s, x) => s + x, 0) / n;
  if (n < 2) return { n, mean, low: null, high: null };
  const variance = scores.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const half = studentT975(n - 1) * Math.sqrt(variance / n);
  return { n, mean, low: Math.max(1, mean - half), high: Math.min(5, mean + half) };
}

/**
 * Pairs of reviews by two different reviewers of the same draft (one client, product and language): each review
 * with the draft's review just before it, when someone else gave that one. Pitch versions are reviewed once each,
 * so a pair is a version sent back and the revision the next reviewer scored.
 */
export function reviewerPairs(reviews: readonly ScoredReview[]): [ScoredReview, ScoredReview][] {
  const byDraft = new Map<string, ScoredReview[]>();
  for (const r of reviews) byDraft.set(r.draftId, [...(byDraft.get(r.draftId) ?? []), r]);
  const pairs: [ScoredReview, ScoredReview][] = [];
  for (const list of byDraft.values()) {
    const ordered = [...list].sort((a, b) => a.version - b.version);
    for (let i = 1; i < ordered.length; i++) {
      const before = ordered[i - 1]!;
      const after = ordered[i]!;
      if (before.reviewerId !== after.reviewerId) pairs.push([before, after]);
    }
  }
  return pairs;
}

function agreementOf(pairs: readonly [ScoredReview, ScoredReview][]): ReviewScoreGroup['agreement'] {
  const apart = (a: ScoredReview, b: ScoredReview, c: (typeof RUBRIC_CRITERIA)[number]) =>
    Math.abs(a.rubric[c] - b.rubric[c]) > 1;
  return {
    pairs: pairs.length,
    anyApart: pairs.filter(([a, b]) => RUBRIC_CRITERIA.some((c) => apart(a, b, c))).length,
    apart: Object.fromEntries(
      RUBRIC_CRITERIA.map((c) => [c, pairs.filter(([a, b]) => apart(a, b, c)).length]),
    ) as Record<(typeof RUBRIC_CRITERIA)[number], number>,
  };
}

function groupOf(
  key: string,
  label: string | null,
  reviews: readonly ScoredReview[],
  pairs: readonly [ScoredReview, ScoredReview][],
): ReviewScoreGroup {
  const sentBack = reviews.filter((r) => r.decision === 'sent-back').length;
  return {
    key,
    label,
    reviews: reviews.length,
    drafts: new Set(reviews.map((r) => r.draftId)).size,
    sentBack,
    criteria: Object.fromEntries(
      RUBRIC_CRITERIA.map((c) => [c, meanWithInterval(reviews.map((r) => r.rubric[c]))]),
    ) as ReviewScoreGroup['criteria'],
    agreement: agreementOf(pairs),
  };
}

export const SCORE_DIMENSIONS: readonly ScoreDimension[] = SCORE_DIMENSION_VALUES;

/**
 * Every dimension's groups, most reviewed first (template and advisor groups last), and the whole. A reviewer pair
 * counts in a group only when both of its reviews belong to it.
 */
export function reviewScores(reviews: readonly ScoredReview[]): ReviewScores {
  const pairs = reviewerPairs(reviews);
  const order = (g: ReviewScoreGroup) => (g.key === TEMPLATE_GROUP ? 1 : g.key === ADVISOR_GROUP ? 2 : 0);
  const byDimension = Object.fromEntries(
    SCORE_DIMENSIONS.map((dimension) => {
      const members = new Map<string, { label: string | null; reviews: ScoredReview[] }>();
      const keyOf = new Map<ScoredReview, string>();
      for (const r of reviews) {
        const { key, label } = groupKey(r, dimension);
        keyOf.set(r, key);
        const group = members.get(key) ?? { label, reviews: [] };
        group.label ??= label;
        group.reviews.push(r);
        members.set(key, group);
      }
      const groups = [...members].map(([key, g]) =>
        groupOf(
          key,
          g.label,
          g.reviews,
          pairs.filter(([a, b]) => keyOf.get(a) === key && keyOf.get(b) === key),
        ),
      );
      groups.sort((a, b) => order(a) - order(b) || b.reviews - a.reviews || a.key.localeCompare(b.key));
      return [dimension, groups];
    }),
  ) as ReviewScores['byDimension'];
  return { overall: groupOf('all', null, reviews, pairs), byDimension, interval: 'student-t-95' };
}
