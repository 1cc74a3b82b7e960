import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import type { ClientRanking, ModelVersionSummary } from '../../../app/contract/engine-channels';
import { tempDir } from '../db/temp-db';
import { buildCli, cliBundle as bundle, projectRoot as root } from './build-cli';

/**
 * `advisor-desk train` and `recommend` as a terminal user runs them: the bundled CLI in its own process on a
 * seeded demo database, exit codes included, and a refused retrain that leaves the live model serving.
 */
describe('advisor-desk train and recommend as a separate process', () => {
  let dir: string;
  let db: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [bundle, ...args], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ADVISOR_DESK_DB: db },
      timeout: 120_000,
    });

  beforeAll(async () => {
    await buildCli();
    dir = tempDir('ad-cli-train-spawn-');
    db = path.join(dir, 'desk.sqlite');
    const seeded = run('seed');
    expect(seeded.status, seeded.stderr).toBe(0);
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('trains version 1, ranks a client with reasons and excluded products, and says when a client does not exist', () => {
    const trained = run('train', '--json');
    expect(trained.status, trained.stderr).toBe(0);
    const v1 = JSON.parse(trained.stdout) as ModelVersionSummary;
    expect(v1).toMatchObject({ version: 1, active: true, note: 'cli-train' });
    expect(v1.metrics!.auc!).toBeGreaterThan(v1.baselines.popularity!.auc!);

    const json = run('recommend', '--client', 'CL-0001', '--top', '3', '--json');
    expect(json.status, json.stderr).toBe(0);
    const ranking = JSON.parse(json.stdout) as ClientRanking;
    expect(ranking.modelVersion).toBe(1);
    expect(ranking.ranked).toHaveLength(3);

    const text = run('recommend', '--client', 'CL-0001', '--top', '3');
    expect(text.status, text.stderr).toBe(0);
    expect(text.stdout).toContain('Recommendations for client CL-0001, model version 1');
    expect(text.stdout).toContain(`1.  ${(ranking.ranked[0]!.probability * 100).toFixed(1)} %`);
    expect(text.stdout).toContain(recordedText(ranking.ranked[0]!.reasons[0]!.text).en);
    expect(text.stdout).toContain(`Excluded (${ranking.excluded.length}):`);
    expect(text.stdout).toContain(
      `${ranking.excluded[0]!.failed[0]!.ruleId}: ${recordedText(ranking.excluded[0]!.failed[0]!.reason).en}`,
    );

    const unknown = run('recommend', '--client', 'CL-9999');
    expect(unknown.status).toBe(3);
    expect(unknown.stderr.trim()).toBe('advisor-desk: No client with id CL-9999.');
    expect(unknown.stdout).toBe('');
  }, 180_000);

  it('refuses to retrain once the outcomes are gone: exit 1 with the reason, and version 1 still serves the rankings', () => {
    const raw = new Database(db);
    raw.prepare('DELETE FROM interactions').run();
    raw.close();

    const refused = run('train');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/no recorded outcomes/i);
    expect(refused.stderr).toContain('The live model is unchanged.');
    expect(refused.stdout).toBe('');

    const after = run('recommend', '--client', 'CL-0001', '--top', '3', '--json');
    expect(after.status, after.stderr).toBe(0);
    expect((JSON.parse(after.stdout) as ClientRanking).modelVersion).toBe(1);
  }, 120_000);
});
