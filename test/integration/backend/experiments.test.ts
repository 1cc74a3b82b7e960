import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentResultsView, ExperimentView } from '../../../app/contract/experiment-channels';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import { SUITABILITY_REFUSAL } from '../../../app/experiments/experiment';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { openDatabase } from '../../../main/db/connection';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const plan = { baselineRate: 0.1, minimumDetectableEffect: 0.05, alpha: 0.05, power: 0.8 };
const arms = [
  { id: 'popularity', share: 0.4, policy: { kind: 'popularity' } },
  { id: 'rules', share: 0.3, policy: { kind: 'rules-only' } },
  { id: 'model', share: 0.3, policy: { kind: 'live-model', languageModel: 'skip' } },
];
const definition = {
  name: 'Model against simple orders',
  kind: 'ranking-policy',
  arms,
  plannedStart: '2026-11-28',
  plannedStop: '2027-01-31',
  plan,
};

/**
 * A ranking-policy A/B test on the demo book as a team lead and advisors meet it: defined and started by an
 * administrator, clients sticky in their arm with the assignment's probability on every impression, each arm ranking
 * exactly the suitable products, and reactions counted per arm.
 */
describe('ranking-policy experiments on the demo book', () => {
  let dir: string;
  let backend: Backend;
  const { call, value } = backendCalls(() => backend.handlers);
  const clients = Array.from({ length: 24 }, (_, i) => `CL-${String(i + 1).padStart(4, '0')}`);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-experiments-'));
    backend = openBackend({ user: 'ADV-03', dataDir: dir, mode: 'browser', now: () => NOW });
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses an arm that could show an unsuitable product, and one whose shares do not add up', async () => {
    const bypass = await call('experiments:define', {
      definition: { ...definition, arms: [arms[0], { ...arms[1], includeUnsuitable: true }, arms[2]] },
    });
    expect(bypass).toMatchObject({ ok: false, error: { code: 'validation', message: SUITABILITY_REFUSAL } });
    const shares = await call('experiments:define', {
      definition: { ...definition, arms: [arms[0], { ...arms[1], share: 0.5 }, arms[2]] },
    });
    expect(shares).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await value<ExperimentView[]>('experiments:list', {})).toEqual([]);
  });

  let experiment: ExperimentView;

  it('is defined as a draft and started; a second one of the same kind is refused while it runs', async () => {
    experiment = await value<ExperimentView>('experiments:define', { definition });
    expect(experiment).toMatchObject({ status: 'draft', unit: 'client', createdBy: 'ADV-03' });
    experiment = await value<ExperimentView>('experiments:start', { id: experiment.id });
    expect(experiment.status).toBe('running');
    const second = await value<ExperimentView>('experiments:define', {
      definition: { ...definition, name: 'Another' },
    });
    const refused = await call('experiments:start', { id: second.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toContain('Model against simple orders');
    expect(!refused.ok && refused.error.message).toContain('only one ranking-policy experiment can run at a time');
  });

  it('keeps each client in one arm, records the probability and the policy, and ranks only suitable products', async () => {
    const shown = new Map<string, ClientRanking[]>();
    for (const clientId of clients) {
      const first = await value<ClientRanking>('recommendations:for-client', { clientId, top: 500, shownOn: 'app' });
      const again = await value<ClientRanking>('recommendations:for-client', { clientId, top: 500, shownOn: 'app' });
      // Not shown: outside the experiment, the ordinary live policy.
      const plain = await value<ClientRanking>('recommendations:for-client', { clientId, top: 500 });
      shown.set(clientId, [first, again]);
      // Suitability is never part of the experiment: every arm ranks exactly the suitable products and excludes the rest.
      const set = (r: ClientRanking) => r.ranked.map((p) => p.productId).sort();
      expect(set(first)).toEqual(set(plain));
      expect(first.excluded.map((p) => p.productId).sort()).toEqual(plain.excluded.map((p) => p.productId).sort());
    }
    const db = openDatabase(backend.databasePath, { readonly: true });
    try {
      const rows = db
        .prepare(
          'SELECT client_id, arm, assignment_propensity, policy FROM ranking_impressions WHERE experiment_id = ?',
        )
        .all(experiment.id) as { client_id: string; arm: string; assignment_propensity: number; policy: string }[];
      expect(rows).toHaveLength(clients.length * 2);
      const armOf = new Map<string, Set<string>>();
      for (const row of rows) {
        armOf.set(row.client_id, (armOf.get(row.client_id) ?? new Set()).add(row.arm));
        expect(row.assignment_propensity).toBe(arms.find((a) => a.id === row.arm)!.share);
        expect(row.policy).toBe({ popularity: 'popularity', rules: 'rules-only', model: 'model-v1' }[row.arm]);
      }
      for (const set of armOf.values()) expect(set.size).toBe(1);
      // 24 clients at 40/30/30: every arm gets some (a chance of missing one is below 1 in 4,000).
      expect(new Set([...armOf.values()].map((s) => [...s][0])).size).toBe(3);
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      db.close();
    }
    // The rules-only arm says why its order is what it is.
    const rulesClient = [...shown.entries()].find(([, [r]]) =>
      r!.ranked.some((p) => p.reasons.some((reason) => reason.group === 'rules-only')),
    );
    expect(rulesClient).toBeDefined();
  });

  it('counts a client who accepted a product shown under an arm as converted in that arm', async () => {
    const ranking = await value<ClientRanking>('recommendations:for-client', {
      clientId: 'CL-0001',
      top: 5,
      shownOn: 'app',
    });
    await value('outcomes:record', {
      clientId: 'CL-0001',
      productId: ranking.ranked[0]!.productId,
      outcome: 'accepted',
      impressionId: ranking.impressionId!,
    });
    const results = await value<ExperimentResultsView>('experiments:results', { id: experiment.id });
    expect(results.activity.reduce((sum, a) => sum + a.clients, 0)).toBe(clients.length);
    expect(results.activity.reduce((sum, a) => sum + a.converted, 0)).toBe(1);
    expect(results.report.arms.map((a) => a.arm)).toEqual(['popularity', 'rules', 'model']);
    expect(results.report.comparisons).toHaveLength(2);
    expect(results.report.verdict.kind).toBe('not-yet');
  });

  it('lets an advisor read results but not stop the experiment; the administrator stops it', async () => {
    await value('users:sign-in', { id: 'ADV-01' });
    expect(await value<ExperimentResultsView>('experiments:results', { id: experiment.id })).toBeDefined();
    const refused = await call('experiments:stop', { id: experiment.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await value('users:sign-in', { id: 'ADV-03' });
    expect((await value<ExperimentView>('experiments:stop', { id: experiment.id })).status).toBe('stopped');
    // Stopped: rankings are no longer part of it.
    const after = await value<ClientRanking>('recommendations:for-client', {
      clientId: 'CL-0002',
      top: 5,
      shownOn: 'app',
    });
    const db = openDatabase(backend.databasePath, { readonly: true });
    try {
      const row = db.prepare('SELECT experiment_id FROM ranking_impressions WHERE id = ?').get(after.impressionId) as {
        experiment_id: string | null;
      };
      expect(row.experiment_id).toBeNull();
    } finally {
      db.close();
    }
  });

  it('writes a pitch under the client’s pitch-variant arm and records the draft with the arm', async () => {
    const pitch = await value<ExperimentView>('experiments:define', {
      definition: {
        ...definition,
        name: 'Warm against concise',
        kind: 'pitch-variant',
        arms: [
          { id: 'warm', share: 0.5, pitch: { tone: 'warm', length: 'medium', source: 'template' } },
          { id: 'concise', share: 0.5, pitch: { tone: 'concise', length: 'short', source: 'template' } },
        ],
      },
    });
    await value('experiments:start', { id: pitch.id });
    const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: 'CL-0003', top: 3 });
    const productId = ranking.ranked[0]!.productId;
    const done = new Promise<void>((resolve) => {
      const off = backend.subscribe((event) => {
        if (event === 'pitch:done') {
          off();
          resolve();
        }
      });
    });
    // The advisor asked for formal and long; the arm decides.
    const started = await value<{ draftId: string; source: string }>('pitch:start', {
      clientId: 'CL-0003',
      productId,
      source: 'auto',
      settings: { language: 'en', tone: 'formal', length: 'long' },
    });
    await done;
    expect(started.source).toBe('template');
    const results = await value<ExperimentResultsView>('experiments:results', { id: pitch.id });
    const drafted = results.activity.filter((a) => a.shown > 0);
    expect(drafted).toHaveLength(1);
    expect(drafted[0]).toMatchObject({ clients: 1, shown: 1, converted: 0 });
    await value('outcomes:record', { clientId: 'CL-0003', productId, outcome: 'accepted' });
    const after = await value<ExperimentResultsView>('experiments:results', { id: pitch.id });
    expect(after.activity.find((a) => a.arm === drafted[0]!.arm)!.converted).toBe(1);
  });
});
