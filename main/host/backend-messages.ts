import type { Result } from '../../app/contract/result';
import type { BackendOptions } from '../backend/backend-types';
import type { EngineRelayNotice, EngineRelayRequest } from '../engine/engine-protocol';

/**
 * Messages between a process that shows the app (the Electron main process, the browser-mode server, the CLI) and
 * the backend running in a worker thread or an Electron utility process. Structured-clone data only.
 */

/** What the host needs to open the backend: BackendOptions less the parts that cannot cross a thread (the clock). */
export type HostedBackendOptions = Omit<BackendOptions, 'now'> & {
  /** A clock stopped at this ISO instant (the CLI's tests); the real clock when absent. */
  fixedNow?: string;
  /** Write the support log in the data folder (default true; the CLI keeps to stderr, as it always has). */
  supportLog?: boolean;
};

/** Why the backend could not open, so a host can answer as it would have in-process (the CLI's exit codes). */
export type OpenFailure = 'not-a-database' | 'database-too-new' | 'database-key' | 'unknown-user' | 'other';

export type ToBackend =
  | EngineRelayNotice
  | { type: 'invoke'; id: number; channel: unknown; input: unknown }
  /** Close the store and free the language model, then answer 'closed'. */
  | { type: 'close' };

export type FromBackend =
  | EngineRelayRequest
  | { type: 'ready'; databasePath: string }
  /** The backend could not be opened (a corrupt or newer database, an unwritable folder). */
  | { type: 'failed'; message: string; kind: OpenFailure }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown }
  | { type: 'closed' };
