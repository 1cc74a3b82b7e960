import fs from 'node:fs';
import { DB_KEY_ENV, isNewStoreFile, looksEncrypted } from '../db/store-cipher';
import { CliError, EXIT, type CliIo } from './cli-io';

export { DB_KEY_ENV };
/** The new key for `store rekey`. */
export const DB_NEW_KEY_ENV = 'ADVISOR_DESK_DB_NEW_KEY';

const NO_TERMINAL = `set ${DB_KEY_ENV} (there is no terminal to ask on)`;

/**
 * The key to open the store with: $ADVISOR_DESK_DB_KEY, else asked on the terminal when the store is encrypted,
 * else none (a plain store needs none; an encrypted one is then refused with exit 7).
 */
export async function storeKeyFor(io: CliIo, dbPath: string): Promise<string | undefined> {
  const fromEnv = io.env[DB_KEY_ENV];
  if (fromEnv) {
    if (fs.existsSync(dbPath) && !isNewStoreFile(dbPath) && !looksEncrypted(dbPath))
      io.stderr(
        `advisor-desk: note: ${DB_KEY_ENV} is set but ${dbPath} is not encrypted; \`advisor-desk store encrypt\` encrypts it.\n`,
      );
    return fromEnv;
  }
  if (looksEncrypted(dbPath) && io.readSecret) return io.readSecret(`Key for ${dbPath}: `);
  return undefined;
}

/** The current key of an encrypted store, for decrypt and rekey: $ADVISOR_DESK_DB_KEY or typed. */
export async function currentKey(io: CliIo, dbPath: string): Promise<string> {
  const fromEnv = io.env[DB_KEY_ENV];
  if (fromEnv) return fromEnv;
  if (io.readSecret) return io.readSecret(`Current key for ${dbPath}: `);
  throw new CliError(EXIT.key, `${dbPath} is encrypted and no key was given: ${NO_TERMINAL}.`);
}

/** A key about to be set: from the environment, else typed twice so a typo cannot lock the advisor out. */
export async function newKey(io: CliIo, dbPath: string, envName: string): Promise<string> {
  const fromEnv = io.env[envName];
  if (fromEnv) return fromEnv;
  if (!io.readSecret)
    throw new CliError(EXIT.key, `No new key for ${dbPath}: set ${envName} (there is no terminal to ask on).`);
  const first = await io.readSecret(`New key for ${dbPath}: `);
  const again = await io.readSecret('The same key again: ');
  if (first !== again) throw new CliError(EXIT.usage, 'The two keys typed differ; nothing was changed.');
  return first;
}
