import type { MarketSnapshot } from '../../app/domain';
import type { Db } from './connection';
import { existingKeys } from './existing-keys';

interface SnapshotRow {
  as_of: string;
  policy_rate: number;
  deposit_rate_1y: number;
  inflation: number;
  equity_index: number;
  equity_trend_3m: number;
  bond_yield_10y: number;
  regulatory_flags_json: string;
  indicators_json: string;
}

function fromRow(r: SnapshotRow): MarketSnapshot {
  return {
    asOf: r.as_of,
    policyRate: r.policy_rate,
    depositRate1y: r.deposit_rate_1y,
    inflation: r.inflation,
    equityIndex: r.equity_index,
    equityTrend3m: r.equity_trend_3m,
    bondYield10y: r.bond_yield_10y,
    regulatoryFlags: JSON.parse(r.regulatory_flags_json) as string[],
    indicators: JSON.parse(r.indicators_json) as Record<string, number>,
  };
}

/** One snapshot per date; loading a date again replaces it (a corrected feed wins). */
export function upsertMarketSnapshots(db: Db, snapshots: readonly MarketSnapshot[]): void {
  const stmt =
    db.prepare(`INSERT OR REPLACE INTO market_snapshots (as_of, policy_rate, deposit_rate_1y, inflation, equity_index,
      equity_trend_3m, bond_yield_10y, regulatory_flags_json, indicators_json)
    VALUES (@asOf, @policyRate, @depositRate1y, @inflation, @equityIndex, @equityTrend3m, @bondYield10y, @flags, @indicators)`);
  db.transaction(() => {
    for (const s of snapshots)
      stmt.run({ ...s, flags: JSON.stringify(s.regulatoryFlags), indicators: JSON.stringify(s.indicators) });
  })();
}

/** Which of these dates already have a snapshot (an import replaces them and says how many). */
export function existingSnapshotDates(db: Db, dates: Iterable<string>): Set<string> {
  return existingKeys(db, 'market_snapshots', 'as_of', dates);
}

export function latestMarketSnapshot(db: Db, onOrBefore?: string): MarketSnapshot | null {
  const row = db
    .prepare('SELECT * FROM market_snapshots WHERE (@d IS NULL OR as_of <= @d) ORDER BY as_of DESC LIMIT 1')
    .get({ d: onOrBefore ?? null }) as SnapshotRow | undefined;
  return row ? fromRow(row) : null;
}

export function listMarketSnapshots(db: Db, range: { from?: string; to?: string } = {}): MarketSnapshot[] {
  const rows = db
    .prepare(
      'SELECT * FROM market_snapshots WHERE (@from IS NULL OR as_of >= @from) AND (@to IS NULL OR as_of <= @to) ORDER BY as_of',
    )
    .all({ from: range.from ?? null, to: range.to ?? null }) as SnapshotRow[];
  return rows.map(fromRow);
}

export function countMarketSnapshots(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM market_snapshots').get() as { n: number }).n;
}
