import { describe, expect, it } from 'vitest';
import type { PitchVersionView } from '../../../../app/contract/pitch-channels';
import {
  assertNotAuthor,
  assertReviewComplete,
  reviewRequired,
  selfApprovalRefusal,
} from '../../../../app/users/review-rules';

const version = (source: 'model' | 'template' | 'advisor', author = 'ADV-01') =>
  ({ author, provenance: { source } }) as unknown as PitchVersionView;
const GOOD = { accuracy: 4, suitability: 4, clarity: 4, compliance: 4 };

describe('four-eyes rules', () => {
  it('requires review for text a model wrote by default, for every draft or for none as the policy says', () => {
    const edited = [version('model'), version('advisor')];
    const template = [version('template'), version('advisor')];
    expect(reviewRequired('model-text', edited)).toBe(true);
    expect(reviewRequired('model-text', template)).toBe(false);
    expect(reviewRequired('all-drafts', template)).toBe(true);
    expect(reviewRequired('none', edited)).toBe(false);
  });

  it('names the rule when an author approves their own draft', () => {
    expect(selfApprovalRefusal('model-text')).toMatchObject({
      code: 'forbidden',
      message: expect.stringMatching(/^Four-eyes rule: a pitch with text a language model wrote needs a reviewer/),
    });
  });

  it('refuses a reviewer who wrote any version', () => {
    expect(() => assertNotAuthor([version('model', 'ADV-01'), version('advisor', 'REV-01')], 'REV-01')).toThrow(
      /cannot review a pitch they wrote/,
    );
    expect(() => assertNotAuthor([version('model', 'ADV-01')], 'REV-01')).not.toThrow();
  });

  it('asks for a comment when sending back or when a score is below 3, and not otherwise', () => {
    expect(() => assertReviewComplete('send-back', GOOD, ' ')).toThrow(/why the pitch goes back/);
    expect(() => assertReviewComplete('approve', { ...GOOD, accuracy: 2 }, '')).toThrow(/below 3 \(accuracy\)/);
    expect(() => assertReviewComplete('approve', { ...GOOD, accuracy: 2 }, 'One figure is rounded.')).not.toThrow();
    expect(() => assertReviewComplete('approve', GOOD, '')).not.toThrow();
  });
});
