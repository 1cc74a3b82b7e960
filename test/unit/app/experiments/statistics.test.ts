import { describe, expect, it } from 'vitest';
import {
  alwaysValidDifference,
  normalCdf,
  normalQuantile,
  normalSurvival,
  rateDifference,
  sampleSizePerArm,
  wilsonInterval,
} from '../../../../app/experiments/statistics';
import { mulberry32 } from '../../../../app/random/mulberry32';

// Reference values from SciPy 1.17 (scipy.stats.norm, binomtest(...).proportion_ci(method='wilson'),
// chi2_contingency(correction=False)) and from Newcombe, Statistics in Medicine 17 (1998), table II, method 10.

describe('the normal distribution', () => {
  it('matches SciPy’s quantiles, including the far tails', () => {
    const cases: [number, number][] = [
      [1e-10, -6.361340902404056],
      [0.001, -3.090232306167813],
      [0.025, -1.9599639845400545],
      [0.3, -0.5244005127080409],
      [0.5, 0],
      [0.8, 0.8416212335729143],
      [0.975, 1.959963984540054],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, z] of cases) expect(normalQuantile(p)).toBeCloseTo(z, 9);
  });

  it('matches SciPy’s cdf and survival function, relative to the size of the tail', () => {
    const cases: [number, number][] = [
      [-8, 6.22096057427174e-16],
      [-3, 0.0013498980316300933],
      [-1.96, 0.024997895148220435],
      [0, 0.5],
      [0.5, 0.6914624612740131],
      [2.5, 0.9937903346742238],
    ];
    for (const [z, p] of cases) expect(Math.abs(normalCdf(z) - p) / p).toBeLessThan(1e-9);
    expect(Math.abs(normalSurvival(3.7) - 0.00010779973347738823) / 0.0001078).toBeLessThan(1e-9);
    expect(Math.abs(normalSurvival(6) - 9.865876450376946e-10) / 9.87e-10).toBeLessThan(1e-9);
  });
});

describe('wilsonInterval', () => {
  it('matches SciPy’s Wilson interval, from no successes to nearly all', () => {
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2552885198782742, 0.36620957698280004],
      [0, 10, 0, 0.27753279986288926],
      [1, 29, 0.006113214292762667, 0.17175521879320282],
      [578, 64000, 0.008327218204475068, 0.00979421689043126],
      [29, 30, 0.8332960900859083, 0.9940914096183875],
    ];
    for (const [k, n, low, high] of cases) {
      const w = wilsonInterval(k, n);
      expect(w.rate).toBe(k / n);
      expect(w.low).toBeCloseTo(low, 10);
      expect(w.high).toBeCloseTo(high, 10);
    }
  });

  it('says nothing is known without trials', () => {
    expect(wilsonInterval(0, 0)).toMatchObject({ rate: null, low: 0, high: 1 });
  });
});

describe('rateDifference', () => {
  it('gives Newcombe’s published intervals for his worked examples', () => {
    // b − a, so Newcombe's p1 − p2 is the second arm minus the first.
    const cases: [number, number, number, number, number, number][] = [
      [48, 80, 56, 70, 0.0524, 0.3339],
      [3, 10, 9, 10, 0.1705, 0.809],
      [0, 29, 5, 56, -0.0381, 0.1926],
    ];
    for (const [ka, na, kb, nb, low, high] of cases) {
      const d = rateDifference({ successes: ka, trials: na }, { successes: kb, trials: nb })!;
      expect(d.difference).toBeCloseTo(kb / nb - ka / na, 12);
      expect(d.low).toBeCloseTo(low, 4);
      expect(d.high).toBeCloseTo(high, 4);
    }
  });

  it('gives the pooled z-test’s p-value (SciPy’s chi-squared test without continuity correction)', () => {
    const a = rateDifference({ successes: 48, trials: 80 }, { successes: 56, trials: 70 })!;
    expect(a.pValue).toBeCloseTo(0.008045081368196585, 10);
    const b = rateDifference({ successes: 40, trials: 1000 }, { successes: 55, trials: 1000 })!;
    expect(b.pValue).toBeCloseTo(0.11482454370731852, 10);
    expect(rateDifference({ successes: 0, trials: 10 }, { successes: 0, trials: 12 })!.pValue).toBe(1);
  });

  it('has nothing to say while an arm has no clients', () => {
    expect(rateDifference({ successes: 0, trials: 0 }, { successes: 1, trials: 5 })).toBeNull();
  });
});

describe('sampleSizePerArm', () => {
  it('gives the clients per arm that the usual two-proportion power calculation gives', () => {
    expect(sampleSizePerArm({ baselineRate: 0.1, minimumDetectableEffect: 0.02, alpha: 0.05, power: 0.8 })).toBe(3841);
    expect(sampleSizePerArm({ baselineRate: 0.05, minimumDetectableEffect: 0.05, alpha: 0.05, power: 0.8 })).toBe(435);
    expect(sampleSizePerArm({ baselineRate: 0.2, minimumDetectableEffect: -0.05, alpha: 0.01, power: 0.9 })).toBe(1717);
  });
});

describe('alwaysValidDifference', () => {
  it('is wider than the fixed-sample interval at the same data, and narrows as data comes in', () => {
    const a = { successes: 100, trials: 1000 };
    const b = { successes: 130, trials: 1000 };
    const fixed = rateDifference(a, b)!;
    const valid = alwaysValidDifference(a, b, 0.05, 0.02)!;
    expect(valid.difference).toBeCloseTo(fixed.difference, 12);
    expect(valid.high - valid.low).toBeGreaterThan(fixed.high - fixed.low);
    const more = alwaysValidDifference(
      { successes: 1000, trials: 10000 },
      { successes: 1300, trials: 10000 },
      0.05,
      0.02,
    )!;
    expect(more.high - more.low).toBeLessThan(valid.high - valid.low);
    expect(more.low).toBeGreaterThan(0);
    expect(more.pValue).toBeLessThan(0.05);
  });

  it('keeps its promise under peeking where the fixed-sample test does not', () => {
    // 200 A/A tests (no true difference), each looked at after every 100 clients per arm up to 3,000.
    const random = mulberry32(20261203);
    let fixedClaims = 0;
    let validClaims = 0;
    const tests = 200;
    for (let t = 0; t < tests; t++) {
      const a = { successes: 0, trials: 0 };
      const b = { successes: 0, trials: 0 };
      let fixedClaimed = false;
      let validClaimed = false;
      for (let look = 1; look <= 30; look++) {
        for (let i = 0; i < 100; i++) {
          a.trials++;
          b.trials++;
          if (random() < 0.1) a.successes++;
          if (random() < 0.1) b.successes++;
        }
        const fixed = rateDifference(a, b)!;
        if (fixed.pValue < 0.05) fixedClaimed = true;
        const valid = alwaysValidDifference(a, b, 0.05, 0.02)!;
        if (valid.low > 0 || valid.high < 0) validClaimed = true;
      }
      if (fixedClaimed) fixedClaims++;
      if (validClaimed) validClaims++;
    }
    // Peeking 30 times inflates the fixed test's 5 % false claims several-fold; the always-valid one stays within 5 %.
    expect(fixedClaims / tests).toBeGreaterThan(0.15);
    expect(validClaims / tests).toBeLessThanOrEqual(0.05);
  });
});
