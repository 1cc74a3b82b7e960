import { describe, expect, it } from 'vitest';
import { funnelBuckets, periodStart, summarizeFunnel, type FunnelCounts } from '../../../../app/analytics/funnel';

const c = (
  shown: number,
  pitched: number,
  interested: number,
  accepted: number,
  pitchedAccepted: number,
): FunnelCounts => ({
  shown,
  pitched,
  interested,
  accepted,
  pitchedAccepted,
});

function plus(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

function days(from: string, to: string): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000)
    out.push(new Date(t).toISOString().slice(0, 10));
  return out;
}

describe('funnel arithmetic', () => {
  it('sums cells into groups, periods and the total, with each rate over the right base', () => {
    const s = summarizeFunnel([
      { group: 'P-1', period: '2026-05-04', counts: c(100, 10, 8, 4, 3) },
      { group: 'P-1', period: '2026-05-11', counts: c(50, 5, 2, 1, 1) },
      { group: 'P-2', period: '2026-05-04', counts: c(200, 0, 0, 0, 0) },
    ]);
    expect(s.total.counts).toEqual(c(350, 15, 10, 5, 4));
    expect(s.groups.map((g) => g.key)).toEqual(['P-2', 'P-1']);
    const p1 = s.groups[1]!;
    expect(p1.rates.ctr.value).toBeCloseTo(10 / 150);
    expect(p1.rates.cvr.value).toBeCloseTo(5 / 150);
    expect(p1.rates.pitchRate.value).toBeCloseTo(15 / 150);
    expect(p1.rates.cvrPitched.value).toBeCloseTo(4 / 15);
    // Never pitched: no conversion per pitch at all, rather than a made-up 0%.
    expect(s.groups[0]!.rates.cvrPitched.value).toBeNull();
    expect(s.series.map((l) => [l.key, l.counts.shown])).toEqual([
      ['2026-05-04', 300],
      ['2026-05-11', 50],
    ]);
  });

  it('starts weeks on Monday and months on the first', () => {
    expect(periodStart('2026-05-10', 'week')).toBe('2026-05-04'); // a Sunday
    expect(periodStart('2026-05-04', 'week')).toBe('2026-05-04');
    expect(periodStart('2026-05-31', 'month')).toBe('2026-05-01');
  });

  it.each([
    ['2026-01-01', '2026-12-31', 'month'],
    ['2026-01-14', '2026-03-02', 'month'],
    ['2026-02-03', '2026-02-05', 'week'],
    ['2025-12-29', '2026-02-28', 'week'],
    ['2026-05-01', '2026-05-09', 'day'],
  ] as const)(
    'covers %s to %s (by %s) with buckets that each fall in one period, every day once',
    (from, to, period) => {
      const b = funnelBuckets(from, to, period);
      const covered = [
        ...b.d.map((d) => [d]),
        ...b.w.map((w) => days(w, plus(w, 6))),
        ...b.m.map((m) => days(m, new Date(Date.UTC(+m.slice(0, 4), +m.slice(5, 7), 0)).toISOString().slice(0, 10))),
      ];
      expect(covered.flat().sort()).toEqual(days(from, to));
      for (const bucket of covered) expect(new Set(bucket.map((d) => periodStart(d, period))).size).toBe(1);
      // Whole months and weeks are read as one row each, not as their days.
      if (period === 'month' && from === '2026-01-01') expect(b.m).toHaveLength(12);
    },
  );
});
