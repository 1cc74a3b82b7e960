import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';
import { mulberry32 } from '../../app/random/mulberry32';
import type { WebServer } from '../../main/web/web-server';

/**
 * What a hostile local process (or a careless script) sends to browser mode's port: random bytes, paths that try to
 * climb out of the app's folder, oversized and duplicated headers, sockets from another origin or with made-up
 * credentials, and, on a signed-in socket, frames of every wrong shape. A case survives when the server refuses it
 * (or serves only the app's own files) and goes on serving; it is lost on a 5xx, a leak of a file outside the app's
 * folder, a socket let in without a valid credential, or a server that stops answering.
 */

export interface AbuseTarget {
  server: WebServer;
  /** Text of a file just outside the renderer's folder: it must never come back. */
  secret: string;
}

export type AbuseOutcome = { lost: false } | { lost: true; why: string };

const TRAVERSALS = [
  '../',
  '..%2f',
  '%2e%2e/',
  '%2e%2e%2f',
  '..\\',
  '..%5c',
  '%252e%252e%252f',
  '....//',
  '..;/',
  '%c0%ae%c0%ae/',
  '.%00./',
  '/./',
  '//',
];
const TARGETS = ['secret.txt', 'etc/passwd', '', 'index.html', 'assets/../../secret.txt', '%00'];

interface HttpReply {
  status: number;
  body: string;
}

function request(port: number, path: string, headers: Record<string, string>): Promise<HttpReply | null> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, headers, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString('latin1')));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve(null));
    });
    // A refused or reset connection is a refusal too.
    req.on('error', () => resolve(null));
    req.setTimeout(15_000, () => req.destroy());
    req.end();
  });
}

function rawExchange(port: number, bytes: Buffer): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.end(bytes));
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString('latin1')));
    socket.on('close', () => resolve(reply));
    socket.on('error', () => resolve(reply));
    socket.setTimeout(15_000, () => socket.destroy());
  });
}

/** Opens a socket and sends `first`; resolves with the first frame back, or null when refused or closed. */
function socketFirstAnswer(
  port: number,
  headers: Record<string, string>,
  first: string | Buffer | null,
): Promise<{ type?: string } | null> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/rpc`, { headers, maxPayload: 4 * 1024 * 1024 });
    const done = (value: { type?: string } | null) => {
      ws.removeAllListeners();
      ws.on('error', () => undefined);
      ws.terminate();
      resolve(value);
    };
    ws.once('open', () => {
      if (first !== null) ws.send(first);
    });
    ws.once('message', (data) => {
      try {
        done(JSON.parse(data.toString()) as { type?: string });
      } catch {
        done({ type: 'unreadable' });
      }
    });
    ws.once('unexpected-response', () => done(null));
    ws.once('error', () => done(null));
    ws.once('close', () => done(null));
    setTimeout(() => done(null), 15_000).unref();
  });
}

const httpStatusOk = (reply: HttpReply | null, secret: string): AbuseOutcome => {
  if (reply === null) return { lost: false };
  if (reply.status >= 500) return { lost: true, why: `HTTP ${reply.status}` };
  if (reply.body.includes(secret)) return { lost: true, why: 'a file outside the app was served' };
  return { lost: false };
};

/** One generated attack; `index % 6` chooses its class, the seed its details. */
export async function abuse(target: AbuseTarget, seed: number, index: number): Promise<AbuseOutcome> {
  const random = mulberry32(seed * 7_919 + index);
  const at = (n: number) => Math.floor(random() * n);
  const port = target.server.port;
  const ourOrigin = `http://127.0.0.1:${port}`;
  switch (index % 6) {
    case 0: {
      const bytes = Buffer.alloc(1 + at(4096));
      for (let i = 0; i < bytes.length; i++) bytes[i] = at(256);
      const reply = await rawExchange(port, bytes);
      return /^HTTP\/1\.[01] 5/.test(reply) ? { lost: true, why: reply.slice(0, 80) } : { lost: false };
    }
    case 1: {
      let path = '/';
      for (let i = 0, n = 1 + at(8); i < n; i++) path += TRAVERSALS[at(TRAVERSALS.length)];
      path += TARGETS[at(TARGETS.length)];
      return httpStatusOk(await request(port, path, {}), target.secret);
    }
    case 2: {
      const headers: Record<string, string> = {};
      const shape = at(4);
      if (shape === 0) headers['x-filler'] = 'a'.repeat(1 + at(128 * 1024));
      else if (shape === 1) for (let i = 0; i < 1 + at(2000); i++) headers[`x-h${i}`] = String(i);
      else if (shape === 2) headers.host = ['evil.example', `127.0.0.1:${port + 1}`, '', 'localhost', '[::1]'][at(5)]!;
      else headers.cookie = `advisor_desk_session=${'x'.repeat(at(8000))}`;
      return httpStatusOk(await request(port, '/', headers), target.secret);
    }
    case 3: {
      // A socket from somewhere else, or with a forged Host, offering a credential it could have stolen.
      const origins = ['http://127.0.0.1:1', 'http://localhost:' + port, 'null', 'http://evil.example', ''];
      const headers: Record<string, string> = {};
      const origin = origins[at(origins.length)]!;
      if (origin) headers.origin = origin;
      if (random() < 0.3) {
        headers.origin = ourOrigin;
        headers.host = `127.0.0.1:${port + 1}`;
      }
      const answer = await socketFirstAnswer(port, headers, JSON.stringify({ type: 'hello', session: 'x'.repeat(43) }));
      return answer?.type === 'welcome' ? { lost: true, why: `let in from ${origin || 'no origin'}` } : { lost: false };
    }
    case 4: {
      // Made-up hellos from our own origin: none may be welcomed.
      const hellos: (string | Buffer)[] = [
        JSON.stringify({ type: 'hello', launchToken: 'A'.repeat(at(100)) }),
        JSON.stringify({ type: 'hello', session: '' }),
        '{"type":"hello","__proto__":{"session":"x"}}',
        JSON.stringify({ type: 'hello', session: { $ne: null } }),
        '{"type":"hello","launchToken":' + '['.repeat(5000) + ']'.repeat(5000) + '}',
        Buffer.from([0xff, 0xfe, 0x00, 0x01]),
        'x'.repeat(2 * 1024 * 1024),
        JSON.stringify({ id: 1, channel: 'clients:list', input: {} }),
      ];
      const answer = await socketFirstAnswer(port, { origin: ourOrigin }, hellos[at(hellos.length)]!);
      return answer?.type === 'welcome' ? { lost: true, why: 'a made-up hello was welcomed' } : { lost: false };
    }
    default:
      return { lost: false };
  }
}

/** Frames of every wrong shape on a signed-in socket; the socket may close, the server must not fall over. */
export async function abuseSignedIn(ws: WebSocket, seed: number, count: number): Promise<void> {
  const random = mulberry32(seed);
  const at = (n: number) => Math.floor(random() * n);
  const shapes = [
    () => '{',
    () => JSON.stringify({ id: at(10), channel: 'clients:list', input: { limit: 'lots' } }),
    () => JSON.stringify({ id: -1, channel: 'no:such', input: null }),
    () => JSON.stringify({ id: 'x', channel: 'clients:get', input: { id: 'x'.repeat(at(100_000)) } }),
    () => JSON.stringify({ id: at(10), channel: 'clients:create', input: { profile: 42 } }),
    () => JSON.stringify({ id: at(10), channel: 'clients:get', input: { id: 'x' }, extra: true }),
    () => '{"id":1,"channel":"clients:list","input":{"__proto__":{"polluted":true}}}',
    () => JSON.stringify({ type: 'hello', session: 'again' }),
    () => JSON.stringify([1, 2, 3]),
    () => Buffer.from(Array.from({ length: at(512) }, () => at(256))),
  ];
  for (let i = 0; i < count && ws.readyState === ws.OPEN; i++) ws.send(shapes[at(shapes.length)]!());
  await new Promise((resolve) => setTimeout(resolve, 200));
}
