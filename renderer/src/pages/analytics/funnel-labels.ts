import type { Proportion } from '../../../../app/analytics/wilson';
import type { FunnelGroup, FunnelPeriod, FunnelRate } from '../../../../app/analytics/funnel';
import type { FunnelLineView } from '../../../../app/contract';
import type { MessageKey } from '../../../../app/messages';
import { csvText } from '../../../../app/csv/csv-writer';
import type { I18n } from '../../i18n/use-i18n';
import { categoryLabel } from '../../i18n/category-label';
import { familyLabel } from '../../i18n/family-label';

const SEGMENTS = ['mass', 'priority', 'private', 'sme', 'commercial', 'individual', 'business'] as const;

/** A percentage with one decimal: funnel rates are small, and a tenth of a point is what tells two apart. */
export function percent(i18n: I18n, x: number): string {
  return `${i18n.fmt.number(x * 100, 1)}%`;
}

/** "12.3% (10.1–14.8%)", or a dash where nothing was counted. */
export function rateText(i18n: I18n, p: Proportion): string {
  if (p.value === null || p.low === null || p.high === null) return i18n.t('analytics.rate.none');
  return i18n.t('analytics.rate.value', {
    rate: percent(i18n, p.value),
    low: percent(i18n, p.low),
    high: percent(i18n, p.high),
  });
}

/** A period on a chart's axis: its first day (or its month), short; the chart's title says day, week or month. */
export function periodTick(i18n: I18n, day: string, period: FunnelPeriod): string {
  if (period === 'month') return periodLabel(i18n, day, period);
  return new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );
}

export function periodLabel(i18n: I18n, day: string, period: FunnelPeriod): string {
  if (period === 'day') return i18n.fmt.date(day);
  if (period === 'week') return i18n.t('analytics.weekOf', { date: i18n.fmt.date(day) });
  return new Intl.DateTimeFormat(i18n.language, { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00.000Z`),
  );
}

/** What a group is called on screen: a product's name, a category or family name, a segment, or the key itself. */
export function groupLabel(i18n: I18n, line: FunnelLineView, groupBy: FunnelGroup, period: FunnelPeriod): string {
  const key = line.key;
  if (groupBy === 'period') return periodLabel(i18n, key, period);
  if (key === '') return i18n.t('analytics.table.none');
  if (line.label) return i18n.pick(line.label);
  if (groupBy === 'category') return categoryLabel(key, i18n.language);
  if (groupBy === 'family') return familyLabel(i18n.t, key);
  if (groupBy === 'segment' && (SEGMENTS as readonly string[]).includes(key))
    return i18n.t(`analytics.segment.${key as (typeof SEGMENTS)[number]}`);
  return key;
}

export const RATE_KEYS: Record<FunnelRate, MessageKey> = {
  pitchRate: 'analytics.rate.pitchRate',
  ctr: 'analytics.rate.ctr',
  cvr: 'analytics.rate.cvr',
  cvrPitched: 'analytics.rate.cvrPitched',
};

export const RATE_HELP: Record<FunnelRate, MessageKey> = {
  pitchRate: 'analytics.rate.pitchRate.help',
  ctr: 'analytics.rate.ctr.help',
  cvr: 'analytics.rate.cvr.help',
  cvrPitched: 'analytics.rate.cvrPitched.help',
};

const RATES: FunnelRate[] = ['pitchRate', 'ctr', 'cvr', 'cvrPitched'];

/**
 * A table as CSV: the group's key and name, the counts, then each rate with its interval as fractions (a
 * spreadsheet formats them), in the column order of the table on screen.
 */
export function funnelCsv(i18n: I18n, lines: FunnelLineView[], groupBy: FunnelGroup, period: FunnelPeriod): string {
  const rateColumns = RATES.flatMap((r) => [r, `${r}_low`, `${r}_high`]);
  const header = [
    groupBy,
    i18n.t('analytics.csv.name'),
    'shown',
    'pitched',
    'interested',
    'accepted',
    'pitched_accepted',
    ...rateColumns,
  ];
  return csvText(
    header,
    lines.map((l) => [
      l.key,
      groupLabel(i18n, l, groupBy, period),
      l.counts.shown,
      l.counts.pitched,
      l.counts.interested,
      l.counts.accepted,
      l.counts.pitchedAccepted,
      ...RATES.flatMap((r) => [l.rates[r].value, l.rates[r].low, l.rates[r].high]),
    ]),
  );
}
