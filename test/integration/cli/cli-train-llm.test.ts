import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking, ModelVersionSummary } from '../../../app/contract/engine-channels';
import { liveModelFromParams } from '../../../app/ranking/live-model';
import { runCliCaptured } from './run-cli';
import { getActiveModelVersion, listModelVersions } from '../../../main/db/model-version-repository';
import { openStore } from '../../../main/db/open-store';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';

const run = runCliCaptured;

/** `advisor-desk train --model FILE.gguf` on the seeded demo book with the generated tiny model. */
describe('advisor-desk train --model', () => {
  let dir: string;
  let db: string;
  let model: string;

  beforeAll(async () => {
    dir = tempDir('ad-cli-train-llm-');
    db = path.join(dir, 'desk.sqlite');
    expect((await run(['seed', '--db', db])).code).toBe(0);
    // The demo's ~4,000 pairs with outcomes cost about a minute of signals on a busy 2-core machine; the first 40
    // clients' outcomes train as well and keep this test to seconds.
    const { db: store } = openStore(db);
    try {
      store
        .prepare('DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT 40)')
        .run();
    } finally {
      store.close();
    }
    model = await testModelPath();
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a missing model file with the not-found exit and trains nothing', async () => {
    const before = (() => {
      const { db: store } = openStore(db);
      try {
        return listModelVersions(store).length;
      } finally {
        store.close();
      }
    })();
    const r = await run(['train', '--db', db, '--model', path.join(dir, 'no-such-model.gguf')]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('No model file at');
    const { db: store } = openStore(db);
    try {
      expect(listModelVersions(store)).toHaveLength(before);
    } finally {
      store.close();
    }
  });

  it("trains a live version with the model's signals, names the model, and the next recommend says it is not loaded", async () => {
    const text = await run(['train', '--db', db, '--model', model]);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain(`llm.similarity and llm.fit from ${path.basename(model)}`);
    expect(text.out).toMatch(/interest model\s+0\.\d{3}/);
    // Progress on stderr, ending with every client that has outcomes done.
    const progress = [...text.err.matchAll(/Signals: ([\d,]+) of ([\d,]+) clients/g)].map((m) => [m[1], m[2]]);
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)![0]).toBe(progress.at(-1)![1]);

    const { db: store } = openStore(db);
    let clientId: string;
    let version: number;
    try {
      const stored = getActiveModelVersion(store)!;
      version = stored.summary.version;
      const live = liveModelFromParams(stored.params);
      expect(live.model.encoding.numeric.map((c) => c.name)).toEqual(
        expect.arrayContaining(['llm.similarity', 'llm.fit']),
      );
      expect(live.languageModel?.file).toBe(path.basename(model));
      expect(live.languageModel?.sha256).toMatch(/^[0-9a-f]{64}$/);
      clientId = (
        store.prepare('SELECT client_id AS id FROM interactions ORDER BY client_id LIMIT 1').get() as { id: string }
      ).id;
    } finally {
      store.close();
    }

    // recommend loads no model: the version's signals are missing, and it says so in one line.
    const rec = await run(['recommend', '--db', db, '--client', clientId]);
    expect(rec.code, rec.err).toBe(0);
    expect(rec.out).toContain(`Language-model signals from ${path.basename(model)}: not used (not loaded)`);
    const json = await run(['recommend', '--db', db, '--client', clientId, '--json']);
    const ranking = JSON.parse(json.out) as ClientRanking;
    expect(ranking.modelVersion).toBe(version);
    expect(ranking.languageModel).toMatchObject({ file: path.basename(model), used: false, reason: 'not loaded' });
  }, 300_000);

  it('trains without signals again when --model is not given (no languageModel in --json)', async () => {
    const r = await run(['train', '--db', db, '--json']);
    expect(r.code, r.err).toBe(0);
    const summary = JSON.parse(r.out) as ModelVersionSummary & { languageModel?: unknown };
    expect(summary.languageModel).toBeUndefined();
  });
});
