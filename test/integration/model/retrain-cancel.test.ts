import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelVersionSummary } from '../../../app/contract/engine-channels';
import type { LlmStatus } from '../../../app/contract/llm-channels';
import type { Result } from '../../../app/contract/result';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase, type Db } from '../../../main/db/connection';
import { getActiveModelVersion } from '../../../main/db/model-version-repository';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';
import { backendCalls } from '../backend/backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');
/** Enough clients that a retrain not stopped would report them all; few enough that the retrain after it takes seconds. */
const CLIENTS_KEPT = 30;

/**
 * Cancelling a retrain with language-model signals, on a real store and the generated tiny model: it
 * stops before the next product, answers 'cancelled', stores no version and leaves the active one; the next retrain
 * works as if nothing had happened.
 */
describe('cancelling a retrain with language-model signals', () => {
  let dir: string;
  let backend: Backend;
  let db: Db;
  const { call, value } = backendCalls(() => backend.handlers);
  const versionRows = () => db.prepare('SELECT version, active FROM model_versions ORDER BY version').all();
  const activeVersion = () => getActiveModelVersion(db)?.summary.version ?? null;

  beforeAll(async () => {
    dir = tempDir('ad-retrain-cancel-');
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    db = openDatabase(backend.databasePath);
    db.prepare(
      `DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT ${CLIENTS_KEPT})`,
    ).run();
    // A live version to keep: trained without signals.
    await value<ModelVersionSummary>('model:retrain', {});
    const status = await value<LlmStatus>('llm:load', { path: await testModelPath() });
    expect(status.state).toBe('loaded');
  }, 120_000);
  afterAll(() => {
    db.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers plainly that nothing was cancelled when no retrain runs', async () => {
    expect(await call('model:retrain-cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
  });

  it('stops at the first progress report, stores no version, and the next retrain with signals succeeds', async () => {
    const rowsBefore = versionRows();
    const activeBefore = activeVersion();
    expect(activeBefore).not.toBeNull();

    const progress: { done: number; total: number }[] = [];
    let cancelAnswer: Promise<Result<unknown>> | null = null;
    const unsubscribe = backend.subscribe((event, payload) => {
      if (event !== 'model:signals-progress') return;
      progress.push(payload as { done: number; total: number });
      cancelAnswer ??= call('model:retrain-cancel', {});
    });
    let result: Result<unknown>;
    try {
      result = await call('model:retrain', { languageModel: true });
    } finally {
      unsubscribe();
    }

    expect(await cancelAnswer).toEqual({ ok: true, value: { cancelled: true } });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'cancelled',
        message: 'Retrain cancelled: no version was stored and the active version is unchanged.',
      },
    });
    // It stopped before the end: the report of every client done, always sent, never came.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress[0]!.total).toBe(CLIENTS_KEPT);
    expect(progress.some((p) => p.done === p.total)).toBe(false);
    expect(versionRows()).toEqual(rowsBefore);
    expect(activeVersion()).toBe(activeBefore);
    // The language model stays loaded for rankings and the next retrain.
    expect((await value<LlmStatus>('llm:status', {})).state).toBe('loaded');
    // Nothing runs any more.
    expect(await call('model:retrain-cancel', {})).toEqual({ ok: true, value: { cancelled: false } });

    const finished: { done: number; total: number }[] = [];
    const listen = backend.subscribe((event, payload) => {
      if (event === 'model:signals-progress') finished.push(payload as { done: number; total: number });
    });
    let trained: ModelVersionSummary;
    try {
      trained = await value<ModelVersionSummary>('model:retrain', { languageModel: true });
    } finally {
      listen();
    }
    expect(finished.at(-1)).toMatchObject({ done: CLIENTS_KEPT, total: CLIENTS_KEPT });
    expect(trained.active).toBe(true);
    expect(trained.version).toBe(Math.max(...rowsBefore.map((r) => (r as { version: number }).version)) + 1);
    expect(versionRows()).toHaveLength(rowsBefore.length + 1);
    expect(activeVersion()).toBe(trained.version);
  }, 180_000);

  it('cancels a retrain without signals too, and one waiting behind it, before either stores a version', async () => {
    const rowsBefore = versionRows();
    const activeBefore = activeVersion();
    const first = call('model:retrain', {});
    const second = call('model:retrain', { languageModel: true });
    expect(await call('model:retrain-cancel', {})).toEqual({ ok: true, value: { cancelled: true } });
    expect(await first).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(await second).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(versionRows()).toEqual(rowsBefore);
    expect(activeVersion()).toBe(activeBefore);
  }, 60_000);
});
