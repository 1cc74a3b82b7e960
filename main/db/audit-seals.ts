import { seal, type AuditKey } from './audit-key';
import { PROFILE_COLUMNS } from './client-rows';
import type { Db } from './connection';
import { cached } from './statement-cache';

/**
 * Record seals: for each record in SEALED_TABLES (clients, products, deviations, pitch drafts, users, reviews), a keyed digest of
 * its current stored state and the seq of the audit entry that made it so. Every audited write re-seals its row, so
 * a row edited, added or removed behind the app's back (no audit entry, no key) no longer matches its seal; an older
 * row put back with its older seal is caught because a later entry for it exists. Only the columns listed here are
 * sealed: a migration that adds a column to this list must re-seal every row (sealAllRows) in the same step.
 */

interface SealedTable {
  entity: string;
  idColumn: string;
  /** The record's id, then the sealed values in a fixed order; ends in a WHERE clause (only covered rows). */
  select: string;
  /** The migration that made the table, where later than the one that started sealing (0100). */
  since?: number;
}

const CLIENT_COLUMNS = [
  ...PROFILE_COLUMNS.filter((c) => c !== 'id' && c !== 'search_text'),
  'risk_class',
  'questionnaire_response_id',
  'revision',
  'created_at',
  'updated_at',
];

const PRODUCT_COLUMNS = [
  'family',
  'category',
  'name_en',
  'name_zh',
  'risk_grade',
  'rate_kind',
  'rate_min',
  'rate_max',
  'annual_fee_pct',
  'upfront_fee_pct',
  'term_months',
  'lockup_months',
  'liquidity',
  'minimum_amount',
  'currency',
  'complex',
  'insured',
  'eligibility_json',
  'description_en',
  'description_zh',
  'risk_disclosure_en',
  'risk_disclosure_zh',
  'custom_attributes_json',
  'active',
  'updated_at',
];

const DEVIATION_COLUMNS = [
  'client_id',
  'product_id',
  'warning_en',
  'warning_zh',
  'acknowledged_by',
  'acknowledged_at',
  'reason',
  'rule_set_id',
  'rule_set_version',
  'recorded_by',
  'withdrawn_at',
  'withdrawn_by',
];

const list = (alias: string, columns: readonly string[]) => columns.map((c) => `${alias}.${c}`).join(', ');

/**
 * The records whose every change is audited, by the entity name their entries carry. Rule sets and model versions are
 * not here: activating one changes the others' rows without an entry of their own, and a model's weights move with
 * online updates by design.
 */
export const SEALED_TABLES: Record<string, SealedTable> = {
  // The client's current questionnaire answers count as part of the client: they set the risk class.
  client: {
    entity: 'client',
    idColumn: 'c.id',
    select: `SELECT c.id, ${list('c', CLIENT_COLUMNS)},
      q.questionnaire_version, q.answers_json, q.score, q.risk_class, q.completed_at
      FROM clients c LEFT JOIN questionnaire_responses q ON q.id = c.questionnaire_response_id WHERE 1`,
  },
  product: {
    entity: 'product',
    idColumn: 'p.id',
    select: `SELECT p.id, ${list('p', PRODUCT_COLUMNS)} FROM products p WHERE 1`,
  },
  suitability_deviation: {
    entity: 'suitability_deviation',
    idColumn: 'd.id',
    select: `SELECT d.id, ${list('d', DEVIATION_COLUMNS)} FROM suitability_deviations d WHERE 1`,
  },
  // A draft is audited from its first version on; its current version's text is what an approval vouches for.
  pitch_draft: {
    entity: 'pitch_draft',
    idColumn: 'd.id',
    select: `SELECT d.id, d.client_id, d.product_id, d.recommendation_id, d.language, d.status, d.current_version,
      d.created_at, d.updated_at, v.author, v.text, v.prompt_hash, v.generation_json, v.lint_json, v.created_at
      FROM pitch_drafts d LEFT JOIN pitch_draft_versions v ON v.draft_id = d.id AND v.version = d.current_version
      WHERE d.current_version > 0`,
  },
  // Who may do what: a role granted behind the app's back would let someone approve what they may not.
  user: {
    entity: 'user',
    idColumn: 'u.id',
    select: `SELECT u.id, u.display_name, u.roles_json, u.active, u.created_at FROM users u WHERE 1`,
    since: 140,
  },
  pitch_review: {
    entity: 'pitch_review',
    idColumn: 'r.id',
    select: `SELECT r.id, r.draft_id, r.version, r.reviewer_id, r.decision, r.rubric_json, r.comment, r.submitted_by,
      r.submitted_at, r.reviewed_at FROM pitch_reviews r WHERE 1`,
    since: 140,
  },
};

/** The sealed kinds whose tables exist once migration `version` has run. */
export const sealedEntitiesAt = (version: number): string[] =>
  Object.values(SEALED_TABLES)
    .filter((t) => (t.since ?? 0) <= version)
    .map((t) => t.entity);

/** A record's id and sealed values in column order (read raw: no object per row on the import's hot path). */
type Row = [id: string, ...values: unknown[]];

export const rowSeal = (key: AuditKey, entity: string, seq: number, row: Row): string =>
  seal(key, JSON.stringify(['audit-row', entity, seq, row]));

const byIdSql = (t: SealedTable) => `${t.select} AND ${t.idColumn} = ?`;
const pageSql = (t: SealedTable) => `${t.select} AND ${t.idColumn} > ? ORDER BY ${t.idColumn} LIMIT 1000`;

const UPSERT_SEAL = `INSERT INTO audit_row_seals (entity, entity_id, seq, seal) VALUES (?, ?, ?, ?)
  ON CONFLICT (entity, entity_id) DO UPDATE SET seq = excluded.seq, seal = excluded.seal`;

/** Re-seals one record as it now stands (or drops its seal if it is gone), naming the entry that changed it. */
export function sealRow(db: Db, key: AuditKey, entity: string, entityId: string, seq: number): void {
  const table = SEALED_TABLES[entity];
  if (!table) return;
  const row = cached(db, byIdSql(table)).raw(true).get(entityId) as Row | undefined;
  if (row) cached(db, UPSERT_SEAL).run(entity, entityId, seq, rowSeal(key, entity, seq, row));
  else cached(db, 'DELETE FROM audit_row_seals WHERE entity = ? AND entity_id = ?').run(entity, entityId);
}

/** Seals every row of one kind as of `seq`: the baseline when sealing starts; the demo seed's unaudited catalogue. */
export function sealAllRows(db: Db, key: AuditKey, entity: string, seq: number, ids?: readonly string[]): void {
  const table = SEALED_TABLES[entity]!;
  const upsert = cached(db, UPSERT_SEAL);
  const seal = (row: Row) => upsert.run(entity, row[0], seq, rowSeal(key, entity, seq, row));
  if (ids) {
    const byId = cached(db, byIdSql(table)).raw(true);
    for (const id of ids) {
      const row = byId.get(id) as Row | undefined;
      if (row) seal(row);
    }
    return;
  }
  // In pages: the connection cannot write while it is still reading the rows.
  const page = db.prepare(pageSql(table)).raw(true);
  for (let after = ''; ;) {
    const rows = page.all(after) as Row[];
    rows.forEach(seal);
    if (rows.length === 0) return;
    after = rows.at(-1)![0];
  }
}

export interface RowFinding {
  kind: 'row-unaudited' | 'row-removed';
  entity: string;
  entityId: string;
}

/**
 * Compares every sealed record with its seal. `latestEntry` maps `entity\u0000id` to the seq of its newest audit entry
 * after the last wipe; `headSeq` is the trail's last seq.
 */
export function checkRowSeals(
  db: Db,
  key: AuditKey,
  latestEntry: ReadonlyMap<string, number>,
  headSeq: number,
  report: (finding: RowFinding) => void,
): void {
  const sealOf = db.prepare('SELECT seq, seal FROM audit_row_seals WHERE entity = ? AND entity_id = ?');
  const kinds = sealedEntitiesAt(db.pragma('user_version', { simple: true }) as number);
  for (const table of Object.values(SEALED_TABLES).filter((t) => kinds.includes(t.entity))) {
    const present = new Set<string>();
    for (const row of db.prepare(table.select).raw(true).iterate() as IterableIterator<Row>) {
      const id = row[0];
      present.add(id);
      const stored = sealOf.get(table.entity, id) as { seq: number; seal: string } | undefined;
      const newest = latestEntry.get(`${table.entity}\u0000${id}`) ?? 0;
      const sound =
        stored !== undefined &&
        stored.seq >= newest &&
        stored.seq <= headSeq &&
        stored.seal === rowSeal(key, table.entity, stored.seq, row);
      if (!sound) report({ kind: 'row-unaudited', entity: table.entity, entityId: id });
    }
    // A record the trail (or a seal) says exists, gone without a wipe or an entry saying so.
    const expected = new Set<string>();
    for (const id of db
      .prepare('SELECT entity_id FROM audit_row_seals WHERE entity = ?')
      .pluck()
      .iterate(table.entity) as IterableIterator<string>)
      expected.add(id);
    const prefix = `${table.entity}\u0000`;
    for (const k of latestEntry.keys()) if (k.startsWith(prefix)) expected.add(k.slice(prefix.length));
    for (const id of expected)
      if (!present.has(id)) report({ kind: 'row-removed', entity: table.entity, entityId: id });
  }
}
