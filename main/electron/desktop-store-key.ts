import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { convertStore } from '../db/store-conversion';
import { DB_KEY_ENV, looksEncrypted } from '../db/store-cipher';
import { ensurePrivateFiles } from '../db/private-files';

/**
 * The desktop app's key for an encrypted store: 32 random bytes, used as the raw AES key, kept in the data folder only as wrapped by
 * Electron's safeStorage (the macOS Keychain, Windows DPAPI, or the Secret Service / KWallet on Linux), so the file
 * alone, copied off the machine, opens nothing. Written here with a stand-in for safeStorage so it runs under Node.
 */

/** What the key needs from the system keychain. */
export interface KeyWrapper {
  /** False where nothing would protect the wrapped key (Linux without a keyring). */
  isAvailable(): Promise<boolean>;
  wrap(plain: string): Promise<Buffer>;
  unwrap(wrapped: Buffer): Promise<string>;
}

/** The part of Electron's safeStorage used here (its asynchronous API: the synchronous one is deprecated in 45). */
export interface SafeStorage {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plain: string): Promise<Buffer>;
  decryptStringAsync(wrapped: Buffer): Promise<{ result: string }>;
  getSelectedStorageBackend(): string;
}

/**
 * safeStorage as the key's wrapper. On Linux with no Secret Service or KWallet, safeStorage still "encrypts", with a
 * password written into Chromium ('basic_text'): that protects nothing, so it counts as unavailable.
 */
export function systemKeychain(safeStorage: SafeStorage, platform: NodeJS.Platform = process.platform): KeyWrapper {
  return {
    isAvailable: async () =>
      (await safeStorage.isAsyncEncryptionAvailable()) &&
      !(platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    wrap: (plain) => safeStorage.encryptStringAsync(plain),
    unwrap: async (wrapped) => (await safeStorage.decryptStringAsync(wrapped)).result,
  };
}

export const WRAPPED_KEY_FILE = 'store-key.bin';
export const ENCRYPT_STORE_SWITCH = '--encrypt-store';

const wrappedKeyPath = (dataDir: string) => path.join(dataDir, WRAPPED_KEY_FILE);

/** Writes the wrapped key beside the store: to a new file first, renamed into place, so no crash leaves half a key. */
async function writeWrappedKey(dataDir: string, wrapper: KeyWrapper, key: string): Promise<void> {
  const file = wrappedKeyPath(dataDir);
  const partial = `${file}.${process.pid}.partial`;
  fs.rmSync(partial, { force: true });
  fs.writeFileSync(partial, await wrapper.wrap(key), { mode: 0o600, flag: 'wx' });
  ensurePrivateFiles(partial);
  fs.renameSync(partial, file);
}

export interface DesktopKey {
  key: string;
  /** Where it came from: a key from the environment is worth keeping once it has opened the store. */
  from: 'keychain' | 'environment';
}

/**
 * The key to open the store with: $ADVISOR_DESK_DB_KEY when set (a store encrypted or re-keyed from the command
 * line: the person starting the app says which key), else the wrapped one in the data folder, else none.
 */
export async function desktopStoreKey(
  dataDir: string,
  wrapper: KeyWrapper,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DesktopKey | undefined> {
  const fromEnv = env[DB_KEY_ENV];
  if (fromEnv) return { key: fromEnv, from: 'environment' };
  const file = wrappedKeyPath(dataDir);
  if (fs.existsSync(file)) return { key: await wrapper.unwrap(fs.readFileSync(file)), from: 'keychain' };
  return undefined;
}

/**
 * After a key from the environment has opened the encrypted store: wraps and keeps it (in place of a wrapped key that
 * no longer opens it), so the next start needs no environment. Returns whether it was kept: not for a plain store,
 * which the key did not open, nor where safeStorage cannot wrap.
 */
export async function keepDesktopKey(
  dataDir: string,
  databasePath: string,
  wrapper: KeyWrapper,
  found: DesktopKey,
): Promise<boolean> {
  if (found.from !== 'environment' || !looksEncrypted(databasePath) || !(await wrapper.isAvailable())) return false;
  await writeWrappedKey(dataDir, wrapper, found.key);
  return true;
}

/**
 * `--encrypt-store`: encrypts the store with a new random key kept wrapped by safeStorage, before the backend opens
 * it. A store not created yet is created encrypted with it. Refused where safeStorage cannot wrap a key (Linux with
 * no keyring), since the key would have to lie in the clear beside the store it protects.
 */
export async function encryptDesktopStore(
  dataDir: string,
  databasePath: string,
  wrapper: KeyWrapper,
  cipherBinding?: string,
): Promise<string> {
  if (looksEncrypted(databasePath)) throw new Error(`${databasePath} is already encrypted.`);
  if (!(await wrapper.isAvailable()))
    throw new Error(
      'The system keychain is not available to keep the key (on Linux: no Secret Service or KWallet), so the store was left unencrypted.',
    );
  // Never in place of a wrapped key already there: the store may be plain now, but a copy of it may not be.
  if (fs.existsSync(wrappedKeyPath(dataDir)))
    throw new Error(`${wrappedKeyPath(dataDir)} already holds a key; move it aside to encrypt with a new one.`);
  // SQLCipher's raw-key form: 32 random bytes need no key derivation, which costs every connection ~0.2 s.
  const key = `x'${randomBytes(32).toString('hex')}'`;
  await writeWrappedKey(dataDir, wrapper, key);
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
