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

async function sessionCookie(): Promise<string> {
  const res = await get(`/?token=${server.token}`);
  return (res.headers['set-cookie']?.[0] ?? '').split(';')[0] as string;
}

function openSocket(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/rpc`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextFrame(ws: WebSocket): Promise<{
  type: string;
  id?: number;
  result?: { ok: boolean; value?: unknown; error?: { code: string } };
  message?: string;
}> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
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
  server = await startWebServer({ backend, rendererDir, idleSocketMs: 400 });
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
    const cookie = await sessionCookie();
    const twice = await raw(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nHost: evil.example\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
    );
    expect(twice.reply).toMatch(/^HTTP\/1\.1 400/);
    expect(twice.reply).toContain('exactly one Host header');
  });

  it('listens on loopback only and prints an address with the token', () => {
    expect(server.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${server.port}/\\?token=[A-Za-z0-9_-]{20,}$`));
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/index.html')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
  });

  it('swaps the token for an HttpOnly, SameSite=Strict cookie and drops it from the address', async () => {
    const res = await get(`/?token=${server.token}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/');
    expect(res.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get('/', { cookie: await sessionCookie() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Advisor Desk');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a foreign Host header (DNS rebinding) and paths outside the renderer', async () => {
    const cookie = await sessionCookie();
    expect((await get('/', { cookie, host: 'evil.example:80' })).status).toBe(403);
    expect((await get('/../secret.txt', { cookie })).status).toBe(404);
    expect((await get('/%2e%2e/secret.txt', { cookie })).status).toBe(404);
  });

  it('refuses sockets without the session cookie or from another origin', async () => {
    const origin = `http://127.0.0.1:${server.port}`;
    await expect(openSocket({ origin })).rejects.toThrow('HTTP 403');
    await expect(openSocket({ origin: 'http://evil.example', cookie: await sessionCookie() })).rejects.toThrow(
      'HTTP 403',
    );
  });

  it('answers the contract over the socket and survives malformed frames', async () => {
    const ws = await openSocket({ origin: `http://127.0.0.1:${server.port}`, cookie: await sessionCookie() });
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
