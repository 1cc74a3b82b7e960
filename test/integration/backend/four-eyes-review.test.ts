import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import type { PitchDraftSummary, PitchDraftView } from '../../../app/contract/pitch-channels';
import type { AdviceRecordSummary, StoredAdviceRecordView } from '../../../app/contract/record-channels';
import type { WaitingReview } from '../../../app/contract/user-channels';
import type { ClientPage, DeskUser, PitchReview } from '../../../app/domain';
import { AdviceRecordSchema } from '../../../app/records/advice-record-schema';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { listAuditEntries } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { openDatabase } from '../../../main/db/connection';
import { exportTrainingPairs } from '../../../main/records/export-training';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const GOOD = { accuracy: 4, suitability: 5, clarity: 4, compliance: 5 };

/**
 * Users, permissions and four-eyes review through dispatch() on the demo book and its people: an advisor drafts and
 * submits, a reviewer sends back and then approves, and the approval is the one advice record, carrying the review.
 */
describe('four-eyes review', () => {
  let dir: string;
  let backend: Backend;
  const { call, value } = backendCalls(() => backend.handlers);
  const signIn = (id: string) => value<DeskUser>('users:sign-in', { id });
  let clientId = '';
  let productId = '';
  let draftId = '';
  const finished = new Map<string, () => void>();

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-review-'));
    backend = openBackend({ dataDir: dir, mode: 'browser', now: () => NOW });
    backend.subscribe((event, payload) => {
      if (event === 'pitch:done') finished.get((payload as { requestId: string }).requestId)?.();
    });
    await signIn('ADV-01');
    const page = await value<ClientPage>('clients:list', { limit: 30 });
    for (const c of page.rows) {
      const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: c.id, top: 3 });
      if (ranking.ranked.length > 0) {
        clientId = c.id;
        productId = ranking.ranked[0]!.productId;
        break;
      }
    }
    expect(clientId).not.toBe('');
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses every change before anyone signs in, naming what to do', async () => {
    const fresh = openBackend({ dataDir: dir, mode: 'browser', now: () => NOW });
    try {
      const r = await backendCalls(() => fresh.handlers).call('clients:submit-questionnaire', {
        clientId,
        revision: 1,
        answers: {},
      });
      expect(r).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: expect.stringMatching(/^Sign in first/) },
      });
      // Reading is open, and the picker can preselect the last person who signed in here.
      expect(await backendCalls(() => fresh.handlers).value('users:current', {})).toEqual({
        user: null,
        lastUserId: 'ADV-01',
      });
    } finally {
      fresh.close();
    }
  });

  it('lists the demo branch: advisors, two reviewers, a compliance officer and an administrator', async () => {
    const users = await value<DeskUser[]>('users:list', {});
    expect(users.map((u) => [u.id, u.roles.join('+')])).toEqual([
      ['ADV-01', 'advisor'],
      ['ADV-02', 'advisor'],
      ['ADV-03', 'advisor+administrator'],
      ['ADV-04', 'advisor'],
      ['REV-01', 'reviewer'],
      ['CMP-01', 'compliance'],
      ['REV-02', 'reviewer'],
    ]);
  });

  it('lets only administrators set the review policy and manage users, and keeps one active administrator', async () => {
    expect(await call('review:set-policy', { reviewRequiredFor: 'all-drafts' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/Only administrators manage users/) },
    });
    await signIn('ADV-03');
    expect(await value('review:set-policy', { reviewRequiredFor: 'all-drafts' })).toEqual({
      reviewRequiredFor: 'all-drafts',
    });
    const added = await value<DeskUser>('users:create', { displayName: '赵磊 Zhao Lei', roles: ['reviewer'] });
    expect(added).toMatchObject({ active: true, roles: ['reviewer'] });
    expect(await call('users:update', { id: 'ADV-03', roles: ['advisor'] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/one active administrator/) },
    });
    await value('users:update', { id: added.id, active: false });
    expect(await call('users:sign-in', { id: added.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('lets compliance read and export but not change advice', async () => {
    await signIn('CMP-01');
    expect(await value<unknown[]>('records:for-client', { clientId })).toEqual([]);
    for (const [channel, input] of [
      ['clients:submit-questionnaire', { clientId, revision: 1, answers: {} }],
      ['pitch:start', { clientId, productId, settings: { language: 'en' } }],
      ['outcomes:record', { clientId, productId, outcome: 'interested' }],
    ] as const) {
      expect(await call(channel, input)).toMatchObject({
        ok: false,
        error: { code: 'forbidden', message: 'Compliance users can read and export advice but not change it.' },
      });
    }
  });

  it("refuses the author's own approval when review is required, and takes a submission instead", async () => {
    await signIn('ADV-01');
    const started = await value<{ requestId: string; draftId: string }>('pitch:start', {
      clientId,
      productId,
      settings: { language: 'en', tone: 'warm', length: 'short' },
      source: 'template',
    });
    await new Promise<void>((resolve) => finished.set(started.requestId, resolve));
    draftId = started.draftId;
    const draft = await value<PitchDraftView>('pitch:get', { draftId });
    expect(draft).toMatchObject({ reviewRequired: true, awaitingReview: null, reviews: [] });

    expect(await call('pitch:approve', { draftId, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/^Four-eyes rule: every pitch needs a reviewer/) },
    });
    const submitted = await value<PitchDraftView>('pitch:submit-review', { draftId, version: 1 });
    expect(submitted.awaitingReview).toEqual({ version: 1, by: 'ADV-01', at: NOW.toISOString() });
    expect((await value<PitchDraftSummary[]>('pitch:list', { clientId }))[0]).toMatchObject({ awaitingReview: true });
    expect(await value<WaitingReview[]>('reviews:waiting', {})).toMatchObject([
      { draftId, version: 1, clientId, submittedBy: 'ADV-01', submittedByName: '李伟 Li Wei' },
    ]);
    // An advisor is not a reviewer.
    expect(await call('pitch:review', { draftId, version: 1, decision: 'approve', rubric: GOOD })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: 'Reviewing pitches is for reviewers.' },
    });
  });

  it('sends back with a comment required, leaving the version unapproved; the author edits and submits again', async () => {
    await signIn('REV-01');
    expect(await call('pitch:review', { draftId, version: 1, decision: 'send-back', rubric: GOOD })).toMatchObject({
      ok: false,
      error: { code: 'validation' },
    });
    const low = { ...GOOD, clarity: 2 };
    expect(await call('pitch:review', { draftId, version: 1, decision: 'approve', rubric: low })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/below 3 \(clarity\)/) },
    });
    const back = await value<PitchDraftView>('pitch:review', {
      draftId,
      version: 1,
      decision: 'send-back',
      rubric: low,
      comment: 'Shorten the body.',
    });
    expect(back).toMatchObject({ status: 'draft', approvedVersion: null, awaitingReview: null });
    expect(back.reviews).toMatchObject([{ decision: 'sent-back', reviewerId: 'REV-01', comment: 'Shorten the body.' }]);
    expect(await value<WaitingReview[]>('reviews:waiting', {})).toEqual([]);

    await signIn('ADV-01');
    expect(await call('pitch:submit-review', { draftId, version: 1 })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/sent back/) },
    });
    const v1 = back.versions[0]!;
    await value('pitch:save', {
      draftId,
      baseVersion: 1,
      content: { ...v1.content, body: v1.content.body.split('. ').slice(0, 2).join('. ') },
    });
    await value('pitch:submit-review', { draftId, version: 2 });
  });

  it("makes the reviewer's approval the approval: one advice record carrying the rubric, in @2", async () => {
    await signIn('REV-01');
    const approved = await value<PitchDraftView>('pitch:review', {
      draftId,
      version: 2,
      decision: 'approve',
      rubric: GOOD,
      comment: '',
    });
    expect(approved).toMatchObject({ status: 'approved', approvedVersion: 2, awaitingReview: null });
    expect(approved.versions[1]!.approval).toEqual({ by: 'REV-01', at: NOW.toISOString() });

    const records = await value<AdviceRecordSummary[]>('records:for-client', { clientId });
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ advisor: 'ADV-01', approver: 'REV-01' });
    const stored = await value<StoredAdviceRecordView>('records:get', { id: records[0]!.id });
    expect(stored.intact).toBe(true);
    expect(stored.record).toMatchObject({
      schema: 'advisor-desk/advice-record@2',
      approver: 'REV-01',
      review: {
        reviewer: { id: 'REV-01', name: '张敏 Zhang Min' },
        rubric: GOOD,
        submittedBy: 'ADV-01',
        reviewedAt: NOW.toISOString(),
      },
    });
    expect(AdviceRecordSchema.safeParse(stored.record).success).toBe(true);

    const reviews = await value<PitchReview[]>('reviews:list', { draftId });
    expect(reviews.map((r) => [r.version, r.decision, r.rubric.clarity])).toEqual([
      [2, 'approved', 4],
      [1, 'sent-back', 2],
    ]);
    // A reviewer cannot review what they wrote: the author of a version is not a second pair of eyes.
    await signIn('ADV-03');
    await value('users:update', { id: 'ADV-01', roles: ['advisor', 'reviewer'] });
    await signIn('ADV-01');
    await value('pitch:save', { draftId, baseVersion: 2, content: approved.versions[1]!.content });
    await value('pitch:submit-review', { draftId, version: 3 });
    expect(await call('pitch:review', { draftId, version: 3, decision: 'approve', rubric: GOOD })).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/cannot review a pitch they wrote/) },
    });
  });

  it('records each sign-in and switch, each change to users and each review in a trail that verifies', () => {
    const db = openDatabase(backend.databasePath);
    try {
      const session = listAuditEntries(db, { entity: 'session' });
      expect(session.map((e) => e.action).slice(0, 2)).toEqual(['sign in', 'switch user']);
      expect(session[1]).toMatchObject({ actor: 'ADV-03', before: { user: 'ADV-01' }, after: { user: 'ADV-03' } });
      expect(listAuditEntries(db, { entity: 'pitch_review' }).map((e) => e.actor)).toEqual(['REV-01', 'REV-01']);
      expect(listAuditEntries(db, { entity: 'user' }).some((e) => e.action === 'update' && e.actor === 'ADV-03')).toBe(
        true,
      );
      expect(verifyAuditChain(db).problems).toEqual([]);
      // The reviewer's approval is what the fine-tuning export counts as reviewed by a second person.
      const out = path.join(dir, 'pairs.jsonl');
      expect(exportTrainingPairs(db, { out, from: null, to: null, reviewedOnly: true })).toMatchObject({
        written: 1,
        skipped: { notReviewed: 0 },
      });
    } finally {
      db.close();
    }
  });
});
