import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientPage } from '../../../app/domain';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase } from '../../../main/db/connection';
import { storeFailure } from '../../../main/db/store-failure';
import { profile } from '../db/temp-db';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');

describe('a request while another process writes the store', () => {
  let dir: string;
  let backend: Backend;
  const { call, value } = backendCalls(() => backend.handlers);

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-store-failure-'));
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      now: () => NOW,
      languageEngine: 'in-process',
    });
  });
  afterEach(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is answered as busy, saying nothing was saved, and the same write succeeds once the other writer is done', async () => {
    const before = (await value<ClientPage>('clients:list', { search: '', limit: 1 })).total;
    // Another process (a CLI import) holding the write lock past the backend's wait.
    const other = openDatabase(backend.databasePath);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const refused = await call('clients:create', { profile: profile({ displayName: 'Busy Case' }) });
      expect(refused).toMatchObject({ ok: false, error: { code: 'busy' } });
      if (!refused.ok) expect(refused.error.message).toMatch(/another program is writing.*nothing was saved/i);
      // Reads go on while the other writer works (WAL).
      expect((await value<ClientPage>('clients:list', { search: '', limit: 1 })).total).toBe(before);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await value('clients:create', { profile: profile({ displayName: 'Busy Case' }) });
    expect((await value<ClientPage>('clients:list', { search: '', limit: 1 })).total).toBe(before + 1);
  }, 20_000);
});

describe('storeFailure', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-store-failure-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('names a full disk as such, from the error SQLite really raises when it cannot grow the file', () => {
    const file = path.join(dir, 'full.sqlite');
    const db = openDatabase(file);
    db.exec('CREATE TABLE t (x BLOB)');
    db.pragma(`max_page_count = ${Number(db.pragma('page_count', { simple: true })) + 2}`);
    let thrown: unknown = null;
    try {
      db.transaction(() => {
        for (let i = 0; i < 100; i++) db.prepare('INSERT INTO t VALUES (randomblob(4096))').run();
      })();
    } catch (error) {
      thrown = error;
    }
    db.close();
    const failure = storeFailure(thrown, file, 5000);
    expect(failure?.code).toBe('unavailable');
    expect(failure?.message).toMatch(/disk that holds the database is full; nothing was saved/);
  });

  it('leaves errors that are not the store driver’s to be reported as internal', () => {
    expect(storeFailure(new TypeError('x is undefined'), 'a.sqlite', 5000)).toBeNull();
    expect(storeFailure(Object.assign(new Error('no'), { code: 'ENOENT' }), 'a.sqlite', 5000)).toBeNull();
  });
});
