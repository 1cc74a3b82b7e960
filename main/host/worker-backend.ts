import { Worker } from 'node:worker_threads';
import type { Result } from '../../app/contract/result';
import type { EventListener } from '../backend/backend-types';
import { deliver, type BackendConnection } from './backend-connection';
import type { FromBackend, HostedBackendOptions, OpenFailure, ToBackend } from './backend-messages';

/** The backend refused to open; `kind` says why, for hosts that answer differently (the CLI's exit codes). */
export class BackendOpenError extends Error {
  constructor(
    message: string,
    readonly kind: OpenFailure,
  ) {
    super(message);
    this.name = 'BackendOpenError';
  }
}

/** How a started backend is talked to: a worker thread here, an Electron utility process in the desktop app. */
export interface BackendChannel {
  post(message: ToBackend): void;
  onMessage(listener: (message: FromBackend) => void): void;
  /** Called once when the thread or process is gone, however it ended. */
  onExit(listener: (reason: string) => void): void;
  terminate(): void;
}

const STOPPED: Result<unknown> = {
  ok: false,
  error: {
    code: 'internal',
    message: 'The backend stopped unexpectedly. Nothing already saved is lost; restart Advisor Desk.',
  },
};

/**
 * Starts the backend through `start` and waits until it has opened the store; rejects with the backend's own
 * message when it cannot (a corrupt or newer database). Requests are matched to answers by id; when the backend
 * is gone, every request still waiting is answered with an error rather than left hanging.
 */
export function connectBackend(start: () => BackendChannel): Promise<BackendConnection> {
  const channel = start();
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Set<EventListener>();
  let nextId = 1;
  let gone = false;
  let closed: (() => void) | null = null;

  /** A backend that said its last word ends by itself; one that has not within two seconds is ended. */
  const endSoon = () => {
    if (gone) return;
    setTimeout(() => {
      if (!gone) channel.terminate();
    }, 2_000).unref();
  };

  return new Promise((resolve, reject) => {
    channel.onExit((reason) => {
      gone = true;
      for (const answer of pending.values()) answer(STOPPED);
      pending.clear();
      closed?.();
      reject(new Error(`the backend stopped before it was ready (${reason})`));
    });
    channel.onMessage((message) => {
      switch (message.type) {
        case 'ready':
          resolve(connection(message.databasePath));
          return;
        case 'failed':
          endSoon();
          reject(new BackendOpenError(message.message, message.kind));
          return;
        case 'result': {
          const answer = pending.get(message.id);
          pending.delete(message.id);
          answer?.(message.result);
          return;
        }
        case 'event':
          for (const listener of listeners) {
            try {
              deliver(listener, message.event, message.payload);
            } catch {
              // One broken subscriber (a closed socket) must not stop the others.
            }
          }
          return;
        case 'closed':
          closed?.();
          return;
      }
    });
  });

  function connection(databasePath: string): BackendConnection {
    return {
      databasePath,
      invoke(channelName, input) {
        if (gone) return Promise.resolve(STOPPED);
        const id = nextId++;
        return new Promise((answer) => {
          pending.set(id, answer);
          channel.post({ type: 'invoke', id, channel: channelName, input });
        });
      },
      subscribe(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      close() {
        if (gone) return Promise.resolve();
        return new Promise<void>((done) => {
          // Closing frees the language model, which can take a moment; a backend that does not answer is ended.
          const timer = setTimeout(() => channel.terminate(), 10_000);
          closed = () => {
            clearTimeout(timer);
            closed = null;
            endSoon();
            done();
          };
          channel.post({ type: 'close' });
        });
      },
    };
  }
}

/** The backend in a worker thread of this process (browser mode, the CLI). */
export function startWorkerBackend(workerFile: URL, options: HostedBackendOptions): Promise<BackendConnection> {
  return connectBackend(() => {
    const worker = new Worker(workerFile, { workerData: options });
    let exited = false;
    return {
      post: (message) => worker.postMessage(message),
      onMessage: (listener) => worker.on('message', listener),
      onExit: (listener) => {
        worker.once('error', (error) => {
          if (!exited) listener(error.message);
          exited = true;
        });
        worker.once('exit', (code) => {
          if (!exited) listener(`exit code ${code}`);
          exited = true;
        });
      },
      terminate: () => void worker.terminate(),
    };
  });
}
