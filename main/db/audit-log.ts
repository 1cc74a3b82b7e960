import { createHash } from 'node:crypto';
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

interface AuditRow {
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

function entryHash(
  seq: number,
  at: string,
  actor: string,
  entity: string,
  entityId: string,
  action: string,
  beforeJson: string | null,
  afterJson: string | null,
  prevHash: string,
): string {
  // Hash the stored JSON text, not re-serialised objects, so verification never depends on key order.
  const canonical = JSON.stringify([seq, at, actor, entity, entityId, action, beforeJson, afterJson, prevHash]);
  return createHash('sha256').update(canonical).digest('hex');
}

const toJson = (value: unknown): string | null =>
  value === undefined || value === null ? null : JSON.stringify(value);

/**
 * Appends one entry chained to the previous one. Call it inside the transaction that makes the change,
 * so the change and its trail commit (or fail) together.
 */
export function appendAudit(db: Db, input: AuditEntryInput): AuditEntry {
  const last = cached(db, 'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? AUDIT_GENESIS_HASH;
  const beforeJson = toJson(input.before);
  const afterJson = toJson(input.after);
  const hash = entryHash(
    seq,
    input.at,
    input.actor,
    input.entity,
    input.entityId,
    input.action,
    beforeJson,
    afterJson,
    prevHash,
  );
  cached(
    db,
    `INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, before_json, after_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(seq, input.at, input.actor, input.entity, input.entityId, input.action, beforeJson, afterJson, prevHash, hash);
  return { ...input, seq, prevHash, hash };
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

export type AuditVerification =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAtSeq: number; reason: string };

/** Recomputes the chain: any edit, deletion or reordering made behind the triggers' back shows up here. */
export function verifyAuditChain(db: Db): AuditVerification {
  let prev = AUDIT_GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY seq').iterate() as IterableIterator<AuditRow>) {
    entries++;
    if (row.seq !== expectedSeq)
      return { ok: false, entries, brokenAtSeq: row.seq, reason: `entry ${expectedSeq} is missing` };
    if (row.prev_hash !== prev)
      return { ok: false, entries, brokenAtSeq: row.seq, reason: 'does not chain to the previous entry' };
    const hash = entryHash(
      row.seq,
      row.at,
      row.actor,
      row.entity,
      row.entity_id,
      row.action,
      row.before_json,
      row.after_json,
      row.prev_hash,
    );
    if (hash !== row.hash)
      return { ok: false, entries, brokenAtSeq: row.seq, reason: 'content does not match its hash' };
    prev = row.hash;
    expectedSeq++;
  }
  return { ok: true, entries };
}
