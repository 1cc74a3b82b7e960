import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelVersionSummary } from '../../../app/contract/engine-channels';
import { runCli } from '../../../main/cli/cli-commands';
import { openStore } from '../../../main/db/open-store';
import { tempDir } from '../db/temp-db';
import { addContradictingOutcomes } from '../model/contradicting-outcomes';
import { captureCliIo } from './run-cli';

const CLIENTS_KEPT = 120;

async function run(args: string[]) {
  const c = captureCliIo();
  const code = await runCli(args, c.io);
  return { code, out: c.out(), err: c.err() };
}

describe('advisor-desk train against the live version', () => {
  let dir: string;
  let db: string;

  beforeAll(async () => {
    dir = tempDir('ad-cli-train-safety-');
    db = path.join(dir, 'desk.sqlite');
    expect((await run(['seed', '--db', db])).code).toBe(0);
    const store = openStore(db);
    store.db
      .prepare(
        `DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT ${CLIENTS_KEPT})`,
      )
      .run();
    store.db.close();
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints both figures and keeps the live version when the new one is worse; --force-live makes it live', async () => {
    const first = await run(['train', '--db', db, '--json']);
    expect(first.code, first.err).toBe(0);
    const v1 = JSON.parse(first.out) as ModelVersionSummary;
    const store = openStore(db);
    addContradictingOutcomes(store.db, v1.trainedTo!);
    store.db.close();

    const kept = await run(['train', '--db', db]);
    expect(kept.code, kept.err).toBe(0);
    expect(kept.out).toContain(`Model version ${v1.version + 1} (interest-fm) is stored but not live.`);
    expect(kept.out).toMatch(
      new RegExp(
        `New version \\d\\.\\d{3} AUC vs live \\d\\.\\d{3} on the same [\\d,]+ held-out outcomes — kept the live version \\(version ${v1.version}\\)`,
      ),
    );
    expect(kept.out).toMatch(/Log loss: new version \d\.\d{3}, live \d\.\d{3}/);
    expect(kept.out).toContain('--force-live');

    const forced = await run(['train', '--db', db, '--force-live']);
    expect(forced.code, forced.err).toBe(0);
    expect(forced.out).toContain(`Model version ${v1.version + 2} (interest-fm) is now live.`);
    expect(forced.out).toContain(`Made version ${v1.version + 2} live anyway (--force-live).`);
    const check = openStore(db);
    const active = check.db.prepare('SELECT version FROM model_versions WHERE active = 1').get() as { version: number };
    check.db.close();
    expect(active.version).toBe(v1.version + 2);
  }, 300_000);
});
