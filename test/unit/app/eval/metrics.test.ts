import { describe, expect, it } from 'vitest';
import {
  auc,
  averagePrecisionAtK,
  calibration,
  evaluatePredictions,
  logLoss,
  ndcgAtK,
  pairedAucDifference,
  precisionAtK,
  rankingMetrics,
} from '../../../../app/eval/metrics';

describe('auc', () => {
  it('is 1 for a perfect ranking, 0 for an inverted one and 0.5 when every score ties', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.9, 0.8, 0.2, 0.1], [0, 0, 1, 1])).toBe(0);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
  });

  it('counts a tie between a positive and a negative as half', () => {
    // Pairs (pos, neg): (0.4 vs 0.1) win, (0.4 vs 0.4) tie, (0.9 vs both) win → (3 + 0.5) / 4.
    expect(auc([0.1, 0.4, 0.4, 0.9], [0, 0, 1, 1])).toBe(0.875);
  });

  it('is undefined (null) when only one class is present', () => {
    expect(auc([0.2, 0.3], [1, 1])).toBeNull();
  });
});

describe('logLoss', () => {
  it('matches the hand-computed cross-entropy', () => {
    expect(logLoss([0.8, 0.3], [1, 0])).toBeCloseTo(-(Math.log(0.8) + Math.log(0.7)) / 2, 12);
  });

  it('stays finite for a confident miss', () => {
    expect(Number.isFinite(logLoss([0, 1], [1, 0]))).toBe(true);
  });
});

describe('calibration', () => {
  it('bins predictions and reports the weighted gap as ECE', () => {
    const c = calibration([0.15, 0.15, 0.85, 0.85], [0, 1, 1, 1], 10);
    expect(c.bins[1]).toMatchObject({ count: 2, observedRate: 0.5 });
    expect(c.bins[1]!.meanPredicted).toBeCloseTo(0.15, 12);
    expect(c.bins[8]).toMatchObject({ count: 2, observedRate: 1 });
    expect(c.bins[0]!.meanPredicted).toBeNull();
    // |0.3 - 1| + |1.7 - 2| over 4 predictions.
    expect(c.ece).toBeCloseTo((0.7 + 0.3) / 4, 12);
  });
});

describe('ranking measures', () => {
  it('give known values for a hand-checked list', () => {
    const ranked = [1, 0, 1, 0];
    expect(precisionAtK(ranked, 2)).toBe(0.5);
    // DCG = 1 + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3).
    expect(ndcgAtK(ranked, 3)).toBeCloseTo(1.5 / (1 + 1 / Math.log2(3)), 12);
    // Hits at ranks 1 and 3: (1/1 + 2/3) / 2.
    expect(averagePrecisionAtK(ranked, 4)).toBeCloseTo((1 + 2 / 3) / 2, 12);
    expect(ndcgAtK([1, 1, 0], 3)).toBe(1);
    expect(ndcgAtK([0, 0], 2)).toBeNull();
  });

  it('rank per client and average over clients with a positive', () => {
    const rows = [
      { clientId: 'a', score: 0.9, label: 1 },
      { clientId: 'a', score: 0.1, label: 0 },
      { clientId: 'b', score: 0.9, label: 0 },
      { clientId: 'b', score: 0.2, label: 1 },
      { clientId: 'c', score: 0.5, label: 0 },
    ];
    const m = rankingMetrics(rows, 1);
    expect(m.clientsEvaluated).toBe(2);
    expect(m.precisionAtK).toBe(0.5);
    expect(m.mapAtK).toBe(0.5);
    expect(m.ndcgAtK).toBe(0.5);
  });

  it('leave out clients with a single outcome, and say why when no client is left', () => {
    const rows = [
      { clientId: 'a', score: 0.9, label: 1 },
      { clientId: 'a', score: 0.1, label: 0 },
      { clientId: 'b', score: 0.2, label: 1 },
    ];
    // b's one outcome would be a "perfect" ranking; only a counts, and a is ranked right.
    expect(rankingMetrics(rows, 7)).toMatchObject({ clientsEvaluated: 1, precisionAtK: 0.5, ndcgAtK: 1, mapAtK: 1 });
    const single = rankingMetrics(
      [
        { clientId: 'a', score: 0.1, label: 1 },
        { clientId: 'b', score: 0.9, label: 0 },
        { clientId: 'c', score: 0.5, label: 1 },
      ],
      7,
    );
    expect(single).toMatchObject({ clientsEvaluated: 0, precisionAtK: null, ndcgAtK: null, mapAtK: null });
    expect(single.notMeasured).toMatch(/two or more test outcomes/);
    expect(rankingMetrics(rows, 7).notMeasured).toBeNull();
  });

  it('report every measure together, with nothing NaN', () => {
    const report = evaluatePredictions([{ clientId: 'a', score: 0.7, label: 1 }], 5);
    expect(report.auc).toBeNull();
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
  });
});

describe('pairedAucDifference', () => {
  // Brute force over every positive-negative pair, as DeLong defines the placements, to check the rank shortcut.
  function byPairs(a: number[], b: number[], y: number[]): { difference: number; standardError: number } {
    const pos = y.flatMap((v, i) => (v === 1 ? [i] : []));
    const neg = y.flatMap((v, i) => (v === 0 ? [i] : []));
    const psi = (s: number[], i: number, j: number) => (s[i]! > s[j]! ? 1 : s[i] === s[j] ? 0.5 : 0);
    const d10 = pos.map((i) => neg.reduce((t, j) => t + psi(b, i, j) - psi(a, i, j), 0) / neg.length);
    const d01 = neg.map((j) => pos.reduce((t, i) => t + psi(b, i, j) - psi(a, i, j), 0) / pos.length);
    const variance = (v: number[]) => {
      const mean = v.reduce((t, x) => t + x, 0) / v.length;
      return v.reduce((t, x) => t + (x - mean) ** 2, 0) / (v.length - 1);
    };
    return {
      difference: d10.reduce((t, x) => t + x, 0) / pos.length,
      standardError: Math.sqrt(variance(d10) / pos.length + variance(d01) / neg.length),
    };
  }

  it('gives the difference of the two AUCs and the same standard error as counting every pair, ties included', () => {
    const labels = [0, 1, 0, 0, 1, 1, 0, 1, 0, 0, 1, 0];
    const a = [0.1, 0.4, 0.35, 0.8, 0.7, 0.4, 0.2, 0.9, 0.5, 0.3, 0.3, 0.6];
    const b = [0.2, 0.6, 0.1, 0.5, 0.9, 0.6, 0.3, 0.7, 0.5, 0.2, 0.5, 0.4];
    const r = pairedAucDifference(a, b, labels)!;
    const expected = byPairs(a, b, labels);
    expect(r.difference).toBeCloseTo(auc(b, labels)! - auc(a, labels)!, 12);
    expect(r.difference).toBeCloseTo(expected.difference, 12);
    expect(r.standardError).toBeCloseTo(expected.standardError, 12);
    expect(r.standardError).toBeGreaterThan(0);
  });

  it('finds no difference and no uncertainty between a scorer and itself, and none at all with one class', () => {
    const labels = [0, 1, 0, 1, 1];
    const s = [0.3, 0.2, 0.1, 0.9, 0.5];
    expect(pairedAucDifference(s, s, labels)).toEqual({ difference: 0, standardError: 0 });
    expect(pairedAucDifference(s, s, [1, 1, 1, 1, 1])).toBeNull();
  });
});
