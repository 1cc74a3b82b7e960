import { ModelHashCache, sha256OfFile } from '../llm/model-hash';
import { ENGINE_DATA_DIR_ENV } from './engine-host-env';
import type { FromEngine, ToEngine } from './engine-protocol';
import { serveEngine, type EngineChannel } from './engine-server';
import { LlamaEngine } from './llama-engine';

/**
 * The language engine's own process: llama.cpp's threads, its native aborts and its memory stay here, away from
 * the backend. Started by fork-engine.ts (Node's child_process.fork) or, in the desktop app, by an Electron
 * utilityProcess, whose channel is process.parentPort. Exits when told to dispose or when its parent goes.
 */
interface MessagePortLike {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown; ports?: MessagePortLike[] }) => void): void;
  start?(): void;
}

/**
 * In the desktop app the main process starts this engine as a utility process and sends, as its first message, a
 * port whose other end the backend holds: from then on the engine talks over that port, so tokens stream from here
 * to the backend without passing through the main process.
 */
function utilityChannel(parent: MessagePortLike): EngineChannel {
  let port: MessagePortLike | null = null;
  return {
    send: (message) => (port ?? parent).postMessage(message),
    onMessage: (listener) =>
      parent.on('message', (event) => {
        const given = event.ports?.[0];
        if (!given) return listener(event.data as ToEngine);
        port = given;
        port.on('message', (inner) => listener(inner.data as ToEngine));
        port.start?.();
      }),
  };
}

function parentChannel(): EngineChannel {
  const parent = (process as unknown as { parentPort?: MessagePortLike }).parentPort;
  if (parent) return utilityChannel(parent);
  if (!process.send) throw new Error('The engine host must be started with a message channel to its parent.');
  return {
    send: (message: FromEngine) => void process.send?.(message),
    onMessage: (listener) => process.on('message', (message) => listener(message as ToEngine)),
  };
}

const dataDir = process.env[ENGINE_DATA_DIR_ENV];
const hashes = dataDir ? new ModelHashCache(dataDir) : null;
const engine = new LlamaEngine({ hashOf: (file) => (hashes ? hashes.hash(file) : sha256OfFile(file)) });
const served = serveEngine(engine, parentChannel(), () => process.exit(0));

/**
 * node-llama-cpp 3.21.1 can lose a native failure in a promise nobody awaits: a model whose weights are NaN or random
 * bytes makes the grammar sampler throw ("Failed to accept token in sampler: Unexpected empty grammar stack"), the
 * rejection goes unhandled and the generation that waited on it never settles. The context is stuck from then on,
 * so the engine answers what was in flight with the failure and ends; the client reports it, and the next request
 * starts a fresh process.
 */
process.on('unhandledRejection', (reason) => {
  const message = reason instanceof Error ? reason.message : String(reason);
  served.retire(
    'a native failure while generating',
    new Error(`The language model failed while generating (${message}).`),
  );
  // Let the answers leave before the process does.
  setTimeout(() => process.exit(70), 200);
});
// The backend went away without saying so: nothing is left to serve.
process.on('disconnect', () => process.exit(0));
