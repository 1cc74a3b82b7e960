import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import { renderMessage } from '../../../app/messages';
import { dispatch } from '../../../app/contract/dispatch';
import type { ClientRanking, ModelVersionSummary } from '../../../app/contract/engine-channels';
import type { Client, Holding, Interaction, Product } from '../../../app/domain';
import { checkSuitability, DEFAULT_RULE_SET } from '../../../app/suitability';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { openDatabase } from '../../../main/db/connection';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const CJK = /[\u4e00-\u9fff]/;

/**
 * The engine as an advisor meets it, on the demo book in a real database file: rankings that never include an
 * unsuitable product, reasons in both languages, versions with held-out figures, rollback, and outcomes that
 * the live model learns at once. One backend for the file, because the first ranking trains version 1 (seconds).
 */
describe('recommendations and model versions on the demo book', () => {
  let dir: string;
  let backend: Backend;
  const events: { event: string; payload: unknown }[] = [];
  const { call, value } = backendCalls(() => backend.handlers);
  const rank = (clientId: string, top = 500) => value<ClientRanking>('recommendations:for-client', { clientId, top });
  const probabilities = (r: ClientRanking) => Object.fromEntries(r.ranked.map((p) => [p.productId, p.probability]));

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-engine-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    backend.subscribe((event, payload) => events.push({ event, payload }));
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('trains version 1 on the first ranking, and it beats popularity on the later outcomes', async () => {
    expect(await value<ModelVersionSummary[]>('model:versions', {})).toEqual([]);
    const ranking = await rank('CL-0001', 10);
    expect(ranking.modelVersion).toBe(1);
    expect(ranking.ruleSet).toEqual({ id: DEFAULT_RULE_SET.id, version: DEFAULT_RULE_SET.version });
    const [v1] = await value<ModelVersionSummary[]>('model:versions', {});
    expect(v1).toMatchObject({ version: 1, kind: 'interest-fm', active: true, note: 'first-use', onlineUpdates: 0 });
    expect(v1!.trainRows).toBeGreaterThan(5000);
    expect(v1!.testRows).toBeGreaterThan(v1!.trainRows * 0.15);
    expect(v1!.trainedFrom! < v1!.trainedTo!).toBe(true);
    expect(v1!.metrics!.auc!).toBeGreaterThan(v1!.baselines.popularity!.auc! + 0.02);
    expect(v1!.metrics!.logLoss!).toBeLessThan(v1!.baselines.popularity!.logLoss!);
    expect(events).toContainEqual({ event: 'data:changed', payload: { entity: 'model' } });
  });

  it('never ranks an unsuitable product: each one is shown apart with the failed rule and its reason in both languages', async () => {
    const products = await value<Product[]>('products:list', {});
    let sawRiskExclusion = false;
    for (const id of ['CL-0001', 'CL-0002', 'CL-0003', 'CL-0010', 'CL-0042']) {
      const detail = await value<{ client: Client; holdings: Holding[] }>('clients:get', { id });
      const ranking = await rank(id);
      const ranked = new Set(ranking.ranked.map((p) => p.productId));
      const excluded = new Set(ranking.excluded.map((p) => p.productId));
      expect([...ranked].filter((p) => excluded.has(p))).toEqual([]);
      // Every active product is ranked, excluded with its rules, or counted among the credit products held back.
      expect(ranked.size + excluded.size + (ranking.credit?.hidden ?? 0)).toBe(products.filter((p) => p.active).length);
      for (const p of products.filter((q) => ranked.has(q.id))) {
        expect(
          checkSuitability(detail.client, p, {
            holdings: detail.holdings,
            today: '2026-11-28',
            ruleSet: DEFAULT_RULE_SET,
            catalog: products,
          }).suitable,
        ).toBe(true);
      }
      for (const e of ranking.excluded) {
        expect(e.failed.length).toBeGreaterThan(0);
        for (const f of e.failed) {
          expect(f.passed).toBe(false);
          expect(recordedText(f.reason).en.length).toBeGreaterThan(10);
          expect(recordedText(f.reason).zh).toMatch(CJK);
        }
        if (e.failed.some((f) => f.ruleId === 'risk-class')) sawRiskExclusion = true;
      }
    }
    expect(sawRiskExclusion).toBe(true);
  });

  it('orders by probability except where the diversity rule moved a product, and spreads the top ten across categories', async () => {
    for (const id of ['CL-0001', 'CL-0005', 'CL-0020', 'CL-0077']) {
      const ranking = await rank(id, 20);
      expect(ranking.ranked.map((p) => p.rank)).toEqual(ranking.ranked.map((_, i) => i + 1));
      for (const p of ranking.ranked) expect(p.probability >= 0 && p.probability <= 1).toBe(true);
      const notMoved = ranking.ranked.filter((p) => !p.movedForDiversity).map((p) => p.probability);
      expect(notMoved).toEqual([...notMoved].sort((a, b) => b - a));
      for (const p of ranking.ranked.filter((q) => q.movedForDiversity)) {
        const above = ranking.ranked.slice(0, p.rank - 1);
        expect(above.some((q) => q.probability < p.probability && q.category !== p.category)).toBe(true);
      }
      const topTen = ranking.ranked.slice(0, 10);
      const perCategory = new Map<string, number>();
      for (const p of topTen) perCategory.set(p.category, (perCategory.get(p.category) ?? 0) + 1);
      const categories = new Set(ranking.ranked.map((p) => p.category)).size;
      if (categories >= 5) expect(Math.max(...perCategory.values())).toBeLessThanOrEqual(2);
    }
  });

  it('explains each score by its largest contributions, largest first, in English and Chinese', async () => {
    const ranking = await rank('CL-0003', 10);
    expect(ranking.ranked.length).toBeGreaterThan(0);
    for (const p of ranking.ranked) {
      expect(p.reasons.length).toBeGreaterThan(0);
      expect(p.reasons.length).toBeLessThanOrEqual(4);
      const sizes = p.reasons.map((r) => Math.abs(r.logOdds));
      expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
      for (const r of p.reasons) {
        expect(recordedText(r.text).en).not.toMatch(/\b(client|product|cross|market)\.[a-z]/);
        expect(recordedText(r.text).zh).toMatch(CJK);
      }
    }
  });

  it('learns a recorded outcome at once: several acceptances raise that product for a similar client', async () => {
    const clients = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        value<{ client: Client }>('clients:get', { id: `CL-${String(i + 1).padStart(4, '0')}` }),
      ),
    );
    const individuals = clients.map((d) => d.client).filter((c) => c.kind === 'individual' && c.riskClass !== null);
    const a = individuals[0]!;
    const b = individuals.find((c) => c.id !== a.id && c.riskClass === a.riskClass)!;
    const before = await rank(b.id);
    const forA = new Set((await rank(a.id)).ranked.map((p) => p.productId));
    const target = [...before.ranked].reverse().find((p) => forA.has(p.productId))!;
    events.length = 0;

    let last: { interaction: Interaction; modelVersion: number | null; onlineUpdates: number } | null = null;
    for (let i = 0; i < 5; i++)
      last = await value('outcomes:record', {
        clientId: a.id,
        productId: target.productId,
        outcome: 'accepted',
        note: 'Keen after the meeting',
        // Five acceptances in one day: each after the first is a repeat the advisor confirms.
        confirmRepeat: i > 0,
      });
    expect(last!.modelVersion).toBe(1);
    expect(last!.onlineUpdates).toBe(5);
    expect(last!.interaction).toMatchObject({
      clientId: a.id,
      productId: target.productId,
      outcome: 'accepted',
      policy: 'advisor-recorded',
      channel: 'meeting',
    });
    expect(last!.interaction.score).toBeGreaterThan(0);
    expect(events).toContainEqual({ event: 'data:changed', payload: { entity: 'interactions', id: a.id } });
    expect(events).toContainEqual({ event: 'data:changed', payload: { entity: 'model' } });

    const after = await rank(b.id);
    expect(probabilities(after)[target.productId]!).toBeGreaterThan(probabilities(before)[target.productId]!);
    const [v1] = await value<ModelVersionSummary[]>('model:versions', {});
    expect(v1!.onlineUpdates).toBe(5);
    const detail = await value<{ interactions: Interaction[] }>('clients:get', { id: a.id });
    expect(detail.interactions.filter((i) => i.policy === 'advisor-recorded')).toHaveLength(5);

    // A second backend on the same file (another window, the CLI) sees what was learned.
    const other = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      now: () => NOW,
    });
    try {
      const seen = await dispatch(other.handlers, 'recommendations:for-client', { clientId: b.id, top: 500 });
      expect(seen.ok && probabilities(seen.value as ClientRanking)[target.productId]).toBe(
        probabilities(after)[target.productId],
      );
    } finally {
      other.close();
    }
  });

  it('retrains into a new active version, and activating the old one rolls the scores back', async () => {
    const underV1 = await rank('CL-0001');
    expect(underV1.ranked.length).toBeGreaterThan(3);
    const v2 = await value<ModelVersionSummary>('model:retrain', {});
    expect(v2).toMatchObject({ version: 2, active: true, note: 'retrain', onlineUpdates: 0 });
    expect(v2.metrics!.auc!).toBeGreaterThan(v2.baselines.popularity!.auc!);
    // The version says which settings its training chose and why, in the advisor's language.
    expect(v2.selection!.candidates.length).toBeGreaterThan(0);
    expect(renderMessage(v2.selection!.reason, 'en')).toMatch(/AUC on the latest [\d,]+ training outcomes/);
    expect(renderMessage(v2.selection!.reason, 'zh-CN')).toContain('AUC');
    const underV2 = await rank('CL-0001');
    expect(underV2.modelVersion).toBe(2);
    expect(probabilities(underV2)).not.toEqual(probabilities(underV1));

    const back = await value<ModelVersionSummary>('model:activate', { version: 1 });
    expect(back).toMatchObject({ version: 1, active: true });
    const rolledBack = await rank('CL-0001');
    expect(rolledBack.modelVersion).toBe(1);
    expect(probabilities(rolledBack)).toEqual(probabilities(underV1));
    expect((await value<ModelVersionSummary[]>('model:versions', {})).map((v) => [v.version, v.active])).toEqual([
      [2, false],
      [1, true],
    ]);
    expect(await call('model:activate', { version: 99 })).toMatchObject({ ok: false, error: { code: 'not_found' } });

    const db = openDatabase(backend.databasePath, { readonly: true });
    try {
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('answers not_found for an unknown client or product', async () => {
    expect(await call('recommendations:for-client', { clientId: 'CL-NOPE' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    expect(
      await call('outcomes:record', { clientId: 'CL-0001', productId: 'NOPE', outcome: 'declined' }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('forgets every version with the data: a wipe leaves none, a demo reset trains afresh on first use', async () => {
    await value('data:wipe', {});
    expect(await value<ModelVersionSummary[]>('model:versions', {})).toEqual([]);
    await value('data:reset-demo', {});
    expect(await value<ModelVersionSummary[]>('model:versions', {})).toEqual([]);
    expect((await rank('CL-0001', 5)).modelVersion).toBe(1);
  });

  it('keeps each ranking shown as an impression that a reaction points back to, and asks before a repeat', async () => {
    const client = 'CL-0002';
    const unshown = await rank(client);
    expect(unshown.impressionId).toBeNull();
    const shown = await value<ClientRanking>('recommendations:for-client', {
      clientId: client,
      top: 5,
      shownOn: 'app',
    });
    expect(shown.impressionId).toMatch(/^IM-/);
    const product = shown.ranked[0]!.productId;

    const recorded = await value<{ interaction: Interaction }>('outcomes:record', {
      clientId: client,
      productId: product,
      outcome: 'interested',
      impressionId: shown.impressionId,
    });
    expect(recorded.interaction.impressionId).toBe(shown.impressionId);
    const detail = await value<{ interactions: Interaction[] }>('clients:get', { id: client });
    expect(detail.interactions.find((i) => i.id === recorded.interaction.id)?.impressionId).toBe(shown.impressionId);

    // The same reaction to the same product on the same day is asked about, then stored when confirmed.
    const again = { clientId: client, productId: product, outcome: 'interested', impressionId: shown.impressionId };
    expect(await call('outcomes:record', again)).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/^repeat-reaction: .*already recorded today/) },
    });
    expect((await call('outcomes:record', { ...again, confirmRepeat: true })).ok).toBe(true);

    // A reaction cannot point at a ranking that did not show that product to that client, or at none.
    const notShown = shown.excluded[0]?.productId ?? 'NOPE';
    expect(
      await call('outcomes:record', {
        clientId: client,
        productId: notShown,
        outcome: 'declined',
        impressionId: shown.impressionId,
      }),
    ).toMatchObject({ ok: false });
    expect(
      await call('outcomes:record', {
        clientId: 'CL-0003',
        productId: product,
        outcome: 'declined',
        impressionId: shown.impressionId,
      }),
    ).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(
      await call('outcomes:record', {
        clientId: client,
        productId: product,
        outcome: 'declined',
        impressionId: 'IM-NONE',
      }),
    ).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
