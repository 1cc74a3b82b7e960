import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_SOCKET_FRAME_BYTES, SocketRequestSchema, type SocketServerFrame } from '../../app/contract';
import type { BackendConnection } from '../host/backend-connection';
import { readStaticFile } from './static-files';

export interface WebServerOptions {
  /** The backend, usually running in a worker thread so this event loop only relays. */
  backend: BackendConnection;
  /** The built renderer (dist/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token for tests; normally a fresh random one per launch. */
  token?: string;
  /** A connection that sends nothing for this long is closed (default 30 s; WebSockets are exempt). */
  idleSocketMs?: number;
}

/** A request's headers must arrive within this long (slow-header attacks hold sockets otherwise). */
const HEADERS_TIMEOUT_MS = 10_000;
const DEFAULT_IDLE_SOCKET_MS = 30_000;

/** How many times a header appears in the raw list (Node keeps only the first Host of several). */
function headerCount(req: http.IncomingMessage, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) if (req.rawHeaders[i]!.toLowerCase() === name) count++;
  return count;
}

export interface WebServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  close(): Promise<void>;
}

/** Browser mode listens on loopback only; there is deliberately no option to change it. */
const HOST = '127.0.0.1';

function sameSecret(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

function contentSecurityPolicy(port: number): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // MUI's emotion injects <style> elements at run time.
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self' ws://${HOST}:${port} ws://localhost:${port}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Serves the built renderer and the backend contract over a WebSocket on 127.0.0.1.
 * Access needs the per-launch token: given once in the URL, it is swapped for an HttpOnly,
 * SameSite=Strict cookie, and the socket also checks Host and Origin so that other
 * sites in the same browser (or a DNS-rebinding page) cannot reach the backend.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  let port = 0;
  const cookieName = () => `advisor_desk_${port}`;
  const allowedHosts = () => new Set([`${HOST}:${port}`, `localhost:${port}`]);
  const allowedOrigins = () => new Set([`http://${HOST}:${port}`, `http://localhost:${port}`]);
  const hasSessionCookie = (req: http.IncomingMessage) => {
    const value = readCookie(req.headers.cookie, cookieName());
    return value !== null && sameSecret(value, token);
  };

  const refuse = (res: http.ServerResponse, status: number, message: string) => {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(`Advisor Desk: ${message}\n`);
  };

  const server = http.createServer((req, res) => {
    if (headerCount(req, 'host') !== 1) return refuse(res, 400, 'a request needs exactly one Host header.');
    if (!allowedHosts().has(req.headers.host ?? '')) return refuse(res, 403, 'unexpected Host header.');
    if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'only GET is served here.');
    const url = new URL(req.url ?? '/', `http://${HOST}:${port}`);
    const offered = url.searchParams.get('token');
    if (offered !== null) {
      if (!sameSecret(offered, token))
        return refuse(res, 403, 'wrong token. Use the address printed when browser mode started.');
      url.searchParams.delete('token');
      // Swap the token for a cookie and drop it from the address bar and history.
      res.writeHead(303, {
        'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
        'Cache-Control': 'no-store',
      });
      return res.end();
    }
    if (!hasSessionCookie(req))
      return refuse(res, 403, 'this address needs the token printed when browser mode started.');
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
    if (!allowedHosts().has(req.headers.host ?? '')) return deny('403 Forbidden');
    if (!allowedOrigins().has(req.headers.origin ?? '')) return deny('403 Forbidden');
    if (!hasSessionCookie(req)) return deny('403 Forbidden');
    // An open socket to the app may rightly stay quiet for hours.
    (socket as Socket).setTimeout(0);
    sockets.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, options.backend));
  });

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
    url: `http://${HOST}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveSocket(ws: WebSocket, backend: BackendConnection): void {
  const send = (frame: SocketServerFrame) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(frame));
  };
  const unsubscribe = backend.subscribe((event, payload) => send({ type: 'event', event, payload }));
  ws.on('close', unsubscribe);
  ws.on('error', unsubscribe);
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
