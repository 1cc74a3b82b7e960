import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking, ModelVersionSummary } from '../../../app/contract/engine-channels';
import type { LlmStatus } from '../../../app/contract/llm-channels';
import { liveModelFromParams } from '../../../app/ranking/live-model';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase, type Db } from '../../../main/db/connection';
import { getActiveModelVersion, listModelVersions } from '../../../main/db/model-version-repository';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';
import { backendCalls } from '../backend/backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');
/** Outcomes of this many clients are kept: enough to train on, few enough pairs for the signals to take seconds. */
const CLIENTS_KEPT = 30;

/**
 * A model version trained with the language-model signals, on a real store and the generated tiny
 * model: the version remembers the model, a ranking uses the signals only while that model is loaded, and a
 * version trained without them never asks for them. The tiny model's signals are noise: only the plumbing is
 * asserted.
 */
describe('training and ranking with language-model signals', () => {
  let dir: string;
  let backend: Backend;
  let db: Db;
  let modelFile: string;
  const { call, value } = backendCalls(() => backend.handlers);
  const activeVersion = () => getActiveModelVersion(db)?.summary.version ?? null;

  beforeAll(async () => {
    dir = tempDir('ad-llm-ranking-');
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    db = openDatabase(backend.databasePath);
    // The demo book has about 4,000 client–product pairs with outcomes; the first clients' are plenty here.
    db.prepare(
      `DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT ${CLIENTS_KEPT})`,
    ).run();
    modelFile = await testModelPath();
    // A first version, trained without signals, so "unchanged" below has something to compare with.
    await value<ModelVersionSummary>('model:retrain', {});
  }, 120_000);
  afterAll(() => {
    db.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to train with signals when no language model is loaded, and leaves the live version as it was', async () => {
    const before = activeVersion();
    const count = listModelVersions(db).length;
    const r = await call('model:retrain', { languageModel: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    expect(r.error.message).toContain('Load a language model on the Language Models page first');
    expect(activeVersion()).toBe(before);
    expect(listModelVersions(db)).toHaveLength(count);
  });

  it('ranks without asking for signals when the live version was trained without them', async () => {
    const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: firstClient(db), top: 10 });
    expect(ranking.languageModel).toBeNull();
  });

  it('trains a version with llm.similarity and llm.fit that names the model, and ranks with them only while it is loaded', async () => {
    const status = await value<LlmStatus>('llm:load', { path: modelFile });
    expect(status.state).toBe('loaded');
    const progress: { done: number; total: number; file: string }[] = [];
    const unsubscribe = backend.subscribe((event, payload) => {
      if (event === 'model:signals-progress') progress.push(payload as { done: number; total: number; file: string });
    });
    const trained = await value<ModelVersionSummary>('model:retrain', { languageModel: true });
    unsubscribe();
    expect(trained.active).toBe(true);
    // The Model page's progress: clients done of those with outcomes, ending with all of them, for the loaded file.
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ done: CLIENTS_KEPT, total: CLIENTS_KEPT, file: path.basename(modelFile) });

    const stored = getActiveModelVersion(db)!;
    expect(stored.summary.version).toBe(trained.version);
    const live = liveModelFromParams(stored.params);
    const columns = live.model.encoding.numeric.map((c) => c.name);
    expect(columns).toContain('llm.similarity');
    expect(columns).toContain('llm.fit');
    expect(live.languageModel).toEqual({ sha256: status.sha256, file: path.basename(modelFile) });

    const clientId = firstClient(db);
    const withSignals = await value<ClientRanking>('recommendations:for-client', { clientId, top: 50 });
    expect(withSignals.modelVersion).toBe(trained.version);
    expect(withSignals.languageModel).toEqual({
      file: path.basename(modelFile),
      sha256: status.sha256,
      used: true,
      reason: null,
    });
    expect(withSignals.ranked.length).toBeGreaterThan(1);
    // The client page's first ask: the same ranking without the signals, saying they were not requested.
    const skipped = await value<ClientRanking>('recommendations:for-client', {
      clientId,
      top: 50,
      languageModel: 'skip',
    });
    expect(skipped.languageModel).toEqual({
      file: path.basename(modelFile),
      sha256: status.sha256,
      used: false,
      reason: 'not requested',
    });

    // Another file (same shape, other bytes) loaded: its signals would mean something else to this version.
    await value<LlmStatus>('llm:load', { path: await testModelPath({ type: 'f16' }) });
    const other = await value<ClientRanking>('recommendations:for-client', { clientId, top: 50 });
    expect(other.languageModel).toMatchObject({ used: false, reason: 'another model is loaded' });

    await value<LlmStatus>('llm:unload', {});
    const without = await value<ClientRanking>('recommendations:for-client', { clientId, top: 50 });
    expect(without.languageModel).toEqual({
      file: path.basename(modelFile),
      sha256: status.sha256,
      used: false,
      reason: 'not loaded',
    });
    // The same suitable products, scored with and without the signals: at least one probability moves.
    const byProduct = new Map(without.ranked.map((p) => [p.productId, p.probability]));
    expect([...byProduct.keys()].sort()).toEqual(withSignals.ranked.map((p) => p.productId).sort());
    for (const p of [...withSignals.ranked, ...without.ranked]) expect(Number.isFinite(p.probability)).toBe(true);
    const moved = withSignals.ranked.filter((p) => Math.abs(p.probability - byProduct.get(p.productId)!) > 1e-9);
    expect(moved.length).toBeGreaterThan(0);
    // Another model loaded, none, or the signals not asked for: scored without signals each way, so the same numbers.
    expect(other.ranked.map((p) => [p.productId, p.probability])).toEqual(
      without.ranked.map((p) => [p.productId, p.probability]),
    );
    expect(skipped.ranked.map((p) => [p.productId, p.probability])).toEqual(
      without.ranked.map((p) => [p.productId, p.probability]),
    );

    // A reaction recorded from the ranking with signals is scored and learned with the signals that ranking used.
    await value<LlmStatus>('llm:load', { path: modelFile });
    const again = await value<ClientRanking>('recommendations:for-client', { clientId, top: 50 });
    const target = again.ranked.find((p) => Math.abs(p.probability - byProduct.get(p.productId)!) > 1e-9)!;
    expect(target).toBeDefined();
    const recorded = await value<{ interaction: { score: number | null } }>('outcomes:record', {
      clientId,
      productId: target.productId,
      outcome: 'accepted',
    });
    expect(recorded.interaction.score).toBeCloseTo(target.probability, 9);
  }, 180_000);

  it('goes back to no signals when retrained without them', async () => {
    await value<ModelVersionSummary>('model:retrain', {});
    const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: firstClient(db), top: 10 });
    expect(ranking.languageModel).toBeNull();
  });
});

function firstClient(db: Db): string {
  return (db.prepare('SELECT client_id AS id FROM interactions ORDER BY client_id LIMIT 1').get() as { id: string }).id;
}
