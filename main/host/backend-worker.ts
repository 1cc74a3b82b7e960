// The worker-thread entry of the backend (dist/main/backend-worker.mjs): browser mode runs the store, the
// use-cases and model training here, away from the thread that serves the window.
import { parentPort, workerData } from 'node:worker_threads';
import { openBackend } from '../backend/open-backend';
import type { HostedBackendOptions, ToBackend } from './backend-messages';
import { openAppLog, setCurrentAppLog } from '../log/app-log';
import { hostedOptions, serveBackend } from './serve-backend';

const port = parentPort;
if (!port) throw new Error('backend-worker runs as a worker thread');
const options = workerData as HostedBackendOptions;
// Internal errors of the use-cases land in the same support log as the rest of the app's.
if (options.supportLog !== false) setCurrentAppLog(openAppLog({ dataDir: options.dataDir }));
serveBackend(
  {
    post: (message) => port.postMessage(message),
    onMessage: (listener) => port.on('message', (m: ToBackend) => listener(m)),
    finish: () => port.close(),
  },
  () => openBackend(hostedOptions(options)),
);
