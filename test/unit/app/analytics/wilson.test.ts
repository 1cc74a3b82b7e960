import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../../../app/analytics/wilson';

describe('Wilson score interval (95%)', () => {
  // Published values (e.g. Newcombe 1998, Table I; any statistics package's binom.confint "wilson").
  it.each([
    [0, 10, 0, 0.2775],
    [1, 10, 0.0179, 0.4042],
    [5, 10, 0.2366, 0.7634],
    [10, 10, 0.7225, 1],
    [81, 263, 0.2553, 0.3662],
  ])('%i of %i lies in [%f, %f]', (k, n, low, high) => {
    const p = wilsonInterval(k, n);
    expect(p.value).toBeCloseTo(k / n, 10);
    expect(p.low).toBeCloseTo(low, 4);
    expect(p.high).toBeCloseTo(high, 4);
  });

  it('has no rate and no interval when nothing was shown', () => {
    expect(wilsonInterval(0, 0)).toEqual({ successes: 0, trials: 0, value: null, low: null, high: null });
  });

  it('narrows as the sample grows, around the same rate', () => {
    const small = wilsonInterval(3, 30);
    const large = wilsonInterval(300, 3000);
    expect(large.high! - large.low!).toBeLessThan((small.high! - small.low!) / 5);
    expect(large.low).toBeLessThan(0.1);
    expect(large.high).toBeGreaterThan(0.1);
  });

  it('refuses counts that are not a proportion', () => {
    expect(() => wilsonInterval(3, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 2)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 2)).toThrow(RangeError);
  });
});
