import type { FunnelQuery, FunnelReport, FunnelLineView } from '../contract/analytics-channels';
import { FunnelQuerySchema } from '../contract/analytics-channels';
import { DomainError } from '../domain/domain-error';
import type { LocalizedText } from '../domain/localized-text';
import {
  periodStart,
  summarizeFunnel,
  type FunnelCell,
  type FunnelGroup,
  type FunnelLine,
  type FunnelPeriod,
} from './funnel';

/** What the funnel report reads: the rollup (main/db/funnel-repository.ts) and the product list for labels. */
export interface FunnelStore {
  cells(q: {
    from: string;
    to: string;
    groupBy: FunnelGroup;
    period: FunnelPeriod;
    family: string | null;
    advisor: string | null;
    policy: string | null;
  }): FunnelCell[];
  choices(): { advisors: string[]; policies: string[] };
  days(): { first: string; last: string } | null;
  products(): { id: string; nameEn: string; nameZh: string; family: string; category: string }[];
}

const DAY = 86_400_000;
/** With no range given: the 13 weeks (Monday to Sunday) up to the last day a ranking was shown. */
export const DEFAULT_RANGE_WEEKS = 13;
/** A daily series is offered up to this many days; longer ranges are read by week or month. */
export const MAX_DAILY_DAYS = 35;
/** Without a period asked for, ranges longer than this are shown by month, shorter ones by week. */
export const WEEKLY_UP_TO_DAYS = 183;

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00.000Z`) + n * DAY).toISOString().slice(0, 10);
}

export function funnelReport(
  store: FunnelStore,
  input: FunnelQuery,
  today: string,
  now: () => number = () => 0,
): FunnelReport {
  const q = FunnelQuerySchema.parse(input);
  const started = now();
  const days = store.days();
  const to = q.to ?? days?.last ?? today;
  const from = q.from ?? addDays(periodStart(to, 'week'), -7 * (DEFAULT_RANGE_WEEKS - 1));
  if (from > to) throw new DomainError('validation', `The range starts (${from}) after it ends (${to}).`);
  const length = (Date.parse(to) - Date.parse(from)) / DAY + 1;
  const period = q.period ?? (length > WEEKLY_UP_TO_DAYS ? 'month' : 'week');
  if (period === 'day' && length > MAX_DAILY_DAYS)
    throw new DomainError(
      'validation',
      `A daily series covers at most ${MAX_DAILY_DAYS} days; this range has ${length}. Choose weeks or months.`,
    );
  const cells = store.cells({
    from,
    to,
    groupBy: q.groupBy,
    period,
    family: q.family,
    advisor: q.advisor,
    policy: q.policy,
  });
  // Buckets (days, weeks, months) fold into the report's periods here; none straddles two.
  const starts = new Map<string, string>();
  for (const cell of cells) {
    let start = starts.get(cell.period);
    if (start === undefined) starts.set(cell.period, (start = periodStart(cell.period, period)));
    cell.period = start;
    if (q.groupBy === 'period') cell.group = start;
  }
  const summary = summarizeFunnel(cells);
  const products = store.products();
  const names = new Map(products.map((p) => [p.id, { en: p.nameEn, zh: p.nameZh }]));
  const label = (key: string): LocalizedText | null => (q.groupBy === 'product' ? (names.get(key) ?? null) : null);
  const view = (l: FunnelLine): FunnelLineView => ({ ...l, label: label(l.key) });
  const groups = q.groupBy === 'period' ? summary.series : summary.groups;
  const choices = store.choices();
  return {
    from,
    to,
    groupBy: q.groupBy,
    period,
    total: { ...summary.total, label: null },
    groups: groups.map(view),
    series: summary.series.map((l) => ({ ...l, label: null })),
    choices: { ...choices, families: [...new Set(products.map((p) => p.family))].sort() },
    days,
    queryMs: now() - started,
  };
}
