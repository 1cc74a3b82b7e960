import { IDLE_STATUS, type LlmStatus } from '../../app/contract/llm-channels';
import type { EngineState, LanguageModel, LoadedModel } from '../../app/ports/language-model';

export { IDLE_STATUS };

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
    readonly model: LanguageModel,
    private readonly onStatus: (status: LlmStatus) => void = () => undefined,
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

  async load(path: string, options: { gpuLayers: 'auto' | number; contextSize: 'auto' | number }): Promise<LlmStatus> {
    this.state = await this.model.load({ path, ...options });
    return this.status();
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
