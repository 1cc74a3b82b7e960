import fs from 'node:fs';
import { createRequire } from 'node:module';
import type CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { DomainError } from '../../app/domain/domain-error';
import { message, renderMessage } from '../../app/messages';

/**
 * Encryption at rest. A plain store is opened by better-sqlite3, as it always was; an encrypted one by
 * better-sqlite3-multiple-ciphers (the same driver API, built with SQLite3 Multiple Ciphers) using its 'sqlcipher'
 * cipher, whose defaults are SQLCipher 4's, so the sqlcipher tool opens the file with the same passphrase.
 */

/** The store's key for the CLI and browser mode (the desktop app keeps its own wrapped by the system keychain). */
export const DB_KEY_ENV = 'ADVISOR_DESK_DB_KEY';

/** The first 16 bytes of every plain SQLite file; an encrypted file starts with its random salt instead. */
const PLAIN_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/**
 * Whether the file is an encrypted store: it does not start with SQLite's header, yet its size is a whole number of
 * pages (every SQLite page size is a multiple of 512). A file of any other size is simply not a database, and is
 * reported as such rather than as a store wanting a key.
 */
export function looksEncrypted(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const size = fs.fstatSync(fd).size;
    if (size < 512 || size % 512 !== 0) return false;
    const head = Buffer.alloc(PLAIN_HEADER.length);
    fs.readSync(fd, head, 0, head.length, 0);
    return !head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

const text = (key: Parameters<typeof message>[0], params?: Parameters<typeof message>[1]) =>
  renderMessage(message(key, params), 'en');

/** The store is encrypted and the key is missing, or does not open it. */
export class StoreKeyError extends DomainError {
  constructor(
    readonly reason: 'missing' | 'wrong',
    readonly file: string,
  ) {
    super('unavailable', text(reason === 'missing' ? 'store.keyMissing' : 'store.keyWrong', { file }));
    this.name = 'StoreKeyError';
  }
}

export type CipherDb = CipherDatabase.Database;

let cipherDriver: typeof CipherDatabase | null = null;

/** The cipher build is loaded on the first encrypted store only: a plain store never pays for a second SQLite. */
function loadCipherDriver(): typeof CipherDatabase {
  cipherDriver ??= createRequire(import.meta.url)('better-sqlite3-multiple-ciphers') as typeof CipherDatabase;
  return cipherDriver;
}

export interface CipherOpenOptions {
  /** The cipher build's binding compiled for Electron's ABI (build/electron-native); plain Node uses the default. */
  cipherBinding?: string | undefined;
  readonly?: boolean;
}

/**
 * Opens a file with the cipher build and applies the key before anything reads it; `key: null` opens a plain file
 * with the same build (the conversions read plain and encrypted files on one driver). Nothing has been read yet:
 * a wrong key shows at the first statement.
 */
export function openCipherDatabase(file: string, key: string | null, options: CipherOpenOptions = {}): CipherDb {
  const Driver = loadCipherDriver();
  const db = new Driver(file, {
    ...(options.cipherBinding ? { nativeBinding: options.cipherBinding } : {}),
    readonly: options.readonly ?? false,
  });
  try {
    db.pragma("cipher = 'sqlcipher'");
    // Through the driver's key() rather than PRAGMA key, so no passphrase is ever spliced into SQL text. A key written
    // x'…64 hex digits…' is SQLCipher's raw key: used as the AES key as it is, with no PBKDF2 run at open.
    if (key !== null) db.key(Buffer.from(key, 'utf8'));
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** Whether a file is missing or empty, that is, a store about to be created. */
export function isNewStoreFile(file: string): boolean {
  try {
    return fs.statSync(file).size === 0;
  } catch {
    return true;
  }
}
