import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../app/demo/demo-data';
import { openDatabase, type Db } from '../../../main/db/connection';
import { seedDemoData } from '../../../main/db/demo-seed';
import { openStore } from '../../../main/db/open-store';
import { looksEncrypted, StoreKeyError } from '../../../main/db/store-cipher';
import { convertStore } from '../../../main/db/store-conversion';
import { tempDir } from './temp-db';

const require = createRequire(import.meta.url);
const data = generateDemoData({ today: '2026-11-28', clientCount: 40, interactionCount: 300 });
const known = data.clients[0]!.profile.displayName;

/** Every row of the tables a user would miss, in a fixed order, to compare a store before and after. */
function snapshot(db: Db): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const table of ['clients', 'products', 'holdings', 'interactions', 'meetings', 'audit_log'])
    out[table] = db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
  return out;
}

function demoStore(dir: string): { file: string; rows: Record<string, unknown[]> } {
  const file = path.join(dir, 'advisor-desk.sqlite');
  const { db } = openStore(file);
  seedDemoData(db, data);
  const rows = snapshot(db);
  db.close();
  return { file, rows };
}

/** The files a conversion may leave: the store alone (its audit key and anchor beside it are the trail's, untouched). */
const storeFiles = (dir: string) => fs.readdirSync(dir).filter((f) => !/\.audit-(key|anchor)$/.test(f));

describe('a store encrypted at rest', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('opens with its key, holds the same rows, and shows no client name in its bytes', () => {
    dir = tempDir();
    const { file, rows } = demoStore(dir);
    expect(fs.readFileSync(file).includes(Buffer.from(known))).toBe(true);

    const result = convertStore(file, { from: null, to: 'correct horse' });
    expect(result.rows).toBeGreaterThan(data.clients.length);
    expect(looksEncrypted(file)).toBe(true);
    expect(fs.readFileSync(file).includes(Buffer.from(known))).toBe(false);
    expect(storeFiles(dir)).toEqual(['advisor-desk.sqlite']);

    const { db } = openStore(file, { key: 'correct horse' });
    expect(snapshot(db)).toEqual(rows);
    // Written through WAL as every store is; the WAL holds no plain text either.
    db.prepare('UPDATE clients SET display_name = ? WHERE id = ?').run('Zebulon Quartermaine', data.clients[1]!.id);
    for (const f of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, f)).includes('Zebulon')).toBe(false);
    db.close();
  });

  it('refuses a wrong key and a missing key with words that say what to do', () => {
    dir = tempDir();
    const { file } = demoStore(dir);
    convertStore(file, { from: null, to: 'right' });
    expect(() => openStore(file, { key: 'wrong' })).toThrow(StoreKeyError);
    expect(() => openStore(file, { key: 'wrong' })).toThrow(
      /key does not open the encrypted database.*ADVISOR_DESK_DB_KEY/,
    );
    expect(() => openStore(file)).toThrow(/is encrypted and no key was given\. Set ADVISOR_DESK_DB_KEY/);
    expect(() => openDatabase(file, { readonly: true })).toThrow(StoreKeyError);
  });

  it('decrypts back to a plain file with the same rows, and rekeys to a new key', () => {
    dir = tempDir();
    const { file, rows } = demoStore(dir);
    convertStore(file, { from: null, to: 'first' });
    convertStore(file, { from: 'first', to: 'second' });
    expect(() => openStore(file, { key: 'first' })).toThrow(StoreKeyError);
    const rekeyed = openStore(file, { key: 'second' }).db;
    expect(snapshot(rekeyed)).toEqual(rows);
    rekeyed.close();

    expect(() => convertStore(file, { from: 'first', to: null })).toThrow(StoreKeyError);
    convertStore(file, { from: 'second', to: null });
    expect(looksEncrypted(file)).toBe(false);
    expect(fs.readFileSync(file).subarray(0, 15).toString()).toBe('SQLite format 3');
    const plain = openStore(file).db;
    expect(snapshot(plain)).toEqual(rows);
    plain.close();
  });

  it('creates a new store encrypted when given a key, and leaves a plain store plain', () => {
    dir = tempDir();
    const fresh = path.join(dir, 'new.sqlite');
    openStore(fresh, { key: 'k' }).db.close();
    expect(looksEncrypted(fresh)).toBe(true);
    const { file } = demoStore(dir);
    openStore(file, { key: 'k' }).db.close();
    expect(looksEncrypted(file)).toBe(false);
  });

  it('keeps the original when the conversion fails half-way, and refuses the wrong direction', () => {
    dir = tempDir();
    const { file, rows } = demoStore(dir);
    expect(() =>
      convertStore(file, {
        from: null,
        to: 'k',
        afterCopy: (copy) => {
          // A torn write: the copy loses its second half.
          fs.truncateSync(copy, Math.floor(fs.statSync(copy).size / 2));
        },
      }),
    ).toThrow(/did not check out.*left as it was/);
    expect(looksEncrypted(file)).toBe(false);
    expect(storeFiles(dir)).toEqual(['advisor-desk.sqlite']);
    const db = openStore(file).db;
    expect(snapshot(db)).toEqual(rows);
    db.close();

    expect(() => convertStore(file, { from: 'k', to: null })).toThrow(/is not encrypted/);
    expect(() => convertStore(file, { from: null, to: '' })).toThrow(/empty key/);
    convertStore(file, { from: null, to: 'k' });
    expect(() => convertStore(file, { from: null, to: 'k2' })).toThrow(/already encrypted/);
  });

  it('refuses to convert a store another process has open, changing nothing', async () => {
    dir = tempDir();
    const { file } = demoStore(dir);
    // Another process, as the app or browser mode would be: locks are per process, so it cannot be this one.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require(${JSON.stringify(require.resolve('better-sqlite3'))}); const db = new D(process.argv[1]);
         db.pragma('journal_mode = WAL'); db.prepare('SELECT count(*) FROM clients').get(); console.log('open');
         setInterval(() => {}, 1000);`,
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    try {
      await new Promise((resolve) => holder.stdout.once('data', resolve));
      const before = fs.readFileSync(file);
      expect(() => convertStore(file, { from: null, to: 'k' })).toThrow(/is open in Advisor Desk.*Nothing was changed/);
      expect(looksEncrypted(file)).toBe(false);
      expect(fs.readFileSync(file).equals(before)).toBe(true);
    } finally {
      holder.kill();
    }
  });
});
