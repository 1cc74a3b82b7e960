import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { pathToFileURL } from 'node:url';
import type { BackendConnection } from '../../../main/host/backend-connection';
import { startWorkerBackend } from '../../../main/host/worker-backend';
import { buildCli, projectRoot } from '../cli/build-cli';
import { startWebServer, type WebServer } from '../../../main/web/web-server';

let backend: BackendConnection;
let server: WebServer;
let dataDir: string;

function get(
  urlPath: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port: server.port, path: urlPath, headers }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
  });
}

interface Frame {
  type: string;
  id?: number;
  result?: { ok: boolean; value?: unknown; error?: { code: string } };
  message?: string;
  session?: string;
  reason?: string;
}

const tokenOf = (address: string) => new URL(address).searchParams.get('token') as string;
const ourOrigin = () => `http://127.0.0.1:${server.port}`;

function openSocket(headers: Record<string, string>, target: WebServer = server): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${target.port}/rpc`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<Frame> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()) as Frame)));
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => {
    if (ws.readyState === ws.CLOSED) resolve(-1);
    ws.once('close', (code) => resolve(code));
  });
}

/** Opens a socket from our own page's origin and sends its first frame; resolves with the answer to it. */
async function hello(
  first: { launchToken: string } | { session: string },
  target: WebServer = server,
): Promise<{ ws: WebSocket; answer: Frame }> {
  const ws = await openSocket({ origin: `http://127.0.0.1:${target.port}` }, target);
  const answer = nextFrame(ws);
  ws.send(JSON.stringify({ type: 'hello', ...first }));
  return { ws, answer: await answer };
}

/** A fresh one-time address, opened: the session a page would keep, and its open socket. */
async function newSession(target: WebServer = server): Promise<{ ws: WebSocket; session: string }> {
  const { ws, answer } = await hello({ launchToken: tokenOf(target.newAddress()) }, target);
  expect(answer.type).toBe('welcome');
  return { ws, session: answer.session as string };
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-web-'));
  const rendererDir = path.join(dataDir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Advisor Desk</title>');
  fs.writeFileSync(path.join(dataDir, 'secret.txt'), 'outside the renderer');
  // As browser mode runs it: the backend in its worker thread, this thread serving the socket.
  await buildCli();
  backend = await startWorkerBackend(pathToFileURL(path.join(projectRoot, 'dist', 'main', 'backend-worker.mjs')), {
    dataDir,
    mode: 'browser',
  });
  server = await startWebServer({ backend, rendererDir, idleSocketMs: 400, helloDeadlineMs: 500 });
});

afterAll(async () => {
  await server.close();
  await backend.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Writes raw bytes and resolves with what came back when the server closed the connection, and after how long. */
function raw(bytes: string): Promise<{ reply: string; ms: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(bytes));
    let reply = '';
    socket.on('data', (d: Buffer) => (reply += d.toString()));
    socket.on('close', () => resolve({ reply, ms: Date.now() - started }));
    socket.on('error', reject);
  });
}

describe('browser-mode server', () => {
  it('closes a connection that sends nothing, and one that never finishes its headers', async () => {
    const silent = await raw('');
    expect(silent.reply).toBe('');
    expect(silent.ms).toBeLessThan(20_000);
    const slow = await raw('GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    expect(slow.ms).toBeLessThan(20_000);
  });

  it('refuses a request with two Host headers, whichever comes first', async () => {
    const twice = await raw(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nHost: evil.example\r\nConnection: close\r\n\r\n`,
    );
    expect(twice.reply).toMatch(/^HTTP\/1\.1 400/);
    expect(twice.reply).toContain('exactly one Host header');
  });

  it('listens on loopback only and prints an address with a launch token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('serves the app, which holds no client data, without a token and sets no cookie', async () => {
    for (const address of ['/', '/index.html', `/?token=${tokenOf(server.url)}`, '/?token=wrong']) {
      const page = await get(address);
      expect(page.status).toBe(200);
      expect(page.body).toContain('Advisor Desk');
      expect(page.headers['set-cookie']).toBeUndefined();
      expect(page.headers['content-security-policy']).toContain("script-src 'self'");
      expect(page.headers['content-security-policy']).toContain(`connect-src 'self' ws://127.0.0.1:${server.port};`);
    }
  });

  it('refuses a foreign Host header (DNS rebinding, or localhost) and paths outside the renderer', async () => {
    expect((await get('/', { host: 'evil.example:80' })).status).toBe(403);
    expect((await get('/', { host: `localhost:${server.port}` })).status).toBe(403);
    expect((await get('/../secret.txt')).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt')).status).toBe(404);
  });

  it('opens the socket only for the exact origin and host, even to one holding a valid session', async () => {
    const { ws, session } = await newSession();
    ws.close();
    const port = server.port;
    for (const origin of [`http://127.0.0.1:${port + 1}`, `http://localhost:${port}`, 'http://evil.example', 'null'])
      await expect(openSocket({ origin })).rejects.toThrow('HTTP 403');
    await expect(openSocket({})).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: ourOrigin(), host: `localhost:${port}` })).rejects.toThrow('HTTP 403');
    // The session itself still works from our own origin.
    const back = await hello({ session });
    expect(back.answer.type).toBe('welcome');
    back.ws.close();
  });

  it('exchanges a launch token for a session once; the same token again is refused and the socket closed', async () => {
    const token = tokenOf(server.newAddress());
    const first = await hello({ launchToken: token });
    expect(first.answer).toMatchObject({ type: 'welcome', session: expect.stringMatching(/^[\w-]+\.[\w-]{40,}$/) });
    first.ws.close();

    const second = await hello({ launchToken: token });
    expect(second.answer).toEqual({ type: 'refused', reason: 'launch-token-spent' });
    expect(await closed(second.ws)).toBe(1008);
    const wrong = await hello({ launchToken: 'guess' });
    expect(wrong.answer).toEqual({ type: 'refused', reason: 'launch-token-unknown' });
    expect(await closed(wrong.ws)).toBe(1008);
  });

  it('a new address makes the unused earlier one stop working', async () => {
    const older = tokenOf(server.newAddress());
    const newer = tokenOf(server.newAddress());
    expect((await hello({ launchToken: older })).answer.reason).toBe('launch-token-spent');
    const opened = await hello({ launchToken: newer });
    expect(opened.answer.type).toBe('welcome');
    opened.ws.close();
  });

  it('hands over the next one-time address each time one is opened, and only then', async () => {
    const printed: string[] = [];
    const announcing = await startWebServer({
      backend,
      rendererDir: path.join(dataDir, 'renderer'),
      onAddressUsed: (next) => printed.push(next),
    });
    try {
      const wrong = await hello({ launchToken: 'guess' }, announcing);
      expect(wrong.answer.type).toBe('refused');
      expect(printed).toEqual([]);
      const first = await hello({ launchToken: tokenOf(announcing.url) }, announcing);
      expect(first.answer.type).toBe('welcome');
      expect(printed).toHaveLength(1);
      expect(printed[0]).not.toBe(announcing.url);
      const next = await hello({ launchToken: tokenOf(printed[0] as string) }, announcing);
      expect(next.answer.type).toBe('welcome');
      // A page coming back with its session is not a new opening.
      const back = await hello({ session: first.answer.session as string }, announcing);
      expect(back.answer).toEqual({ type: 'welcome' });
      expect(printed).toHaveLength(2);
      for (const ws of [first.ws, next.ws, back.ws]) ws.close();
    } finally {
      await announcing.close();
    }
  });

  it('lets a page back in with its session, and refuses a wrong session or one from elsewhere', async () => {
    const { ws, session } = await newSession();
    ws.close();
    const back = await hello({ session });
    expect(back.answer).toEqual({ type: 'welcome' });
    back.ws.close();
    const [id, secret] = session.split('.') as [string, string];
    for (const forged of [`${id}.${secret.split('').reverse().join('')}`, 'abc.def', secret]) {
      const refused = await hello({ session: forged });
      expect(refused.answer).toEqual({ type: 'refused', reason: 'session-unknown' });
      expect(await closed(refused.ws)).toBe(1008);
    }
    // Another browser-mode server (another port) does not know this one's sessions.
    const other = await startWebServer({ backend, rendererDir: path.join(dataDir, 'renderer') });
    try {
      const elsewhere = await hello({ session }, other);
      expect(elsewhere.answer).toEqual({ type: 'refused', reason: 'session-unknown' });
    } finally {
      await other.close();
    }
  });

  it('answers nothing before the hello: the old cookie does not count, a request first is refused', async () => {
    const cookie = `advisor_desk_${server.port}=${tokenOf(server.url)}`;
    const ws = await openSocket({ origin: ourOrigin(), cookie });
    const answer = nextFrame(ws);
    ws.send(JSON.stringify({ id: 1, channel: 'clients:list', input: { limit: 5 } }));
    expect(await answer).toEqual({ type: 'refused', reason: 'hello-expected' });
    expect(await closed(ws)).toBe(1008);
  });

  it('closes a socket that says nothing', async () => {
    const ws = await openSocket({ origin: ourOrigin() });
    const frames: unknown[] = [];
    ws.on('message', (data) => frames.push(data.toString()));
    expect(await closed(ws)).toBe(1008);
    expect(frames).toEqual([]);
  });

  it('ends a session once no page has been open for the idle limit', async () => {
    let now = 0;
    const timed = await startWebServer({
      backend,
      rendererDir: path.join(dataDir, 'renderer'),
      sessionIdleMs: 60_000,
      now: () => now,
    });
    try {
      const { ws, session } = await newSession(timed);
      // Hours with a page open do not count.
      now += 5 * 60_000;
      const second = await hello({ session }, timed);
      expect(second.answer.type).toBe('welcome');
      ws.close();
      second.ws.close();
      await Promise.all([closed(ws), closed(second.ws)]);
      now += 59_000;
      const reload = await hello({ session }, timed);
      expect(reload.answer.type).toBe('welcome');
      reload.ws.close();
      await closed(reload.ws);
      now += 60_000;
      const late = await hello({ session }, timed);
      expect(late.answer).toEqual({ type: 'refused', reason: 'session-expired' });
      expect(await closed(late.ws)).toBe(1008);
    } finally {
      await timed.close();
    }
  });

  it('answers the contract over the socket and survives malformed frames', async () => {
    const { ws } = await newSession();
    try {
      ws.send('{not json');
      expect((await nextFrame(ws)).type).toBe('protocol-error');
      ws.send(JSON.stringify({ id: 1, channel: 'clients:get', input: { id: 42 } }));
      expect((await nextFrame(ws)).result?.error?.code).toBe('bad_request');
      ws.send(JSON.stringify({ id: 2, channel: 'fs:read', input: {} }));
      expect((await nextFrame(ws)).result?.error?.code).toBe('unknown_channel');
      ws.send(JSON.stringify({ id: 3, channel: 'clients:list', input: { limit: 5 } }));
      const answer = await nextFrame(ws);
      expect(answer.id).toBe(3);
      expect(answer.result?.ok).toBe(true);
      expect((answer.result?.value as { rows: unknown[] }).rows).toHaveLength(5);
    } finally {
      ws.close();
    }
  });
});
