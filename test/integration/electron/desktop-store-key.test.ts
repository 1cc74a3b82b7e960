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
  WRAPPED_KEY_FILE,
  type KeyWrapper,
} from '../../../main/electron/desktop-store-key';
import { tempDir } from '../db/temp-db';

/** Stands in for safeStorage: reversible, and never the key's own bytes, as the keychain's wrapping is not. */
function fakeKeychain(available = true): KeyWrapper {
  const flip = (b: Buffer) => Buffer.from(b.map((x) => x ^ 0x5a));
  return {
    isEncryptionAvailable: () => available,
    encryptString: (plain) => Buffer.concat([Buffer.from('wrapped:'), flip(Buffer.from(plain, 'utf8'))]),
    decryptString: (wrapped) => flip(wrapped.subarray('wrapped:'.length)).toString('utf8'),
  };
}

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

  it('encrypts the store with a random key that only the keychain can unwrap', () => {
    dir = tempDir();
    const file = demoStore(dir);
    const keychain = fakeKeychain();
    const key = encryptDesktopStore(dir, file, keychain);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(looksEncrypted(file)).toBe(true);
    const wrapped = path.join(dir, WRAPPED_KEY_FILE);
    expect(fs.readFileSync(wrapped).includes(key)).toBe(false);
    if (process.platform !== 'win32') expect(fs.statSync(wrapped).mode & 0o777).toBe(0o600);

    expect(desktopStoreKey(dir, keychain, {})).toEqual({ key, from: 'keychain' });
    const { db } = openStore(file, { key: desktopStoreKey(dir, keychain, {})!.key });
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(20);
    db.close();
    expect(() => encryptDesktopStore(dir, file, keychain)).toThrow(/already encrypted/);
  });

  it('leaves the store plain and keeps no key where the keychain cannot wrap one, or the conversion fails', () => {
    dir = tempDir();
    const file = demoStore(dir);
    expect(() => encryptDesktopStore(dir, file, fakeKeychain(false))).toThrow(/keychain is not available/);
    expect(looksEncrypted(file)).toBe(false);
    expect(fs.existsSync(path.join(dir, WRAPPED_KEY_FILE))).toBe(false);

    const notes = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(notes, 'not a database\n'.repeat(100));
    expect(() => encryptDesktopStore(dir, notes, fakeKeychain())).toThrow();
    expect(fs.existsSync(path.join(dir, WRAPPED_KEY_FILE))).toBe(false);
    expect(fs.readFileSync(notes, 'utf8')).toContain('not a database');
  });

  it('takes a key from the environment for a store encrypted elsewhere, and keeps it wrapped once it opened', () => {
    dir = tempDir();
    const file = demoStore(dir);
    convertStore(file, { from: null, to: 'from the shell' });
    const keychain = fakeKeychain();
    expect(desktopStoreKey(dir, keychain, {})).toBeUndefined();
    const found = desktopStoreKey(dir, keychain, { ADVISOR_DESK_DB_KEY: 'from the shell' })!;
    expect(found).toEqual({ key: 'from the shell', from: 'environment' });
    expect(keepDesktopKey(dir, fakeKeychain(false), found)).toBe(false);
    expect(keepDesktopKey(dir, keychain, found)).toBe(true);
    const kept = desktopStoreKey(dir, keychain, {})!;
    expect(kept).toEqual({ key: 'from the shell', from: 'keychain' });
    openStore(file, { key: kept.key }).db.close();
    expect(() => openStore(file)).toThrow(StoreKeyError);
  });
});
