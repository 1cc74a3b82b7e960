import { describe, expect, it } from 'vitest';
import type { FunnelCell } from '../../../../app/analytics/funnel';
import { funnelReport, type FunnelStore } from '../../../../app/analytics/funnel-report';

/** A store that answers fixed cells and remembers what it was asked. */
function storeWith(cells: FunnelCell[], last = '2026-11-25') {
  const asked: Parameters<FunnelStore['cells']>[0][] = [];
  const store: FunnelStore = {
    cells: (q) => {
      asked.push(q);
      return cells.map((c) => ({ ...c, counts: { ...c.counts } }));
    },
    choices: () => ({ advisors: ['ADV-01'], policies: ['popularity'] }),
    days: () => ({ first: '2026-06-01', last }),
    products: () => [{ id: 'P-1', nameEn: 'Saver', nameZh: '储蓄', family: 'deposit', category: 'savings' }],
  };
  return { store, asked };
}

const counts = (shown: number, interested: number) => ({
  shown,
  pitched: 0,
  interested,
  accepted: 0,
  pitchedAccepted: 0,
});

describe('funnel report', () => {
  it('defaults to the 13 whole weeks up to the last day a ranking was shown, by week', () => {
    const { store, asked } = storeWith([]);
    const r = funnelReport(store, {}, '2026-12-03');
    expect(r.to).toBe('2026-11-25');
    expect(r.from).toBe('2026-08-31'); // a Monday, 12 weeks before the Monday of the 25th's week
    expect(r.period).toBe('week');
    expect(asked[0]).toMatchObject({ from: '2026-08-31', to: '2026-11-25', period: 'week', groupBy: 'product' });
  });

  it('shows a range over half a year by month unless a period is asked for', () => {
    const { store } = storeWith([]);
    expect(funnelReport(store, { from: '2026-01-01', to: '2026-11-30' }, '2026-12-03').period).toBe('month');
    expect(funnelReport(store, { from: '2026-01-01', to: '2026-11-30', period: 'week' }, '2026-12-03').period).toBe(
      'week',
    );
  });

  it('folds the store’s buckets into periods, names products, and lists the families to filter by', () => {
    const { store } = storeWith([
      { group: 'P-1', period: '2026-11-02', counts: counts(10, 1) }, // a week's bucket
      { group: 'P-1', period: '2026-11-09', counts: counts(20, 2) },
      { group: 'P-1', period: '2026-10-30', counts: counts(5, 0) }, // a day's bucket in October
    ]);
    const r = funnelReport(store, { from: '2026-10-30', to: '2026-11-15', period: 'month' }, '2026-12-03');
    expect(r.series.map((s) => [s.key, s.counts.shown])).toEqual([
      ['2026-10-01', 5],
      ['2026-11-01', 30],
    ]);
    expect(r.groups).toHaveLength(1);
    expect(r.groups[0]!.label).toEqual({ en: 'Saver', zh: '储蓄' });
    expect(r.total.rates.ctr.value).toBeCloseTo(3 / 35);
    expect(r.choices.families).toEqual(['deposit']);
  });

  it('refuses a daily series longer than it offers, and a range that ends before it starts', () => {
    const { store } = storeWith([]);
    expect(() => funnelReport(store, { from: '2026-01-01', to: '2026-03-31', period: 'day' }, '2026-12-03')).toThrow(
      /at most 35 days/,
    );
    expect(() => funnelReport(store, { from: '2026-12-01' }, '2026-12-03')).toThrow(/starts .* after it ends/);
  });
});
