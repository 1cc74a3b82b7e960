import type { Llama } from 'node-llama-cpp';
import type {
  ChoiceMeasure,
  ChoiceRequest,
  ChoiceResult,
  EngineState,
  GenerateOptions,
  GenerateRequest,
  GenerateResult,
  LanguageModel,
  LoadRequest,
  LoadedModel,
  WorkOptions,
} from '../../app/ports/language-model';
import { DomainError } from '../../app/domain/domain-error';
import { LlmRuntime, type LoadedLlm } from '../llm/llm-runtime';
import { probeModelFile, type ModelFileProber, type NativeFileFacts, type ProbeOptions } from '../llm/file-probe';
import { generateOnModel } from './llama-generation';
import { LlamaChoices } from './llama-choices';

export interface LlamaEngineOptions {
  /** sha256 of a model file (cached by the model library). */
  hashOf(filePath: string): Promise<string>;
  /** The llama.cpp binding; a test may stand in one whose GPU runs out of memory. */
  getLlama?: () => Promise<Llama>;
  /** Tokens of the context choices are evaluated in; default 2048 or the model's training context if smaller. */
  choiceContextSize?: number;
}

const NOT_LOADED = 'No language model is loaded. Load one on the Language Models page first.';

/**
 * The LanguageModel port on node-llama-cpp, in this process. LlmRuntime loads and frees the one model; generation,
 * embeddings and choices run one after another in the runtime's queue, so a draft, a ranking's signals and an
 * unload never use the model at the same time.
 */
export class LlamaEngine implements LanguageModel, ModelFileProber {
  private readonly runtime: LlmRuntime;
  private readonly listeners = new Set<(state: EngineState) => void>();
  private choices: { loaded: LoadedLlm; choices: LlamaChoices } | null = null;

  constructor(private readonly options: LlamaEngineOptions) {
    this.runtime = new LlmRuntime({
      onStatus: () => this.announce(),
      hashOf: options.hashOf,
      ...(options.getLlama ? { getLlama: options.getLlama } : {}),
    });
  }

  private state(): EngineState {
    const loaded = this.runtime.current();
    const model: LoadedModel | null = loaded
      ? {
          path: loaded.path,
          sha256: loaded.sha256,
          hasChatTemplate: loaded.hasChatTemplate,
          contextSize: loaded.contextSize,
          threads: loaded.threads,
          lora: loaded.lora,
        }
      : null;
    return { status: this.runtime.status(), loaded: model };
  }

  private announce(): void {
    const state = this.state();
    for (const listener of this.listeners) listener(state);
  }

  status(): Promise<EngineState> {
    return Promise.resolve(this.state());
  }

  onState(listener: (state: EngineState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(request: LoadRequest): Promise<EngineState> {
    await this.runtime.exclusive(() => this.dropChoices());
    await this.runtime.load(request.path, {
      gpuLayers: request.gpuLayers,
      contextSize: request.contextSize,
      lora: request.lora ?? null,
    });
    return this.state();
  }

  cancelLoad(): Promise<EngineState> {
    this.runtime.cancelLoad();
    return Promise.resolve(this.state());
  }

  async unload(): Promise<EngineState> {
    await this.runtime.exclusive(() => this.dropChoices());
    await this.runtime.unload();
    return this.state();
  }

  /** Runs a job on the loaded model in its turn; refused when no model is loaded by then. */
  private onModel<T>(job: (loaded: LoadedLlm) => Promise<T>, signal?: WorkOptions['signal']): Promise<T> {
    return this.runtime.exclusive(async () => {
      signal?.throwIfAborted();
      const loaded = this.runtime.current();
      if (!loaded) throw new DomainError('unavailable', NOT_LOADED);
      return job(loaded);
    });
  }

  private choicesOf(loaded: LoadedLlm): LlamaChoices {
    if (this.choices?.loaded === loaded) return this.choices.choices;
    const previous = this.choices;
    this.choices = {
      loaded,
      choices: new LlamaChoices(loaded.model, {
        threads: loaded.threadCeiling,
        ...(this.options.choiceContextSize ? { contextSize: this.options.choiceContextSize } : {}),
      }),
    };
    if (previous) void previous.choices.dispose();
    return this.choices.choices;
  }

  private async dropChoices(): Promise<void> {
    const previous = this.choices;
    this.choices = null;
    await previous?.choices.dispose();
  }

  generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResult> {
    // A generation stopped while it waited for its turn never starts, and says so as a stop rather than an error.
    return this.runtime.exclusive(async () => {
      if (options.signal?.aborted) return { text: '', tokens: 0, stop: 'aborted' as const };
      const loaded = this.runtime.current();
      if (!loaded) throw new DomainError('unavailable', NOT_LOADED);
      await this.runtime.recalibrateIfDue();
      const result = await generateOnModel(loaded, request, options);
      if (result.decodeRate !== null) this.runtime.observeGeneration(result.decodeRate);
      return result.answer;
    });
  }

  embed(texts: readonly string[], options: WorkOptions = {}): Promise<number[][]> {
    return this.onModel((loaded) => this.choicesOf(loaded).embed(texts, options), options.signal);
  }

  chooseNext(request: ChoiceRequest, options: WorkOptions = {}): Promise<ChoiceResult> {
    return this.onModel((loaded) => this.choicesOf(loaded).choose(request, options), options.signal);
  }

  measureChoice(request: Pick<ChoiceRequest, 'prefix' | 'suffixes'>): Promise<ChoiceMeasure> {
    return this.onModel((loaded) => this.choicesOf(loaded).measure(request));
  }

  countTokens(texts: readonly string[]): Promise<number[]> {
    return this.onModel((loaded) => Promise.resolve(this.choicesOf(loaded).countTokens(texts)));
  }

  /** Native facts about a file, outside the model queue: listing the models folder need not wait for a draft. */
  probeFile(filePath: string, options: ProbeOptions = {}): Promise<NativeFileFacts> {
    return probeModelFile(filePath, options);
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
    await this.runtime.exclusive(() => this.dropChoices());
    await this.runtime.dispose();
  }
}
