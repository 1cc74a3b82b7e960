import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking } from '../../../app/contract/engine-channels';
import type { PitchDraftView } from '../../../app/contract/pitch-channels';
import type { ReviewScores } from '../../../app/contract/review-score-channels';
import type { ClientPage, DeskUser } from '../../../app/domain';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase } from '../../../main/db/connection';
import { addPitchVersion } from '../../../main/db/pitch-draft-repository';
import { DATABASE_FILE_NAME } from '../../../main/paths';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');
const SHA = 'c'.repeat(64);

/**
 * The review scores channel over a real store: reviews given through the four-eyes channels, of a template draft and
 * of a model draft (its version written as the drafting use-case writes one), grouped and counted as a team lead
 * would read them; and the demo's history gives every group something to show.
 */
describe('review scores', () => {
  let dir: string;
  let backend: Backend;
  const { value } = backendCalls(() => backend.handlers);
  const signIn = (id: string) => value<DeskUser>('users:sign-in', { id });
  const finished = new Map<string, () => void>();

  async function templateDraft(clientId: string, productId: string, language: 'en' | 'zh-CN'): Promise<PitchDraftView> {
    const started = await value<{ requestId: string; draftId: string }>('pitch:start', {
      clientId,
      productId,
      settings: { language, tone: 'warm', length: 'short' },
      source: 'template',
    });
    await new Promise<void>((resolve) => finished.set(started.requestId, resolve));
    return value<PitchDraftView>('pitch:get', { draftId: started.draftId });
  }

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-review-scores-'));
    backend = openBackend({ dataDir: dir, mode: 'browser', now: () => NOW });
    backend.subscribe((event, payload) => {
      if (event === 'pitch:done') finished.get((payload as { requestId: string }).requestId)?.();
    });
    await signIn('ADV-01');
  }, 120_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers a store without reviews with zero counts', async () => {
    const scores = await value<ReviewScores>('reviews:scores', {});
    expect(scores.overall).toMatchObject({ reviews: 0, sentBack: 0, agreement: { pairs: 0 } });
    expect(scores.byDimension.model).toEqual([]);
  });

  it('groups reviews by the model file behind the text, keeps template drafts apart, and compares two reviewers of one draft', async () => {
    const page = await value<ClientPage>('clients:list', { limit: 30 });
    const subjects: { clientId: string; productId: string }[] = [];
    for (const c of page.rows) {
      const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: c.id, top: 3 });
      if (ranking.ranked.length > 0) subjects.push({ clientId: c.id, productId: ranking.ranked[0]!.productId });
      if (subjects.length === 2) break;
    }
    expect(subjects).toHaveLength(2);

    // A template draft: REV-01 sends it back, the advisor edits, REV-02 approves the revision.
    const t = await templateDraft(subjects[0]!.clientId, subjects[0]!.productId, 'en');
    await value('pitch:submit-review', { draftId: t.id, version: 1 });
    const [first, second] = ['REV-01', 'REV-02'];
    await signIn(first);
    await value('pitch:review', {
      draftId: t.id,
      version: 1,
      decision: 'send-back',
      rubric: { accuracy: 5, suitability: 4, clarity: 2, compliance: 5 },
      comment: 'Name a date for the call.',
    });
    await signIn('ADV-01');
    await value('pitch:save', {
      draftId: t.id,
      baseVersion: 1,
      content: { ...t.versions[0]!.content, nextStep: `${t.versions[0]!.content.nextStep} (next Tuesday)` },
    });
    await value('pitch:submit-review', { draftId: t.id, version: 2 });
    await signIn(second);
    await value('pitch:review', {
      draftId: t.id,
      version: 2,
      decision: 'approve',
      rubric: { accuracy: 5, suitability: 4, clarity: 5, compliance: 5 },
      comment: '',
    });

    // A model draft in Chinese: its version written to the store as the drafting use-case writes a model's.
    await signIn('ADV-01');
    const m = await templateDraft(subjects[1]!.clientId, subjects[1]!.productId, 'zh-CN');
    const db = openDatabase(path.join(dir, DATABASE_FILE_NAME));
    try {
      addPitchVersion(db, m.id, {
        author: 'ADV-01',
        at: NOW.toISOString(),
        content: m.versions[0]!.content,
        label: { en: 'Model draft', zh: '模型草稿' },
        provenance: {
          source: 'model',
          modelSha256: SHA,
          modelFile: 'small-test.gguf',
          promptHash: 'd'.repeat(64),
          prompt: 'the prompt',
          settings: { language: 'zh-CN', tone: 'concise', length: 'long', promptVersion: 'pitch-prompt-1' },
          droppedFacts: [],
          generatedTokens: 100,
          millis: 1000,
        },
        issues: [],
        approvable: true,
      });
    } finally {
      db.close();
    }
    await value('pitch:submit-review', { draftId: m.id, version: 2 });
    await signIn(first);
    await value('pitch:review', {
      draftId: m.id,
      version: 2,
      decision: 'approve',
      rubric: { accuracy: 3, suitability: 4, clarity: 4, compliance: 4 },
      comment: '',
    });

    const scores = await value<ReviewScores>('reviews:scores', {});
    expect(scores.overall).toMatchObject({ reviews: 3, drafts: 2, sentBack: 1 });
    expect(scores.byDimension.model.map((g) => [g.key, g.label, g.reviews, g.sentBack])).toEqual([
      [SHA, 'small-test.gguf', 1, 0],
      ['template', null, 2, 1],
    ]);
    expect(scores.byDimension.prompt.map((g) => g.key)).toEqual(['pitch-prompt-1', 'template']);
    expect(scores.byDimension.tone.map((g) => g.key)).toEqual(['concise', 'template']);
    expect(scores.byDimension.language.map((g) => g.key)).toEqual(['zh-CN', 'template']);
    const template = scores.byDimension.model[1]!;
    // The send-back's clarity 2 and the revision's 5 are three points apart; the other criteria agree.
    expect(template.agreement).toEqual({
      pairs: 1,
      anyApart: 1,
      apart: { accuracy: 0, suitability: 0, clarity: 1, compliance: 0 },
    });
    expect(template.criteria.clarity).toMatchObject({ n: 2, mean: 3.5 });
    expect(template.criteria.clarity.low).toBeGreaterThanOrEqual(1);
    expect(template.criteria.clarity.high).toBeLessThanOrEqual(5);

    // Reviews decided before the period asked for are left out.
    const later = await value<ReviewScores>('reviews:scores', { from: '2026-11-29' });
    expect(later.overall.reviews).toBe(0);
  });

  it("gives the demo history's models, tones, languages and templates their own scores, with reviewer pairs to compare", async () => {
    const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-review-scores-demo-'));
    const demo = openBackend({ dataDir: demoDir, mode: 'browser', now: () => NOW, demoHistory: true });
    try {
      const scores = await backendCalls(() => demo.handlers).value<ReviewScores>('reviews:scores', {});
      const models = scores.byDimension.model;
      expect(models.map((g) => g.label)).toEqual(
        expect.arrayContaining(['qwen2.5-0.5b-instruct-q4_k_m.gguf', 'qwen2.5-1.5b-instruct-q4_k_m.gguf']),
      );
      expect(models.at(-1)!.key).toBe('template');
      for (const g of models) expect(g.reviews).toBeGreaterThanOrEqual(5);
      expect(scores.byDimension.tone.map((g) => g.key)).toEqual(
        expect.arrayContaining(['formal', 'warm', 'concise', 'template']),
      );
      expect(scores.byDimension.language.map((g) => g.key)).toEqual(
        expect.arrayContaining(['en', 'zh-CN', 'template']),
      );
      expect(scores.overall.sentBack).toBeGreaterThan(0);
      expect(scores.overall.sentBack).toBeLessThan(scores.overall.reviews / 2);
      expect(scores.overall.agreement.pairs).toBeGreaterThan(0);
      // The larger model reads better than the small one, as the demo's reviewers found.
      const clarity = (file: string) => models.find((g) => g.label === file)!.criteria.clarity.mean!;
      expect(clarity('qwen2.5-1.5b-instruct-q4_k_m.gguf')).toBeGreaterThan(
        clarity('qwen2.5-0.5b-instruct-q4_k_m.gguf'),
      );
      // Nothing is left waiting for a reviewer.
      expect(await backendCalls(() => demo.handlers).value<unknown[]>('reviews:waiting', {})).toEqual([]);
    } finally {
      demo.close();
      fs.rmSync(demoDir, { recursive: true, force: true });
    }
  }, 120_000);
});
