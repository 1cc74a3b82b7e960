import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import type { PolicyEstimatesView } from '../../../app/contract/off-policy-channels';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { openDatabase } from '../../../main/db/connection';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/**
 * Exploration and off-policy estimates on the demo book: rankings shown under the exploration rate keep each
 * product's propensity, and the estimates of the live version and the other candidates come from them.
 */
describe('exploration and off-policy estimates', () => {
  let dir: string;
  let backend: Backend;
  const { call, value } = backendCalls(() => backend.handlers);
  const rankShown = (clientId: string) =>
    value<ClientRanking>('recommendations:for-client', { clientId, top: 5, shownOn: 'app' });

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-offpolicy-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explores 5% by default, accepts 0 to 0.5 and refuses other rates by name', async () => {
    expect(await value('exploration:get', {})).toEqual({ rate: 0.05 });
    const refused = await call('exploration:set', { rate: 0.7 });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.message).toMatch(/exploration rate must be between 0 and 0.5/);
    expect(await value('exploration:set', { rate: 0.5 })).toEqual({ rate: 0.5 });
    expect(await value('exploration:get', {})).toEqual({ rate: 0.5 });
    // The change is in the audit trail, which still verifies.
    const db = openDatabase(backend.databasePath, { readonly: true });
    try {
      const entry = db
        .prepare("SELECT before_json, after_json FROM audit_log WHERE action = 'set exploration rate'")
        .get() as { before_json: string; after_json: string };
      expect(JSON.parse(entry.before_json)).toEqual({ explorationRate: 0.05 });
      expect(JSON.parse(entry.after_json)).toEqual({ explorationRate: 0.5 });
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('keeps the rate and each shown product’s propensity on the impression; only suitable products are shown', async () => {
    const ranking = await rankShown('CL-0001');
    expect(ranking.ranked.slice(0, 4).every((p) => p.propensity === 1)).toBe(true);
    const last = ranking.ranked[4]!;
    expect(last.propensity).toBeGreaterThan(0);
    expect(last.propensity).toBeLessThan(1);
    const excluded = new Set(ranking.excluded.map((e) => e.productId));
    expect(ranking.ranked.some((p) => excluded.has(p.productId))).toBe(false);
    const db = openDatabase(backend.databasePath, { readonly: true });
    try {
      const row = db
        .prepare('SELECT exploration_rate, ranked_json FROM ranking_impressions WHERE id = ?')
        .get(ranking.impressionId) as { exploration_rate: number; ranked_json: string };
      expect(row.exploration_rate).toBe(0.5);
      const stored = JSON.parse(row.ranked_json) as { productId: string; propensity: number }[];
      expect(stored.map((p) => p.propensity)).toEqual(ranking.ranked.map((p) => p.propensity));
    } finally {
      db.close();
    }
  });

  it('estimates the live version from the rankings it showed, and names why a candidate cannot be estimated', async () => {
    await value('exploration:set', { rate: 0.2 });
    for (let i = 1; i <= 100; i++) {
      const clientId = `CL-${String(i).padStart(4, '0')}`;
      const ranking = await rankShown(clientId);
      if (i % 10 === 0 && ranking.ranked[0])
        await value('outcomes:record', {
          clientId,
          productId: ranking.ranked[0].productId,
          outcome: 'accepted',
          impressionId: ranking.impressionId,
        });
    }
    const all = await value<PolicyEstimatesView>('offpolicy:estimate', {});
    expect(all.rankings).toBeGreaterThanOrEqual(101);
    const names = all.policies.map((p) => p.policy);
    expect(names).toEqual(expect.arrayContaining(['model-v1', 'popularity', 'rules-only']));
    const live = all.policies.find((p) => p.policy === 'model-v1')!;
    expect(live.refusal).toBeNull();
    expect(live.estimates.map((e) => e.estimator)).toEqual(['ips', 'snips', 'dr']);
    for (const e of live.estimates) {
      expect(e.interval.low).toBeLessThanOrEqual(e.value);
      expect(e.interval.high).toBeGreaterThanOrEqual(e.value);
    }
    expect(live.diagnostics!.effectiveSampleSize).toBeGreaterThan(50);
    // A policy that ranks by catalogue order shows products the live version put in its first places only by the
    // chance of exploring its last: the log gave them too little probability to say anything.
    const rules = all.policies.find((p) => p.policy === 'rules-only')!;
    expect(['low-ess', 'low-propensity', 'never-logged']).toContain(rules.refusal?.reason);
    expect(rules.estimates).toEqual([]);

    const unknown = await value<PolicyEstimatesView>('offpolicy:estimate', { policy: 'model-v99' });
    expect(unknown.policies[0]!.refusal).toMatchObject({ reason: 'unknown-policy' });
  });
});
