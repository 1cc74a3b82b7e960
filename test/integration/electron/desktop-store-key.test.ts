import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../app/demo/demo-data';
import { seedDemoData } from '../../../main/db/demo-seed';
import { openStore } from '../../../main/db/open-store';
import { looksEncrypted, StoreKeyError } from '../../../main/db/store-cipher';
import { convertStore } from '../../../main/db/store-conversion';
import {
  desktopStoreKey,
  encryptDesktopStore,
  keepDesktopKey,
  systemKeychain,
  WRAPPED_KEY_FILE,
  type KeyWrapper,
  type SafeStorage,
} from '../../../main/electron/desktop-store-key';
import { tempDir } from '../db/temp-db';

/** Stands in for safeStorage: reversible, and never the key's own bytes, as the keychain's wrapping is not. */
function fakeSafeStorage(backend = 'gnome_libsecret'): SafeStorage {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isAsyncEncryptionAvailable: () => Promise.resolve(true),
    encryptStringAsync: (plain) =>
      Promise.resolve(Buffer.concat([Buffer.from('wrapped:'), flip(Buffer.from(plain, 'utf8'))])),
    decryptStringAsync: (wrapped) =>
      Promise.resolve({ result: flip(wrapped.subarray('wrapped:'.length)).toString('utf8') }),
    getSelectedStorageBackend: () => backend,
  };
}

/** safeStorage with a keyring, or (false) on Linux with none, where it would wrap with a password built into Chromium. */
const fakeKeychain = (available = true): KeyWrapper =>
  systemKeychain(fakeSafeStorage(available ? 'gnome_libsecret' : 'basic_text'), 'linux');

const data = generateDemoData({ today: '2026-11-28', clientCount: 20, interactionCount: 100 });

function demoStore(dir: string): string {
  const file = path.join(dir, 'advisor-desk.sqlite');
  const { db } = openStore(file);
  seedDemoData(db, data);
  db.close();
  return file;
}

describe("the desktop app's store key, wrapped by the system keychain", () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('encrypts the store with a random key that only the keychain can unwrap', async () => {
    dir = tempDir();
    const file = demoStore(dir);
    const keychain = fakeKeychain();
    const key = await encryptDesktopStore(dir, file, keychain);
    expect(key).toMatch(/^x'[0-9a-f]{64}'$/);
    expect(looksEncrypted(file)).toBe(true);
    const wrapped = path.join(dir, WRAPPED_KEY_FILE);
    expect(fs.readFileSync(wrapped).includes(key)).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(wrapped).mode & 0o777).toBe(0o600);

    expect(await desktopStoreKey(dir, keychain, {})).toEqual({ key, from: 'keychain' });
    const { db } = openStore(file, { key });
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(20);
    db.close();
    await expect(encryptDesktopStore(dir, file, keychain)).rejects.toThrow(/already encrypted/);
  });

  it('leaves the store plain and keeps no key where the keychain cannot wrap one, or the conversion fails', async () => {
    dir = tempDir();
    const file = demoStore(dir);
    await expect(encryptDesktopStore(dir, file, fakeKeychain(false))).rejects.toThrow(/keychain is not available/);
    expect(looksEncrypted(file)).toBe(false);
    expect(fs.existsSync(path.join(dir, WRAPPED_KEY_FILE))).toBe(false);

    const notes = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(notes, 'not a database\n'.repeat(100));
    await expect(encryptDesktopStore(dir, notes, fakeKeychain())).rejects.toThrow();
    expect(fs.existsSync(path.join(dir, WRAPPED_KEY_FILE))).toBe(false);
    expect(fs.readFileSync(notes, 'utf8')).toContain('not a database');
  });

  it('takes a key from the environment for a store encrypted elsewhere, and keeps it wrapped once it opened', async () => {
    dir = tempDir();
    const file = demoStore(dir);
    const keychain = fakeKeychain();
    const stale = await encryptDesktopStore(dir, file, keychain);
    // Re-keyed from the command line: the wrapped key no longer opens the store.
    convertStore(file, { from: stale, to: 'from the shell' });
    const wrapped = (await desktopStoreKey(dir, keychain, {}))!;
    expect(() => openStore(file, { key: wrapped.key })).toThrow(StoreKeyError);

    const found = (await desktopStoreKey(dir, keychain, { ADVISOR_DESK_DB_KEY: 'from the shell' }))!;
    expect(found).toEqual({ key: 'from the shell', from: 'environment' });
    openStore(file, { key: found.key }).db.close();
    expect(await keepDesktopKey(dir, file, fakeKeychain(false), found)).toBe(false);
    expect(await keepDesktopKey(dir, file, keychain, found)).toBe(true);
    const kept = (await desktopStoreKey(dir, keychain, {}))!;
    expect(kept).toEqual({ key: 'from the shell', from: 'keychain' });
    openStore(file, { key: kept.key }).db.close();
    // Beside the store: its wrapped key, and the audit trail's own key and anchor.
    expect(
      fs
        .readdirSync(dir)
        .filter((f) => !/\.audit-(key|anchor)$/.test(f))
        .sort(),
    ).toEqual(['advisor-desk.sqlite', WRAPPED_KEY_FILE]);
  });

  it('keeps no key from the environment for a plain store, which it did not open', async () => {
    dir = tempDir();
    const file = demoStore(dir);
    const found = (await desktopStoreKey(dir, fakeKeychain(), { ADVISOR_DESK_DB_KEY: 'set by habit' }))!;
    expect(await keepDesktopKey(dir, file, fakeKeychain(), found)).toBe(false);
    expect(fs.existsSync(path.join(dir, WRAPPED_KEY_FILE))).toBe(false);
  });
});
