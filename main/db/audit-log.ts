import { createHash } from 'node:crypto';
import { anchorAfterCommit, writeAnchor } from './audit-anchor';
import { auditKey, seal, type AuditKey } from './audit-key';
import { sealAllRows, sealRow } from './audit-seals';
import type { Db } from './connection';
import { cached } from './statement-cache';

export interface AuditEntryInput {
  at: string;
  actor: string;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

export interface AuditEntry extends AuditEntryInput {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The first entry chains to this, so an empty trail and a truncated one are told apart. */
export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/**
 * The entry's seal: HMAC-SHA256 with the database's key from the seq where keying began, plain SHA-256 before it
 * (entries written by versions that had no key; the first keyed entry chains to them, so they are covered too).
 */
export function auditEntryHash(key: AuditKey | null, row: Omit<AuditRow, 'hash'>): string {
  // Hash the stored JSON text, not re-serialised objects, so verification never depends on key order.
  const canonical = JSON.stringify([
    row.seq,
    row.at,
    row.actor,
    row.entity,
    row.entity_id,
    row.action,
    row.before_json,
    row.after_json,
    row.prev_hash,
  ]);
  return key ? seal(key, canonical) : createHash('sha256').update(canonical).digest('hex');
}

const toJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

const knownKeyedFrom = new WeakMap<Db, number>();

/** The first seq sealed with the key, or null on a database whose schema predates keyed seals. */
export function keyedFromSeq(db: Db): number | null {
  const known = knownKeyedFrom.get(db);
  if (known !== undefined) return known;
  const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'audit_chain'").get();
  if (!hasTable) return null;
  const seq = db.prepare('SELECT keyed_from_seq FROM audit_chain').pluck().get() as number | undefined;
  if (seq === undefined) return null;
  knownKeyedFrom.set(db, seq);
  return seq;
}

/** A key may be made only while nothing is sealed with one yet; after that a missing key is a loss to report. */
function nothingSealed(db: Db, keyedFrom: number): boolean {
  return (
    db.prepare('SELECT 1 FROM audit_log WHERE seq >= ? LIMIT 1').get(keyedFrom) === undefined &&
    db.prepare('SELECT 1 FROM audit_row_seals LIMIT 1').get() === undefined
  );
}

/** The key for sealing, made with an empty anchor if this database has none yet. */
export function sealingKey(db: Db, keyedFrom: number): AuditKey {
  return auditKey(
    db,
    () => nothingSealed(db, keyedFrom),
    (key) => {
      if (!db.memory) writeAnchor(db, key, { seq: 0, hash: '', entries: 0, keyedFrom });
    },
  );
}

/**
 * Appends one entry chained to the previous one. Call it inside the transaction that makes the change,
 * so the change and its trail commit (or fail) together. The changed record's seal is renewed in the same
 * transaction; the anchor outside the database follows once the transaction has committed.
 */
export function appendAudit(db: Db, input: AuditEntryInput): AuditEntry {
  const last = cached(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const keyedFrom = keyedFromSeq(db);
  const key = keyedFrom !== null && seq >= keyedFrom ? sealingKey(db, keyedFrom) : null;
  const row = {
    seq,
    at: input.at,
    actor: input.actor,
    entity: input.entity,
    entity_id: input.entityId,
    action: input.action,
    before_json: toJson(input.before),
    after_json: toJson(input.after),
    prev_hash: last?.hash ?? AUDIT_GENESIS_HASH,
  };
  const hash = auditEntryHash(key, row);
  cached(
    db,
    `INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     VALUES (@seq, @at, @actor, @entity, @entity_id, @action, @before_json, @after_json, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  if (key) {
    sealRow(db, key, input.entity, input.entityId, seq);
    anchorAfterCommit(db);
  }
  return { ...input, seq, prevHash: row.prev_hash, hash };
}

function fromRow(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actor: row.actor,
    entity: row.entity,
    entityId: row.entity_id,
    action: row.action,
    before: row.before_json === null ? null : JSON.parse(row.before_json),
    after: row.after_json === null ? null : JSON.parse(row.after_json),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** Entries for one record, oldest first: enough to rebuild every earlier version of it. */
export function listAuditEntries(
  db: Db,
  filter: { entity?: string; entityId?: string; limit?: number } = {},
): AuditEntry[] {
  const rows = db
    .prepare(
      `SELECT * FROM audit_log
       WHERE (@entity IS NULL OR entity = @entity) AND (@entityId IS NULL OR entity_id = @entityId)
       ORDER BY seq LIMIT @limit`,
    )
    .all({ entity: filter.entity ?? null, entityId: filter.entityId ?? null, limit: filter.limit ?? -1 }) as AuditRow[];
  return rows.map(fromRow);
}

/**
 * Seals records written without an audit entry of their own (the demo seed's catalogue), as of the trail's head: a
 * later change with no entry then shows up like any other.
 */
export function sealRecordsWithoutEntry(db: Db, entity: string, ids: readonly string[]): void {
  const keyedFrom = keyedFromSeq(db);
  if (keyedFrom === null) return;
  const head = (cached(db, 'SELECT max(seq) FROM audit_log').pluck().get() as number | null) ?? 0;
  sealAllRows(db, sealingKey(db, keyedFrom), entity, head, ids);
}

/**
 * A wipe empties the sealed tables: their seals go with them (the wipe's own entry is the record of it). Users are
 * not book data and stay, sealed as they were.
 */
export function dropRecordSeals(db: Db): void {
  if (keyedFromSeq(db) !== null) db.exec("DELETE FROM audit_row_seals WHERE entity <> 'user'");
}
