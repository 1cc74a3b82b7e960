import type { ChannelOutput, ChannelParsedInput } from '../contract/channels';
import type { EventPayload } from '../contract/events';
import type { PitchProvenance } from '../contract/pitch-channels';
import { DomainError } from '../domain/domain-error';
import { recordedText } from '../domain/localized-text';
import { message, renderMessage, type Message } from '../messages';
import {
  PITCH_PROMPT_VERSION,
  PromptBudgetError,
  pitchDraftJsonSchema,
  templateDraft,
  withRequiredDisclosure,
  type PitchDraft,
  type PitchFacts,
  type PitchLength,
  type PitchOptions,
} from '../pitch';
import type { LanguageModel, LoadedModel } from '../ports/language-model';
import type { PitchStore, PitchSubjects } from '../ports/pitch-store';
import type { SuitabilityResult } from '../suitability';
import { enginePrompt, fitPromptToContext, promptText } from './pitch/fit-prompt-to-context';
import { readModelAnswer } from './pitch/model-answer';
import { factsOf, lintPitch } from './pitch/pitch-checks';

/** Tokens kept for the answer by pitch length; a short context gets at most half of itself (see answerBudget). */
const ANSWER_TOKENS: Record<PitchLength, number> = { short: 700, medium: 1000, long: 1400 };
const MIN_ANSWER_TOKENS = 160;
const TEMPERATURE = 0.7;
/** Room left for the chat template's markers around the messages. */
const TEMPLATE_MARKER_TOKENS = 64;
/** Characters per streamed piece of a template draft, so the editor shows it the way it shows a model's text. */
const TEMPLATE_PIECE = 48;

export interface DraftPitchDeps {
  model: LanguageModel;
  store: PitchStore;
  subjects: PitchSubjects;
  emit(event: 'pitch:delta', payload: EventPayload<'pitch:delta'>): void;
  emit(event: 'pitch:done', payload: EventPayload<'pitch:done'>): void;
  clock: {
    nowIso(): string;
    today(): string;
    /** A monotonic clock in milliseconds, for how long a draft took. */
    millis(): number;
    /** Lets other work run between the pieces of a template draft. */
    pause(): Promise<void>;
  };
  ids: { randomId(): string; seed(): number; sha256(text: string): string };
  actor: string;
  /** Caps the answer (tests keep generations short on two cores). */
  maxAnswerTokens?: number;
}

interface Job {
  requestId: string;
  draftId: string;
  stop: AbortController;
}

function answerBudget(contextSize: number, length: PitchLength, override?: number): number {
  const wanted = override ?? ANSWER_TOKENS[length];
  return Math.max(Math.min(MIN_ANSWER_TOKENS, wanted), Math.min(wanted, Math.floor(contextSize / 2)));
}

function failText(error: unknown): Message {
  return message('pitchJob.failed', { detail: error instanceof Error ? error.message : String(error) });
}

/** The label of a template draft made because the model's generation failed: what failed, and that this is a template. */
function fallbackLabel(file: string, error: unknown): Message {
  return message('pitchJob.fallbackLabel', { file, why: error instanceof Error ? error.message : String(error) });
}

const fileName = (path: string): string => path.split(/[\\/]/).pop() ?? path;

/**
 * Pitch drafting: the facts and the suitability verdict exactly as the ranking reaches it, a prompt fitted to the
 * loaded model's context, JSON-schema-constrained generation streamed as 'pitch:delta', parse, required
 * disclosure, lint, and a version with its provenance. With no model loaded the deterministic template draft
 * takes the same path, labelled as such. An unsuitable product is refused before anything runs. Drafts take
 * turns, in the order they were asked for.
 */
export function createPitchDrafting(deps: DraftPitchDeps) {
  const jobs = new Map<string, Job>();
  let queue: Promise<unknown> = Promise.resolve();

  async function done(
    job: Job,
    outcome: 'completed' | 'stopped' | 'failed',
    version: number | null,
    error: Message | null,
  ): Promise<void> {
    jobs.delete(job.requestId);
    if (version === null) await deps.store.dropIfEmpty(job.draftId);
    deps.emit('pitch:done', { requestId: job.requestId, draftId: job.draftId, outcome, version, error });
  }

  function save(
    job: Job,
    draft: PitchDraft,
    facts: PitchFacts,
    pitch: PitchOptions,
    verdict: SuitabilityResult,
    label: Message,
    provenance: PitchProvenance,
  ): Promise<number> {
    const content = withRequiredDisclosure(draft, facts, pitch.language);
    const { issues, approvable } = lintPitch(content, facts, pitch.language, verdict);
    return deps.store.addVersion(job.draftId, {
      author: deps.actor,
      at: deps.clock.nowIso(),
      content,
      // The version keeps its label as it was shown, in both languages.
      label: recordedText(label),
      provenance,
      issues,
      approvable,
    });
  }

  async function runTemplate(
    job: Job,
    facts: PitchFacts,
    pitch: PitchOptions,
    verdict: SuitabilityResult,
    fallbackFrom: Message | null = null,
  ) {
    const started = deps.clock.millis();
    const { source: _source, language: _language, label: templateLabel, ...content } = templateDraft(facts, pitch);
    const label = fallbackFrom ?? templateLabel;
    const text = JSON.stringify(content, null, 2);
    for (let i = 0; i < text.length; i += TEMPLATE_PIECE) {
      if (job.stop.signal.aborted) return done(job, 'stopped', null, null);
      deps.emit('pitch:delta', {
        requestId: job.requestId,
        draftId: job.draftId,
        delta: text.slice(i, i + TEMPLATE_PIECE),
      });
      await deps.clock.pause();
    }
    const version = await save(job, content, facts, pitch, verdict, label, {
      source: 'template',
      modelSha256: null,
      modelFile: null,
      promptHash: null,
      prompt: null,
      settings: { language: pitch.language, tone: pitch.tone, length: pitch.length },
      droppedFacts: [],
      generatedTokens: null,
      millis: Math.round(deps.clock.millis() - started),
    });
    return done(job, 'completed', version, null);
  }

  async function runModel(
    job: Job,
    loaded: LoadedModel,
    facts: PitchFacts,
    pitch: PitchOptions,
    verdict: SuitabilityResult,
  ) {
    const started = deps.clock.millis();
    const answerTokens = answerBudget(loaded.contextSize, pitch.length, deps.maxAnswerTokens);
    const format = loaded.hasChatTemplate ? 'chat' : 'plain';
    let built;
    try {
      built = await fitPromptToContext(
        deps.model,
        facts,
        { ...pitch, format },
        {
          contextSize: loaded.contextSize,
          answerTokens,
        },
      );
    } catch (error) {
      if (error instanceof PromptBudgetError) return done(job, 'failed', null, error.text);
      throw error;
    }
    // answerTokens is the room the prompt budget keeps; the generation may use whatever the context still has, so
    // an answer that runs long (a small or random-weight model filling every field to its limit) can still close
    // its JSON.
    const maxTokens =
      deps.maxAnswerTokens !== undefined
        ? answerTokens
        : Math.max(answerTokens, loaded.contextSize - (built.promptTokens ?? 0) - TEMPLATE_MARKER_TOKENS);
    const seed = deps.ids.seed();
    let result;
    try {
      result = await deps.model.generate(
        {
          prompt: enginePrompt(built.prompt),
          constraint: { jsonSchema: pitchDraftJsonSchema(pitch.length) as Record<string, unknown> },
          maxTokens,
          temperature: TEMPERATURE,
          seed,
        },
        {
          signal: job.stop.signal,
          onText: (delta) => deps.emit('pitch:delta', { requestId: job.requestId, draftId: job.draftId, delta }),
        },
      );
    } catch (error) {
      if (job.stop.signal.aborted) return done(job, 'stopped', null, null);
      // The advisor still gets a draft to work from, labelled with what failed; the streamed text starts again.
      deps.emit('pitch:delta', { requestId: job.requestId, draftId: job.draftId, delta: '', restart: true });
      return runTemplate(job, facts, pitch, verdict, fallbackLabel(fileName(loaded.path), error));
    }
    const millis = Math.round(deps.clock.millis() - started);
    const stopped = job.stop.signal.aborted;
    const file = fileName(loaded.path);
    const answer = readModelAnswer(result.text, {
      length: pitch.length,
      stopped,
      cutOff: !stopped && result.stop === 'max-tokens',
      maxTokens,
      file,
    });
    if (!answer.ok) return done(job, answer.outcome, null, answer.error);
    const text = promptText(built.prompt);
    const version = await save(job, answer.draft, facts, pitch, verdict, answer.label, {
      source: 'model',
      modelSha256: loaded.sha256,
      modelFile: file,
      promptHash: deps.ids.sha256(text),
      prompt: text,
      settings: {
        language: pitch.language,
        tone: pitch.tone,
        length: pitch.length,
        promptVersion: PITCH_PROMPT_VERSION,
        temperature: TEMPERATURE,
        seed,
        maxTokens,
        threads: loaded.threads,
        contextSize: loaded.contextSize,
        format,
        // The prompt's length as the engine counted it (chat template markers aside): what generation started from.
        promptTokens: built.promptTokens ?? null,
        // The LoRA adapter that shaped the text, when one was applied: an advice record names it next to the model.
        ...(loaded.lora
          ? { loraFile: loaded.lora.file, loraSha256: loaded.lora.sha256, loraScale: loaded.lora.scale }
          : {}),
      },
      droppedFacts: built.droppedFacts,
      generatedTokens: result.tokens,
      millis,
    });
    return done(job, stopped ? 'stopped' : 'completed', version, null);
  }

  async function suitableFacts(clientId: string, productId: string) {
    const subject = await deps.subjects.subjectOf(clientId, productId);
    const { verdict, product } = subject;
    if (!verdict.suitable) {
      const reasons = verdict.checks.filter((c) => !c.passed).map((c) => renderMessage(c.reason, 'en'));
      throw new DomainError(
        'validation',
        `${product.nameEn} is not suitable for this client, so no pitch is drafted for it: ${reasons.join('; ')}`,
      );
    }
    return { facts: factsOf(subject, deps.clock.today()), verdict };
  }

  async function draftFor(input: ChannelParsedInput<'pitch:start'>): Promise<string> {
    if (input.draftId) {
      const row = await deps.store.draft(input.draftId);
      if (!row) throw new DomainError('not_found', `No pitch draft ${input.draftId}.`);
      if (row.clientId !== input.clientId || row.productId !== input.productId)
        throw new DomainError('validation', `Pitch draft ${input.draftId} is for another client or product.`);
      // A draft in another language than asked is not the one to add to: that language has its own.
      if (row.language === input.settings.language) return input.draftId;
    }
    // The language's own draft when there is one, so drafting again never starts a second "version 1".
    return deps.store.createDraft({
      id: `PD-${deps.ids.randomId().slice(0, 16).toUpperCase()}`,
      clientId: input.clientId,
      productId: input.productId,
      language: input.settings.language,
      at: deps.clock.nowIso(),
    });
  }

  return {
    /** Answers at once with the ids to follow; the text streams as events and ends with 'pitch:done'. */
    async start(input: ChannelParsedInput<'pitch:start'>): Promise<ChannelOutput<'pitch:start'>> {
      const { facts, verdict } = await suitableFacts(input.clientId, input.productId);
      const loaded = (await deps.model.status()).loaded;
      if (input.source === 'model' && !loaded)
        throw new DomainError(
          'unavailable',
          'No language model is loaded. Load one on the Models page, or draft from the template.',
        );
      const source = input.source === 'template' || !loaded ? 'template' : 'model';
      const draftId = await draftFor(input);
      const job: Job = { requestId: deps.ids.randomId(), draftId, stop: new AbortController() };
      jobs.set(job.requestId, job);
      const pitch: PitchOptions = input.settings;
      const run = async () => {
        if (job.stop.signal.aborted) return done(job, 'stopped', null, null);
        // The model may have been unloaded or changed while this draft waited.
        const current = source === 'model' ? (await deps.model.status()).loaded : null;
        if (current) return runModel(job, current, facts, pitch, verdict);
        return runTemplate(job, facts, pitch, verdict);
      };
      const turn = queue.then(run, run).catch((error: unknown) => done(job, 'failed', null, failText(error)));
      queue = turn.catch(() => undefined);
      return { requestId: job.requestId, draftId, source };
    },

    stop(requestId: string): { stopped: boolean } {
      const job = jobs.get(requestId);
      if (!job) return { stopped: false };
      job.stop.abort();
      return { stopped: true };
    },

    /** Stops every running draft (the backend is closing). */
    stopAll(): void {
      for (const job of jobs.values()) job.stop.abort();
    },
  };
}

export type PitchDrafting = ReturnType<typeof createPitchDrafting>;
