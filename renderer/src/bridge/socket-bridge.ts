import type {
  AdvisorDeskBridge,
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  Result,
  SocketHello,
  SocketRefusal,
  SocketServerFrame,
} from '../../../app/contract';
import { setBrowserSessionState, storedSession, takeLaunchToken } from './browser-session';

type Pending = (result: Result<unknown>) => void;
type AnyListener = (payload: unknown) => void;

const RECONNECT_DELAYS_MS = [250, 500, 1000, 2000, 4000];

/**
 * The browser-mode stand-in for the Electron preload: the same `invoke`/`on` contract,
 * carried over a WebSocket to the loopback server that served this page. Each socket first says
 * who it is: the one-time launch token from the address (swapped for a session, which is kept)
 * or the session kept from before. Requests wait until the server has let the socket in.
 */
export function createSocketBridge(): AdvisorDeskBridge {
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<AnyListener>>();
  const queue: string[] = [];
  let nextId = 1;
  let socket: WebSocket | null = null;
  let admitted = false;
  let refusedFor: SocketRefusal | 'no-address' | null = null;
  // Set when a spent launch token is dropped for the kept session: the requests waiting are not lost.
  let retryWithSession = false;
  let attempt = 0;
  let launchToken = takeLaunchToken();
  // Kept here too, for a profile whose storage refuses writes.
  let session = storedSession.read();

  const failAllPending = (message: string) => {
    for (const resolve of pending.values()) resolve({ ok: false, error: { code: 'unavailable', message } });
    pending.clear();
  };

  const refuse = (reason: SocketRefusal | 'no-address') => {
    refusedFor = reason;
    queue.length = 0;
    failAllPending('Browser mode did not let this page in. Open a new address from the terminal running it.');
    // The bridge is often first made while React renders; the page changes after that render.
    queueMicrotask(() => setBrowserSessionState({ state: 'refused', reason }));
  };

  /** What the next socket says first, or null when this page has nothing to show. */
  const hello = (): SocketHello | null => {
    if (launchToken) return { type: 'hello', launchToken };
    if (session) return { type: 'hello', session };
    return null;
  };

  const onRefused = (reason: SocketRefusal) => {
    if (reason === 'launch-token-spent' || reason === 'launch-token-unknown') {
      launchToken = null;
      // The address was opened before, often in this very browser: its kept session still lets the page in.
      if (session) {
        retryWithSession = true;
        return;
      }
    }
    if (reason === 'session-expired' || reason === 'session-unknown') {
      session = null;
      storedSession.forget();
    }
    refuse(reason);
  };

  const connect = () => {
    const first = hello();
    if (!first) return refuse('no-address');
    const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/rpc`);
    socket = ws;
    ws.onopen = () => ws.send(JSON.stringify(first));
    ws.onmessage = (message: MessageEvent<string>) => {
      let frame: SocketServerFrame;
      try {
        frame = JSON.parse(message.data) as SocketServerFrame;
      } catch {
        return;
      }
      if (frame.type === 'welcome') {
        admitted = true;
        attempt = 0;
        if (frame.session) {
          session = frame.session;
          storedSession.write(frame.session);
        }
        launchToken = null;
        for (const queued of queue.splice(0)) ws.send(queued);
      } else if (frame.type === 'refused') {
        onRefused(frame.reason);
      } else if (frame.type === 'result') {
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
      admitted = false;
      if (refusedFor) return;
      if (retryWithSession) {
        retryWithSession = false;
        return connect();
      }
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
        if (refusedFor)
          return resolve({
            ok: false,
            error: { code: 'unavailable', message: 'Browser mode did not let this page in.' },
          });
        pending.set(id, resolve as Pending);
        if (socket && admitted && socket.readyState === WebSocket.OPEN) socket.send(frame);
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
