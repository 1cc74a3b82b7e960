import os from 'node:os';
import type { Llama } from 'node-llama-cpp';

/**
 * The one node-llama-cpp instance of the process. Loading, inspection, fit estimates and benchmarks all
 * share it, so the native backend is chosen and initialised once.
 *
 * - `gpu: 'auto'` picks CUDA, Vulkan or Metal where the machine has one and the prebuilt binary for it, else the CPU.
 * - `build: 'never'`: the app must never compile llama.cpp at run time (no network, no toolchain on an advisor's
 *   machine, and a failed cmake build leaves ~200 MB behind). A missing binary fails fast with NoBinaryFoundError.
 * - `maxThreads` is set explicitly: the library's default is max(4, cores), which on a 2-core machine
 *   oversubscribes the CPU and generation collapses from ~40 to ~0.4 tokens/s (see local-llm-facts.md).
 *
 * node-llama-cpp tests its binary in a child process, which fails under `node -e`: run it from script files.
 */

export const THREADS_ENV = 'ADVISOR_DESK_LLM_THREADS';

export interface ThreadChoice {
  threads: number;
  /** Why this number, for the status line and the benchmark's report. */
  reason: string;
}

/**
 * Threads for evaluation on this machine.
 *
 * - ADVISOR_DESK_LLM_THREADS wins (benchmarks, users who know their machine); anything but a whole number from 1 to
 *   256 is refused by name rather than silently ignored.
 * - 1 or 2 logical cores: 1 thread, so a core stays free for the app and a busy core cannot stall every token.
 * - More cores: half the logical cores (about the physical cores), leaving the rest to the app.
 *
 * The measurements behind these choices are in docs/adr/0002-threads-for-local-generation.md.
 */
export function chooseThreads(options: { cores?: number; env?: NodeJS.ProcessEnv } = {}): ThreadChoice {
  const env = options.env ?? process.env;
  const cores = Math.max(1, options.cores ?? os.availableParallelism());
  const override = env[THREADS_ENV]?.trim();
  if (override) {
    const value = Number(override);
    if (!/^\d+$/.test(override) || !Number.isInteger(value) || value < 1 || value > 256) {
      throw new Error(`${THREADS_ENV} must be a whole number of threads from 1 to 256, got "${override}".`);
    }
    return { threads: value, reason: `${THREADS_ENV}=${value}` };
  }
  if (cores <= 2)
    return {
      threads: 1,
      reason: `${cores} logical core(s): one thread generates faster here and leaves a core to the app`,
    };
  const threads = Math.max(1, Math.floor(cores / 2));
  return { threads, reason: `${cores} logical cores: about one thread per physical core` };
}

export interface ThreadPlan {
  /** The count used until a measurement says otherwise. */
  initial: ThreadChoice;
  /**
   * Counts worth measuring after a model loads, lowest first. One entry means the count is settled (the variable is
   * set, or there is one core); two mean the engine times a short burst of decoding at each and keeps the faster
   * (docs/adr/0006-generation-speed.md).
   */
  candidates: number[];
}

/**
 * What to try: the fixed choice above, and on a machine with two or more logical cores also the largest count that
 * still leaves the app a core above two (all cores on two: one core left idle costs 35–50 % of generation speed on a
 * quiet 2-core machine, while on a busy one two threads collapse, so only a measurement can tell).
 */
export function planThreads(options: { cores?: number; env?: NodeJS.ProcessEnv } = {}): ThreadPlan {
  const env = options.env ?? process.env;
  const cores = Math.max(1, options.cores ?? os.availableParallelism());
  const initial = chooseThreads({ cores, env });
  if (env[THREADS_ENV]?.trim() || cores < 2) return { initial, candidates: [initial.threads] };
  const high = cores <= 2 ? cores : Math.max(initial.threads + 1, cores - 1);
  return { initial, candidates: [initial.threads, high] };
}

/** The most threads any context of this process may be asked to use: contexts are made able to use this many. */
export function threadCeiling(plan: ThreadPlan = planThreads()): number {
  return Math.max(...plan.candidates);
}

/**
 * Makes a context that can later run at up to `ceiling` threads. node-llama-cpp fixes a context's ideal thread
 * count when the context is made, capped by the instance's `maxThreads`, and then gives each decode
 * min(ideal, maxThreads); so the cap is lifted while the context is made, and `maxThreads` alone decides afterwards.
 */
export async function withThreadCeiling<T>(llama: Llama, ceiling: number, make: () => Promise<T>): Promise<T> {
  const before = llama.maxThreads;
  llama.maxThreads = Math.max(before, ceiling);
  try {
    return await make();
  } finally {
    llama.maxThreads = before;
  }
}

let shared: Promise<Llama> | null = null;

/** The memoized instance; a failed start is not remembered, so the next call tries again. */
export function getLlamaForMachine(): Promise<Llama> {
  if (!shared) {
    const { threads } = chooseThreads();
    // Imported here, not at the top: loading node-llama-cpp costs about 0.8 s, which every CLI command and every
    // start of the backend paid before, even those that never touch a model.
    shared = import('node-llama-cpp').then(({ getLlama, LlamaLogLevel }) =>
      getLlama({
        gpu: 'auto',
        build: 'never',
        maxThreads: threads,
        // Errors only, to stderr: llama.cpp's info lines are noise to an advisor, and prompts never pass through here.
        logLevel: LlamaLogLevel.error,
        logger: (level, message) => {
          if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal)
            process.stderr.write(`[llama.cpp] ${message.trimEnd()}\n`);
        },
      }),
    );
    shared.catch(() => {
      shared = null;
    });
  }
  return shared;
}

/** Evaluation threads to pass to createContext, the same number getLlamaForMachine was given. */
export function contextThreads(): number {
  return chooseThreads().threads;
}
