import { createHash, randomInt } from 'node:crypto';
import path from 'node:path';
import { LlamaChatSession, LlamaCompletion } from 'node-llama-cpp';
import type { ChannelOutput, ChannelParsedInput } from '../../app/contract/channels';
import type {
  PitchDraftContent,
  PitchDraftView,
  PitchIssueView,
  PitchProvenance,
} from '../../app/contract/pitch-channels';
import type { Client, Product } from '../../app/domain';
import type { LocalizedText } from '../../app/domain/localized-text';
import {
  buildPitchPrompt,
  closeTruncatedJson,
  canApprove,
  lintDraft,
  parseDraft,
  pitchDraftJsonSchema,
  pitchFacts,
  PromptBudgetError,
  templateDraft,
  withRequiredDisclosure,
  type PitchDraft,
  type PitchFacts,
  type PitchLength,
  type PitchOptions,
  type PitchPrompt,
} from '../../app/pitch';
import type { SuitabilityResult } from '../../app/suitability';
import type { BackendContext } from '../backend/backend-context';
import { getClient } from '../db/client-repository';
import { latestMarketSnapshot } from '../db/market-repository';
import {
  addPitchVersion,
  approvePitchDraft,
  createPitchDraft,
  dropEmptyPitchDraft,
  getPitchDraft,
  getPitchDraftRow,
  listPitchDrafts,
} from '../db/pitch-draft-repository';
import { getProduct } from '../db/product-repository';
import { pairSuitability } from '../model/pair-suitability';
import type { LlmRuntime, LoadedLlm } from './llm-runtime';
import { DomainError } from '../../app/domain/domain-error';

type StartInput = ChannelParsedInput<'pitch:start'>;

/** Tokens kept for the answer by pitch length; a short context gets at most half of itself (see answerBudget). */
const ANSWER_TOKENS: Record<PitchLength, number> = { short: 700, medium: 1000, long: 1400 };
const MIN_ANSWER_TOKENS = 160;
const TEMPERATURE = 0.7;

export interface PitchServiceOptions {
  /** Overrides the answer budget (tests keep generations short on two cores). */
  maxAnswerTokens?: number;
}

const TEMPLATE_LABEL: LocalizedText = {
  en: 'Template draft: written without a language model',
  zh: '模板草稿：未使用语言模型生成',
};
const EDIT_LABEL: LocalizedText = { en: 'Edited by the advisor', zh: '顾问编辑的版本' };
const modelLabel = (file: string): LocalizedText => ({
  en: `Drafted by the local model ${file}: read every sentence before you use it`,
  zh: `由本地模型 ${file} 起草：使用前请逐句核对`,
});

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function promptText(prompt: PitchPrompt): string {
  return prompt.format === 'plain' ? prompt.text : prompt.messages.map((m) => `<${m.role}>\n${m.content}`).join('\n');
}

function answerBudget(contextSize: number, length: PitchLength, override?: number): number {
  const wanted = override ?? ANSWER_TOKENS[length];
  return Math.max(Math.min(MIN_ANSWER_TOKENS, wanted), Math.min(wanted, Math.floor(contextSize / 2)));
}

interface Job {
  requestId: string;
  draftId: string;
  abort: AbortController;
}

/**
 * Pitch drafting: facts from the store, the suitability verdict exactly as the ranking reaches it, a
 * prompt fitted to the loaded model's context, JSON-schema-constrained generation streamed as 'pitch:delta',
 * parse, required disclosure, lint, and a version with its provenance. With no model loaded the deterministic
 * template draft takes the same path, labelled as such. An unsuitable product is refused before anything runs.
 */
export function createPitchService(ctx: BackendContext, runtime: LlmRuntime, options: PitchServiceOptions = {}) {
  const { db } = ctx;
  const jobs = new Map<string, Job>();

  function pair(clientId: string, productId: string): { client: Client; product: Product; verdict: SuitabilityResult } {
    const client = getClient(db, clientId);
    if (!client) throw new DomainError('not_found', `No client with id ${clientId}.`);
    const product = getProduct(db, productId);
    if (!product) throw new DomainError('not_found', `No product with id ${productId}.`);
    return { client, product, verdict: pairSuitability(db, client, product, ctx.today()) };
  }

  function factsFor(
    clientId: string,
    productId: string,
  ): { facts: PitchFacts; verdict: SuitabilityResult; product: Product } {
    const { client, product, verdict } = pair(clientId, productId);
    if (!verdict.suitable) {
      const reasons = verdict.checks.filter((c) => !c.passed).map((c) => c.reason.en);
      throw new DomainError(
        'validation',
        `${product.nameEn} is not suitable for this client, so no pitch is drafted for it: ${reasons.join('; ')}`,
      );
    }
    const market = latestMarketSnapshot(db, ctx.today()) ?? latestMarketSnapshot(db);
    return { facts: pitchFacts(client, product, market, verdict, { today: ctx.today() }), verdict, product };
  }

  function lint(
    content: PitchDraft,
    facts: PitchFacts,
    language: PitchOptions['language'],
    verdict: SuitabilityResult,
  ): { issues: PitchIssueView[]; approvable: boolean } {
    const issues = lintDraft(content, facts, { language, suitability: verdict });
    return { issues: issues as PitchIssueView[], approvable: canApprove(issues) };
  }

  function done(
    job: Job,
    outcome: 'completed' | 'stopped' | 'failed',
    version: number | null,
    error: LocalizedText | null,
  ): void {
    jobs.delete(job.requestId);
    if (version === null) dropEmptyPitchDraft(db, job.draftId);
    ctx.emit('pitch:done', { requestId: job.requestId, draftId: job.draftId, outcome, version, error });
  }

  function save(
    job: Job,
    draft: PitchDraft,
    facts: PitchFacts,
    pitch: PitchOptions,
    verdict: SuitabilityResult,
    label: LocalizedText,
    provenance: PitchProvenance,
  ): number {
    const content = withRequiredDisclosure(draft, facts, pitch.language);
    const { issues, approvable } = lint(content, facts, pitch.language, verdict);
    return addPitchVersion(db, job.draftId, {
      author: ctx.actor,
      at: ctx.nowIso(),
      content,
      label,
      provenance,
      issues,
      approvable,
    });
  }

  /** The template, streamed in small pieces so the editor shows it the way it shows a model's text. */
  async function runTemplate(
    job: Job,
    facts: PitchFacts,
    pitch: PitchOptions,
    verdict: SuitabilityResult,
  ): Promise<void> {
    const started = performance.now();
    const draft = templateDraft(facts, pitch);
    const { source: _source, language: _language, label, ...content } = draft;
    const text = JSON.stringify(content, null, 2);
    for (let i = 0; i < text.length; i += 48) {
      if (job.abort.signal.aborted) return done(job, 'stopped', null, null);
      ctx.emit('pitch:delta', { requestId: job.requestId, draftId: job.draftId, delta: text.slice(i, i + 48) });
      await new Promise((resolve) => setImmediate(resolve));
    }
    const version = save(job, content, facts, pitch, verdict, label ?? TEMPLATE_LABEL, {
      source: 'template',
      modelSha256: null,
      modelFile: null,
      promptHash: null,
      prompt: null,
      settings: { language: pitch.language, tone: pitch.tone, length: pitch.length },
      droppedFacts: [],
      generatedTokens: null,
      millis: Math.round(performance.now() - started),
    });
    done(job, 'completed', version, null);
  }

  async function runModel(
    job: Job,
    loaded: LoadedLlm,
    facts: PitchFacts,
    pitch: PitchOptions,
    verdict: SuitabilityResult,
  ): Promise<void> {
    const started = performance.now();
    const answerTokens = answerBudget(loaded.contextSize, pitch.length, options.maxAnswerTokens);
    const format = loaded.hasChatTemplate ? 'chat' : 'plain';
    let built;
    try {
      built = buildPitchPrompt(
        facts,
        { ...pitch, format },
        { countTokens: (text) => loaded.model.tokenize(text).length, contextSize: loaded.contextSize, answerTokens },
      );
    } catch (error) {
      if (error instanceof PromptBudgetError) return done(job, 'failed', null, error.text);
      throw error;
    }
    const prompt = built.prompt;
    // answerTokens is the room the prompt budget keeps; the generation may use whatever the context still has, so an
    // answer that runs long (a small or random-weight model filling every field to its limit) can still close its
    // JSON. 64 tokens are left for the chat template's markers around the messages.
    const maxTokens =
      options.maxAnswerTokens !== undefined
        ? answerTokens
        : Math.max(answerTokens, loaded.contextSize - (built.promptTokens ?? 0) - 64);
    const seed = randomInt(1, 2 ** 31 - 1);
    const grammar = await loaded.llama.createGrammarForJsonSchema(
      pitchDraftJsonSchema(pitch.length) as Parameters<typeof loaded.llama.createGrammarForJsonSchema>[0],
    );
    const sequence = loaded.context.getSequence();
    let text = '';
    let tokens = 0;
    try {
      const common = {
        grammar,
        maxTokens,
        temperature: TEMPERATURE,
        seed,
        signal: job.abort.signal,
        stopOnAbortSignal: true,
        onTextChunk: (chunk: string) => {
          text += chunk;
          ctx.emit('pitch:delta', { requestId: job.requestId, draftId: job.draftId, delta: chunk });
        },
        onToken: (t: readonly unknown[]) => {
          tokens += t.length;
        },
      };
      if (prompt.format === 'chat') {
        const system = prompt.messages.find((m) => m.role === 'system')?.content ?? '';
        const user = prompt.messages
          .filter((m) => m.role === 'user')
          .map((m) => m.content)
          .join('\n\n');
        const session = new LlamaChatSession({
          contextSequence: sequence,
          systemPrompt: system,
          autoDisposeSequence: false,
        });
        await session.prompt(user, common);
        session.dispose({ disposeSequence: false });
      } else {
        const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
        await completion.generateCompletion(prompt.text, common);
        completion.dispose({ disposeSequence: false });
      }
    } finally {
      sequence.dispose();
    }
    const millis = Math.round(performance.now() - started);
    const stopped = job.abort.signal.aborted;
    const cutOff = !stopped && tokens >= maxTokens;
    // Tokens that are pieces of a multi-byte character the model never finished decode to U+FFFD (one per byte), which
    // the grammar counted as one character or none: they carry no text, and left in they push a field past its limit.
    text = text.replace(/\uFFFD+/g, '');
    let parsed = parseDraft(text, pitch.length);
    if (!parsed.ok && (stopped || cutOff)) {
      // Stopped or out of tokens part-way: keep what was written if, closed, it is a whole pitch.
      const closed = closeTruncatedJson(text);
      if (closed !== null) parsed = parseDraft(closed, pitch.length);
    }
    if (!parsed.ok) {
      if (stopped) return done(job, 'stopped', null, null);
      if (cutOff) {
        return done(job, 'failed', null, {
          en: `The model used all ${maxTokens} answer tokens before the pitch was complete (${parsed.error.message}). Choose a shorter length, load the model with a larger context, or use the template draft.`,
          zh: `模型用完了 ${maxTokens} 个回答 token，推介仍未完成（${parsed.error.message}）。请选择较短的篇幅、以更大的上下文加载模型，或使用模板草稿。`,
        });
      }
      return done(job, 'failed', null, {
        en: `The model's answer is not a usable pitch (${parsed.error.message}). Draft again, or use the template draft.`,
        zh: `模型的回答不是可用的推介（${parsed.error.message}）。请重新起草，或使用模板草稿。`,
      });
    }
    const fileName = path.basename(loaded.path);
    const label = modelLabel(fileName);
    if (stopped || cutOff) {
      const why = stopped
        ? ['stopped before it finished', '在完成前被停止']
        : [`cut off at ${maxTokens} tokens`, `在 ${maxTokens} 个 token 处被截断`];
      label.en += ` (${why[0]}: check the end of each part)`;
      label.zh += `（${why[1]}：请检查各部分的结尾）`;
    }
    const version = save(job, parsed.draft, facts, pitch, verdict, label, {
      source: 'model',
      modelSha256: loaded.sha256,
      modelFile: fileName,
      promptHash: sha256(promptText(prompt)),
      prompt: promptText(prompt),
      settings: {
        language: pitch.language,
        tone: pitch.tone,
        length: pitch.length,
        temperature: TEMPERATURE,
        seed,
        maxTokens,
        threads: loaded.threads,
        contextSize: loaded.contextSize,
        format,
      },
      droppedFacts: built.droppedFacts,
      generatedTokens: tokens,
      millis,
    });
    done(job, stopped ? 'stopped' : 'completed', version, null);
  }

  function failText(error: unknown): LocalizedText {
    const message = error instanceof Error ? error.message : String(error);
    return {
      en: `Drafting failed: ${message}. The app is still running; try again.`,
      zh: `起草失败：${message}。应用仍在运行，请重试。`,
    };
  }

  return {
    start(input: StartInput): ChannelOutput<'pitch:start'> {
      const { facts, verdict } = factsFor(input.clientId, input.productId);
      const loaded = runtime.current();
      if (input.source === 'model' && !loaded)
        throw new DomainError(
          'unavailable',
          'No language model is loaded. Load one on the Models page, or draft from the template.',
        );
      const source = input.source === 'template' || !loaded ? 'template' : 'model';
      let draftId = input.draftId;
      if (draftId) {
        const row = getPitchDraftRow(db, draftId);
        if (!row) throw new DomainError('not_found', `No pitch draft ${draftId}.`);
        if (row.clientId !== input.clientId || row.productId !== input.productId)
          throw new DomainError('validation', `Pitch draft ${draftId} is for another client or product.`);
      } else {
        draftId = `PD-${ctx.randomId().slice(0, 16).toUpperCase()}`;
        createPitchDraft(db, {
          id: draftId,
          clientId: input.clientId,
          productId: input.productId,
          language: input.settings.language,
          at: ctx.nowIso(),
        });
      }
      const job: Job = { requestId: ctx.randomId(), draftId, abort: new AbortController() };
      jobs.set(job.requestId, job);
      // The backend closing stops the draft, so the model can be freed.
      if (runtime.disposeSignal.aborted) job.abort.abort();
      else
        runtime.disposeSignal.addEventListener('abort', () => job.abort.abort(), {
          once: true,
          signal: job.abort.signal,
        });
      const pitch: PitchOptions = input.settings;
      // Runs after this answer is sent; drafts take turns on the one model.
      void runtime
        .exclusive(async () => {
          if (job.abort.signal.aborted) return done(job, 'stopped', null, null);
          const current = runtime.current();
          if (source === 'model' && current) return runModel(job, current, facts, pitch, verdict);
          return runTemplate(job, facts, pitch, verdict);
        })
        .catch((error: unknown) => done(job, 'failed', null, failText(error)));
      return { requestId: job.requestId, draftId, source };
    },

    stop(requestId: string): { stopped: boolean } {
      const job = jobs.get(requestId);
      if (!job) return { stopped: false };
      job.abort.abort();
      return { stopped: true };
    },

    list: (clientId: string) => listPitchDrafts(db, clientId),

    get(draftId: string): PitchDraftView {
      const view = getPitchDraft(db, draftId);
      if (!view) throw new DomainError('not_found', `No pitch draft ${draftId}.`);
      return view;
    },

    lint(draftId: string, content: PitchDraftContent) {
      const row = getPitchDraftRow(db, draftId);
      if (!row) throw new DomainError('not_found', `No pitch draft ${draftId}.`);
      const { client, product, verdict } = pair(row.clientId, row.productId);
      const market = latestMarketSnapshot(db, ctx.today()) ?? latestMarketSnapshot(db);
      const facts = pitchFacts(client, product, market, verdict, { today: ctx.today() });
      return lint(content, facts, row.language, verdict);
    },

    save(draftId: string, baseVersion: number, content: PitchDraftContent): PitchDraftView {
      const row = getPitchDraftRow(db, draftId);
      if (!row) throw new DomainError('not_found', `No pitch draft ${draftId}.`);
      if (row.currentVersion !== baseVersion) {
        throw new DomainError(
          'conflict',
          `Pitch draft ${draftId} has a newer version (${row.currentVersion}) than the one edited (${baseVersion}). Open the latest version and edit that.`,
        );
      }
      const { client, product, verdict } = pair(row.clientId, row.productId);
      const market = latestMarketSnapshot(db, ctx.today()) ?? latestMarketSnapshot(db);
      const facts = pitchFacts(client, product, market, verdict, { today: ctx.today() });
      const checked = lint(content, facts, row.language, verdict);
      addPitchVersion(db, draftId, {
        author: ctx.actor,
        at: ctx.nowIso(),
        content,
        label: EDIT_LABEL,
        provenance: {
          source: 'advisor',
          modelSha256: null,
          modelFile: null,
          promptHash: null,
          prompt: null,
          settings: { basedOn: baseVersion },
          droppedFacts: [],
          generatedTokens: null,
          millis: null,
        },
        ...checked,
      });
      return this.get(draftId);
    },

    approve(draftId: string, version: number): PitchDraftView {
      const view = this.get(draftId);
      const latest = view.versions[view.versions.length - 1]!;
      if (latest.version !== version)
        throw new DomainError(
          'conflict',
          `Only the latest version (${latest.version}) of a pitch can be approved, not version ${version}.`,
        );
      // Re-lint now: the client's profile or the rule set may have changed since the version was written.
      const fresh = this.lint(draftId, latest.content);
      if (!fresh.approvable) {
        const blocking = fresh.issues.filter((i) => i.severity === 'blocking').map((i) => i.message.en);
        throw new DomainError(
          'validation',
          `Version ${version} cannot be approved while it has a blocking problem: ${blocking.join('; ')}`,
        );
      }
      approvePitchDraft(db, draftId, version, { at: ctx.nowIso(), actor: ctx.actor });
      return this.get(draftId);
    },

    /** Stops every running draft (the backend is closing). */
    stopAll(): void {
      for (const job of jobs.values()) job.abort.abort();
    },
  };
}

export type PitchService = ReturnType<typeof createPitchService>;
