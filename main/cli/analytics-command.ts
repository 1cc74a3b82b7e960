import fs from 'node:fs';
import { funnelReport } from '../../app/analytics/funnel-report';
import type { Proportion } from '../../app/analytics/wilson';
import type { FunnelReport } from '../../app/contract/analytics-channels';
import { funnelStoreOf } from '../backend/analytics-handlers';
import { openStore } from '../db/open-store';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';
import { storeKeyFor } from './cli-store-key';

const BY = ['product', 'category', 'family', 'segment', 'advisor', 'policy'] as const;
type By = (typeof BY)[number];

export const ANALYTICS_USAGE = `advisor-desk analytics funnel --by ${BY.join('|')} [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface AnalyticsRequest {
  sub: string | undefined;
  rest: readonly string[];
  dbPath: string;
  json: boolean;
  by: string | undefined;
  from: string | undefined;
  to: string | undefined;
}

function validDay(day: string): boolean {
  return DAY.test(day) && new Date(`${day}T00:00:00.000Z`).toISOString().slice(0, 10) === day;
}

/** "12.3% (11.1–13.6)", or "–" where nothing was counted. */
function rate(p: Proportion): string {
  if (p.value === null) return '–';
  const pct = (x: number) => `${(x * 100).toFixed(1)}`;
  return `${pct(p.value)}% (${pct(p.low!)}–${pct(p.high!)})`;
}

function table(report: FunnelReport): string {
  const header = ['group', 'shown', 'pitched', 'interested', 'accepted', 'pitch rate', 'CTR', 'CVR', 'CVR per pitch'];
  const rows = [...report.groups, report.total].map((g) => [
    g === report.total ? 'total' : g.label ? `${g.key} ${g.label.en}` : g.key || '(none)',
    String(g.counts.shown),
    String(g.counts.pitched),
    String(g.counts.interested),
    String(g.counts.accepted),
    rate(g.rates.pitchRate),
    rate(g.rates.ctr),
    rate(g.rates.cvr),
    rate(g.rates.cvrPitched),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [format(header), ...rows.map(format)].join('\n');
}

/**
 * `analytics funnel`: shown → pitched → interested → accepted by a group over a range of days, with 95% Wilson
 * intervals, from the funnel's rollup (migration 0210). The range defaults to the 90 days up to the last ranking shown.
 */
export async function runAnalytics(io: CliIo, request: AnalyticsRequest): Promise<void> {
  if (request.sub !== 'funnel')
    throw usageError(`Usage: ${ANALYTICS_USAGE} (or analytics offpolicy; see advisor-desk analytics --help)`);
  if (request.rest.length > 0) throw usageError(`Unexpected argument "${request.rest[0]}". Usage: ${ANALYTICS_USAGE}`);
  if (!request.by || !(BY as readonly string[]).includes(request.by))
    throw usageError(`--by must be one of ${BY.join(', ')}. Usage: ${ANALYTICS_USAGE}`);
  for (const [name, day] of [
    ['from', request.from],
    ['to', request.to],
  ] as const)
    if (day !== undefined && !validDay(day))
      throw usageError(`--${name} must be a day written YYYY-MM-DD, got "${day}".`);
  if (request.from && request.to && request.from > request.to)
    throw usageError(`--from must not be after --to. Usage: ${ANALYTICS_USAGE}`);
  if (!fs.existsSync(request.dbPath)) throw new CliError(EXIT.database, `No database at ${request.dbPath}.`);
  const { db } = openStore(request.dbPath, { key: await storeKeyFor(io, request.dbPath) });
  try {
    const today = (io.now?.() ?? new Date()).toISOString().slice(0, 10);
    const report = funnelReport(
      funnelStoreOf(db),
      { groupBy: request.by as By, from: request.from ?? null, to: request.to ?? null, period: 'month' },
      today,
    );
    if (request.json) {
      const { queryMs: _ms, series: _series, choices: _choices, ...rest } = report;
      io.stdout(`${JSON.stringify(rest, null, 2)}\n`);
      return;
    }
    io.stdout(
      `Funnel by ${report.groupBy}, ${report.from} to ${report.to} (rates with 95% Wilson intervals; a product counts as shown once per ranking that listed it):\n\n${table(report)}\n`,
    );
  } finally {
    db.close();
  }
}
