// The Electron utility-process entry of the backend (dist/main/backend-utility.mjs): the desktop app runs the store,
// the use-cases and model training here, so the main process that owns the window only relays. The options come
// as the first argument, JSON, from electron-main.ts.
import { openBackend } from '../backend/open-backend';
import { DB_KEY_ENV } from '../db/store-cipher';
import type { HostedBackendOptions, ToBackend } from './backend-messages';
import { openAppLog, setCurrentAppLog } from '../log/app-log';
import { relayedEngine } from '../engine/relayed-engine';
import { hostedOptions, serveBackend } from './serve-backend';

const parent = process.parentPort;
const options = JSON.parse(process.argv[2] ?? '{}') as HostedBackendOptions;
// The store's key comes by the environment (utility-backend.ts); read once and dropped, so nothing started later inherits it.
const databaseKey = process.env[DB_KEY_ENV];
delete process.env[DB_KEY_ENV];
// Internal errors of the use-cases land in the same support log as the rest of the app's.
if (options.supportLog !== false) setCurrentAppLog(openAppLog({ dataDir: options.dataDir }));
// The language engine is a utility process of the main process's (this one may not start one): asked for by id,
// reached through the port the main process sends back.
const engines = relayedEngine({
  post: (message) => parent.postMessage(message),
  onNotice: (listener) =>
    parent.on('message', (event) => {
      const message = event.data as ToBackend;
      if (message.type === 'engine:port' || message.type === 'engine:exit') listener(message, event.ports[0]);
    }),
});
serveBackend(
  {
    post: (message) => parent.postMessage(message),
    onMessage: (listener) => parent.on('message', (event) => listener(event.data as ToBackend)),
  },
  () => openBackend({ ...hostedOptions(options), languageEngine: engines, databaseKey }),
);
