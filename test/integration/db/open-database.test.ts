import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NotADatabaseError, openDatabase } from '../../../main/db/connection';
import { DatabaseTooNewError, LATEST_VERSION, migrate, schemaVersion } from '../../../main/db/migrate';
import { openStore } from '../../../main/db/open-store';
import { tempDir } from './temp-db';

describe('opening a database', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates missing parent folders and turns on WAL, foreign keys and a busy timeout', () => {
    dir = tempDir();
    const file = path.join(dir, 'nested', 'deeper', 'store.sqlite');
    const db = openDatabase(file);
    expect(fs.existsSync(file)).toBe(true);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    db.close();
  });

  it('migrates a new file to the latest version once, and a second open changes nothing', () => {
    dir = tempDir();
    const file = path.join(dir, 'a.sqlite');
    const first = openStore(file);
    expect(first.created).toBe(true);
    expect(schemaVersion(first.db)).toBe(LATEST_VERSION);
    first.db.close();
    const second = openStore(file);
    expect(second.created).toBe(false);
    expect(migrate(second.db)).toEqual({ from: LATEST_VERSION, to: LATEST_VERSION });
    second.db.close();
  });

  it('refuses a database written by a newer Advisor Desk and leaves it untouched', () => {
    dir = tempDir();
    const file = path.join(dir, 'future.sqlite');
    const db = openDatabase(file);
    db.pragma(`user_version = ${LATEST_VERSION + 10}`);
    db.close();
    expect(() => openStore(file)).toThrow(DatabaseTooNewError);
    expect(() => openStore(file)).toThrow(/newer Advisor Desk/);
    const again = openDatabase(file);
    expect(schemaVersion(again)).toBe(LATEST_VERSION + 10);
    expect(again.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table'").pluck().get()).toBe(0);
    again.close();
  });

  it('says plainly that a file is not a database instead of overwriting it', () => {
    dir = tempDir();
    const file = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(file, 'These are my meeting notes, not a database.\n'.repeat(100));
    expect(() => openDatabase(file)).toThrow(NotADatabaseError);
    expect(() => openStore(file)).toThrow(/not an Advisor Desk database/);
    expect(fs.readFileSync(file, 'utf8')).toContain('meeting notes');
  });

  it('will not migrate backwards', () => {
    dir = tempDir();
    const { db } = openStore(path.join(dir, 'b.sqlite'));
    expect(() => migrate(db, { target: 10 })).toThrow(/forward-only/);
    db.close();
  });
});
