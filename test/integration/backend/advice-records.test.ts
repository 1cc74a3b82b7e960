import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking, ModelVersionSummary } from '../../../app/contract/engine-channels';
import type { AdviceRecordSummary, StoredAdviceRecordView } from '../../../app/contract/record-channels';
import type { Interaction } from '../../../app/domain';
import { parseCsv } from '../../../app/import/csv-parser';
import type { CorrectionRecord, RankingPresentedRecord } from '../../../app/records/advice-record';
import { AdviceRecordSchema } from '../../../app/records/advice-record-schema';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { openDatabase } from '../../../main/db/connection';
import { exportAdviceRecords, verifyExport } from '../../../main/records/export-records';
import { backendCalls } from './backend-calls';

const CJK = /[\u4e00-\u9fff]/;

/**
 * What an advisor does with a ranking besides pitching: marks it as presented (an advice record of every product
 * shown and excluded), corrects a record later, and takes back a reaction clicked by mistake.
 */
describe('presented rankings, corrections and undone reactions', () => {
  let dir: string;
  let backend: Backend;
  let now = new Date('2026-11-28T09:00:00.000Z');
  const { call, value } = backendCalls(() => backend.handlers);
  const rankShown = (clientId: string) =>
    value<ClientRanking>('recommendations:for-client', { clientId, top: 8, shownOn: 'app' });
  const recordsOf = (clientId: string) => value<AdviceRecordSummary[]>('records:for-client', { clientId });
  const activeVersion = async () => (await value<ModelVersionSummary[]>('model:versions', {})).find((v) => v.active)!;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-records-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => now });
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('records a presented ranking once, with every product shown and every one suitability excluded', async () => {
    const ranking = await rankShown('CL-0002');
    expect(ranking.impressionId).toMatch(/^IM-/);
    expect(ranking.excluded.length).toBeGreaterThan(0);
    const made = await value<{ id: string }>('records:present-ranking', {
      impressionId: ranking.impressionId,
      note: 'Went through the top three at the branch.',
    });
    const stored = await value<StoredAdviceRecordView>('records:get', { id: made.id });
    expect(stored.intact).toBe(true);
    expect(AdviceRecordSchema.safeParse(stored.record).success).toBe(true);
    const record = stored.record as RankingPresentedRecord;
    expect(record.kind).toBe('ranking-presented');
    expect(record.presentation).toMatchObject({
      impressionId: ranking.impressionId,
      note: 'Went through the top three at the branch.',
      modelVersion: ranking.modelVersion,
      ruleSet: ranking.ruleSet,
      changedSinceShown: [],
    });
    const recommended = record.products.filter((p) => p.role === 'recommended');
    expect(recommended.map((p) => [p.product.id, p.position])).toEqual(
      ranking.ranked.map((p) => [p.productId, p.rank]),
    );
    expect(recommended.every((p) => p.suitability.suitable && p.reasons.length > 0)).toBe(true);
    const rejected = record.products.filter((p) => p.role === 'rejected');
    expect(rejected.map((p) => p.product.id).sort()).toEqual(ranking.excluded.map((p) => p.productId).sort());
    for (const p of rejected) {
      expect(p.suitability.suitable).toBe(false);
      const failed = p.suitability.reasons.filter((r) => !r.passed);
      expect(failed.length).toBeGreaterThan(0);
      expect(failed.every((r) => r.text.en.length > 10 && CJK.test(r.text.zh))).toBe(true);
    }

    const again = await call('records:present-ranking', { impressionId: ranking.impressionId, note: '' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!again.ok && again.error.message).toContain(made.id);

    const [summary] = await recordsOf('CL-0002');
    expect(summary).toMatchObject({
      id: made.id,
      kind: 'ranking-presented',
      productId: null,
      recommendedCount: ranking.ranked.length,
      correctedBy: [],
    });
  });

  it('answers a ranking that was never shown as not found', async () => {
    const r = await call('records:present-ranking', { impressionId: 'IM-NOPE', note: '' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('corrects a record with a new one that names it; the original stays as made', async () => {
    const [original] = await recordsOf('CL-0002');
    const before = await value<StoredAdviceRecordView>('records:get', { id: original!.id });
    const short = await call('records:correct', {
      id: original!.id,
      reason: 'typo',
      changes: [{ field: 'note', was: 'a', now: 'b' }],
    });
    expect(short).toMatchObject({ ok: false, error: { code: 'validation' } });
    const unchanged = await call('records:correct', {
      id: original!.id,
      reason: 'The note named the wrong branch.',
      changes: [{ field: 'note', was: 'branch', now: 'branch' }],
    });
    expect(unchanged).toMatchObject({ ok: false, error: { code: 'validation' } });

    const made = await value<{ id: string }>('records:correct', {
      id: original!.id,
      reason: 'The note named the wrong branch.',
      changes: [{ field: 'presentation.note', was: 'at the branch', now: 'by video call' }],
    });
    const correction = (await value<StoredAdviceRecordView>('records:get', { id: made.id })).record as CorrectionRecord;
    expect(correction).toMatchObject({
      kind: 'correction',
      corrects: { id: original!.id, kind: 'ranking-presented', contentHash: before.contentHash },
      changes: [{ field: 'presentation.note', was: 'at the branch', now: 'by video call' }],
    });
    const after = await value<StoredAdviceRecordView>('records:get', { id: original!.id });
    expect(after).toEqual(before);
    const list = await recordsOf('CL-0002');
    expect(list.find((r) => r.id === original!.id)!.correctedBy).toEqual([made.id]);
    expect(list.find((r) => r.id === made.id)!.correctsId).toBe(original!.id);

    const ofCorrection = await call('records:correct', {
      id: made.id,
      reason: 'Correcting the correction.',
      changes: [{ field: 'reason', was: 'x', now: 'y' }],
    });
    expect(ofCorrection).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!ofCorrection.ok && ofCorrection.error.message).toContain(original!.id);
  });

  it('exports one CSV row per product a record speaks of, and the export verifies', async () => {
    const db = openDatabase(backend.databasePath, { readonly: true });
    const out = path.join(dir, 'export-csv');
    try {
      const manifest = await exportAdviceRecords(db, {
        from: '2026-11-28',
        to: '2026-11-28',
        client: 'CL-0002',
        advisor: null,
        format: 'csv',
        outDir: out,
        now,
        appVersion: 'test',
      });
      expect(manifest.recordCount).toBe(2);
      const table = parseCsv(fs.readFileSync(path.join(out, 'advice-records.csv'), 'utf8'));
      const role = table.header.indexOf('role');
      const roles = table.records.map((r) => r.fields[role]);
      expect(roles.filter((r) => r === 'recommended').length).toBeGreaterThan(0);
      expect(roles.filter((r) => r === 'rejected').length).toBeGreaterThan(0);
      expect(roles.filter((r) => r === 'correction')).toHaveLength(1);
      expect(verifyExport(out)).toMatchObject({ ok: true, recordCount: 2 });
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('takes back a reaction within minutes, putting the live model back as it was', async () => {
    const ranking = await rankShown('CL-0003');
    const product = ranking.ranked[0]!;
    const before = await activeVersion();
    const recorded = await value<{ interaction: Interaction; onlineUpdates: number }>('outcomes:record', {
      clientId: 'CL-0003',
      productId: product.productId,
      outcome: 'interested',
      impressionId: ranking.impressionId,
    });
    expect((await activeVersion()).onlineUpdates).toBe(before.onlineUpdates + 1);
    const scoreAfterLearning = (await rankShown('CL-0003')).ranked.find((p) => p.productId === product.productId);

    const undone = await value<{ modelReverted: boolean }>('outcomes:undo', { interactionId: recorded.interaction.id });
    expect(undone.modelReverted).toBe(true);
    expect((await activeVersion()).onlineUpdates).toBe(before.onlineUpdates);
    const detail = await value<{ interactions: Interaction[] }>('clients:get', { id: 'CL-0003' });
    expect(detail.interactions.some((i) => i.id === recorded.interaction.id)).toBe(false);
    const back = (await rankShown('CL-0003')).ranked.find((p) => p.productId === product.productId)!;
    expect(back.probability).toBeCloseTo(product.probability, 12);
    expect(scoreAfterLearning!.probability).not.toBe(product.probability);

    const twice = await call('outcomes:undo', { interactionId: recorded.interaction.id });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps what the model learned since, and refuses an undo after the window', async () => {
    const ranking = await rankShown('CL-0003');
    const [, a, b] = ranking.ranked;
    const first = await value<{ interaction: Interaction }>('outcomes:record', {
      clientId: 'CL-0003',
      productId: a!.productId,
      outcome: 'declined',
    });
    await value('outcomes:record', { clientId: 'CL-0003', productId: b!.productId, outcome: 'interested' });
    const kept = await value<{ modelReverted: boolean; note: string }>('outcomes:undo', {
      interactionId: first.interaction.id,
    });
    expect(kept.modelReverted).toBe(false);
    expect(kept.note).toMatch(/retrain/);

    const late = await value<{ interaction: Interaction }>('outcomes:record', {
      clientId: 'CL-0003',
      productId: a!.productId,
      outcome: 'interested',
    });
    now = new Date(now.getTime() + 11 * 60_000);
    const refused = await call('outcomes:undo', { interactionId: late.interaction.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(!refused.ok && refused.error.message).toMatch(/10 minutes/);

    const db = openDatabase(backend.databasePath, { readonly: true });
    try {
      expect(verifyAuditChain(db).ok).toBe(true);
      const trail = db
        .prepare(`SELECT count(*) AS n FROM audit_log WHERE entity = 'interaction' AND action = 'undo reaction'`)
        .get() as { n: number };
      expect(trail.n).toBe(2);
      // Each recorded reaction is an audit entry too, naming the ranking it was recorded from when it was.
      const recorded = db
        .prepare(`SELECT after_json FROM audit_log WHERE entity = 'interaction' AND action = 'record reaction'`)
        .all() as { after_json: string }[];
      expect(recorded.length).toBe(4);
      expect(
        recorded.filter((r) => (JSON.parse(r.after_json) as { impressionId: string | null }).impressionId),
      ).toHaveLength(1);
    } finally {
      db.close();
    }
  });
});
