import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import {
  MAX_SOCKET_FRAME_BYTES,
  SocketHelloSchema,
  SocketRequestSchema,
  type SocketServerFrame,
} from '../../app/contract';
import type { BackendConnection } from '../host/backend-connection';
import { BrowserSessions, type Admission, type SessionLease } from './browser-sessions';
import { readStaticFile } from './static-files';

export interface WebServerOptions {
  /** The backend, usually running in a worker thread so this event loop only relays. */
  backend: BackendConnection;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** A connection that sends nothing for this long is closed (default 30 s; WebSockets are exempt). */
  idleSocketMs?: number;
  /** A session with no page open for this long must be started again from a new address (default 12 h). */
  sessionIdleMs?: number;
  /** A socket must say who it is within this long (default 10 s). */
  helloDeadlineMs?: number;
  /** The sessions' clock; tests pass their own. */
  now?: () => number;
  /**
   * Told the next one-time address each time one is opened, so whoever runs browser mode always has an
   * unused one at hand (for another browser, or after a session ended). Without it no next address is made.
   */
  onAddressUsed?: (next: string) => void;
}

/** A request's headers must arrive within this long (slow-header attacks hold sockets otherwise). */
const HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_IDLE_SOCKET_MS = 30_000;
const DEFAULT_HELLO_DEADLINE_MS = 10_000;
/** The close code for a socket that was refused: policy violation. */
const CLOSE_REFUSED = 1008;

/** How many times a header appears in the raw list (Node keeps only the first Host of several). */
function headerCount(req: http.IncomingMessage, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === name) count++;
  return count;
}

export interface WebServer {
  /** The address with the first one-time launch token. */
  readonly url: string;
  readonly port: number;
  /** A fresh one-time address; any unused earlier one stops working. */
  newAddress(): string;
  close(): Promise<void>;
}

/** Browser mode listens on loopback only; there is deliberately no option to change it. */
const HOST = '127.0.0.1';

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // MUI's emotion injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self' ws://${HOST}:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built renderer and the backend contract over a WebSocket on 127.0.0.1.
 * The files are the app's code and hold no client data, so they are served to any request for this host.
 * The socket is the only way to the data: it accepts only the exact origin `http://127.0.0.1:<port>`, and
 * its first frame must be the one-time launch token from the printed address (exchanged for a session the
 * page keeps in its origin's storage) or such a session. No cookie is used: browsers send cookies to every
 * port of a host, so a server on another port of 127.0.0.1 would receive it.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const sessions = new BrowserSessions({ idleMs: options.sessionIdleMs, now: options.now });
  let port = 0;
  const isOurHost = (req: http.IncomingMessage) => req.headers.host === `${HOST}:${port}`;
  const isOurOrigin = (req: http.IncomingMessage) => req.headers.origin === `http://${HOST}:${port}`;
  const address = (token: string) => `http://${HOST}:${port}/?token=${token}`;

  const refuse = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`Advisor Desk: ${message}\n`);
  };

  const server = http.createServer((req, res) => {
    if (headerCount(req, 'host') !== 1) return refuse(res, 400, 'a request needs exactly one Host header.');
    if (!isOurHost(req))
      return refuse(
        res,
        403,
        `unexpected Host header. Open the address browser mode printed (http://${HOST}:${port}/…).`,
      );
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'only GET is served here.');
    // A launch token in the query is the page's to read; the files are the same with or without it.
    // A path such as "///x" is no URL at all: a refusal, not an exception that would end the server.
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    } catch {
      return refuse(res, 400, 'that address cannot be read.');
    }
    const file = readStaticFile(options.rendererDir, url.pathname);
    if (!file) return refuse(res, 404, `no such file: ${url.pathname}`);
    res.writeHead(200, {
      'Content-Type': file.contentType,
      'Content-Length': file.body.length,
      'Content-Security-Policy': contentSecurityPolicy(port),
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': url.pathname === '/' || url.pathname.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
    });
    res.end(req.method === 'HEAD' ? undefined : file.body);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_SOCKET_FRAME_BYTES });
  server.on('upgrade', (req, socket, head) => {
    const deny = (status: string) => {
      socket.write(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
      socket.destroy();
    };
    const path = (req.url ?? '').split('?')[0];
    if (path !== '/rpc') return deny('404 Not Found');
    if (headerCount(req, 'host') !== 1) return deny('400 Bad Request');
    if (!isOurHost(req)) return deny('403 Forbidden');
    if (!isOurOrigin(req)) return deny('403 Forbidden');
    // An open socket to the app may rightly stay quiet for hours; until its hello it gets a short deadline.
    (socket as Socket).setTimeout(0);
    sockets.handleUpgrade(req, socket, head, (ws) =>
      awaitHello(ws, sessions, options.backend, helloDeadlineMs, () =>
        options.onAddressUsed?.(address(sessions.issueLaunchToken())),
      ),
    );
  });
  const helloDeadlineMs = options.helloDeadlineMs ?? DEFAULT_HELLO_DEADLINE_MS;

  // Idle and slow connections are closed rather than held: a page load finishes in well under a second.
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = HEADERS_TIMEOUT_MS * 3;
  server.keepAliveTimeout = 5_000;
  const idleMs = options.idleSocketMs ?? DEFAULT_IDLE_SOCKET_MS;
  server.on('connection', (socket) => socket.setTimeout(idleMs, () => socket.destroy()));

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: address(sessions.issueLaunchToken()),
    port,
    newAddress: () => address(sessions.issueLaunchToken()),
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function sendFrame(ws: WebSocket, frame: SocketServerFrame): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
}

/** Nothing is answered or pushed until the first frame admits the socket; a wrong or missing one closes it. */
function awaitHello(
  ws: WebSocket,
  sessions: BrowserSessions,
  backend: BackendConnection,
  deadlineMs: number,
  onLaunchTokenUsed: () => void,
): void {
  const deadline = setTimeout(() => ws.close(CLOSE_REFUSED, 'no hello in time'), deadlineMs);
  ws.once('close', () => clearTimeout(deadline));
  // ws closes the connection itself on a malformed or oversized frame; the event must have a listener.
  ws.on('error', () => clearTimeout(deadline));
  ws.once('message', (data, isBinary) => {
    clearTimeout(deadline);
    let hello: ReturnType<typeof SocketHelloSchema.safeParse> | null = null;
    if (!isBinary) {
      try {
        hello = SocketHelloSchema.safeParse(JSON.parse(data.toString()));
      } catch {
        hello = null;
      }
    }
    let admission: Admission;
    if (!hello?.success) admission = { ok: false, reason: 'hello-expected' };
    else if ('launchToken' in hello.data) admission = sessions.admitLaunchToken(hello.data.launchToken);
    else admission = sessions.admitSession(hello.data.session);
    if (!admission.ok) {
      sendFrame(ws, { type: 'refused', reason: admission.reason });
      ws.close(CLOSE_REFUSED, admission.reason);
      return;
    }
    if (admission.session) {
      sendFrame(ws, { type: 'welcome', session: admission.session });
      onLaunchTokenUsed();
    } else {
      sendFrame(ws, { type: 'welcome' });
    }
    serveSocket(ws, backend, admission.lease);
  });
}

function serveSocket(ws: WebSocket, backend: BackendConnection, lease: SessionLease): void {
  const send = (frame: SocketServerFrame) => sendFrame(ws, frame);
  const unsubscribe = backend.subscribe((event, payload) => send({ type: 'event', event, payload }));
  const end = () => {
    unsubscribe();
    lease.release();
  };
  ws.on('close', end);
  ws.on('error', end);
  ws.on('message', (data, isBinary) => {
    if (isBinary) return send({ type: 'protocol-error', message: 'Binary frames are not accepted.' });
    let parsed: unknown;
    try {
      parsed = JSON.parse(data.toString());
    } catch {
      return send({ type: 'protocol-error', message: 'Frame is not valid JSON.' });
    }
    const request = SocketRequestSchema.safeParse(parsed);
    if (!request.success) return send({ type: 'protocol-error', message: 'Frame must be {id, channel, input}.' });
    const { id, channel, input } = request.data;
    void backend.invoke(channel, input).then((result) => send({ type: 'result', id, result }));
  });
}
