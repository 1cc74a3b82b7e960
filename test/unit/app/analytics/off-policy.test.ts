import { describe, expect, it } from 'vitest';
import { estimateOffPolicy, fitActionMeans, type LoggedRanking } from '../../../../app/analytics/off-policy';
import { replayLog, type LoggedImpression } from '../../../../app/analytics/policy-replay';
import { mulberry32 } from '../../../../app/random/mulberry32';

/** A log of one-product rankings: action a shown with probability p, converting at the given rate by action. */
function simulatedLog(n: number, seed: number, candidate: (i: number) => string): LoggedRanking[] {
  const random = mulberry32(seed);
  const rates: Record<string, number> = { a: 0.3, b: 0.1 };
  return Array.from({ length: n }, (_, i) => {
    // The logging policy shows a 80% of the time, b 20%.
    const action = random() < 0.8 ? 'a' : 'b';
    const propensity = action === 'a' ? 0.8 : 0.2;
    return {
      shown: [{ action, propensity, reward: random() < rates[action]! ? 1 : 0 }],
      candidate: [{ action: candidate(i), logProbability: candidate(i) === 'a' ? 0.8 : 0.2 }],
    };
  });
}

describe('off-policy estimators', () => {
  it('recover a policy the log shows rarely, with intervals around the truth', () => {
    const result = estimateOffPolicy(
      simulatedLog(20_000, 3, () => 'b'),
      { seed: 1, resamples: 200 },
    );
    if (!result.ok) throw new Error(JSON.stringify(result.refusal));
    for (const e of result.estimates) {
      expect(e.interval.low).toBeLessThan(0.1);
      expect(e.interval.high).toBeGreaterThan(0.1);
      expect(Math.abs(e.value - 0.1)).toBeLessThan(0.02);
    }
    // About a fifth of the rankings matched, each weighing 5: worth about that many rankings.
    expect(result.diagnostics.effectiveSampleSize).toBeGreaterThan(3_500);
    expect(result.diagnostics.effectiveSampleSize).toBeLessThan(4_500);
  });

  it('gives the same intervals for the same seed', () => {
    const log = simulatedLog(2_000, 4, (i) => (i % 2 ? 'a' : 'b'));
    const once = estimateOffPolicy(log, { seed: 9, resamples: 100 });
    const again = estimateOffPolicy(log, { seed: 9, resamples: 100 });
    expect(again).toEqual(once);
  });

  it('refuses a candidate the log gave too little probability, naming the product and the figure', () => {
    const log: LoggedRanking[] = Array.from({ length: 500 }, (_, i) => ({
      shown: [{ action: i === 0 ? 'rare' : 'common', propensity: i === 0 ? 0.0004 : 0.9996, reward: 0 }],
      candidate: [{ action: 'rare', logProbability: null }],
    }));
    const result = estimateOffPolicy(log);
    expect(result).toMatchObject({
      ok: false,
      refusal: { reason: 'low-propensity', action: 'rare', minPropensity: 0.0004 },
    });
  });

  it('refuses when the weights leave too few rankings, or the candidate was never shown', () => {
    const few = simulatedLog(60, 5, () => 'b');
    expect(estimateOffPolicy(few)).toMatchObject({ ok: false, refusal: { reason: 'low-ess' } });
    const never: LoggedRanking[] = [
      { shown: [{ action: 'a', propensity: 0.9, reward: 1 }], candidate: [{ action: 'c', logProbability: null }] },
    ];
    expect(estimateOffPolicy(never)).toMatchObject({ ok: false, refusal: { reason: 'never-logged' } });
    expect(estimateOffPolicy([])).toMatchObject({ ok: false, refusal: { reason: 'no-log' } });
  });

  it('fits each action’s mean for doubly robust, the overall mean for one never shown', () => {
    const q = fitActionMeans([
      { shown: [{ action: 'a', propensity: 1, reward: 1 }], candidate: [] },
      { shown: [{ action: 'a', propensity: 1, reward: 0 }], candidate: [] },
      { shown: [{ action: 'b', propensity: 1, reward: 1 }], candidate: [] },
    ]);
    const any = { shown: [], candidate: [] };
    expect(q(any, 'a')).toBe(0.5);
    expect(q(any, 'b')).toBe(1);
    expect(q(any, 'z')).toBeCloseTo(2 / 3, 12);
  });
});

describe('replaying a candidate on logged rankings', () => {
  const impression = (over: Partial<LoggedImpression>): LoggedImpression => ({
    id: 'IM-1',
    clientId: 'CL-1',
    shownAt: '2026-11-01T09:00:00.000Z',
    policy: 'model-v1',
    explorationRate: 0.1,
    includeCredit: false,
    shown: [
      { productId: 'P1', propensity: 1, outcome: 'accepted' },
      { productId: 'P2', propensity: 0.9, outcome: 'interested' },
    ],
    excludedProductIds: ['P9'],
    ...over,
  });

  it('counts accepted, or any interest, as converted; leaves out rankings kept without propensities', () => {
    const rows = [
      impression({}),
      impression({ id: 'IM-2', shown: [{ productId: 'P1', propensity: null, outcome: 'other' }] }),
    ];
    const accepted = replayLog(rows, () => ['P1', 'P3'], 'accepted');
    expect(accepted.withoutPropensities).toBe(1);
    expect(accepted.log).toHaveLength(1);
    expect(accepted.log[0]!.shown.map((s) => s.reward)).toEqual([1, 0]);
    expect(replayLog(rows, () => ['P1'], 'interested').log[0]!.shown.map((s) => s.reward)).toEqual([1, 1]);
  });

  it('marks a candidate product impossible under the log where the ranking did not explore or excluded it', () => {
    const explored = replayLog([impression({})], () => ['P3', 'P9'], 'accepted').log[0]!;
    expect(explored.candidate).toEqual([
      { action: 'P3', logProbability: null },
      { action: 'P9', logProbability: 0 },
    ]);
    const fixed = replayLog([impression({ explorationRate: 0 })], () => ['P3', 'P1'], 'accepted').log[0]!;
    expect(fixed.candidate).toEqual([
      { action: 'P3', logProbability: 0 },
      { action: 'P1', logProbability: null },
    ]);
  });
});
