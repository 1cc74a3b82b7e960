import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { THREADS_ENV } from '../llm/llama-instance';
import type { EngineProcess, SpawnEngine } from './engine-client';
import { ENGINE_DATA_DIR_ENV } from './engine-host-env';
import type { FromEngine } from './engine-protocol';

export interface ForkEngineOptions {
  /** The data folder: the engine remembers model hashes in it, as the backend's model library does. */
  dataDir?: string;
  /**
   * A fixed llama.cpp thread count for the engine (benchmarks). Unset, the engine measures which count is faster
   * after each load (docs/adr/0006-generation-speed.md), unless the user set ADVISOR_DESK_LLM_THREADS, which the
   * engine inherits with the rest of the environment.
   */
  threads?: number;
  /** libuv's pool in the engine process: 1 keeps each token's jobs on one pool thread (ADR 0002). */
  uvThreadpoolSize?: number;
}

/** The bundled host beside this bundle (dist/main/engine-host.mjs), or the TypeScript source run through tsx. */
function hostEntry(): { file: string; execArgv: string[] } {
  const here = path.dirname(fileURLToPath(import.meta.url));
  const bundled = path.join(here, 'engine-host.mjs');
  if (fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  return { file: path.join(here, 'engine-host.ts'), execArgv: ['--import', 'tsx'] };
}

/**
 * Starts the engine as a Node child process over an IPC channel with the 'advanced' serialization (typed arrays
 * and nested data cross as they are): browser mode, the CLI and tests. The desktop app's backend uses
 * relayedEngine instead: the main process starts engines there as utility processes (run-as-node is fused off).
 */
export function forkEngine(options: ForkEngineOptions = {}): SpawnEngine {
  return (): EngineProcess => {
    const { file, execArgv } = hostEntry();
    const child = fork(file, [], {
      execArgv,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      env: {
        ...process.env,
        UV_THREADPOOL_SIZE: String(options.uvThreadpoolSize ?? 1),
        ...(options.threads !== undefined ? { [THREADS_ENV]: String(options.threads) } : {}),
        ...(options.dataDir ? { [ENGINE_DATA_DIR_ENV]: options.dataDir } : {}),
      },
    });
    // A send after the process died throws asynchronously through 'error'; the exit handler reports the loss.
    child.on('error', () => undefined);
    return {
      pid: child.pid,
      send: (message) => {
        if (child.connected) child.send(message);
      },
      onMessage: (listener) => child.on('message', (message) => listener(message as FromEngine)),
      onExit: (listener) =>
        child.once('exit', (code, signal) => listener(signal ? `killed by ${signal}` : `exit code ${code}`)),
      kill: () => void child.kill('SIGKILL'),
      hold: (held) => {
        const channel = child.channel as { ref(): void; unref(): void } | null | undefined;
        if (held) {
          child.ref();
          channel?.ref();
        } else {
          child.unref();
          channel?.unref();
        }
      },
    };
  };
}
