import { MessageChannelMain, utilityProcess, type UtilityProcess } from 'electron';
import path from 'node:path';
import { DB_KEY_ENV } from '../db/store-cipher';
import { ENGINE_DATA_DIR_ENV } from '../engine/engine-host-env';
import type { BackendConnection } from '../host/backend-connection';
import type { FromBackend, HostedBackendOptions } from '../host/backend-messages';
import { connectBackend } from '../host/worker-backend';

/**
 * The backend in an Electron utility process: a Node process of its own, so SQL, training and the language model
 * never hold up the main process that owns the window, and a crash there leaves the window standing.
 */
export function startUtilityBackend(entry: string, options: HostedBackendOptions): Promise<BackendConnection> {
  // The store's key goes by the child's environment, never its command line, which every account can list.
  const { databaseKey, ...shown } = options;
  return connectBackend(() => {
    const child = utilityProcess.fork(entry, [JSON.stringify(shown)], {
      serviceName: 'Advisor Desk backend',
      ...(databaseKey !== undefined ? { env: { ...process.env, [DB_KEY_ENV]: databaseKey } } : {}),
    });
    startEnginesFor(child, path.join(path.dirname(entry), 'engine-host.mjs'), options.dataDir);
    return {
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
      terminate: () => void child.kill(),
    };
  });
}

/**
 * Starts language engines when the backend asks (it cannot start a utility process itself): each in a utility
 * process of its own, with the libuv pool of one thread generation wants, joined to the backend by a fresh message
 * channel; the backend hears when one ends, and every engine goes when the backend does.
 */
function startEnginesFor(backend: UtilityProcess, entry: string, dataDir: string): void {
  const engines = new Map<number, UtilityProcess>();
  backend.on('message', (message: FromBackend) => {
    if (message.type === 'engine:kill') {
      engines.get(message.id)?.kill();
      return;
    }
    if (message.type !== 'engine:start') return;
    const { id } = message;
    const engine = utilityProcess.fork(entry, [], {
      serviceName: 'Advisor Desk language engine',
      env: { ...process.env, UV_THREADPOOL_SIZE: '1', [ENGINE_DATA_DIR_ENV]: dataDir },
    });
    engines.set(id, engine);
    const { port1, port2 } = new MessageChannelMain();
    engine.postMessage({ type: 'engine:channel' }, [port1]);
    backend.postMessage({ type: 'engine:port', id }, [port2]);
    engine.once('exit', (code) => {
      engines.delete(id);
      backend.postMessage({ type: 'engine:exit', id, how: `exit code ${code}` });
    });
  });
  backend.once('exit', () => {
    for (const engine of engines.values()) engine.kill();
  });
}
