import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../app/domain/domain-error';
import { message, renderMessage } from '../../app/messages';
import { createPrivateFile } from './private-files';
import { looksEncrypted, openCipherDatabase, StoreKeyError, type CipherDb } from './store-cipher';

/**
 * Encrypting, decrypting and re-keying a store, always by way of a full copy beside it: the copy is written, checked
 * (integrity, schema version, the row count of every table) and only then renamed over the original in one step.
 * Whatever fails before the rename leaves the original as it was and removes the copy.
 */

export interface StoreConversion {
  /** The key that opens the store now; null for a plain store. */
  from: string | null;
  /** The key the store is to have; null to leave it plain. */
  to: string | null;
  cipherBinding?: string | undefined;
  /** Called with the finished copy before it is checked: the tests' way to break a conversion half-way. */
  afterCopy?: (copyFile: string) => void;
}

export interface ConversionResult {
  tables: number;
  rows: number;
}

const text = (key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1]) =>
  renderMessage(message(key, params), 'en');

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB';
}

/** Every table's row count, by name: what the copy must hold too. */
function rowCounts(db: CipherDb): Map<string, number> {
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const counts = new Map<string, number>();
  for (const table of tables)
    counts.set(
      table,
      db
        .prepare(`SELECT count(*) FROM "${table.replace(/"/g, '""')}"`)
        .pluck()
        .get() as number,
    );
  return counts;
}

function sameCounts(a: Map<string, number>, b: Map<string, number>): boolean {
  return a.size === b.size && [...a].every(([table, n]) => b.get(table) === n);
}

function fsyncPath(file: string, flags: string): void {
  const fd = fs.openSync(file, flags);
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Opens the store for the conversion and makes sure nobody else has it open: leaving WAL mode needs every other
 * connection gone, and the exclusive locking mode then keeps the read lock of the first read until close, so no
 * other process can commit a write that the copy would miss.
 */
function openSource(file: string, key: string | null, cipherBinding: string | undefined): CipherDb {
  const db = openCipherDatabase(file, key, { cipherBinding });
  try {
    db.pragma('busy_timeout = 2000');
    const mode = db.pragma('journal_mode = DELETE', { simple: true });
    if (mode !== 'delete') throw new DomainError('busy', text('store.inUse', { file }));
    db.pragma('locking_mode = EXCLUSIVE');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (error) {
    db.close();
    if (isNotADatabase(error) && key !== null) throw new StoreKeyError('wrong', file);
    if (isBusy(error)) throw new DomainError('busy', text('store.inUse', { file }));
    throw error;
  }
}

/** Checks the copy as the app will open it, with the key it is to have. */
function checkCopy(
  file: string,
  copy: string,
  key: string | null,
  expected: Map<string, number>,
  version: number,
  cb?: string,
) {
  const refuse = (detail: string) => new DomainError('unavailable', text('store.copyFailed', { file, detail }));
  if (looksEncrypted(copy) !== (key !== null)) throw refuse(key === null ? 'still encrypted' : 'not encrypted');
  const db = openCipherDatabase(copy, key, { cipherBinding: cb, readonly: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw refuse(`integrity check: ${String(integrity)}`);
    if (db.pragma('user_version', { simple: true }) !== version) throw refuse('schema version differs');
    if (!sameCounts(rowCounts(db), expected)) throw refuse('row counts differ');
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw refuse(isNotADatabase(error) ? 'unreadable with the new key' : String((error as Error).message));
  } finally {
    db.close();
  }
}

/** Converts the store at `file` from one key (or none) to another (or none), in place and all or nothing. */
export function convertStore(file: string, conversion: StoreConversion): ConversionResult {
  const { from, to, cipherBinding } = conversion;
  if (to === '') throw new DomainError('validation', text('store.keyEmpty'));
  // The commands say so in their own words first; opening a missing file here would create it.
  if (!fs.existsSync(file)) throw new Error(`No database at ${file}.`);
  const encrypted = looksEncrypted(file);
  if (from === null && encrypted) throw new DomainError('conflict', text('store.alreadyEncrypted', { file }));
  if (from !== null && !encrypted) throw new DomainError('conflict', text('store.notEncrypted', { file }));

  const source = openSource(file, from, cipherBinding);
  const copy = path.join(path.dirname(file), `.${path.basename(file)}.converting-${process.pid}`);
  let renamed = false;
  try {
    const expected = rowCounts(source);
    const version = source.pragma('user_version', { simple: true }) as number;
    fs.rmSync(copy, { force: true });
    createPrivateFile(copy);
    // VACUUM INTO writes a fresh, compact copy with the source's key (or none); the copy is then re-keyed alone.
    source.prepare('VACUUM INTO ?').run(copy);
    const target = openCipherDatabase(copy, from, { cipherBinding });
    try {
      target.rekey(Buffer.from(to ?? '', 'utf8'));
    } finally {
      target.close();
    }
    conversion.afterCopy?.(copy);
    checkCopy(file, copy, to, expected, version, cipherBinding);
    fsyncPath(copy, 'r');
    // No journal of the old file may outlive it: it would be played back into the new one.
    for (const leftover of [`${file}-wal`, `${file}-journal`])
      if (fs.existsSync(leftover)) throw new DomainError('busy', text('store.inUse', { file }));
    // Windows renames over no open file; elsewhere the lock is held until the new file is in place.
    if (process.platform === 'win32') source.close();
    fs.renameSync(copy, file);
    renamed = true;
    if (process.platform !== 'win32') fsyncPath(path.dirname(file), 'r');
    return { tables: expected.size, rows: [...expected.values()].reduce((a, b) => a + b, 0) };
  } finally {
    if (source.open) source.close();
    if (!renamed) for (const f of [copy, `${copy}-journal`]) fs.rmSync(f, { force: true });
  }
}
