import { IDLE_STATUS, type LlmStatus } from '../../app/contract/llm-channels';
import type { EngineState, LanguageModel, LoadedModel } from '../../app/ports/language-model';
import { DomainError } from '../../app/domain/domain-error';
import { renderMessage } from '../../app/messages';
import { problemText } from '../llm/gguf-check';
import type { EngineCrashes } from '../llm/engine-crashes';
import { EngineCrashedError } from './engine-client';
import type { ModelFileProber, NativeFileFacts, ProbeOptions } from '../llm/file-probe';

export { IDLE_STATUS };

const basename = (file: string): string => file.split(/[\\/]/).pop() ?? file;

/**
 * The backend's hold on its language engine: the port itself for the use-cases, and the engine's latest state
 * kept here so that the handlers and the ranking can ask which model is loaded without a round trip.
 */
export class LanguageEngine {
  private state: EngineState = { status: { ...IDLE_STATUS }, loaded: null };
  private readonly closing = new AbortController();
  private readonly unsubscribe: () => void;
  /** Aborted when the backend closes: running drafts and downloads listen to it. */
  readonly disposeSignal: AbortSignal = this.closing.signal;

  constructor(
    readonly model: LanguageModel & ModelFileProber,
    private readonly onStatus: (status: LlmStatus) => void = () => undefined,
    /** Files that killed the engine; they are refused here rather than handed to llama.cpp again. */
    readonly crashes: EngineCrashes | null = null,
  ) {
    this.unsubscribe = model.onState((state) => this.take(state));
  }

  private take(state: EngineState): void {
    this.state = state;
    this.onStatus({ ...state.status });
  }

  status(): LlmStatus {
    return { ...this.state.status };
  }

  /** The model loaded now, as far as the engine last said. */
  current(): LoadedModel | null {
    return this.state.loaded;
  }

  async load(
    path: string,
    options: {
      gpuLayers: 'auto' | number;
      contextSize: 'auto' | number;
      lora?: { path: string; scale: number } | null | undefined;
    },
  ): Promise<LlmStatus> {
    for (const file of options.lora ? [path, options.lora.path] : [path]) {
      const crash = await this.crashes?.of(file);
      if (crash) {
        const text = problemText('crashed-engine', { fileName: basename(file), how: crash.how });
        throw new DomainError('validation', renderMessage(text, 'en'));
      }
    }
    try {
      this.state = await this.model.load({
        path,
        gpuLayers: options.gpuLayers,
        contextSize: options.contextSize,
        lora: options.lora ?? null,
      });
    } catch (error) {
      // With an adapter, the adapter is what was new to the engine: it is remembered, not the base model.
      if (error instanceof EngineCrashedError)
        await this.crashes?.record(options.lora?.path ?? path, { how: error.how, during: 'load' });
      throw error;
    }
    return this.status();
  }

  /** Native facts about a file, from the engine (its own process unless a benchmark keeps it in this one). */
  async probeFile(path: string, options: ProbeOptions = {}): Promise<NativeFileFacts> {
    try {
      return await this.model.probeFile(path, options);
    } catch (error) {
      if (error instanceof EngineCrashedError) await this.crashes?.record(path, { how: error.how, during: 'inspect' });
      throw error;
    }
  }

  async cancelLoad(): Promise<LlmStatus> {
    await this.model.cancelLoad();
    return this.status();
  }

  async unload(): Promise<LlmStatus> {
    this.state = await this.model.unload();
    return this.status();
  }

  async dispose(): Promise<void> {
    this.closing.abort();
    this.unsubscribe();
    await this.model.dispose();
  }
}
