import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { BackendConnection } from '../../main/host/backend-connection';
import { startWorkerBackend } from '../../main/host/worker-backend';
import { startWebServer, type WebServer } from '../../main/web/web-server';
import { buildCli, projectRoot } from '../integration/cli/build-cli';
import { tempDir } from '../integration/db/temp-db';
import { abuse, abuseSignedIn } from './socket-abuse';

const SECRET = 'a file beside the app, never to be served';

/** Signs in as a page would (one-time address, then the session) and resolves with the open socket. */
async function signIn(server: WebServer): Promise<WebSocket> {
  const token = new URL(server.newAddress()).searchParams.get('token')!;
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/rpc`, {
    headers: { origin: `http://127.0.0.1:${server.port}` },
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const welcome = new Promise<{ type: string }>((resolve) =>
    ws.once('message', (d) => resolve(JSON.parse(d.toString()))),
  );
  ws.send(JSON.stringify({ type: 'hello', launchToken: token }));
  expect((await welcome).type).toBe('welcome');
  return ws;
}

async function appInfo(ws: WebSocket): Promise<{ ok: boolean }> {
  const answer = new Promise<{ result: { ok: boolean } }>((resolve) =>
    ws.on('message', (d) => {
      const frame = JSON.parse(d.toString()) as { type: string; id?: number; result: { ok: boolean } };
      if (frame.type === 'result' && frame.id === 99) resolve(frame);
    }),
  );
  ws.send(JSON.stringify({ id: 99, channel: 'app:info', input: {} }));
  return (await answer).result;
}

/**
 * Two hundred and forty generated attacks on browser mode's port (random bytes, climbing paths, header abuse,
 * sockets from elsewhere, made-up credentials), then every wrong frame shape on a signed-in socket: each is refused
 * or answered without harm, and a page signing in afterwards is served.
 */
describe('browser mode under abuse', () => {
  let dir: string;
  let backend: BackendConnection;
  let server: WebServer;
  beforeAll(async () => {
    dir = tempDir('ad-robust-socket-');
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Advisor Desk</title>');
    fs.writeFileSync(path.join(dir, 'secret.txt'), SECRET);
    await buildCli();
    backend = await startWorkerBackend(pathToFileURL(path.join(projectRoot, 'dist', 'main', 'backend-worker.mjs')), {
      dataDir: dir,
      mode: 'browser',
    });
    server = await startWebServer({ backend, rendererDir, idleSocketMs: 2000, helloDeadlineMs: 1000 });
  }, 120_000);
  afterAll(async () => {
    await server.close();
    await backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses or harmlessly answers every attack and goes on serving', async () => {
    const lost: string[] = [];
    for (let i = 0; i < 240; i++) {
      const outcome = await abuse({ server, secret: SECRET }, 11, i);
      if (outcome.lost) lost.push(`#${i}: ${outcome.why}`);
    }
    expect(lost).toEqual([]);

    const abused = await signIn(server);
    await abuseSignedIn(abused, 11, 400);
    abused.terminate();

    const page = await signIn(server);
    expect(await appInfo(page)).toMatchObject({ ok: true });
    page.terminate();
  }, 300_000);
});
