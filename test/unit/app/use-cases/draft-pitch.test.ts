import { describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../../app/domain/enums';
import { recordedText } from '../../../../app/domain/localized-text';
import type { EventPayload } from '../../../../app/contract/events';
import { DomainError } from '../../../../app/domain/domain-error';
import { buildPitchPrompt, countPromptTokens, templateDraft, type PitchOptions } from '../../../../app/pitch';
import type { LoadedModel } from '../../../../app/ports/language-model';
import type { NewPitchVersion, PitchStore, PitchSubjects } from '../../../../app/ports/pitch-store';
import { createPitchDrafting } from '../../../../app/use-cases/draft-pitch';
import { FakeLanguageModel } from '../../../fakes/fake-language-model';
import { TODAY, demo, latestMarket, suitabilityOf, suitablePairs } from '../pitch/pitch-fixtures';

type Done = EventPayload<'pitch:done'>;
const SETTINGS: PitchOptions = { language: 'en', tone: 'warm', length: 'short' };

/** Drafts and versions in memory, enough to see what drafting kept. */
function memoryStore() {
  const drafts = new Map<
    string,
    { clientId: string; productId: string; language: Language; versions: NewPitchVersion[] }
  >();
  let created = 0;
  const store: PitchStore = {
    // As the store does: the language's own draft when there is one.
    createDraft: async (d) => {
      for (const [id, e] of drafts)
        if (e.clientId === d.clientId && e.productId === d.productId && e.language === d.language) return id;
      const id = created++ === 0 ? d.id : `${d.id}-${created}`;
      drafts.set(id, { clientId: d.clientId, productId: d.productId, language: d.language, versions: [] });
      return id;
    },
    draft: async (id) => {
      const d = drafts.get(id);
      return d
        ? { id, clientId: d.clientId, productId: d.productId, language: d.language, currentVersion: d.versions.length }
        : null;
    },
    addVersion: async (id, v) => drafts.get(id)!.versions.push(v),
    dropIfEmpty: async (id) => {
      if (drafts.get(id)?.versions.length === 0) drafts.delete(id);
    },
    list: async () => [],
    view: async () => null,
    approve: async () => undefined,
  };
  return { store, drafts };
}

const pair = suitablePairs()[0]!;
const client = demo().clients.find((c) => c.id === pair.client.id)!;
const unsuitable = demo().products.find((p) => !suitabilityOf(client, p).suitable)!;
const subjects: PitchSubjects = {
  subjectOf: async (_clientId, productId) => {
    const product = demo().products.find((p) => p.id === productId)!;
    return { client, product, verdict: suitabilityOf(client, product), market: latestMarket() };
  },
};
/** A whole pitch as JSON: what a model obeying the schema would write. */
const goodAnswer = JSON.stringify(
  (({ source: _s, language: _l, label: _b, ...content }) => content)(templateDraft(pair.facts, SETTINGS)),
);

function drafting(
  options: {
    loaded?: Partial<LoadedModel> | null;
    reply?: string;
    chunk?: number;
    failAfter?: { tokens: number; error: Error };
  } = {},
) {
  const model = new FakeLanguageModel({
    loaded: options.loaded === undefined ? {} : options.loaded,
    reply: () => options.reply ?? goodAnswer,
    chunk: options.chunk ?? 16,
    ...(options.failAfter ? { failAfter: options.failAfter } : {}),
  });
  const { store, drafts } = memoryStore();
  const deltas: string[] = [];
  const restarts: number[] = [];
  let finish!: (done: Done) => void;
  const done = new Promise<Done>((resolve) => (finish = resolve));
  const use = createPitchDrafting({
    model,
    store,
    subjects,
    emit: (event: 'pitch:delta' | 'pitch:done', payload: never) => {
      if (event === 'pitch:delta') {
        const delta = payload as EventPayload<'pitch:delta'>;
        if (delta.restart) restarts.push(deltas.length);
        deltas.push(delta.delta);
      } else finish(payload as Done);
    },
    clock: { nowIso: () => `${TODAY}T09:00:00.000Z`, today: () => TODAY, millis: () => 0, pause: async () => {} },
    ids: { randomId: () => 'abcdef0123456789abcdef', seed: () => 42, sha256: (t) => `h${t.length}` },
    actor: 'tester',
  });
  return { use, model, drafts, deltas, restarts, done };
}

const input = (productId: string, source: 'auto' | 'model' | 'template' = 'model') => ({
  clientId: client.id,
  productId,
  settings: SETTINGS,
  source,
});

describe('drafting a pitch over the LanguageModel port', () => {
  it('streams the model text as deltas and keeps a version with its provenance', async () => {
    const t = drafting();
    const started = await t.use.start(input(pair.product.id));
    expect(started.source).toBe('model');
    const done = await t.done;
    expect(done).toMatchObject({ outcome: 'completed', version: 1, error: null });
    expect(t.deltas.length).toBeGreaterThan(3);
    expect(t.deltas.join('')).toBe(goodAnswer);
    const version = t.drafts.get(started.draftId)!.versions[0]!;
    expect(version.provenance).toMatchObject({
      source: 'model',
      modelFile: 'fake.gguf',
      generatedTokens: t.deltas.length,
      droppedFacts: [],
    });
    expect(version.provenance.settings).toMatchObject({ format: 'chat', seed: 42, temperature: 0.7 });
    const generate = t.model.calls.find((c) => c.method === 'generate')!.request as { constraint: object };
    expect(generate.constraint).toHaveProperty('jsonSchema');
  });

  it('a generation that fails gives way to the template draft, labelled with what failed, in place of its text', async () => {
    const failure = new Error('The language model failed while generating (Failed to accept token in sampler).');
    const t = drafting({ failAfter: { tokens: 3, error: failure } });
    const started = await t.use.start(input(pair.product.id));
    expect(await t.done).toMatchObject({ outcome: 'completed', version: 1, error: null });
    // Three model pieces, then the restart, then the template's text: what the editor shows at the end.
    expect(t.restarts).toEqual([3]);
    const template = templateDraft(pair.facts, SETTINGS);
    const { source: _s, language: _l, label: _b, ...content } = template;
    expect(t.deltas.slice(3).join('')).toBe(JSON.stringify(content, null, 2));
    const version = t.drafts.get(started.draftId)!.versions[0]!;
    expect(version.provenance.source).toBe('template');
    expect(version.label.en).toBe(
      `Template draft: fake.gguf failed while drafting (${failure.message}), so this draft was written without it`,
    );
    expect(version.label.zh).toContain('fake.gguf 在起草时出错');
  });

  it('Stop ends the generation between tokens with outcome stopped', async () => {
    const t = drafting({ chunk: 1 });
    const started = await t.use.start(input(pair.product.id));
    while (t.deltas.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(t.use.stop(started.requestId)).toEqual({ stopped: true });
    const done = await t.done;
    expect(done.outcome).toBe('stopped');
    expect(t.deltas.join('').length).toBeLessThan(goodAnswer.length);
    expect(t.use.stop(started.requestId)).toEqual({ stopped: false });
  });

  it('drops facts, counted by the engine, when the whole prompt does not fit the context', async () => {
    const words = (text: string) => text.split(/\s+/).filter((w) => w.length > 0).length;
    const whole = countPromptTokens(buildPitchPrompt(pair.facts, { ...SETTINGS, format: 'chat' }).prompt, {
      countTokens: words,
      contextSize: 0,
      answerTokens: 0,
    });
    // Half of a context up to 1,400 tokens is kept for the answer, so this leaves the prompt a few tokens short.
    const t = drafting({ loaded: { contextSize: 2 * (whole - 4) } });
    const started = await t.use.start(input(pair.product.id));
    const done = await t.done;
    expect(done.outcome, done.error ? recordedText(done.error).en : '').toBe('completed');
    expect(t.drafts.get(started.draftId)!.versions[0]!.provenance.droppedFacts.length).toBeGreaterThan(0);
    expect(t.model.calls.some((c) => c.method === 'countTokens')).toBe(true);
  });

  it('fails with the sizes when not even the essential facts fit, and keeps no draft', async () => {
    const t = drafting({ loaded: { contextSize: 200 } });
    const started = await t.use.start(input(pair.product.id));
    const done = await t.done;
    expect(done).toMatchObject({ outcome: 'failed', version: null });
    expect(recordedText(done.error!).en).toMatch(/context of 200 tokens is too small/);
    expect(t.drafts.has(started.draftId)).toBe(false);
    expect(t.model.calls.some((c) => c.method === 'generate')).toBe(false);
  });

  it('an answer that is not a pitch ends failed with the text that says what to do, and keeps no version', async () => {
    const t = drafting({ reply: 'Dear client, this is not JSON at all.' });
    const started = await t.use.start(input(pair.product.id));
    const done = await t.done;
    expect(done).toMatchObject({ outcome: 'failed', version: null });
    expect(recordedText(done.error!).en).toMatch(/not a usable pitch.*Draft again, or use the template draft/);
    expect(recordedText(done.error!).zh).toMatch(/模板草稿/);
    expect(t.drafts.has(started.draftId)).toBe(false);
  });

  it('refuses an unsuitable product before anything runs: no engine call, no draft', async () => {
    const t = drafting();
    await expect(t.use.start(input(unsuitable.id))).rejects.toSatisfy(
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'validation' &&
        /not suitable for this client/.test(error.message),
    );
    expect(t.model.calls).toEqual([]);
    expect(t.drafts.size).toBe(0);
  });

  it('without a model, source auto writes the labelled template draft and model is refused as unavailable', async () => {
    const t = drafting({ loaded: null });
    await expect(t.use.start(input(pair.product.id, 'model'))).rejects.toMatchObject({ code: 'unavailable' });
    const started = await t.use.start(input(pair.product.id, 'auto'));
    expect(started.source).toBe('template');
    const done = await t.done;
    expect(done.outcome).toBe('completed');
    expect(t.drafts.get(started.draftId)!.versions[0]!.provenance.source).toBe('template');
  });

  it("drafting again in a language adds a version to that language's draft, never a second version 1", async () => {
    const t = drafting({ loaded: null });
    const versionsOf = (id: string) => t.drafts.get(id)?.versions.length ?? 0;
    const en = await t.use.start(input(pair.product.id, 'template'));
    await vi.waitFor(() => expect(versionsOf(en.draftId)).toBe(1));
    // Asked for Chinese while the English draft is shown: Chinese gets its own draft.
    const zhSettings = { ...SETTINGS, language: 'zh-CN' as const };
    const zh = await t.use.start({ ...input(pair.product.id, 'template'), settings: zhSettings, draftId: en.draftId });
    expect(zh.draftId).not.toBe(en.draftId);
    await vi.waitFor(() => expect(versionsOf(zh.draftId)).toBe(1));
    // English again while the Chinese draft is shown, and with none shown: both add to the English draft.
    const again = await t.use.start({ ...input(pair.product.id, 'template'), draftId: zh.draftId });
    expect(again.draftId).toBe(en.draftId);
    await vi.waitFor(() => expect(versionsOf(en.draftId)).toBe(2));
    const third = await t.use.start(input(pair.product.id, 'template'));
    expect(third.draftId).toBe(en.draftId);
    await vi.waitFor(() => expect(versionsOf(en.draftId)).toBe(3));
    expect(t.drafts.size).toBe(2);
  });
});
