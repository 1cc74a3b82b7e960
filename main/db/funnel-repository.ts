import { funnelBuckets, type FunnelCell, type FunnelGroup, type FunnelPeriod } from '../../app/analytics/funnel';
import type { Db } from './connection';
import { FUNNEL_REBUILD } from './funnel-sql';

export interface FunnelCellQuery {
  /** Days, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  groupBy: FunnelGroup;
  period: FunnelPeriod;
  family?: string | null;
  advisor?: string | null;
  policy?: string | null;
}

const GROUP_COLUMN: Record<FunnelGroup, string> = {
  product: 'r.product_id',
  category: 'p.category',
  family: 'p.family',
  segment: 'r.segment',
  advisor: 'r.advisor_id',
  policy: 'r.policy',
  period: "''",
};

interface CellRow {
  g: string;
  b: string;
  shown: number;
  pitched: number;
  interested: number;
  accepted: number;
  pa: number;
}

/**
 * The rollup summed by group and bucket over a range of days; each bucket lies inside one period of the report, so
 * the caller folds buckets into periods (and sums a group's cells from different grains). By segment the segment
 * rollup answers (it has families, not products).
 */
export function funnelCells(db: Db, q: FunnelCellQuery): FunnelCell[] {
  const bySegment = q.groupBy === 'segment';
  const table = bySegment ? 'funnel_segment_rollup' : 'funnel_rollup';
  const needsProduct = !bySegment && (q.groupBy === 'category' || q.groupBy === 'family' || q.family != null);
  const familyColumn = bySegment ? 'r.family' : 'p.family';
  const buckets = funnelBuckets(q.from, q.to, q.period);
  const filters = [
    q.family != null ? `AND ${familyColumn} = @family` : '',
    q.advisor != null ? 'AND r.advisor_id = @advisor' : '',
    q.policy != null ? 'AND r.policy = @policy' : '',
  ].join(' ');
  // Summed within each grain first, in the key's own order (bucket, then product) where the group is the product, so
  // SQLite groups as it reads instead of sorting every row; a bucket belongs to one grain only.
  const grain = (g: 'd' | 'w' | 'm') =>
    `SELECT ${GROUP_COLUMN[q.groupBy]} AS g, r.bucket AS b, sum(r.shown) AS shown, sum(r.pitched) AS pitched,
       sum(r.interested) AS interested, sum(r.accepted) AS accepted, sum(r.pitched_accepted) AS pa
     FROM ${table} r ${needsProduct ? 'JOIN products p ON p.id = r.product_id' : ''}
     WHERE r.grain = '${g}' AND r.bucket IN (SELECT value FROM json_each(@${g})) ${filters}
     GROUP BY r.bucket, g`;
  const rows = db.prepare(`${grain('m')} UNION ALL ${grain('w')} UNION ALL ${grain('d')}`).all({
    m: JSON.stringify(buckets.m),
    w: JSON.stringify(buckets.w),
    d: JSON.stringify(buckets.d),
    ...(q.family != null ? { family: q.family } : {}),
    ...(q.advisor != null ? { advisor: q.advisor } : {}),
    ...(q.policy != null ? { policy: q.policy } : {}),
  }) as CellRow[];
  return rows.map((r) => ({
    group: r.g,
    period: r.b,
    counts: {
      shown: r.shown,
      pitched: r.pitched,
      interested: r.interested,
      accepted: r.accepted,
      pitchedAccepted: r.pa,
    },
  }));
}

/** Advisors and policies that have had rankings shown, for the filters. */
export function funnelChoices(db: Db): { advisors: string[]; policies: string[] } {
  const rows = db.prepare('SELECT kind, value FROM funnel_choices ORDER BY kind, value').all() as {
    kind: string;
    value: string;
  }[];
  return {
    advisors: rows.filter((r) => r.kind === 'advisor').map((r) => r.value),
    policies: rows.filter((r) => r.kind === 'policy').map((r) => r.value),
  };
}

/** The first and last day with a ranking shown; null when none was. */
export function funnelDays(db: Db): { first: string; last: string } | null {
  // Two lookups at the ends of the key: min() and max() in one statement would scan every day.
  const end = (order: 'ASC' | 'DESC') =>
    (
      db
        .prepare(`SELECT bucket FROM funnel_rollup WHERE grain = 'd' AND shown > 0 ORDER BY bucket ${order} LIMIT 1`)
        .get() as { bucket: string } | undefined
    )?.bucket;
  const first = end('ASC');
  const last = end('DESC');
  return first && last ? { first, last } : null;
}

/** Product names, families and categories for labelling the groups. */
export function funnelProductLabels(
  db: Db,
): { id: string; nameEn: string; nameZh: string; family: string; category: string }[] {
  return db.prepare('SELECT id, name_en AS nameEn, name_zh AS nameZh, family, category FROM products').all() as {
    id: string;
    nameEn: string;
    nameZh: string;
    family: string;
    category: string;
  }[];
}

/** Works the rollup out again from the raw tables, in one transaction. */
export function rebuildFunnel(db: Db): void {
  db.transaction(() => db.exec(FUNNEL_REBUILD)).immediate();
}
