import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';
import { buildCli, cliBundle as bundle, projectRoot as root } from './build-cli';

/** Clients whose outcomes are kept: a retrain not stopped would go on for many seconds after the first progress line. */
const CLIENTS_KEPT = 80;

/**
 * Ctrl-C during `advisor-desk train --model FILE`: the bundled CLI in its own process gets a real SIGINT
 * after its first progress line, stops after the current product, says so, exits 130 and stores no version.
 */
describe('advisor-desk train --model interrupted with Ctrl-C', () => {
  let dir: string;
  let db: string;
  let model: string;
  const env = () => ({ ...process.env, ADVISOR_DESK_DB: db });
  const versions = () => {
    const store = new Database(db, { readonly: true });
    try {
      return store.prepare('SELECT version, active FROM model_versions ORDER BY version').all();
    } finally {
      store.close();
    }
  };

  beforeAll(async () => {
    await buildCli();
    dir = tempDir('ad-cli-train-cancel-');
    db = path.join(dir, 'desk.sqlite');
    const seeded = spawnSync(process.execPath, [bundle, 'seed'], { cwd: root, encoding: 'utf8', env: env() });
    expect(seeded.status, seeded.stderr).toBe(0);
    const store = new Database(db);
    store
      .prepare(
        `DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT ${CLIENTS_KEPT})`,
      )
      .run();
    store.close();
    // Version 1, trained without signals: the one that must stay live.
    const trained = spawnSync(process.execPath, [bundle, 'train'], { cwd: root, encoding: 'utf8', env: env() });
    expect(trained.status, trained.stderr).toBe(0);
    model = await testModelPath();
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('stops after the current product, prints that nothing was stored, exits 130, and version 1 stays live', async () => {
    const before = versions();
    expect(before).toEqual([{ version: 1, active: 1 }]);

    const child = spawn(process.execPath, [bundle, 'train', '--model', model], {
      cwd: root,
      env: env(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let interrupted = false;
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
      if (!interrupted && /Signals: \d+ of [\d,]+ clients/.test(stderr)) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (exitCode) => resolve(exitCode)));

    expect(interrupted, stderr).toBe(true);
    expect(code, stderr).toBe(130);
    expect(stderr).toContain('Stopping after the current product; press Ctrl-C again to quit at once.');
    expect(stderr).toContain('advisor-desk: Cancelled: no version stored; the live model is unchanged.');
    // Stopped before the end: the line for every client done never came.
    expect(stderr).not.toContain(`Signals: ${CLIENTS_KEPT} of ${CLIENTS_KEPT} clients`);
    expect(stdout).toBe('');
    expect(versions()).toEqual(before);
  }, 120_000);
});
