import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../../main/db/connection';
import { ensurePrivateFolder } from '../../../main/db/private-files';
import { tempDir } from './temp-db';

const mode = (file: string) => fs.statSync(file).mode & 0o777;

describe.skipIf(process.platform === 'win32')('client data on disk is readable by its user alone', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('ad-private-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a new database is 0600 in a new 0700 folder, and so are its WAL and shared-memory files', () => {
    const folder = path.join(dir, 'fresh', 'data');
    const file = path.join(folder, 'advisor-desk.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x); INSERT INTO t VALUES (1);');
    expect(mode(folder)).toBe(0o700);
    expect(mode(file)).toBe(0o600);
    expect(mode(`${file}-wal`)).toBe(0o600);
    expect(mode(`${file}-shm`)).toBe(0o600);
    db.close();
  });

  it('a database left world-readable by an older version is repaired when opened, its data intact', () => {
    const file = path.join(dir, 'old.sqlite');
    const first = openDatabase(file);
    first.exec('CREATE TABLE t (x); INSERT INTO t VALUES (42);');
    first.close();
    fs.chmodSync(file, 0o644);
    const again = openDatabase(file);
    expect(mode(file)).toBe(0o600);
    expect(again.prepare('SELECT x FROM t').get()).toEqual({ x: 42 });
    again.close();
  });

  it('the data folder is repaired at start; a folder the user picked for --db is left as it is', () => {
    const data = path.join(dir, 'loose-data');
    fs.mkdirSync(data, { mode: 0o755 });
    fs.chmodSync(data, 0o755);
    ensurePrivateFolder(data);
    expect(mode(data)).toBe(0o700);

    const shared = path.join(dir, 'shared');
    fs.mkdirSync(shared);
    fs.chmodSync(shared, 0o755);
    openDatabase(path.join(shared, 'mine.sqlite')).close();
    expect(mode(shared)).toBe(0o755);
    expect(mode(path.join(shared, 'mine.sqlite'))).toBe(0o600);
  });
});
