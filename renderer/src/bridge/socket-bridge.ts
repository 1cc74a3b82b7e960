import type {
  AdvisorDeskBridge,
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  Result,
  SocketServerFrame,
} from '../../../app/contract';

type Pending = (result: Result<unknown>) => void;
type AnyListener = (payload: unknown) => void;

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];

/**
 * The browser-mode stand-in for the Electron preload: the same `invoke`/`on` contract,
 * carried over a WebSocket to the loopback server that served this page. The session cookie
 * set by that server authenticates the socket; nothing here ever sees the token.
 */
export function createSocketBridge(): AdvisorDeskBridge {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<AnyListener>>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let attempt = 0;

  const failAllPending = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'unavailable', message } });
    pending.clear();
  };

  const connect = () => {
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`);
    socket = ws;
    ws.onopen = () => {
      attempt = 0;
      for (const frame of queue.splice(0)) ws.send(frame);
    };
    ws.onmessage = (message: MessageEvent<string>) => {
      let frame: SocketServerFrame;
      try {
        frame = JSON.parse(message.data) as SocketServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'result') {
        const resolve = pending.get(frame.id);
        pending.delete(frame.id);
        resolve?.(frame.result as Result<unknown>);
      } else if (frame.type === 'event') {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      } else {
        console.error(`Advisor Desk backend rejected a frame: ${frame.message}`);
      }
    };
    ws.onclose = () => {
      socket = null;
      queue.length = 0;
      failAllPending('The connection to the Advisor Desk backend was lost. Reconnecting…');
      const delay = RECONNECT_DELAYS_MS[Math.min(attempt, RECONNECT_DELAYS_MS.length - 1)];
      attempt += 1;
      setTimeout(connect, delay);
    };
  };
  connect();

  return {
    mode: 'browser',
    invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>> {
      const id = nextId++;
      const frame = JSON.stringify({ id, channel, input });
      return new Promise((resolve) => {
        pending.set(id, resolve as Pending);
        if (socket && socket.readyState === WebSocket.OPEN) socket.send(frame);
        else queue.push(frame);
      });
    },
    on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<AnyListener>();
      listeners.set(event, set);
      set.add(listener as AnyListener);
      return () => set.delete(listener as AnyListener);
    },
  };
}
