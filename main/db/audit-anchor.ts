import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { findAuditKey, seal, type AuditKey } from './audit-key';
import type { Db } from './connection';

/**
 * The trail's head recorded outside the database: the last entry's seq and hash and from which seq entries are
 * sealed with the key, itself sealed with the key. Removing the newest entries, emptying the trail, or putting back
 * an older copy of the database file leaves the table behind its anchor, which verification reports.
 *
 * The anchor is written after the transaction that appended commits (SQLite tells nobody, so the write waits for the
 * JavaScript turn to end, when every better-sqlite3 transaction has finished). A crash in between leaves the anchor
 * a step behind the table: verification accepts that when the entries past it check out with the key, and moves the
 * anchor up. An anchor ahead of the table, or naming a different hash, is never accepted.
 */

export interface AuditAnchor {
  seq: number;
  hash: string;
  entries: number;
  keyedFrom: number;
}

export const auditAnchorFile = (dbFile: string): string => `${dbFile}.audit-anchor`;

export type AnchorReading = { state: 'ok'; anchor: AuditAnchor } | { state: 'missing' } | { state: 'altered' };

const anchorSeal = (key: AuditKey, a: AuditAnchor) =>
  seal(key, JSON.stringify(['audit-anchor', a.seq, a.hash, a.entries, a.keyedFrom]));

export function readAnchor(db: Db, key: AuditKey): AnchorReading {
  let text: string;
  try {
    text = fs.readFileSync(auditAnchorFile(db.name), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: 'missing' };
    throw error;
  }
  try {
    const parsed = JSON.parse(text) as AuditAnchor & { seal: unknown };
    const anchor = { seq: parsed.seq, hash: parsed.hash, entries: parsed.entries, keyedFrom: parsed.keyedFrom };
    const wellFormed =
      [anchor.seq, anchor.entries, anchor.keyedFrom].every(Number.isSafeInteger) && typeof anchor.hash === 'string';
    return wellFormed && parsed.seal === anchorSeal(key, anchor) ? { state: 'ok', anchor } : { state: 'altered' };
  } catch {
    return { state: 'altered' };
  }
}

/** Replaces the anchor in one step (private temp file, flushed, renamed over): a crash leaves the old or the new. */
export function writeAnchor(db: Db, key: AuditKey, anchor: AuditAnchor): void {
  const file = auditAnchorFile(db.name);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const fd = fs.openSync(temp, 'wx', 0o600);
  try {
    fs.writeSync(fd, `${JSON.stringify({ ...anchor, seal: anchorSeal(key, anchor) })}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    fs.renameSync(temp, file);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw error;
  }
}

/** The committed head of the trail (read outside any transaction, it is what the file holds). */
export function trailHead(db: Db): { seq: number; hash: string; entries: number } {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
    { seq: number; hash: string } | undefined;
  const entries = db.prepare('SELECT count(*) FROM audit_log').pluck().get() as number;
  return { seq: last?.seq ?? 0, hash: last?.hash ?? '', entries };
}

/**
 * Moves the anchor up to the committed head when the anchor is intact and the table still holds the entry it names.
 * A missing, altered or contradicted anchor is evidence: it is left as it is for verification to report.
 */
export function advanceAnchor(db: Db): void {
  const key = findAuditKey(db);
  if (!key || db.memory || db.readonly) return;
  const reading = readAnchor(db, key);
  if (reading.state !== 'ok') return;
  const { anchor } = reading;
  const head = trailHead(db);
  if (head.seq <= anchor.seq) return;
  if (anchor.seq > 0) {
    const named = db.prepare('SELECT hash FROM audit_log WHERE seq = ?').pluck().get(anchor.seq);
    if (named !== anchor.hash) return;
  }
  writeAnchor(db, key, { ...head, keyedFrom: anchor.keyedFrom });
}

const scheduled = new WeakSet<Db>();
const closeFlushes = new WeakSet<Db>();

function flush(db: Db): void {
  if (!scheduled.has(db)) return;
  if (!db.open) {
    scheduled.delete(db);
    return;
  }
  // A stepped import holds its transaction across turns of the event loop: wait for its COMMIT.
  if (db.inTransaction) {
    setTimeout(() => flush(db), 50).unref();
    return;
  }
  scheduled.delete(db);
  try {
    advanceAnchor(db);
  } catch {
    // A folder that refuses the write leaves the anchor behind, which verification accepts; the change itself is saved.
  }
}

/** Called by appendAudit: the anchor follows once the appending transaction has committed (or on close, if sooner). */
export function anchorAfterCommit(db: Db): void {
  if (db.memory || scheduled.has(db)) return;
  scheduled.add(db);
  queueMicrotask(() => flush(db));
  if (closeFlushes.has(db)) return;
  closeFlushes.add(db);
  // A command that appends and closes in the same turn would otherwise close before the anchor is written.
  const close = db.close.bind(db);
  db.close = () => {
    if (!db.inTransaction) flush(db);
    return close();
  };
}
