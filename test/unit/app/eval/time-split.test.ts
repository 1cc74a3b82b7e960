import { describe, expect, it } from 'vitest';
import { fitPopularity, popularityScore } from '../../../../app/eval/popularity-baseline';
import { timeSplit } from '../../../../app/eval/time-split';

const row = (id: string, occurredAt: string) => ({ id, occurredAt });

describe('timeSplit', () => {
  it('trains on the earlier share and tests on the later, whatever the input order', () => {
    const rows = [
      row('c', '2026-03-01T00:00:00Z'),
      row('a', '2026-01-01T00:00:00Z'),
      row('d', '2026-04-01T00:00:00Z'),
      row('b', '2026-02-01T00:00:00Z'),
    ];
    const split = timeSplit(rows, 0.5);
    expect(split.train.map((r) => r.id)).toEqual(['a', 'b']);
    expect(split.test.map((r) => r.id)).toEqual(['c', 'd']);
    expect(split.cutoff).toBe('2026-03-01T00:00:00Z');
  });

  it('never splits rows that share the boundary time', () => {
    const rows = [
      row('a', '2026-01-01T00:00:00Z'),
      row('b', '2026-02-01T00:00:00Z'),
      row('c', '2026-02-01T00:00:00Z'),
      row('d', '2026-03-01T00:00:00Z'),
    ];
    const split = timeSplit(rows, 0.5);
    expect(split.train.map((r) => r.id)).toEqual(['a']);
    expect(split.test.map((r) => r.id)).toEqual(['b', 'c', 'd']);
  });

  it('refuses a share outside (0, 1)', () => {
    expect(() => timeSplit([], 1)).toThrow(/between 0 and 1/);
  });
});

describe('popularity baseline', () => {
  it('ranks by smoothed positive rate and gives unseen products the overall rate', () => {
    const rows = [
      ...Array.from({ length: 20 }, (_, i) => ({ productId: 'P1', label: (i < 15 ? 1 : 0) as 0 | 1 })),
      ...Array.from({ length: 20 }, (_, i) => ({ productId: 'P2', label: (i < 5 ? 1 : 0) as 0 | 1 })),
    ];
    const model = fitPopularity(rows);
    expect(popularityScore(model, 'P1')).toBeGreaterThan(popularityScore(model, 'P2'));
    expect(popularityScore(model, 'P9')).toBe(0.5);
  });
});
