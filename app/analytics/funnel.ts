import { wilsonInterval, type Proportion } from './wilson';

/** How many showings reached each stage (see main/db/funnel-sql.ts for what each one means). */
export interface FunnelCounts {
  shown: number;
  pitched: number;
  interested: number;
  accepted: number;
  /** Showings both pitched and accepted: the numerator of conversion per pitch. */
  pitchedAccepted: number;
}

/** The funnel's rates, each a proportion of showings with its Wilson interval. */
export interface FunnelRates {
  /** Pitched per shown. */
  pitchRate: Proportion;
  /** Interested (or accepted) per shown: the click-through rate. */
  ctr: Proportion;
  /** Accepted per shown. */
  cvr: Proportion;
  /** Accepted per pitched (showings pitched and then accepted). */
  cvrPitched: Proportion;
}

export const FUNNEL_STAGES = ['shown', 'pitched', 'interested', 'accepted'] as const;
export const FUNNEL_RATES = ['pitchRate', 'ctr', 'cvr', 'cvrPitched'] as const;
export type FunnelRate = (typeof FUNNEL_RATES)[number];

export function emptyCounts(): FunnelCounts {
  return { shown: 0, pitched: 0, interested: 0, accepted: 0, pitchedAccepted: 0 };
}

export function addCounts(into: FunnelCounts, more: FunnelCounts): FunnelCounts {
  into.shown += more.shown;
  into.pitched += more.pitched;
  into.interested += more.interested;
  into.accepted += more.accepted;
  into.pitchedAccepted += more.pitchedAccepted;
  return into;
}

export function funnelRates(c: FunnelCounts): FunnelRates {
  return {
    pitchRate: wilsonInterval(c.pitched, c.shown),
    ctr: wilsonInterval(c.interested, c.shown),
    cvr: wilsonInterval(c.accepted, c.shown),
    cvrPitched: wilsonInterval(c.pitchedAccepted, c.pitched),
  };
}

export const FUNNEL_GROUPS = ['product', 'category', 'family', 'segment', 'advisor', 'policy', 'period'] as const;
export type FunnelGroup = (typeof FUNNEL_GROUPS)[number];
export const FUNNEL_PERIODS = ['day', 'week', 'month'] as const;
export type FunnelPeriod = (typeof FUNNEL_PERIODS)[number];

/** One cell of the stored rollup, summed over a group and a period (what the store answers). */
export interface FunnelCell {
  group: string;
  period: string;
  counts: FunnelCounts;
}

export interface FunnelLine {
  key: string;
  counts: FunnelCounts;
  rates: FunnelRates;
}

export interface FunnelSummary {
  total: FunnelLine;
  /** By the chosen group, most shown first (ties by key). */
  groups: FunnelLine[];
  /** By period, oldest first. */
  series: FunnelLine[];
}

function line(key: string, counts: FunnelCounts): FunnelLine {
  return { key, counts, rates: funnelRates(counts) };
}

/** Sums the cells into the total, one line per group and one per period. */
export function summarizeFunnel(cells: readonly FunnelCell[]): FunnelSummary {
  const total = emptyCounts();
  const groups = new Map<string, FunnelCounts>();
  const periods = new Map<string, FunnelCounts>();
  for (const cell of cells) {
    addCounts(total, cell.counts);
    addCounts(groups.get(cell.group) ?? groups.set(cell.group, emptyCounts()).get(cell.group)!, cell.counts);
    addCounts(periods.get(cell.period) ?? periods.set(cell.period, emptyCounts()).get(cell.period)!, cell.counts);
  }
  return {
    total: line('total', total),
    groups: [...groups]
      .map(([key, counts]) => line(key, counts))
      .sort((a, b) => b.counts.shown - a.counts.shown || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
    series: [...periods].map(([key, counts]) => line(key, counts)).sort((a, b) => (a.key < b.key ? -1 : 1)),
  };
}

/** The first day of the period a day (YYYY-MM-DD) falls in: itself, its week's Monday, or its month's first. */
export function periodStart(day: string, period: FunnelPeriod): string {
  if (period === 'day') return day;
  if (period === 'month') return `${day.slice(0, 7)}-01`;
  const t = Date.parse(`${day}T00:00:00.000Z`);
  const weekday = (new Date(t).getUTCDay() + 6) % 7;
  return new Date(t - weekday * 86_400_000).toISOString().slice(0, 10);
}

/** Buckets of the stored grains (their first days) that exactly cover a range of days. */
export interface FunnelBuckets {
  d: string[];
  w: string[];
  m: string[];
}

const DAY_MS = 86_400_000;

function dayAfter(day: string, n = 1): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function monthEnd(day: string): string {
  const d = new Date(`${day.slice(0, 7)}-01T00:00:00.000Z`);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).toISOString().slice(0, 10);
}

/** Whole weeks inside [a, b] as weeks, the days around them as days. */
function weeksAndDays(a: string, b: string, into: FunnelBuckets): void {
  let day = a;
  while (day <= b) {
    const weekEnd = dayAfter(day, 6);
    if (periodStart(day, 'week') === day && weekEnd <= b) {
      into.w.push(day);
      day = dayAfter(day, 7);
    } else {
      into.d.push(day);
      day = dayAfter(day);
    }
  }
}

/**
 * The fewest stored buckets that cover [from, to] with none straddling two periods of the report, so each bucket
 * folds into exactly one period: whole months as months (when the report is monthly), whole weeks as weeks (unless
 * the report is daily), the rest as days.
 */
export function funnelBuckets(from: string, to: string, period: FunnelPeriod): FunnelBuckets {
  const out: FunnelBuckets = { d: [], w: [], m: [] };
  let start = from;
  while (start <= to) {
    const end =
      period === 'month' ? monthEnd(start) : period === 'week' ? dayAfter(periodStart(start, 'week'), 6) : start;
    const stop = end < to ? end : to;
    if (period === 'day') out.d.push(start);
    else if (period === 'month' && start.endsWith('-01') && stop === end) out.m.push(start);
    else if (period === 'week' && periodStart(start, 'week') === start && stop === end) out.w.push(start);
    else if (period === 'month') weeksAndDays(start, stop, out);
    else for (let day = start; day <= stop; day = dayAfter(day)) out.d.push(day);
    start = dayAfter(stop);
  }
  return out;
}
