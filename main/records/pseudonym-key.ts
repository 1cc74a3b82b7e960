import { createHmac, randomBytes } from 'node:crypto';
import { createKeyFile, readKeyFile } from '../db/audit-key';
import type { Db } from '../db/connection';

/**
 * The secret behind pseudonymized exports: client ids become HMAC-SHA256 pseudonyms under it, the same in every
 * export from one store and not reversible without it. Like the audit key it lives outside the database, in a 0600
 * file beside it, so an export and a copy of the database together still do not name anyone; made on first use.
 */
export const pseudonymKeyFile = (dbFile: string): string => `${dbFile}.pseudonym-key`;

const memoryKeys = new WeakMap<Db, Buffer>();

/** The store's key, made on first use: written privately under a temporary name, then linked into place. */
export function pseudonymKey(db: Db): Buffer {
  if (db.memory) {
    const known = memoryKeys.get(db) ?? randomBytes(32);
    memoryKeys.set(db, known);
    return known;
  }
  const file = pseudonymKeyFile(db.name);
  // Kept and made like the audit key (if the app and the CLI make one at the same moment, both use the one that landed).
  return readKeyFile(file, WHAT) ?? createKeyFile(file, WHAT);
}

const WHAT = 'pseudonym key';

/** A client's pseudonym in this store: "PS-" and 16 hex digits of HMAC-SHA256(key, client id). */
export function pseudonymFor(key: Buffer, clientId: string): string {
  return `PS-${createHmac('sha256', key).update(clientId).digest('hex').slice(0, 16)}`;
}
