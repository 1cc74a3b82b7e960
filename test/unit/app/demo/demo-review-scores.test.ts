import { describe, expect, it } from 'vitest';
import { RUBRIC_CRITERIA } from '../../../../app/domain/desk-users';
import {
  demoRevisionRubric,
  demoRubric,
  demoSendsBack,
  weakestCriterion,
  type DemoDraftKind,
} from '../../../../app/demo/demo-review-scores';
import { createPrng } from '../../../../app/demo/prng';

const small: DemoDraftKind = { model: 0, language: 'zh-CN', tone: 'warm', length: 'long' };
const large: DemoDraftKind = { model: 1, language: 'en', tone: 'concise', length: 'short' };

describe('demo review scores', () => {
  it('always sends back a first review scoring below 3, and a revision can always be approved', () => {
    const random = createPrng(7);
    for (let i = 0; i < 200; i++) {
      const first = demoRubric(i % 2 ? small : large, i % 3 ? 'REV-01' : 'REV-02', random);
      for (const c of RUBRIC_CRITERIA) expect(first[c]).toBeGreaterThanOrEqual(1);
      if (RUBRIC_CRITERIA.some((c) => first[c] < 3)) expect(demoSendsBack(first, random)).toBe(true);
      const revision = demoRevisionRubric(first, weakestCriterion(first), 'REV-02', random);
      for (const c of RUBRIC_CRITERIA) expect(revision[c]).toBeGreaterThanOrEqual(3);
    }
  });

  it('scores the larger model above the small one on average, so the demo has a difference to show', () => {
    const random = createPrng(11);
    const mean = (kind: DemoDraftKind) => {
      let sum = 0;
      for (let i = 0; i < 400; i++) sum += demoRubric(kind, 'REV-01', random).clarity;
      return sum / 400;
    };
    expect(mean(large)).toBeGreaterThan(mean(small));
  });

  it('names the lowest criterion, the first in rubric order on a tie', () => {
    expect(weakestCriterion({ accuracy: 4, suitability: 3, clarity: 3, compliance: 5 })).toBe('suitability');
  });
});
