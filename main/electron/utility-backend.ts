import { utilityProcess } from 'electron';
import type { BackendConnection } from '../host/backend-connection';
import type { HostedBackendOptions } from '../host/backend-messages';
import { connectBackend } from '../host/worker-backend';

/**
 * The backend in an Electron utility process: a Node process of its own, so SQL, training and the language model
 * never hold up the main process that owns the window, and a crash there leaves the window standing.
 */
export function startUtilityBackend(entry: string, options: HostedBackendOptions): Promise<BackendConnection> {
  return connectBackend(() => {
    const child = utilityProcess.fork(entry, [JSON.stringify(options)], { serviceName: 'Advisor Desk backend' });
    return {
      post: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(`exit code ${code}`)),
      terminate: () => void child.kill(),
    };
  });
}
