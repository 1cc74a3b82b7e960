import { describe, expect, it } from 'vitest';
import type { ReviewRubric } from '../../../../app/domain/desk-users';
import {
  meanWithInterval,
  originOf,
  reviewScores,
  type ScoredReview,
  type TextOrigin,
  type VersionProvenance,
} from '../../../../app/reviews/review-scores';
import { studentT975 } from '../../../../app/reviews/student-t';

const QWEN: TextOrigin = {
  source: 'model',
  modelSha256: 'a'.repeat(64),
  modelFile: 'qwen.gguf',
  promptVersion: 'pitch-prompt-1',
  tone: 'formal',
  length: 'medium',
};
const LLAMA: TextOrigin = { ...QWEN, modelSha256: 'b'.repeat(64), modelFile: 'llama.gguf', tone: 'warm' };
const TEMPLATE: TextOrigin = {
  source: 'template',
  modelSha256: null,
  modelFile: null,
  promptVersion: null,
  tone: 'formal',
  length: 'short',
};

const rubric = (accuracy: number, suitability = 5, clarity = 5, compliance = 5): ReviewRubric => ({
  accuracy,
  suitability,
  clarity,
  compliance,
});

let counter = 0;
function review(origin: TextOrigin, over: Partial<ScoredReview> = {}): ScoredReview {
  counter += 1;
  return {
    draftId: `D-${counter}`,
    version: 1,
    language: 'en',
    reviewerId: 'REV-01',
    decision: 'approved',
    rubric: rubric(5),
    reviewedAt: '2026-11-01T10:00:00.000Z',
    origin,
    ...over,
  };
}

describe('review scores', () => {
  it('follows an advisor edit back to the model draft it was edited from', () => {
    const versions: VersionProvenance[] = [
      {
        version: 1,
        source: 'model',
        modelSha256: 'a'.repeat(64),
        modelFile: 'qwen.gguf',
        settings: { tone: 'warm', length: 'short', promptVersion: 'pitch-prompt-1' },
      },
      { version: 2, source: 'advisor', modelSha256: null, modelFile: null, settings: { basedOn: 1 } },
      { version: 3, source: 'advisor', modelSha256: null, modelFile: null, settings: { basedOn: 2 } },
    ];
    expect(originOf(versions, 3)).toEqual({
      source: 'model',
      modelSha256: 'a'.repeat(64),
      modelFile: 'qwen.gguf',
      promptVersion: 'pitch-prompt-1',
      tone: 'warm',
      length: 'short',
    });
    // An edit whose base is gone is the advisor's own text.
    expect(originOf([{ ...versions[2]!, settings: { basedOn: 9 } }], 3).source).toBe('advisor');
  });

  it('groups by model file hash with its file name, keeping template drafts apart in every dimension', () => {
    const scores = reviewScores([review(QWEN), review(QWEN, { language: 'zh-CN' }), review(LLAMA), review(TEMPLATE)]);
    expect(scores.byDimension.model.map((g) => [g.key, g.label, g.reviews])).toEqual([
      ['a'.repeat(64), 'qwen.gguf', 2],
      ['b'.repeat(64), 'llama.gguf', 1],
      ['template', null, 1],
    ]);
    expect(scores.byDimension.prompt.map((g) => [g.key, g.reviews])).toEqual([
      ['pitch-prompt-1', 3],
      ['template', 1],
    ]);
    expect(scores.byDimension.tone.map((g) => [g.key, g.reviews])).toEqual([
      ['formal', 2],
      ['warm', 1],
      ['template', 1],
    ]);
    expect(scores.byDimension.language.map((g) => [g.key, g.reviews])).toEqual([
      ['en', 2],
      ['zh-CN', 1],
      ['template', 1],
    ]);
    expect(scores.overall.reviews).toBe(4);
  });

  it('counts model drafts from before prompt versions were recorded as not recorded', () => {
    const scores = reviewScores([review({ ...QWEN, promptVersion: null })]);
    expect(scores.byDimension.prompt.map((g) => g.key)).toEqual(['not-recorded']);
  });

  it('gives each criterion its mean with a 95% Student-t interval, none from a single score', () => {
    const scores = reviewScores([
      review(QWEN, { rubric: rubric(3) }),
      review(QWEN, { rubric: rubric(4) }),
      review(QWEN, { rubric: rubric(5) }),
    ]);
    const accuracy = scores.byDimension.model[0]!.criteria.accuracy;
    expect(accuracy.n).toBe(3);
    expect(accuracy.mean).toBeCloseTo(4, 10);
    // s = 1, n = 3: half-width t(2) / sqrt(3).
    expect(accuracy.low).toBeCloseTo(Math.max(1, 4 - studentT975(2) / Math.sqrt(3)), 10);
    expect(accuracy.high).toBeCloseTo(5, 10);
    expect(scores.byDimension.model[0]!.criteria.compliance).toMatchObject({ mean: 5, low: 5, high: 5 });
    expect(meanWithInterval([4])).toEqual({ n: 1, mean: 4, low: null, high: null });
    expect(meanWithInterval([])).toEqual({ n: 0, mean: null, low: null, high: null });
  });

  it('uses the t table to 30 degrees of freedom and approaches the normal quantile beyond', () => {
    expect(studentT975(1)).toBeCloseTo(12.706, 3);
    expect(studentT975(30)).toBeCloseTo(2.042, 3);
    expect(studentT975(60)).toBeCloseTo(2.0, 2);
    expect(studentT975(10_000)).toBeCloseTo(1.96, 2);
  });

  it('counts the share sent back per group and the drafts behind the reviews', () => {
    const scores = reviewScores([
      review(QWEN, { draftId: 'D1', version: 1, decision: 'sent-back' }),
      review(QWEN, { draftId: 'D1', version: 2 }),
      review(QWEN, { draftId: 'D2', version: 1 }),
      review(TEMPLATE, { decision: 'sent-back' }),
    ]);
    const qwen = scores.byDimension.model[0]!;
    expect([qwen.reviews, qwen.drafts, qwen.sentBack]).toEqual([3, 2, 1]);
    expect(scores.overall.sentBack).toBe(2);
  });

  it('measures agreement over reviews of the same draft by two different reviewers: differing by more than one point', () => {
    const scores = reviewScores([
      // Two reviewers, one point apart on accuracy: agree.
      review(QWEN, { draftId: 'D1', version: 1, reviewerId: 'REV-01', decision: 'sent-back', rubric: rubric(3) }),
      review(QWEN, { draftId: 'D1', version: 2, reviewerId: 'REV-02', rubric: rubric(4) }),
      // Two reviewers, two points apart on accuracy and clarity: disagree.
      review(LLAMA, {
        draftId: 'D2',
        version: 1,
        reviewerId: 'REV-02',
        decision: 'sent-back',
        rubric: rubric(2, 5, 3),
      }),
      review(LLAMA, { draftId: 'D2', version: 2, reviewerId: 'REV-01', rubric: rubric(4, 5, 5) }),
      // The same reviewer twice is no pair.
      review(QWEN, { draftId: 'D3', version: 1, reviewerId: 'REV-01', decision: 'sent-back', rubric: rubric(1) }),
      review(QWEN, { draftId: 'D3', version: 2, reviewerId: 'REV-01', rubric: rubric(5) }),
    ]);
    expect(scores.overall.agreement).toEqual({
      pairs: 2,
      anyApart: 1,
      apart: { accuracy: 1, suitability: 0, clarity: 1, compliance: 0 },
    });
    const [qwen, llama] = scores.byDimension.model;
    expect(qwen!.agreement).toMatchObject({ pairs: 1, anyApart: 0 });
    expect(llama!.agreement).toMatchObject({ pairs: 1, anyApart: 1 });
  });

  it('answers an empty store with zero counts and no means', () => {
    const scores = reviewScores([]);
    expect(scores.overall).toMatchObject({ reviews: 0, sentBack: 0, agreement: { pairs: 0 } });
    expect(scores.overall.criteria.accuracy.mean).toBeNull();
    expect(scores.byDimension.model).toEqual([]);
  });
});
