import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { createPrivateFile, ensurePrivateFiles } from './private-files';
import { isNewStoreFile, looksEncrypted, openCipherDatabase, StoreKeyError } from './store-cipher';

export type Db = Database.Database;

/** The file exists but is not a SQLite database (or is damaged): the caller should say so rather than overwrite it. */
export class NotADatabaseError extends Error {
  constructor(
    readonly file: string,
    cause?: unknown,
  ) {
    super(
      `${file} is not an Advisor Desk database (not a SQLite file, or damaged). Move it aside or pick another path.`,
      { cause },
    );
    this.name = 'NotADatabaseError';
  }
}

export interface OpenDatabaseOptions {
  /** better-sqlite3 binding built for Electron's ABI; plain Node uses the default one. */
  nativeBinding?: string | undefined;
  readonly?: boolean;
  /**
   * The passphrase of an encrypted store. An encrypted file is opened with it (and refused without it); a new file
   * is created encrypted with it; a plain file is opened as it is (the key is not used).
   */
  key?: string | undefined;
  /** The cipher build's binding compiled for Electron's ABI; plain Node uses the default one. */
  cipherBinding?: string | undefined;
}

function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/**
 * Opens (creating if needed) a database file with the settings every connection must share:
 * WAL so the CLI and the app can read while the other writes, foreign keys on because SQLite
 * leaves them off by default, and a busy timeout so a concurrent writer waits instead of failing.
 */
export function openDatabase(file: string, options: OpenDatabaseOptions = {}): Db {
  const inMemory = file === ':memory:';
  const writable = !inMemory && !options.readonly;
  const encrypted = !inMemory && looksEncrypted(file);
  if (encrypted && !options.key) throw new StoreKeyError('missing', file);
  const withCipher =
    encrypted || (!inMemory && options.key !== undefined && options.key !== '' && isNewStoreFile(file));
  if (writable) {
    // A folder made here is the user's alone; an existing one (the user's own choice of --db) is left as it is.
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true, mode: 0o700 });
    createPrivateFile(file);
    ensurePrivateFiles(file, `${file}-wal`, `${file}-shm`);
  }
  let db: Db;
  try {
    db = withCipher
      ? // The same driver API built with SQLite3 Multiple Ciphers; the key is applied before any statement.
        (openCipherDatabase(file, options.key ?? null, {
          cipherBinding: options.cipherBinding,
          readonly: options.readonly ?? false,
        }) as unknown as Db)
      : new Database(file, {
          ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
          readonly: options.readonly ?? false,
        });
  } catch (error) {
    if (isNotADatabase(error)) throw new NotADatabaseError(file, error);
    throw error;
  }
  try {
    // The first statement is the first read of the header: a foreign file fails here, not at open.
    db.pragma('busy_timeout = 5000');
    if (!inMemory && !options.readonly) db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    // 64 MB of page cache instead of SQLite's 2 MB default: the client search scans an index of ~9 MB at 100k
    // clients and a large import would otherwise spill to the WAL mid-transaction; re-reading through the OS cost 3-4x.
    db.pragma('cache_size = -65536');
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    // With a key, SQLite cannot tell a wrong key from a foreign file: both read as "not a database".
    if (withCipher && isNotADatabase(error)) throw new StoreKeyError('wrong', file);
    if (isNotADatabase(error)) throw new NotADatabaseError(file, error);
    throw error;
  }
  return db;
}
