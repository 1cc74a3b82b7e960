import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DomainError } from '../../app/domain/domain-error';
import { message, renderMessage } from '../../app/messages';
import type { Db } from './connection';

/**
 * The secret that seals the audit trail. It lives outside the database, in a 0600 file beside it (in the app that is
 * the private data folder), so someone who can rewrite the database with the sqlite3 shell still cannot compute a
 * seal for a forged or rechained entry. One key per database file. An in-memory database gets a key that lives as
 * long as the connection. The desktop app could wrap the file with Electron's safeStorage; the store is also opened
 * by the CLI and the browser-mode server, which have no safeStorage, so the file's mode is the protection here.
 */

export const auditKeyFile = (dbFile: string): string => `${dbFile}.audit-key`;

export type AuditKey = Buffer;

const keys = new WeakMap<Db, AuditKey>();

/** A 32-byte key kept in a file as hex; null when the file is not there. `what` names it in an error. */
export function readKeyFile(file: string, what = 'audit key'): AuditKey | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} is not an Advisor Desk ${what}.`);
  return Buffer.from(text, 'hex');
}

/**
 * Writes a new key, never exposing half a file: a private temp file linked into place. When another process made
 * one at the same moment, theirs is read and used.
 */
export function createKeyFile(file: string, what = 'audit key'): AuditKey {
  const key = randomBytes(32);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temp, file);
    return key;
  } catch (error) {
    // Another process (the CLI beside the app) made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKeyFile(file, what)!;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** The database's key if it has one; never creates it. */
export function findAuditKey(db: Db): AuditKey | null {
  const known = keys.get(db);
  if (known) return known;
  if (db.memory) return null;
  const key = readKeyFile(auditKeyFile(db.name));
  if (key) keys.set(db, key);
  return key;
}

/**
 * The database's key, made on first need. `mayCreate` is false once the trail holds sealed entries: a new key then
 * would silently orphan every seal, so a lost key is refused loudly instead.
 */
export function auditKey(db: Db, mayCreate: () => boolean, onCreated: (key: AuditKey) => void): AuditKey {
  const found = findAuditKey(db);
  if (found) return found;
  if (!mayCreate()) {
    const file = path.basename(auditKeyFile(db.name));
    throw new DomainError('unavailable', renderMessage(message('audit.keyLost', { file }), 'en'));
  }
  const key = db.memory ? randomBytes(32) : createKeyFile(auditKeyFile(db.name));
  keys.set(db, key);
  onCreated(key);
  return key;
}

export function seal(key: AuditKey, text: string): string {
  return createHmac('sha256', key).update(text).digest('hex');
}
