import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import type { ClientRanking, ModelVersionSummary } from '../../../app/contract/engine-channels';
import type { Interaction } from '../../../app/domain';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase, type Db } from '../../../main/db/connection';
import { insertInteractions, listInteractions } from '../../../main/db/interaction-repository';
import { backendCalls } from '../backend/backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/**
 * Training on data that cannot teach anything is refused with the problem named, and nothing changes: no new
 * version, the same active one, the same scores. Before any model exists, rankings fall back to popularity.
 */
describe('model training refuses bad data and leaves the live model alone', () => {
  let dir: string;
  let backend: Backend;
  let db: Db;
  let demoOutcomes: Interaction[];
  const { call, value } = backendCalls(() => backend.handlers);
  const replaceOutcomes = (rows: Interaction[]) => {
    db.prepare('DELETE FROM interactions').run();
    insertInteractions(db, rows);
  };
  const refusal = async (): Promise<string> => {
    const r = await call('model:retrain', {});
    expect(r).toMatchObject({ ok: false, error: { code: 'validation' } });
    return r.ok ? '' : r.error.message;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-train-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    // A second connection plays the part of an import that left the outcome table in a state no model can learn from.
    db = openDatabase(backend.databasePath);
    demoOutcomes = listInteractions(db);
  });
  afterAll(() => {
    db.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('with no outcomes at all: ranks by popularity and says so, and refuses to train', async () => {
    replaceOutcomes([]);
    const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0001', top: 5 });
    expect(ranking.modelVersion).toBeNull();
    expect(ranking.ranked.length).toBeGreaterThan(0);
    expect(recordedText(ranking.ranked[0]!.reasons[0]!.text).en).toMatch(/No model is trained yet/);
    expect(recordedText(ranking.ranked[0]!.reasons[0]!.text).zh).toMatch(/尚未训练模型/);
    expect(await refusal()).toMatch(/no recorded outcomes/);
    expect(await value<ModelVersionSummary[]>('model:versions', {})).toEqual([]);
  });

  it('refuses too few outcomes, and outcomes of one kind only, naming the problem; the active version and its scores stay', async () => {
    replaceOutcomes(demoOutcomes);
    const v1 = await value<ModelVersionSummary>('model:retrain', {});
    expect(v1).toMatchObject({ version: 1, active: true });
    const before = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0001', top: 500 });

    replaceOutcomes(demoOutcomes.slice(0, 12));
    expect(await refusal()).toMatch(/Only 12 recorded outcomes.*at least 20/);

    replaceOutcomes(demoOutcomes.slice(0, 40).map((i) => ({ ...i, outcome: 'declined' as const })));
    expect(await refusal()).toMatch(/All 40 recorded outcomes are "not interested"/);

    replaceOutcomes([]);
    expect(await refusal()).toMatch(/no recorded outcomes.*The live model is unchanged/);

    const versions = await value<ModelVersionSummary[]>('model:versions', {});
    expect(versions.map((v) => [v.version, v.active])).toEqual([[1, true]]);
    const after = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0001', top: 500 });
    expect(after.modelVersion).toBe(1);
    expect(after.ranked).toEqual(before.ranked);
  });
});
