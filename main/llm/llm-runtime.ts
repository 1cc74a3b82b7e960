import path from 'node:path';
import type { Llama, LlamaContext, LlamaModel } from 'node-llama-cpp';
import { IDLE_STATUS, type AppliedLora, type LlmStatus } from '../../app/contract/llm-channels';
import { message, renderMessage, type Message } from '../../app/messages';
import { assertLoadable, ModelFileProblemError } from './gguf-check';
import { assertLoraAdapter, LoraAdapterError } from './lora-check';
import { getLlamaForMachine, planThreads, threadCeiling, withThreadCeiling, type ThreadPlan } from './llama-instance';
import { calibrateThreads, CalibrationSchedule, type ThreadDecision } from './thread-calibration';
import { DomainError } from '../../app/domain/domain-error';

/** The model in memory and what the pitch generator and the signals need to use it. */
export interface LoadedLlm {
  llama: Llama;
  model: LlamaModel;
  /** The context drafting runs in: one sequence, used by one generation at a time (see `exclusive`). */
  context: LlamaContext;
  path: string;
  sha256: string;
  hasChatTemplate: boolean;
  contextSize: number;
  threads: number;
  /** The most threads a context of this model may be switched to (contexts are made able to use this many). */
  threadCeiling: number;
  /** The LoRA adapter applied to the drafting context; null without one. */
  lora: AppliedLora | null;
}

export interface LoadOptions {
  gpuLayers: 'auto' | number;
  contextSize: 'auto' | number;
  /** A LoRA adapter GGUF applied to the drafting context, at this scale (llama.cpp multiplies it by alpha / rank). */
  lora?: { path: string; scale: number } | null;
}

export interface LlmRuntimeOptions {
  /** Pushed on every change of state and during loading. */
  onStatus(status: LlmStatus): void;
  /** sha256 of a model file (cached by the model library). */
  hashOf(filePath: string): Promise<string>;
  /** The llama.cpp binding; getLlamaForMachine() unless a test stands in a GPU that runs out of memory. */
  getLlama?: () => Promise<Llama>;
  /** Thread counts to choose from; planThreads() for this machine unless a test fixes them. */
  threadPlan?: ThreadPlan;
  /** Told each time the thread count is measured and chosen (the support log; never anything about clients). */
  onThreads?(decision: ThreadDecision): void;
}

/** The default context: enough for a pitch prompt and its answer, far below the 32k–128k many files advertise (which fills RAM/VRAM). */
export const DEFAULT_CONTEXT_TOKENS = 4096;
const MIN_CONTEXT_TOKENS = 256;

function isOutOfMemory(error: unknown): boolean {
  const message = error instanceof Error ? error.message : String(error);
  return /out of memory|failed to allocate|not enough (v)?ram|insufficient memory|VRAM/i.test(message);
}

function isAbort(error: unknown, signal: AbortSignal): boolean {
  return signal.aborted || (error instanceof Error && (error.name === 'AbortError' || /abort/i.test(error.message)));
}

/**
 * The one language model the app has in memory. Loading checks the file's header first (a bad header
 * aborts the process inside llama.cpp), takes the backend node-llama-cpp found (CUDA, Vulkan, Metal or the CPU),
 * lets it choose how many layers fit on the GPU and falls back to fewer layers and then the CPU when memory runs
 * out, and creates a context of a size that fits with the thread count chosen for this machine. Progress and
 * every change of state go out through onStatus, so the title bar can always say where the model runs.
 *
 * Generation shares the one context sequence: `exclusive` runs jobs one after another, so a second draft waits
 * for the first instead of disturbing it.
 */
export class LlmRuntime {
  private state: LlmStatus = { ...IDLE_STATUS };
  private loaded: LoadedLlm | null = null;
  private loading: AbortController | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly disposing = new AbortController();
  private readonly plan: ThreadPlan;
  private readonly schedule = new CalibrationSchedule();
  /** Aborted when the backend closes: running drafts listen to it and stop before the model goes. */
  readonly disposeSignal: AbortSignal = this.disposing.signal;

  constructor(private readonly options: LlmRuntimeOptions) {
    this.plan = options.threadPlan ?? planThreads();
  }

  status(): LlmStatus {
    return { ...this.state };
  }

  current(): LoadedLlm | null {
    return this.loaded;
  }

  private set(next: Partial<LlmStatus>): void {
    this.state = { ...this.state, ...next };
    this.options.onStatus(this.status());
  }

  /** Runs jobs that use the loaded model one at a time, in the order asked; a failed job does not stop the next. */
  exclusive<T>(job: () => Promise<T>): Promise<T> {
    const run = this.queue.then(job, job);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async load(filePath: string, options: LoadOptions): Promise<LlmStatus> {
    if (this.loading)
      throw new DomainError(
        'conflict',
        'A model is already loading. Cancel that load first, or wait for it to finish.',
      );
    const abort = new AbortController();
    this.loading = abort;
    const modelPath = path.resolve(filePath);
    try {
      // Wait for running drafts to finish with the old model before it goes.
      await this.exclusive(() => this.release());
      this.set({ ...IDLE_STATUS, state: 'loading', path: modelPath });

      let header;
      try {
        header = await assertLoadable(modelPath);
      } catch (error) {
        if (error instanceof ModelFileProblemError) return this.fail(error.problem.text, 'validation');
        throw error;
      }
      // The adapter's header is checked before the model is read into memory: a wrong file costs no load.
      const loraPath = options.lora ? path.resolve(options.lora.path) : null;
      if (loraPath) {
        try {
          await assertLoraAdapter(loraPath, { path: modelPath, architecture: header.architecture });
        } catch (error) {
          if (error instanceof LoraAdapterError) return this.fail(error.text, 'validation');
          throw error;
        }
      }

      const llama = await (this.options.getLlama ?? getLlamaForMachine)();
      const backend = llama.gpu === false ? 'cpu' : llama.gpu;
      const gpuName = backend === 'cpu' ? null : ((await llama.getGpuDeviceNames().catch(() => []))[0] ?? null);
      this.set({ backend, gpuName, totalLayers: header.totalLayers });

      const model = await this.loadWithFallback(llama, modelPath, options, header.totalLayers, abort.signal);
      if (!model) return this.cancelled();

      const ceiling = threadCeiling(this.plan);
      let context: LlamaContext;
      try {
        const trained = model.trainContextSize > 0 ? model.trainContextSize : DEFAULT_CONTEXT_TOKENS;
        const wanted =
          options.contextSize === 'auto'
            ? { min: Math.min(MIN_CONTEXT_TOKENS, trained), max: Math.min(trained, DEFAULT_CONTEXT_TOKENS) }
            : Math.min(options.contextSize, trained);
        const adapters =
          loraPath && options.lora ? { adapters: [{ filePath: loraPath, scale: options.lora.scale }] } : null;
        const create = (remedy: boolean) =>
          withThreadCeiling(llama, ceiling, () =>
            model.createContext({
              contextSize: wanted,
              threads: ceiling,
              sequences: 1,
              ...(adapters ? { lora: adapters } : {}),
              ...(remedy ? {} : { failedCreationRemedy: false as const }),
            }),
          );
        // node-llama-cpp retries a failed context with smaller sizes, a dozen times or more, which helps when memory
        // ran out but not when llama.cpp refused the adapter: with an adapter the first try is made without retries,
        // and only running out of memory earns the retries.
        context = adapters
          ? await create(false).catch((error: unknown) => (isOutOfMemory(error) ? create(true) : Promise.reject(error)))
          : await create(true);
      } catch (error) {
        await model.dispose();
        if (isOutOfMemory(error)) {
          return this.fail(message('engine.contextOutOfMemory'), 'unavailable');
        }
        // llama.cpp refuses an adapter whose tensors do not match the model (names or shapes) by returning no
        // adapter, which node-llama-cpp throws as "Failed to initialize LoRA adapter": say which file, in the catalog.
        if (loraPath && /LoRA adapter/i.test(error instanceof Error ? error.message : String(error))) {
          return this.fail(
            message('lora.rejected', { file: path.basename(loraPath), model: path.basename(modelPath) }),
            'validation',
          );
        }
        throw error;
      }
      if (abort.signal.aborted) {
        await context.dispose();
        await model.dispose();
        return this.cancelled();
      }

      const threads = await this.settleThreads(llama, context);
      const sha256 = await this.options.hashOf(modelPath);
      const lora: AppliedLora | null =
        loraPath && options.lora
          ? {
              path: loraPath,
              file: path.basename(loraPath),
              sha256: await this.options.hashOf(loraPath),
              scale: options.lora.scale,
            }
          : null;
      this.loaded = {
        llama,
        model,
        context,
        path: modelPath,
        sha256,
        hasChatTemplate: header.hasChatTemplate,
        contextSize: context.contextSize,
        threads,
        threadCeiling: ceiling,
        lora,
      };
      this.set({
        state: 'loaded',
        sha256,
        architecture: header.architecture,
        gpuLayers: model.gpuLayers,
        totalLayers: header.totalLayers || this.state.totalLayers,
        contextSize: context.contextSize,
        threads,
        loadProgress: 1,
        error: null,
        lora,
      });
      return this.status();
    } catch (error) {
      if (error instanceof DomainError) throw error;
      if (isOutOfMemory(error)) {
        return this.fail(message('engine.modelOutOfMemory', { file: path.basename(modelPath) }), 'unavailable');
      }
      const detail = error instanceof Error ? error.message : String(error);
      return this.fail(message('engine.loadFailed', { file: path.basename(modelPath), detail }), 'unavailable');
    } finally {
      this.loading = null;
    }
  }

  /**
   * The thread count for this model on this machine now: the plan's only count, or the faster of its candidates by a
   * short timed burst of decoding (docs/adr/0006-generation-speed.md). A failed measurement keeps the plan's first
   * count rather than failing the load.
   */
  private async settleThreads(llama: Llama, context: LlamaContext): Promise<number> {
    if (this.plan.candidates.length < 2) {
      llama.maxThreads = this.plan.initial.threads;
      return this.plan.initial.threads;
    }
    try {
      const decision = await calibrateThreads(llama, context, { candidates: this.plan.candidates });
      this.schedule.calibrated();
      this.options.onThreads?.(decision);
      return decision.threads;
    } catch {
      llama.maxThreads = this.plan.initial.threads;
      return this.plan.initial.threads;
    }
  }

  /**
   * Before a generation: measures the thread count again when the last generation slowed down against the first
   * after the previous measurement, or the measurement is old (the machine's load changes during a day). Runs inside
   * the caller's exclusive job.
   */
  async recalibrateIfDue(): Promise<void> {
    const loaded = this.loaded;
    if (!loaded || this.plan.candidates.length < 2 || !this.schedule.due()) return;
    const threads = await this.settleThreads(loaded.llama, loaded.context);
    if (this.loaded !== loaded) return;
    loaded.threads = threads;
    if (this.state.threads !== threads) this.set({ threads });
  }

  /** Decode speed of a generation that just finished, so that a slowdown triggers a new measurement. */
  observeGeneration(tokensPerSecond: number): void {
    this.schedule.observe(tokensPerSecond);
  }

  /**
   * gpuLayers 'auto' lets node-llama-cpp fit layers to free VRAM; if the load still runs out of memory (its estimate
   * was off, or another program took the memory meanwhile), half of the model's layers are tried, then half of that,
   * down to none (CPU only). A fixed number is tried as asked, then halved the same way.
   */
  private async loadWithFallback(
    llama: Llama,
    modelPath: string,
    options: LoadOptions,
    totalLayers: number,
    signal: AbortSignal,
  ): Promise<LlamaModel | null> {
    let gpuLayers: 'auto' | number = llama.gpu === false ? 0 : options.gpuLayers;
    for (;;) {
      let model: LlamaModel;
      try {
        model = await llama.loadModel({
          modelPath,
          gpuLayers,
          loadSignal: signal,
          onLoadProgress: (progress) => {
            if (this.state.state === 'loading') this.set({ loadProgress: Math.max(0, Math.min(1, progress)) });
          },
        });
      } catch (error) {
        if (isAbort(error, signal)) return null;
        if (!isOutOfMemory(error) || gpuLayers === 0) throw error;
        // Fewer layers on the GPU, then the CPU alone.
        gpuLayers = Math.floor((gpuLayers === 'auto' ? Math.max(1, totalLayers) : gpuLayers) / 2);
        continue;
      }
      if (signal.aborted) {
        await model.dispose();
        return null;
      }
      return model;
    }
  }

  private fail(error: Message, code: 'validation' | 'unavailable'): never {
    this.set({ ...IDLE_STATUS, state: 'failed', path: this.state.path, error });
    throw new DomainError(code, renderMessage(error, 'en'));
  }

  private cancelled(): LlmStatus {
    this.set({ ...IDLE_STATUS });
    return this.status();
  }

  /** Stops a load in progress; what was loaded so far is freed. */
  cancelLoad(): LlmStatus {
    this.loading?.abort();
    return this.status();
  }

  async unload(): Promise<LlmStatus> {
    this.loading?.abort();
    await this.exclusive(() => this.release());
    this.set({ ...IDLE_STATUS });
    return this.status();
  }

  private async release(): Promise<void> {
    const loaded = this.loaded;
    this.loaded = null;
    if (!loaded) return;
    await loaded.context.dispose();
    await loaded.model.dispose();
  }

  /** Frees the model when the backend closes; nothing is left in memory. */
  async dispose(): Promise<void> {
    this.disposing.abort();
    this.loading?.abort();
    // Running drafts were told to stop; they end at their next token and free the sequence before the model goes.
    await this.exclusive(() => this.release());
  }
}
