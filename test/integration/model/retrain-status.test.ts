import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelVersionSummary, RetrainStatus } from '../../../app/contract/engine-channels';
import type { LlmStatus } from '../../../app/contract/llm-channels';
import type { Result } from '../../../app/contract/result';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase, type Db } from '../../../main/db/connection';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';
import { backendCalls } from '../backend/backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');
/** Few clients, so the retrains that run to the end take seconds. */
const CLIENTS_KEPT = 12;

/**
 * The retrain state the Model page follows, on a real store and the generated tiny model: what
 * 'model:retrain-status' answers before, during and after a retrain with signals, however it ends, and the
 * 'model:retrain-state' events that tell every open window it started and ended.
 */
describe('the state of a retrain asked through the channel', () => {
  let dir: string;
  let backend: Backend;
  let db: Db;
  let modelFile: string;
  const { call, value } = backendCalls(() => backend.handlers);
  const status = () => value<RetrainStatus | null>('model:retrain-status', {});

  /** Runs a retrain, recording the state events and, at the first progress report, what the status says then. */
  async function retrainWatched(input: unknown, atFirstProgress?: () => Promise<unknown>) {
    const states: (RetrainStatus | null)[] = [];
    const progress: { done: number; total: number; file: string }[] = [];
    // Set inside the listener, which the compiler does not follow: typed with `as` so it is not narrowed to null.
    let statusAtProgress = null as Promise<RetrainStatus | null> | null;
    let reaction = null as Promise<unknown> | null;
    const unsubscribe = backend.subscribe((event, payload) => {
      if (event === 'model:retrain-state') states.push(payload as RetrainStatus | null);
      if (event !== 'model:signals-progress') return;
      progress.push(payload as { done: number; total: number; file: string });
      if (statusAtProgress) return;
      statusAtProgress = status();
      reaction = statusAtProgress.then(() => atFirstProgress?.());
    });
    let result: Result<unknown>;
    try {
      result = await call('model:retrain', input);
    } finally {
      unsubscribe();
    }
    await reaction;
    return { result, states, progress, statusAtProgress: statusAtProgress ? await statusAtProgress : undefined };
  }

  beforeAll(async () => {
    dir = tempDir('ad-retrain-status-');
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    db = openDatabase(backend.databasePath);
    db.prepare(
      `DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT ${CLIENTS_KEPT})`,
    ).run();
    const model = await testModelPath();
    modelFile = path.basename(model);
    const loaded = await value<LlmStatus>('llm:load', { path: model });
    expect(loaded.state).toBe('loaded');
  }, 120_000);
  afterAll(() => {
    db.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is null when no retrain was ever asked for', async () => {
    expect(await status()).toBeNull();
  });

  it('shows a retrain with signals and its progress while it runs, and null once its version is stored', async () => {
    const { result, states, progress, statusAtProgress } = await retrainWatched({ languageModel: true });

    expect(result.ok).toBe(true);
    const started = { languageModel: true, file: modelFile, done: null, total: null, startedAt: NOW.toISOString() };
    // Started, then ended: exactly two announcements, the first of them what a window opened then would be told.
    expect(states).toEqual([started, null]);
    expect(progress.length).toBeGreaterThan(0);
    // Asked at the first progress report: the status holds that report or a later one.
    expect(statusAtProgress).toMatchObject({
      languageModel: true,
      file: modelFile,
      total: CLIENTS_KEPT,
      startedAt: NOW.toISOString(),
    });
    expect(statusAtProgress!.done).toBeGreaterThanOrEqual(progress[0]!.done);
    expect(await status()).toBeNull();
    expect((result as { ok: true; value: ModelVersionSummary }).value.active).toBe(true);
  }, 120_000);

  it('is null again after a cancel, and the end is announced', async () => {
    let cancelAnswer: unknown;
    const { result, states, statusAtProgress } = await retrainWatched({ languageModel: true }, async () => {
      cancelAnswer = await call('model:retrain-cancel', {});
    });

    expect(cancelAnswer).toEqual({ ok: true, value: { cancelled: true } });
    expect(result).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(statusAtProgress).toMatchObject({ languageModel: true, file: modelFile, total: CLIENTS_KEPT });
    expect(states.at(0)).toMatchObject({ languageModel: true, file: modelFile });
    expect(states.at(-1)).toBeNull();
    expect(await status()).toBeNull();
    expect(await call('model:retrain-cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
  }, 120_000);

  it('shows a retrain without signals as such, and the one waiting behind it once the first has ended', async () => {
    const states: (RetrainStatus | null)[] = [];
    const unsubscribe = backend.subscribe((event, payload) => {
      if (event === 'model:retrain-state') states.push(payload as RetrainStatus | null);
    });
    try {
      const first = call('model:retrain', {});
      const second = call('model:retrain', { languageModel: true });
      expect(await status()).toMatchObject({ languageModel: false, file: null, done: null, total: null });
      expect(await first).toMatchObject({ ok: true });
      expect(await second).toMatchObject({ ok: true });
    } finally {
      unsubscribe();
    }
    // The plain one while it ran, the one with signals when its turn came, then none.
    expect(states.filter((s) => s !== null).map((s) => s.languageModel)).toContain(false);
    const afterFirst = states.findLastIndex((s) => s?.languageModel === false) + 1;
    expect(states[afterFirst]).toMatchObject({ languageModel: true, file: modelFile });
    expect(states.at(-1)).toBeNull();
    expect(await status()).toBeNull();
  }, 120_000);

  it('is null again after a retrain that failed, and the end is announced', async () => {
    expect((await value<LlmStatus>('llm:unload', {})).state).not.toBe('loaded');
    const { result, states } = await retrainWatched({ languageModel: true });

    // Refused: there is no language model to take the signals from.
    expect(result).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(states).toEqual([
      { languageModel: true, file: null, done: null, total: null, startedAt: NOW.toISOString() },
      null,
    ]);
    expect(await status()).toBeNull();
  }, 60_000);
});
