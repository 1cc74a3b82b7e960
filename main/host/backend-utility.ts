// The Electron utility-process entry of the backend (dist/main/backend-utility.mjs): the desktop app runs the store,
// the use-cases and model training here, so the main process that owns the window only relays. The options come
// as the first argument, JSON, from electron-main.ts.
import { openBackend } from '../backend/open-backend';
import type { HostedBackendOptions, ToBackend } from './backend-messages';
import { openAppLog, setCurrentAppLog } from '../log/app-log';
import { hostedOptions, serveBackend } from './serve-backend';

const parent = process.parentPort;
const options = JSON.parse(process.argv[2] ?? '{}') as HostedBackendOptions;
// Internal errors of the use-cases land in the same support log as the rest of the app's.
if (options.supportLog !== false) setCurrentAppLog(openAppLog({ dataDir: options.dataDir }));
serveBackend(
  {
    post: (message) => parent.postMessage(message),
    onMessage: (listener) => parent.on('message', (event) => listener(event.data as ToBackend)),
  },
  () => openBackend(hostedOptions(options)),
);
