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
import { IDLE_STATUS, type LlmStatus } from '../../app/contract/llm-channels';
import { DomainError } from '../../app/domain/domain-error';

export interface FakeLanguageModelOptions {
  /** The model it holds from the start; none when omitted. */
  loaded?: Partial<LoadedModel> | null;
  /** What generate answers; the default echoes nothing useful. */
  reply?: (request: GenerateRequest) => string;
  /** Characters per generated "token" (one onText chunk each). */
  chunk?: number;
  /** Generation throws this after so many tokens, as a native failure in the engine ends a generation. */
  failAfter?: { tokens: number; error: Error };
}

const words = (text: string): string[] => text.split(/\s+/).filter((w) => w.length > 0);

/** A small stable number from a text, so every answer of the fake is the same from run to run. */
function hashOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const idle = (): LlmStatus => ({ ...IDLE_STATUS });

/**
 * A deterministic LanguageModel for tests of what sits above the port: a token is a whitespace-separated word
 * (countTokens) or `chunk` characters of the reply (generate), embeddings and choices are derived from hashes of the
 * text, and the choice context remembers the last prompt so prefix reuse can be counted as a real engine would.
 */
export class FakeLanguageModel implements LanguageModel {
  readonly calls: { method: string; request?: unknown }[] = [];
  private current: LoadedModel | null;
  private readonly listeners = new Set<(state: EngineState) => void>();
  private held: string[] = [];

  constructor(private readonly options: FakeLanguageModelOptions = {}) {
    this.current = options.loaded === undefined || options.loaded === null ? null : this.model(options.loaded);
  }

  private model(partial: Partial<LoadedModel>): LoadedModel {
    return {
      path: '/models/fake.gguf',
      sha256: 'a'.repeat(64),
      hasChatTemplate: true,
      contextSize: 4096,
      threads: 1,
      lora: null,
      ...partial,
    };
  }

  private state(): EngineState {
    const m = this.current;
    const status: LlmStatus = m
      ? { ...idle(), state: 'loaded', path: m.path, sha256: m.sha256, contextSize: m.contextSize, threads: m.threads }
      : idle();
    return { status, loaded: m };
  }

  private loadedOrThrow(): LoadedModel {
    if (!this.current) throw new DomainError('unavailable', 'No language model is loaded.');
    return this.current;
  }

  status(): Promise<EngineState> {
    return Promise.resolve(this.state());
  }

  onState(listener: (state: EngineState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async load(request: LoadRequest): Promise<EngineState> {
    this.calls.push({ method: 'load', request });
    this.current = this.model({
      path: request.path,
      ...(typeof request.contextSize === 'number' ? { contextSize: request.contextSize } : {}),
    });
    const state = this.state();
    for (const listener of this.listeners) listener(state);
    return state;
  }

  cancelLoad(): Promise<EngineState> {
    return this.status();
  }

  async unload(): Promise<EngineState> {
    this.current = null;
    const state = this.state();
    for (const listener of this.listeners) listener(state);
    return state;
  }

  async generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResult> {
    this.calls.push({ method: 'generate', request });
    this.loadedOrThrow();
    const reply = this.options.reply?.(request) ?? '';
    const size = this.options.chunk ?? 8;
    let text = '';
    let tokens = 0;
    for (let i = 0; i < reply.length; i += size) {
      // A turn of the event loop per token, so a stop asked for meanwhile lands between tokens.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (options.signal?.aborted) return { text, tokens, stop: 'aborted' };
      if (tokens >= request.maxTokens) return { text, tokens, stop: 'max-tokens' };
      if (this.options.failAfter && tokens >= this.options.failAfter.tokens) throw this.options.failAfter.error;
      const piece = reply.slice(i, i + size);
      text += piece;
      tokens++;
      options.onText?.(piece);
    }
    return { text, tokens, stop: 'end' };
  }

  async embed(texts: readonly string[], options: WorkOptions = {}): Promise<number[][]> {
    this.calls.push({ method: 'embed', request: texts });
    this.loadedOrThrow();
    return texts.map((text) => {
      if (options.signal?.aborted) throw new Error('aborted');
      const h = hashOf(text);
      return [0, 1, 2, 3].map((i) => (((h >>> (i * 8)) & 0xff) - 128) / 128);
    });
  }

  async chooseNext(request: ChoiceRequest, options: WorkOptions = {}): Promise<ChoiceResult> {
    this.calls.push({ method: 'chooseNext', request });
    this.loadedOrThrow();
    const prefix = request.prefix.flatMap(words);
    let evaluatedTokens = 0;
    const probabilities = request.suffixes.map((suffix) => {
      if (options.signal?.aborted) throw new Error('aborted');
      const full = [...prefix, ...words(suffix)];
      let kept = 0;
      if (request.reusePrefix !== false)
        while (kept < Math.min(this.held.length, full.length - 1) && this.held[kept] === full[kept]) kept++;
      evaluatedTokens += full.length - kept;
      this.held = full;
      const h = hashOf(full.join(' '));
      const raw = request.answers.map((_, i) => 1 + ((h >>> (i * 4)) & 0xf));
      const sum = raw.reduce((a, b) => a + b, 0);
      return raw.map((r) => r / sum / 2);
    });
    return { probabilities, evaluatedTokens };
  }

  async measureChoice(request: Pick<ChoiceRequest, 'prefix' | 'suffixes'>): Promise<ChoiceMeasure> {
    return {
      prefixTokens: request.prefix.flatMap(words).length,
      suffixTokens: request.suffixes.map((s) => words(s).length),
      contextSize: 2048,
    };
  }

  async countTokens(texts: readonly string[]): Promise<number[]> {
    this.calls.push({ method: 'countTokens', request: texts });
    this.loadedOrThrow();
    return texts.map((text) => words(text).length);
  }

  async dispose(): Promise<void> {
    this.listeners.clear();
    this.current = null;
  }
}
