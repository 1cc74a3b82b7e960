import os from 'node:os';
import { getLlama, LlamaLogLevel, type Llama } from 'node-llama-cpp';

/**
 * The one node-llama-cpp instance of the process (issue 4). Loading, inspection, fit estimates and benchmarks all
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
 * - 1 or 2 logical cores: 1 thread. Measured on a 2-core machine with a 0.5B-shaped Q8_0 model through
 *   node-llama-cpp, generation ran at ~64 tokens/s with 1 thread and ~40 with 2: the second llama.cpp thread
 *   competes with Node's own threads (event loop, libuv pool, the renderer in Electron) and each token's threads
 *   synchronise, so one busy core stalls both. Prompt processing does double with 2 threads (182 → 356 tokens/s),
 *   so a benchmark or a user with a prompt-heavy load may set 2 through the variable; the default keeps a core for
 *   the app so the window stays responsive while a model generates. Re-measured on a busy 2-core machine (load
 *   average ~6 from other processes), same 0.5B-shaped file, 181-token prompt then 64 generated tokens:
 *   1 thread 64–125 prompt tokens/s and 11–14 generated tokens/s; 2 threads 29–36 and 1.1–1.6. When the cores are
 *   shared, a second thread that must wait for a busy core stalls every token.
 *   Why two threads fall so far behind native llama.cpp (~87 tokens/s at 2 threads in the facts file), from
 *   test/bench/llm-bench.ts (BENCH_ONLY=llm): node-llama-cpp 3.21.1 attaches no ggml threadpool, so every decode
 *   with n > 1 threads creates and joins n - 1 OS threads (strace: 20 clone() calls for 20 generated tokens at 2
 *   threads, none at 1), where llama-bench keeps a polling pool; and ggml's threads meet at a spin barrier after each
 *   graph node, so when anything else needs a core (Node's main thread handling each token, V8's GC helpers, the
 *   renderer, other programs) one of the two is descheduled and the other spins. A decode-only loop on the tiny
 *   model took 0.6-2.3 ms per token at 1 thread and 46-263 ms at 2 threads with a load average of 7-8. None of the
 *   Node-side settings tried made two threads robust: maxThreads 0 (no thread splitter), dispatching decodes in a
 *   microtask instead of the next event-loop cycle, a 512 context, flash attention, greedy vs sampled,
 *   controlledEvaluate per token, UV_THREADPOOL_SIZE=1, --v8-pool-size=1 --single-threaded-gc: all stayed at
 *   0.5-5 tokens/s median under load, with single runs at ~30 when the machine briefly went quiet, while one thread
 *   kept 14-29. So one thread it is on two cores; the prompt is where a second thread pays, and node-llama-cpp sets
 *   one count for both.
 *   The one setting that did help two threads, on a quieter machine (load average ~1.4): a process started with
 *   UV_THREADPOOL_SIZE=1 generated 38.6-41.0 tokens/s at 2 threads against 27.4-32.4 with libuv's default pool of 4
 *   (three interleaved pairs of processes, 0.5B-shaped Q8_0), i.e. ~46% of native instead of ~35%. node-llama-cpp
 *   runs each decode and each sampling step as separate libuv jobs; with four pool threads they hop between threads
 *   (and cores) every token, with one they stay on one hot thread. The variable acts only when the process starts,
 *   so it belongs to whoever launches the process that loads the model (a dedicated model process, or a user who
 *   sets ADVISOR_DESK_LLM_THREADS=2 on a quiet machine). It is not a general default: at 1 thread the same processes
 *   were slower in two pairs of three (19.5-22.6 tokens/s against 24.8-30.7).
 * - More cores: half the logical cores (about the physical cores on machines with two hardware threads per core,
 *   where llama.cpp gains nothing from the second), leaving the rest to the app.
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
  if (cores <= 2) return { threads: 1, reason: `${cores} logical core(s): one thread generates faster here and leaves a core to the app` };
  const threads = Math.max(1, Math.floor(cores / 2));
  return { threads, reason: `${cores} logical cores: about one thread per physical core` };
}

let shared: Promise<Llama> | null = null;

/** The memoized instance; a failed start is not remembered, so the next call tries again. */
export function getLlamaForMachine(): Promise<Llama> {
  if (!shared) {
    const { threads } = chooseThreads();
    shared = getLlama({
      gpu: 'auto',
      build: 'never',
      maxThreads: threads,
      // Errors only, to stderr: llama.cpp's info lines are noise to an advisor, and prompts never pass through here.
      logLevel: LlamaLogLevel.error,
      logger: (level, message) => {
        if (level === LlamaLogLevel.error || level === LlamaLogLevel.fatal) process.stderr.write(`[llama.cpp] ${message.trimEnd()}\n`);
      },
    });
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
