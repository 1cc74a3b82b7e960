import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { convertStore } from '../db/store-conversion';
import { DB_KEY_ENV, looksEncrypted } from '../db/store-cipher';
import { ensurePrivateFiles } from '../db/private-files';

/**
 * The desktop app's key for an encrypted store: 32 random bytes, kept in the data folder only as wrapped by
 * Electron's safeStorage (the macOS Keychain, Windows DPAPI, or the Secret Service / KWallet on Linux), so the file
 * alone, copied off the machine, opens nothing. Written here with a stand-in for safeStorage so it runs under Node.
 */

/** The part of Electron's safeStorage used here. */
export interface KeyWrapper {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(wrapped: Buffer): string;
}

export const WRAPPED_KEY_FILE = 'store-key.bin';
export const ENCRYPT_STORE_SWITCH = '--encrypt-store';

const wrappedKeyPath = (dataDir: string) => path.join(dataDir, WRAPPED_KEY_FILE);

function writeWrappedKey(dataDir: string, wrapper: KeyWrapper, key: string): void {
  const file = wrappedKeyPath(dataDir);
  // O_EXCL: an existing wrapped key is never overwritten; losing it would lock the store for good.
  fs.writeFileSync(file, wrapper.encryptString(key), { mode: 0o600, flag: 'wx' });
  ensurePrivateFiles(file);
}

export interface DesktopKey {
  key: string;
  /** Where it came from: a key from the environment is worth keeping once it has opened the store. */
  from: 'keychain' | 'environment';
}

/**
 * The key to open the store with: the wrapped one in the data folder, else $ADVISOR_DESK_DB_KEY (a store encrypted
 * from the command line), else none.
 */
export function desktopStoreKey(
  dataDir: string,
  wrapper: KeyWrapper,
  env: NodeJS.ProcessEnv = process.env,
): DesktopKey | undefined {
  const file = wrappedKeyPath(dataDir);
  if (fs.existsSync(file)) return { key: wrapper.decryptString(fs.readFileSync(file)), from: 'keychain' };
  const fromEnv = env[DB_KEY_ENV];
  return fromEnv ? { key: fromEnv, from: 'environment' } : undefined;
}

/**
 * After a key from the environment has opened the store: wraps and keeps it, so the next start needs no environment.
 * Returns whether it was kept (not where safeStorage cannot wrap).
 */
export function keepDesktopKey(dataDir: string, wrapper: KeyWrapper, found: DesktopKey): boolean {
  if (found.from !== 'environment' || !wrapper.isEncryptionAvailable() || fs.existsSync(wrappedKeyPath(dataDir)))
    return false;
  writeWrappedKey(dataDir, wrapper, found.key);
  return true;
}

/**
 * `--encrypt-store`: encrypts the store with a new random key kept wrapped by safeStorage, before the backend opens
 * it. A store not created yet is created encrypted with it. Refused where safeStorage cannot wrap a key (Linux with
 * no keyring), since the key would have to lie in the clear beside the store it protects.
 */
export function encryptDesktopStore(
  dataDir: string,
  databasePath: string,
  wrapper: KeyWrapper,
  cipherBinding?: string,
): string {
  if (looksEncrypted(databasePath)) throw new Error(`${databasePath} is already encrypted.`);
  if (!wrapper.isEncryptionAvailable())
    throw new Error(
      'The system keychain is not available to keep the key (on Linux: no Secret Service or KWallet), so the store was left unencrypted.',
    );
  const key = randomBytes(32).toString('hex');
  writeWrappedKey(dataDir, wrapper, key);
  if (!fs.existsSync(databasePath)) return key;
  try {
    convertStore(databasePath, { from: null, to: key, cipherBinding });
  } catch (error) {
    // The store is still plain: the unused key goes, so the next start does not offer a key that opens nothing.
    fs.rmSync(wrappedKeyPath(dataDir), { force: true });
    throw error;
  }
  return key;
}
