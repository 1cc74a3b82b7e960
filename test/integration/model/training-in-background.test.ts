import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../app/contract/dispatch';
import type { ClientRanking, ModelVersionSummary } from '../../../app/contract/engine-channels';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/**
 * A retrain runs on a worker thread: while it trains, the backend answers other requests (the model history,
 * a ranking with the model still live), and the new version becomes active when it is done.
 */
describe('training in the background', () => {
  let dir: string;
  let backend: Backend;
  const value = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(backend.handlers, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-train-bg-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers other requests while a retrain runs, then activates the new version', async () => {
    const first = await value<ModelVersionSummary>('model:retrain', { origin: 'app' });
    const finished: string[] = [];
    const retraining = value<ModelVersionSummary>('model:retrain', { origin: 'app' }).then((summary) => {
      finished.push('retrain');
      return summary;
    });
    const versions = await value<ModelVersionSummary[]>('model:versions', {});
    finished.push('versions');
    const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0118', top: 5 });
    finished.push('ranking');
    // Both were answered before the training finished, the ranking by the version live at the time.
    expect(finished).toEqual(['versions', 'ranking']);
    expect(versions.find((v) => v.active)?.version).toBe(first.version);
    expect(ranking.modelVersion).toBe(first.version);
    expect(ranking.ranked.length).toBeGreaterThan(0);

    const second = await retraining;
    expect(finished).toEqual(['versions', 'ranking', 'retrain']);
    expect(second.version).toBe(first.version + 1);
    expect(second.active).toBe(true);
    const after = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0118', top: 5 });
    expect(after.modelVersion).toBe(second.version);
    // Same data, same seed: the worker trains the same model, so the same products come first.
    expect(after.ranked.map((r) => r.productId)).toEqual(ranking.ranked.map((r) => r.productId));
  }, 240_000);

  it('runs two retrains asked for at once one after the other, each storing a version', async () => {
    const before = (await value<ModelVersionSummary[]>('model:versions', {})).length;
    const [a, b] = await Promise.all([
      value<ModelVersionSummary>('model:retrain', { origin: 'app' }),
      value<ModelVersionSummary>('model:retrain', { origin: 'cli' }),
    ]);
    expect(b.version).toBe(a.version + 1);
    const versions = await value<ModelVersionSummary[]>('model:versions', {});
    expect(versions).toHaveLength(before + 2);
    expect(versions.find((v) => v.active)?.version).toBe(b.version);
  }, 240_000);
});
