import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../app/contract/result';
import type { Backend } from '../../main/backend/backend-types';
import { openBackend } from '../../main/backend/open-backend';
import { openDatabase } from '../../main/db/connection';
import { backendCalls } from '../integration/backend/backend-calls';
import { buildCli, cliBundle, projectRoot } from '../integration/cli/build-cli';
import { profile } from '../integration/db/temp-db';
import { tempDir } from '../integration/db/temp-db';

const ROWS = 60_000;

/**
 * The app's backend saving clients while the CLI, in its own process, imports a large outcome table into the same
 * file: every save either lands or is refused as busy with a sentence saying nothing was saved, never as an
 * internal failure, and the import and the saves that landed are all there afterwards.
 */
describe('an advisor saving while a CLI import writes the same database', () => {
  let dir: string;
  let backend: Backend;
  let csv: string;
  const { call } = backendCalls(() => backend.handlers);

  beforeAll(async () => {
    await buildCli();
    dir = tempDir('ad-robust-concurrency-');
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      languageEngine: 'in-process',
    });
    csv = path.join(dir, 'outcomes.csv');
    const lines = ['client_id,product_id,occurred_at,outcome'];
    for (let i = 0; i < ROWS; i++)
      lines.push(
        `IMP${i % 5000},PR${i % 40},2025-${String(1 + (i % 12)).padStart(2, '0')}-01T00:00:${String(i % 60).padStart(2, '0')}Z,${i % 3 === 0 ? 'yes' : 'no'}`,
      );
    fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers every save as saved or busy, never internal, and loses nothing', async () => {
    const child = spawn(process.execPath, [cliBundle, 'import-events', csv, '--db', backend.databasePath], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const writing = new Promise<void>((resolve) =>
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        if (/writing \d/.test(stderr)) resolve();
      }),
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await writing;

    const answers: Result<unknown>[] = [];
    let importDone = false;
    void exited.then(() => (importDone = true));
    let duringImport = 0;
    for (let i = 0; i < 200 && !(importDone && i >= 5); i++) {
      if (!importDone) duringImport++;
      answers.push(await call('clients:create', { profile: profile({ displayName: `Concurrent ${i}` }) }));
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Saves were really made while the other process held the file.
    expect(duringImport).toBeGreaterThan(0);
    expect(await exited, stderr).toBe(0);

    const codes = answers.map((a) => (a.ok ? 'saved' : a.error.code));
    expect(codes.filter((c) => c !== 'saved' && c !== 'busy')).toEqual([]);
    for (const a of answers) if (!a.ok) expect(a.error.message).toMatch(/nothing was saved/);

    const db = openDatabase(backend.databasePath, { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(db.prepare('SELECT count(*) FROM interactions WHERE client_id LIKE ?').pluck().get('IMP%')).toBe(ROWS);
      const saved = db.prepare("SELECT count(*) FROM clients WHERE display_name LIKE 'Concurrent %'").pluck().get();
      expect(saved).toBe(codes.filter((c) => c === 'saved').length);
    } finally {
      db.close();
    }
  }, 300_000);
});
