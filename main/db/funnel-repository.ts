import type { FunnelCell, FunnelGroup } from '../../app/analytics/funnel';
import type { Db } from './connection';
import { FUNNEL_REBUILD } from './funnel-sql';

export interface FunnelCellQuery {
  /** Days, inclusive (YYYY-MM-DD). */
  from: string;
  to: string;
  groupBy: FunnelGroup;
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
  d: string;
  shown: number;
  pitched: number;
  interested: number;
  accepted: number;
  pa: number;
}

/**
 * The rollup summed by group and day over a range of days (the caller folds days into weeks or months): one pass
 * over the range's rows of funnel_rollup, whose key starts with the day.
 */
export function funnelCells(db: Db, q: FunnelCellQuery): FunnelCell[] {
  const needsProduct = q.groupBy === 'category' || q.groupBy === 'family' || q.family != null;
  const rows = db
    .prepare(
      `SELECT ${GROUP_COLUMN[q.groupBy]} AS g, r.day AS d, sum(r.shown) AS shown, sum(r.pitched) AS pitched,
         sum(r.interested) AS interested, sum(r.accepted) AS accepted, sum(r.pitched_accepted) AS pa
       FROM funnel_rollup r ${needsProduct ? 'JOIN products p ON p.id = r.product_id' : ''}
       WHERE r.day >= @from AND r.day <= @to
         ${q.family != null ? 'AND p.family = @family' : ''}
         ${q.advisor != null ? 'AND r.advisor_id = @advisor' : ''}
         ${q.policy != null ? 'AND r.policy = @policy' : ''}
       GROUP BY g, d`,
    )
    .all({
      from: q.from,
      to: q.to,
      ...(q.family != null ? { family: q.family } : {}),
      ...(q.advisor != null ? { advisor: q.advisor } : {}),
      ...(q.policy != null ? { policy: q.policy } : {}),
    }) as CellRow[];
  return rows.map((r) => ({
    group: r.g,
    period: r.d,
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
  const row = db.prepare('SELECT min(day) AS first, max(day) AS last FROM funnel_rollup').get() as {
    first: string | null;
    last: string | null;
  };
  return row.first && row.last ? { first: row.first, last: row.last } : null;
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
