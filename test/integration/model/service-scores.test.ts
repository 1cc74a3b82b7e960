import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../app/contract/dispatch';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import { liveModelFromParams } from '../../../app/ranking/live-model';
import { calibrate } from '../../../app/ranking/platt-calibration';
import { explainScore } from '../../../app/ranking/score-reasons';
import { encodeFeatures } from '../../../app/scoring/feature-encoding';
import { rawFeatures } from '../../../app/scoring/raw-features';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { getClient } from '../../../main/db/client-repository';
import { openDatabase, type Db } from '../../../main/db/connection';
import { latestMarketSnapshot } from '../../../main/db/market-repository';
import { getActiveModelVersion } from '../../../main/db/model-version-repository';
import { getProduct } from '../../../main/db/product-repository';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/**
 * The ranking service scores with the fast ranker; what an advisor sees must be exactly what the stored model
 * says when every pair is encoded the straightforward way, before and after the live model learns an outcome
 * (the ranker keeps per-model caches that must not serve the old weights).
 */
describe('the ranking service scores like the straightforward model', () => {
  let dir: string;
  let backend: Backend;
  let db: Db;
  const value = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(backend.handlers, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };

  /** Every ranked product's probability and reasons recomputed from the stored active version, pair by pair. */
  function expectStraightforward(ranking: ClientRanking): void {
    const stored = getActiveModelVersion(db)!;
    expect(stored.summary.version).toBe(ranking.modelVersion);
    const { model, calibration } = liveModelFromParams(stored.params);
    const client = getClient(db, ranking.clientId)!;
    const market = latestMarketSnapshot(db, '2026-11-28') ?? latestMarketSnapshot(db);
    for (const shown of ranking.ranked) {
      const context = { client, product: getProduct(db, shown.productId)!, market, at: ranking.at, channel: null };
      const x = encodeFeatures(model.encoding, rawFeatures(context));
      const expected = calibrate(calibration, model.machine.predictLogit(x));
      expect(Math.abs(shown.probability - expected), shown.productId).toBeLessThan(1e-9);
      const reasons = explainScore(model.encoding, model.machine.contributions(x), context, {
        limit: 4,
        scale: calibration?.a ?? 1,
      });
      expect(shown.reasons.map((r) => r.text)).toEqual(reasons.map((r) => r.text));
    }
  }

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-service-scores-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    db = openDatabase(backend.databasePath);
  });
  afterAll(() => {
    db.close();
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("gives the stored model's calibrated probabilities and reasons for every suitable product", async () => {
    // CL-0118 passes the rules for most of the demo catalogue, so most products are scored.
    const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0118', top: 500 });
    expect(ranking.modelVersion).toBe(1);
    expect(ranking.ranked.length).toBeGreaterThan(30);
    expectStraightforward(ranking);
    const first = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0001', top: 500 });
    expectStraightforward(first);
  });

  it("still does after the live model learns an outcome, and the learned product's score moves", async () => {
    const before = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0118', top: 500 });
    const product = before.ranked[0]!;
    await value('outcomes:record', {
      clientId: 'CL-0118',
      productId: product.productId,
      outcome: 'declined',
      channel: 'meeting',
    });
    const after = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0118', top: 500 });
    const moved = after.ranked.find((p) => p.productId === product.productId)!;
    expect(moved.probability).toBeLessThan(product.probability);
    expectStraightforward(after);
  });
});
