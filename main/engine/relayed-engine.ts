import type { EngineProcess, SpawnEngine } from './engine-client';
import type { EngineRelayNotice, EngineRelayRequest, FromEngine, ToEngine } from './engine-protocol';

/** A message port as Electron's MessagePortMain has it: messages arrive as events with the value in `data`. */
export interface RelayPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
  start(): void;
  close(): void;
}

/** The backend's line to whoever starts engines for it (the Electron main process, over the utility parentPort). */
export interface EngineRelayLink {
  post(message: EngineRelayRequest): void;
  onNotice(listener: (notice: EngineRelayNotice, port: RelayPort | undefined) => void): void;
}

interface Relayed {
  port: RelayPort | null;
  /** What the client sent before the port arrived, in order. */
  queue: ToEngine[];
  messageListeners: ((message: FromEngine) => void)[];
  exitListeners: ((how: string) => void)[];
  ended: boolean;
}

/**
 * Engines started by another process and reached through a message port: the SpawnEngine the backend uses inside
 * Electron's utility process. Each spawn asks for a new engine by id; messages wait until its port arrives; the
 * starter's word that the engine ended is the exit EngineClient reacts to (reject what was in flight, start afresh).
 */
export function relayedEngine(link: EngineRelayLink): SpawnEngine {
  let nextId = 1;
  const engines = new Map<number, Relayed>();

  link.onNotice((notice, port) => {
    const engine = engines.get(notice.id);
    if (!engine) {
      port?.close();
      return;
    }
    if (notice.type === 'engine:port') {
      if (!port || engine.ended) return port?.close();
      engine.port = port;
      port.on('message', (event) => {
        for (const listener of engine.messageListeners) listener(event.data as FromEngine);
      });
      port.start();
      for (const message of engine.queue.splice(0)) port.postMessage(message);
      return;
    }
    engine.ended = true;
    engines.delete(notice.id);
    engine.port?.close();
    for (const listener of engine.exitListeners.splice(0)) listener(notice.how);
  });

  return (): EngineProcess => {
    const id = nextId++;
    const engine: Relayed = { port: null, queue: [], messageListeners: [], exitListeners: [], ended: false };
    engines.set(id, engine);
    link.post({ type: 'engine:start', id });
    return {
      pid: undefined,
      send: (message) => {
        if (engine.ended) return;
        if (engine.port) engine.port.postMessage(message);
        else engine.queue.push(message);
      },
      onMessage: (listener) => void engine.messageListeners.push(listener),
      onExit: (listener) => void engine.exitListeners.push(listener),
      kill: () => {
        if (!engine.ended) link.post({ type: 'engine:kill', id });
      },
      // The starter owns the engine's lifetime; nothing here keeps this process alive.
      hold: () => undefined,
    };
  };
}
