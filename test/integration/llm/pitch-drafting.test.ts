import type { AdviceRecordSummary, StoredAdviceRecordView } from '../../../app/contract/record-channels';
import type { PitchAdviceRecord } from '../../../app/records/advice-record';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../app/messages';
import { recordedText } from '../../../app/domain/localized-text';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import type { PitchDraftView } from '../../../app/contract/pitch-channels';
import type { ClientPage } from '../../../app/domain';
import { PITCH_PROMPT_VERSION, parseDraft } from '../../../app/pitch';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { listAuditEntries } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { openDatabase } from '../../../main/db/connection';
import { testModelPath } from '../../fixtures/test-models';
import { backendCalls } from '../backend/backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');
/** The streamed text as the service parses it: unfinished multi-byte pieces (U+FFFD) carry no text and are dropped. */
const streamed = (pieces: readonly string[] | undefined) => (pieces ?? []).join('').replace(/\uFFFD+/g, '');

interface Done {
  requestId: string;
  draftId: string;
  outcome: 'completed' | 'stopped' | 'failed';
  version: number | null;
  error: Message | null;
}

/**
 * Pitch drafting through dispatch() on the demo book, with the real node-llama-cpp running a generated
 * random-weight model: its words are nonsense, but the grammar must still give a draft that parses, streams and
 * stops, and every draft must be kept as a version with its provenance.
 */
describe('pitch drafting', () => {
  let dir: string;
  let backend: Backend;
  const deltas = new Map<string, string[]>();
  const finished = new Map<string, Done>();
  const waiters = new Map<string, (done: Done) => void>();
  const { call, value } = backendCalls(() => backend.handlers);
  const doneOf = (requestId: string) =>
    new Promise<Done>((resolve) => {
      const already = finished.get(requestId);
      if (already) resolve(already);
      else waiters.set(requestId, resolve);
    });
  const start = (input: Record<string, unknown>) =>
    value<{ requestId: string; draftId: string; source: 'model' | 'template' }>('pitch:start', {
      clientId,
      productId,
      settings: { language: 'en', tone: 'warm', length: 'short' },
      ...input,
    });
  let clientId = '';
  let productId = '';
  let unsuitableId = '';

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-pitch-'));
    backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser', now: () => NOW });
    backend.subscribe((event, payload) => {
      if (event === 'pitch:delta') {
        const p = payload as { requestId: string; delta: string };
        deltas.set(p.requestId, [...(deltas.get(p.requestId) ?? []), p.delta]);
      }
      if (event === 'pitch:done') {
        const p = payload as Done;
        finished.set(p.requestId, p);
        waiters.get(p.requestId)?.(p);
      }
    });
    const page = await value<ClientPage>('clients:list', { limit: 50 });
    for (const c of page.rows) {
      const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: c.id, top: 5 });
      if (ranking.ranked.length > 0 && ranking.excluded.length > 0) {
        clientId = c.id;
        productId = ranking.ranked[0]!.productId;
        unsuitableId = ranking.excluded[0]!.productId;
        break;
      }
    }
    expect(clientId, 'the demo book has a client with suitable and unsuitable products').not.toBe('');
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to draft a product that does not suit the client, and keeps nothing', async () => {
    const refused = await call('pitch:start', { clientId, productId: unsuitableId, settings: { language: 'en' } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/not suitable for this client/) },
    });
    expect(await value<unknown[]>('pitch:list', { clientId })).toEqual([]);
  });

  it('without a model drafts from the template, streamed in pieces, labelled, passing the lint and approvable', async () => {
    const started = await start({ source: 'auto' });
    expect(started.source).toBe('template');
    const done = await doneOf(started.requestId);
    expect(done).toMatchObject({ outcome: 'completed', version: 1, error: null });
    expect((deltas.get(started.requestId) ?? []).length).toBeGreaterThan(3);
    const draft = await value<PitchDraftView>('pitch:get', { draftId: started.draftId });
    const v1 = draft.versions[0]!;
    expect(v1.label.en).toMatch(/Template draft/);
    expect(v1.label.zh).toMatch(/模板/);
    expect(v1.provenance).toMatchObject({ source: 'template', modelSha256: null });
    expect(v1.issues.filter((i) => i.severity === 'blocking')).toEqual([]);
    expect(v1.approvable).toBe(true);
    // The streamed text is the draft itself.
    expect(parseDraft((deltas.get(started.requestId) ?? []).join(''), 'short').ok).toBe(true);
  });

  it("keeps an advisor's edit as a new version, refuses a stale base, and refuses approving a version with a blocking problem", async () => {
    const [summary] = await value<{ id: string; latestVersion: number }[]>('pitch:list', { clientId });
    const draftId = summary!.id;
    const v1 = (await value<PitchDraftView>('pitch:get', { draftId })).versions[0]!;
    const promised = {
      ...v1.content,
      body: `${v1.content.body} This fund is guaranteed to return 12% a year with no risk.`,
    };
    const lint = await value<{ issues: { ruleId: string; severity: string }[]; approvable: boolean }>('pitch:lint', {
      draftId,
      content: promised,
    });
    expect(lint.approvable).toBe(false);
    expect(lint.issues).toContainEqual(expect.objectContaining({ ruleId: 'forbidden-claim', severity: 'blocking' }));

    const saved = await value<PitchDraftView>('pitch:save', { draftId, baseVersion: 1, content: promised });
    expect(saved.versions.map((v) => v.version)).toEqual([1, 2]);
    expect(saved.versions[1]!.provenance.source).toBe('advisor');
    expect(await call('pitch:save', { draftId, baseVersion: 1, content: v1.content })).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });

    expect(await call('pitch:approve', { draftId, version: 2 })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/blocking/) },
    });
    expect((await value<PitchDraftView>('pitch:get', { draftId })).status).toBe('draft');

    // Back to the template's words as version 3: that one is approved, with an audit entry.
    await value<PitchDraftView>('pitch:save', { draftId, baseVersion: 2, content: v1.content });
    const approved = await value<PitchDraftView>('pitch:approve', { draftId, version: 3 });
    expect(approved).toMatchObject({ status: 'approved', approvedVersion: 3 });
    const db = openDatabase(backend.databasePath);
    try {
      expect(listAuditEntries(db, { entityId: draftId }).map((e) => e.action)).toContainEqual(
        expect.stringMatching(/approve/),
      );
      // Every version and the approval were sealed as they were written: the check finds nothing.
      expect(verifyAuditChain(db).problems).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('keeps an approval with its version when the pitch is drafted again, and never approves a version twice', async () => {
    const [summary] = await value<{ id: string; latestVersion: number }[]>('pitch:list', { clientId });
    const draftId = summary!.id;
    const before = await value<PitchDraftView>('pitch:get', { draftId });
    expect(before.approvedVersion).toBe(3);
    expect(await call('pitch:approve', { draftId, version: 3 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/already approved/) },
    });

    // Drafting again adds version 4 beside the approved text; version 3 stays approved, by whom and when.
    const again = await start({ source: 'auto', draftId });
    expect((await doneOf(again.requestId)).version).toBe(4);
    const after = await value<PitchDraftView>('pitch:get', { draftId });
    expect(after).toMatchObject({ status: 'approved', approvedVersion: 3 });
    expect(after.versions.map((v) => v.approval?.by ?? null)).toEqual([null, null, 'ADV-03', null]);
    expect((await value<{ status: string }[]>('pitch:list', { clientId }))[0]!.status).toBe('approved');

    // The new version can be approved in its turn; both approvals are kept.
    const both = await value<PitchDraftView>('pitch:approve', { draftId, version: 4 });
    expect(both.approvedVersion).toBe(4);
    expect(both.versions.filter((v) => v.approval !== null).map((v) => v.version)).toEqual([3, 4]);
  });

  it('leaves a frozen advice record for each approval: client, product, suitability, texts, disclosures, hash', async () => {
    const records = await value<AdviceRecordSummary[]>('records:for-client', { clientId });
    expect(records).toHaveLength(2);
    expect(records.every((r) => r.approver === 'ADV-03' && r.productId === productId)).toBe(true);
    const [draft] = await value<{ id: string }[]>('pitch:list', { clientId });
    // Newest first: the approval of version 4, then that of version 3 (made at the same instant on this clock).
    const stored = await value<StoredAdviceRecordView>('records:get', { id: records[1]!.id });
    expect(stored.intact).toBe(true);
    expect(stored.contentHash).toMatch(/^[0-9a-f]{64}$/);
    const record = stored.record as PitchAdviceRecord;
    expect(record).toMatchObject({
      schema: 'advisor-desk/advice-record@2',
      kind: 'pitch-approved',
      approver: 'ADV-03',
      // A template draft needs no reviewer under the default policy: the author's approval carries no review.
      review: null,
      client: { id: clientId },
      product: { id: productId },
      suitability: { suitable: true },
      pitch: {
        draftId: draft!.id,
        approvedVersion: 3,
        language: 'en',
        machineDraft: { version: 1, source: 'template' },
      },
    });
    // Version 3 put the template's words back: nothing differs from the machine's draft. The disclosure is carried.
    expect(record.pitch.changes).toEqual([]);
    expect(record.pitch.disclosures[0]!.en.length).toBeGreaterThan(20);
    expect(record.suitability.reasons.length).toBeGreaterThan(3);
    expect(record.suitability.reasons.every((r) => r.passed && r.text.en.length > 0 && r.text.zh.length > 0)).toBe(
      true,
    );
    expect(record.pitch.generation).toMatchObject({ source: 'template', modelSha256: null });

    // Frozen in the file itself: another SQLite client can neither change nor delete it.
    const db = openDatabase(backend.databasePath);
    try {
      expect(() => db.prepare("UPDATE advice_records SET approver_id = 'someone'").run()).toThrow(/cannot be changed/);
      expect(() => db.prepare('DELETE FROM advice_records').run()).toThrow(/cannot be deleted/);
    } finally {
      db.close();
    }
  });

  describe('with the generated model loaded', () => {
    beforeAll(async () => {
      await value('llm:load', { path: await testModelPath({ contextLength: 8192 }) });
    }, 60_000);

    it('drafts with the model: deltas stream before done, the answer parses, the version carries its provenance', async () => {
      const started = await start({ source: 'model' });
      expect(started.source).toBe('model');
      const done = await doneOf(started.requestId);
      const pieces = deltas.get(started.requestId) ?? [];
      expect(pieces.length).toBeGreaterThan(3);
      expect(done.outcome, done.error ? recordedText(done.error).en : '').toBe('completed');
      expect(parseDraft(streamed(pieces), 'short').ok).toBe(true);
      const draft = await value<PitchDraftView>('pitch:get', { draftId: started.draftId });
      const v = draft.versions.at(-1)!;
      expect(v.provenance).toMatchObject({
        source: 'model',
        modelSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        promptHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
      expect(v.provenance.settings).toMatchObject({
        format: 'chat',
        temperature: expect.any(Number),
        seed: expect.any(Number),
        threads: expect.any(Number),
        promptTokens: expect.any(Number),
        // Review scores group model drafts by the version of the drafting instructions.
        promptVersion: PITCH_PROMPT_VERSION,
      });
      expect(v.provenance.settings.promptTokens as number).toBeGreaterThan(0);
      expect(v.provenance.generatedTokens).toBeGreaterThan(0);
      expect(v.label.en).toMatch(/model/);
    }, 120_000);

    it('Stop ends a running generation early with outcome stopped', async () => {
      const started = await start({ source: 'model', settings: { language: 'en', tone: 'warm', length: 'long' } });
      // Wait for the first text, then stop.
      for (let i = 0; i < 600 && !deltas.get(started.requestId)?.length; i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(await value('pitch:stop', { requestId: started.requestId })).toEqual({ stopped: true });
      const done = await doneOf(started.requestId);
      expect(done.outcome).toBe('stopped');
    }, 120_000);

    it('a second draft started while the first runs waits its turn, and both land as versions of the one draft', async () => {
      const before = await start({ source: 'template' });
      await doneOf(before.requestId);
      const versionsBefore = (await value<PitchDraftView>('pitch:get', { draftId: before.draftId })).versions.length;
      const a = await start({ source: 'model' });
      const b = await start({ source: 'model' });
      // One draft per client, product and language: a second start adds a version rather than a twin draft.
      expect([a.draftId, b.draftId]).toEqual([before.draftId, before.draftId]);
      const [da, db] = await Promise.all([doneOf(a.requestId), doneOf(b.requestId)]);
      expect([da.outcome, db.outcome]).toEqual(['completed', 'completed']);
      const versions = (await value<PitchDraftView>('pitch:get', { draftId: a.draftId })).versions;
      expect(versions).toHaveLength(versionsBefore + 2);
      const numbers = versions.map((v) => v.version);
      expect(new Set(numbers).size).toBe(numbers.length);
      // The streams did not interleave: each request's text is a whole pitch on its own.
      expect(parseDraft(streamed(deltas.get(a.requestId)), 'short').ok).toBe(true);
      expect(parseDraft(streamed(deltas.get(b.requestId)), 'short').ok).toBe(true);
    }, 180_000);

    it('a model without a chat template is prompted in the plain format', async () => {
      await value('llm:load', { path: await testModelPath({ chatTemplate: false, contextLength: 8192 }) });
      const started = await start({ source: 'model' });
      const done = await doneOf(started.requestId);
      expect(done.outcome, done.error ? recordedText(done.error).en : '').toBe('completed');
      const v = (await value<PitchDraftView>('pitch:get', { draftId: started.draftId })).versions.at(-1)!;
      expect(v.provenance.settings.format).toBe('plain');
      expect(v.provenance.prompt).not.toMatch(/<system>/);
    }, 120_000);

    it('a short context gets a budgeted prompt with facts dropped, or the clear error that the essentials cannot fit', async () => {
      await value('llm:load', { path: await testModelPath({ contextLength: 512 }) });
      expect((await value<{ contextSize: number }>('llm:status', {})).contextSize).toBe(512);
      const started = await start({ source: 'model', settings: { language: 'en', tone: 'warm', length: 'long' } });
      const done = await doneOf(started.requestId);
      if (done.outcome === 'failed') {
        expect(recordedText(done.error!).en).toMatch(/context of 512 tokens is too small/);
        expect(recordedText(done.error!).zh).toMatch(/512/);
      } else {
        const v = (await value<PitchDraftView>('pitch:get', { draftId: started.draftId })).versions.at(-1)!;
        expect(v.provenance.droppedFacts.length).toBeGreaterThan(0);
      }
    }, 120_000);
  });
});
