import { describe, expect, it } from 'vitest';
import { DEFAULT_QUESTIONNAIRE, maxScore, scoreQuestionnaire } from '../../../../app/risk/questionnaire';

const pickAll = (index: (n: number) => number) =>
  Object.fromEntries(DEFAULT_QUESTIONNAIRE.questions.map((q) => [q.id, q.options[index(q.options.length)]!.id]));

describe('risk questionnaire scoring', () => {
  it('puts the most cautious answers in C1 and the boldest in C5', () => {
    expect(
      scoreQuestionnaire(
        DEFAULT_QUESTIONNAIRE,
        pickAll(() => 0),
      ),
    ).toEqual({ ok: true, score: 0, riskClass: 'C1' });
    expect(
      scoreQuestionnaire(
        DEFAULT_QUESTIONNAIRE,
        pickAll((n) => n - 1),
      ),
    ).toEqual({ ok: true, score: maxScore(DEFAULT_QUESTIONNAIRE), riskClass: 'C5' });
  });

  it('caps anyone who cannot accept a loss of capital at C1, whatever else they answered', () => {
    const answers = { ...pickAll((n) => n - 1), loss_tolerance: 'a' };
    const r = scoreQuestionnaire(DEFAULT_QUESTIONNAIRE, answers);
    expect(r).toMatchObject({ ok: true, riskClass: 'C1' });
    if (r.ok) expect(r.score).toBeGreaterThanOrEqual(20);
  });

  it('maps totals to classes at the thresholds', () => {
    // age d(3) horizon c(2) income c(2) share b(1) = 8 with everything else at 0 except loss tolerance b(1): 9 → C2.
    const answers = {
      age: 'd',
      horizon: 'c',
      income_stability: 'c',
      share_of_assets: 'b',
      experience: 'a',
      loss_tolerance: 'b',
      reaction: 'a',
      goal: 'a',
    };
    expect(scoreQuestionnaire(DEFAULT_QUESTIONNAIRE, answers)).toEqual({ ok: true, score: 9, riskClass: 'C2' });
  });

  it('lists unanswered and invalid questions instead of guessing', () => {
    const r = scoreQuestionnaire(DEFAULT_QUESTIONNAIRE, { age: 'z', horizon: '' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.invalid).toEqual(['age']);
      expect(r.missing).toContain('horizon');
      expect(r.missing).toHaveLength(DEFAULT_QUESTIONNAIRE.questions.length - 1);
    }
  });
});
