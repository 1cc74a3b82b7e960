import type { EventName, EventPayload } from '../../app/contract/events';
import { dispatch } from '../../app/contract/dispatch';
import type { Result } from '../../app/contract/result';
import type { Backend, EventListener } from '../backend/backend-types';
import { reportInternalError } from '../log/internal-errors';

/**
 * The backend as a transport sees it (Electron IPC, the browser-mode socket, the CLI): requests in, results and
 * events out. Whether it runs in this thread or another is the connection's business.
 */
export interface BackendConnection {
  readonly databasePath: string;
  invoke(channel: unknown, input: unknown): Promise<Result<unknown>>;
  subscribe(listener: EventListener): () => void;
  close(): Promise<void>;
}

/** A backend opened in this thread (tests, benchmarks) behind the same interface as one in a worker. */
export function inProcessConnection(backend: Backend): BackendConnection {
  return {
    databasePath: backend.databasePath,
    invoke: (channel, input) => dispatch(backend.handlers, channel, input, reportInternalError),
    subscribe: (listener) => backend.subscribe(listener),
    close: async () => backend.close(),
  };
}

/** Calls a listener typed over the contract's events with a name and payload that came over a message channel. */
export function deliver(listener: EventListener, event: string, payload: unknown): void {
  (listener as (e: EventName, p: EventPayload<EventName>) => void)(event as EventName, payload as never);
}
