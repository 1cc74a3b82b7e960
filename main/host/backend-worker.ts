// The worker-thread entry of the backend (dist/main/backend-worker.mjs): browser mode and the CLI run the store, the
// use-cases and model training here, away from the thread that serves the window.
import { parentPort, workerData } from 'node:worker_threads';
import { openBackend } from '../backend/open-backend';
import type { HostedBackendOptions, ToBackend } from './backend-messages';
import { serveBackend } from './serve-backend';

const port = parentPort;
if (!port) throw new Error('backend-worker runs as a worker thread');
serveBackend(
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (m: ToBackend) => listener(m)),
  },
  () => openBackend(workerData as HostedBackendOptions),
);
