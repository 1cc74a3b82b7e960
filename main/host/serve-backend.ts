import { dispatch } from '../../app/contract/dispatch';
import { DomainError } from '../../app/domain/domain-error';
import type { Backend, BackendOptions } from '../backend/backend-types';
import { reportInternalError } from '../log/internal-errors';
import { NotADatabaseError } from '../db/connection';
import { DatabaseTooNewError } from '../db/migrate';
import { StoreKeyError } from '../db/store-cipher';
import type { FromBackend, HostedBackendOptions, OpenFailure, ToBackend } from './backend-messages';

function failureKind(error: unknown): OpenFailure {
  if (error instanceof NotADatabaseError) return 'not-a-database';
  if (error instanceof DatabaseTooNewError) return 'database-too-new';
  if (error instanceof StoreKeyError) return 'database-key';
  // The user to act as (the command line's --user) is not in the store or cannot act.
  if (error instanceof DomainError) return 'unknown-user';
  return 'other';
}

/** The options openBackend takes, from what crossed the thread or process boundary. */
export function hostedOptions(hosted: HostedBackendOptions): BackendOptions {
  const { fixedNow, supportLog, ...rest } = hosted;
  void supportLog;
  // The app's own stores get the demo's months of advice history; a test that opens a backend directly does not.
  const options = { demoHistory: true, ...rest };
  return fixedNow === undefined ? options : { ...options, now: () => new Date(fixedNow) };
}

/** One side of a message channel: a worker thread's parentPort or an Electron utility process's parentPort. */
export interface HostEndpoint {
  post(message: FromBackend): void;
  onMessage(listener: (message: ToBackend) => void): void;
  /**
   * Nothing more will be said: a worker thread lets go of its port so it ends by itself, with its native modules
   * torn down in order, rather than being cut off mid-call by the host's terminate.
   */
  finish?(): void;
}

/**
 * Runs inside the worker thread or utility process: opens the backend, answers every request through dispatch()
 * (so a malformed request is answered, never thrown), and forwards pushed events. The process that shows the app
 * only relays, so its event loop never waits for SQL, training or the language model.
 */
export function serveBackend(endpoint: HostEndpoint, open: () => Backend): void {
  let backend: Backend;
  try {
    backend = open();
  } catch (error) {
    endpoint.post({
      type: 'failed',
      message: error instanceof Error ? error.message : String(error),
      kind: failureKind(error),
    });
    endpoint.finish?.();
    return;
  }
  backend.subscribe((event, payload) => endpoint.post({ type: 'event', event, payload }));
  endpoint.onMessage((message) => {
    if (message.type === 'close') {
      backend.close();
      endpoint.post({ type: 'closed' });
      endpoint.finish?.();
      return;
    }
    if (message.type !== 'invoke') return;
    void dispatch(backend.handlers, message.channel, message.input, reportInternalError).then((result) =>
      endpoint.post({ type: 'result', id: message.id, result }),
    );
  });
  endpoint.post({ type: 'ready', databasePath: backend.databasePath });
}
