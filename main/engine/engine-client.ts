import { DomainError } from '../../app/domain/domain-error';
import { message } from '../../app/messages';
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
  WorkOptions,
} from '../../app/ports/language-model';
import { IDLE_STATUS } from '../../app/contract/llm-channels';
import { fromWireError, type EngineMethod, type FromEngine, type ToEngine } from './engine-protocol';
import type { ModelFileProber, NativeFileFacts, ProbeOptions } from '../llm/file-probe';

/** The engine process died while a request was in flight; `how` says how ("killed by SIGABRT"). */
export class EngineCrashedError extends DomainError {
  constructor(readonly how: string) {
    super(
      'unavailable',
      `The language engine stopped unexpectedly (${how}); it starts again on the next request, and the model must be loaded again.`,
    );
    this.name = 'EngineCrashedError';
  }
}

/** A started engine process as the client needs it, whether Node's fork or Electron's utilityProcess made it. */
export interface EngineProcess {
  send(message: ToEngine): void;
  onMessage(listener: (message: FromEngine) => void): void;
  /** Called once when the process ends, with a few words on how (an exit code or a signal). */
  onExit(listener: (how: string) => void): void;
  kill(): void;
  /** Keeps this process alive while the engine works for it, and lets it exit when the engine is idle. */
  hold(held: boolean): void;
  readonly pid: number | undefined;
}

export type SpawnEngine = () => EngineProcess;

interface Pending {
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onText?: ((chunk: string) => void) | undefined;
  release(): void;
}

/** How long a disposing engine gets to free its model before it is killed. */
const DISPOSE_GRACE_MS = 5000;

/**
 * The LanguageModel port served by an engine process. The process starts on the first request that needs it;
 * if it dies (llama.cpp aborting, the system killing it), whatever was in flight is rejected with the reason, the
 * state says the model is gone and must be loaded again, and the next request starts a fresh process.
 */
export class EngineClient implements LanguageModel, ModelFileProber {
  private child: EngineProcess | null = null;
  private readonly pending = new Map<number, Pending>();
  private readonly listeners = new Set<(state: EngineState) => void>();
  private state: EngineState = { status: { ...IDLE_STATUS }, loaded: null };
  private nextId = 1;
  private disposed = false;

  constructor(private readonly spawn: SpawnEngine) {}

  /** The engine process's id while one runs (for tests and diagnostics). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  private process(): EngineProcess {
    if (this.disposed) throw new Error('The language engine has been closed.');
    if (this.child) return this.child;
    const child = this.spawn();
    this.child = child;
    child.onMessage((message) => this.receive(child, message));
    child.onExit((how) => this.lost(child, how));
    child.hold(false);
    return child;
  }

  private take(state: EngineState): void {
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }

  private receive(child: EngineProcess, message: FromEngine): void {
    if (message.kind === 'state') return this.take(message.state);
    if (message.kind === 'retiring') return this.lost(child, message.reason, fromWireError(message.error));
    const pending = this.pending.get(message.id);
    if (!pending) return;
    if (message.kind === 'text') return pending.onText?.(message.chunk);
    this.settle(message.id);
    if (message.kind === 'result') pending.resolve(message.value);
    else pending.reject(fromWireError(message.error));
  }

  private settle(id: number): void {
    this.pending.get(id)?.release();
    this.pending.delete(id);
    if (this.pending.size === 0) this.child?.hold(false);
  }

  private lost(child: EngineProcess, how: string, cause?: Error): void {
    if (this.child !== child) return;
    this.child = null;
    const failure = cause ?? new EngineCrashedError(how);
    for (const [id, pending] of [...this.pending]) {
      this.settle(id);
      pending.reject(failure);
    }
    if (this.disposed) return;
    const was = this.state.status.path;
    this.take({
      status: {
        ...IDLE_STATUS,
        state: 'failed',
        path: was,
        error: message('engine.crashed', { how }),
      },
      loaded: null,
    });
  }

  private call<T>(method: EngineMethod, args: unknown[], options: GenerateOptions = {}): Promise<T> {
    const child = this.process();
    const id = this.nextId++;
    const { signal, onText } = options;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => this.child?.send({ kind: 'abort', id });
      signal?.addEventListener('abort', onAbort);
      this.pending.set(id, {
        resolve: (value) => resolve(value as T),
        // An abort asked for here comes back as the caller's own reason, as it would in this process.
        reject: (error) => reject(signal?.aborted ? signal.reason : error),
        onText,
        release: () => signal?.removeEventListener('abort', onAbort),
      });
      child.hold(true);
      child.send({ kind: 'call', id, method, args });
      if (signal?.aborted) onAbort();
    });
  }

  status(): Promise<EngineState> {
    return Promise.resolve(this.state);
  }

  onState(listener: (state: EngineState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  load(request: LoadRequest): Promise<EngineState> {
    return this.call<EngineState>('load', [request]).then((state) => (this.take(state), state));
  }

  cancelLoad(): Promise<EngineState> {
    return this.child ? this.call('cancelLoad', []) : this.status();
  }

  unload(): Promise<EngineState> {
    if (!this.child) return this.status();
    return this.call<EngineState>('unload', []).then((state) => (this.take(state), state));
  }

  generate(request: GenerateRequest, options: GenerateOptions = {}): Promise<GenerateResult> {
    return this.call('generate', [request], options);
  }

  embed(texts: readonly string[], options: WorkOptions = {}): Promise<number[][]> {
    return this.call('embed', [texts], { signal: options.signal });
  }

  chooseNext(request: ChoiceRequest, options: WorkOptions = {}): Promise<ChoiceResult> {
    return this.call('chooseNext', [request], { signal: options.signal });
  }

  measureChoice(request: Pick<ChoiceRequest, 'prefix' | 'suffixes'>): Promise<ChoiceMeasure> {
    return this.call('measureChoice', [request]);
  }

  countTokens(texts: readonly string[]): Promise<number[]> {
    return this.call('countTokens', [texts]);
  }

  probeFile(filePath: string, options: ProbeOptions = {}): Promise<NativeFileFacts> {
    return this.call('probeFile', [filePath, options]);
  }

  /** Asks the engine to free its model and exit; one that does not within a few seconds is killed. */
  async dispose(): Promise<void> {
    const child = this.child;
    if (!child || this.disposed) {
      this.disposed = true;
      return;
    }
    const asked = this.call('dispose', []).catch(() => undefined);
    this.disposed = true;
    this.listeners.clear();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise((resolve) => (timer = setTimeout(resolve, DISPOSE_GRACE_MS)));
    await Promise.race([asked, late]);
    clearTimeout(timer);
    child.kill();
  }
}
