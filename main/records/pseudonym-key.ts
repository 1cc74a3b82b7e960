import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { Db } from '../db/connection';

/**
 * The secret behind pseudonymized exports: client ids become HMAC-SHA256 pseudonyms under it, the same in every
 * export from one store and not reversible without it. Like the audit key it lives outside the database, in a 0600
 * file beside it, so an export and a copy of the database together still do not name anyone; made on first use.
 */
export const pseudonymKeyFile = (dbFile: string): string => `${dbFile}.pseudonym-key`;

const memoryKeys = new WeakMap<Db, Buffer>();

function readKey(file: string): Buffer | null {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8').trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} is not an Advisor Desk pseudonym key.`);
  return Buffer.from(text, 'hex');
}

/** The store's key, made on first use: written privately under a temporary name, then linked into place. */
export function pseudonymKey(db: Db): Buffer {
  if (db.memory) {
    const known = memoryKeys.get(db) ?? randomBytes(32);
    memoryKeys.set(db, known);
    return known;
  }
  const file = pseudonymKeyFile(db.name);
  const found = readKey(file);
  if (found) return found;
  const key = randomBytes(32);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  fs.writeFileSync(temp, `${key.toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
  try {
    fs.linkSync(temp, file);
    return key;
  } catch (error) {
    // The app and the CLI made one at the same moment: both use the one that landed.
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readKey(file)!;
    throw error;
  } finally {
    fs.rmSync(temp, { force: true });
  }
}

/** A client's pseudonym in this store: "PS-" and 16 hex digits of HMAC-SHA256(key, client id). */
export function pseudonymFor(key: Buffer, clientId: string): string {
  return `PS-${createHmac('sha256', key).update(clientId).digest('hex').slice(0, 16)}`;
}
