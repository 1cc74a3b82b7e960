import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackendConnection } from '../../../main/host/backend-connection';
import type { FromBackend, ToBackend } from '../../../main/host/backend-messages';
import { looksEncrypted } from '../../../main/db/store-cipher';
import {
  BackendOpenError,
  connectBackend,
  startWorkerBackend,
  type BackendChannel,
} from '../../../main/host/worker-backend';
import { buildCli, projectRoot } from '../cli/build-cli';

const workerFile = pathToFileURL(path.join(projectRoot, 'dist', 'main', 'backend-worker.mjs'));

describe('the backend in a worker thread, as browser mode runs it', () => {
  let dir: string;
  let backend: BackendConnection;

  beforeAll(async () => {
    await buildCli();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-host-'));
    backend = await startWorkerBackend(workerFile, { dataDir: dir, mode: 'browser' });
  }, 120_000);
  afterAll(async () => {
    await backend?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers contract requests from the demo book it seeded, and refuses a malformed one by name', async () => {
    const info = await backend.invoke('app:info', {});
    expect(info).toMatchObject({ ok: true, value: { mode: 'browser', dataDir: dir } });
    expect((info as { value: { clientCount: number } }).value.clientCount).toBeGreaterThan(0);
    expect(backend.databasePath).toBe(path.join(dir, 'advisor-desk.sqlite'));
    const bad = await backend.invoke('clients:get', { id: 42 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const unknown = await backend.invoke('clients:drop-all', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown_channel' } });
  });

  it('pushes what changed to every subscriber', async () => {
    const seen: unknown[] = [];
    const unsubscribe = backend.subscribe((event, payload) => seen.push({ event, payload }));
    const saved = await backend.invoke('settings:update', { theme: 'dark' });
    expect(saved).toMatchObject({ ok: true, value: { theme: 'dark' } });
    expect(seen).toContainEqual({ event: 'data:changed', payload: { entity: 'settings' } });
    unsubscribe();
  });

  it('does not start on a file that is not a database, and says so', async () => {
    const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-host-broken-'));
    fs.writeFileSync(path.join(broken, 'advisor-desk.sqlite'), 'this is a spreadsheet export, not a database');
    try {
      await expect(startWorkerBackend(workerFile, { dataDir: broken, mode: 'browser' })).rejects.toThrow(/database/i);
    } finally {
      fs.rmSync(broken, { recursive: true, force: true });
    }
  });

  it('opens an encrypted store with the key it is handed, and names a missing key as such', async () => {
    const locked = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-host-locked-'));
    try {
      const first = await startWorkerBackend(workerFile, { dataDir: locked, mode: 'browser', databaseKey: 'k' });
      const info = await first.invoke('app:info', {});
      expect((info as { value: { clientCount: number } }).value.clientCount).toBeGreaterThan(0);
      await first.close();
      expect(looksEncrypted(path.join(locked, 'advisor-desk.sqlite'))).toBe(true);
      const refused = startWorkerBackend(workerFile, { dataDir: locked, mode: 'browser' });
      await expect(refused).rejects.toBeInstanceOf(BackendOpenError);
      await expect(refused).rejects.toMatchObject({ kind: 'database-key', message: /encrypted and no key was given/ });
    } finally {
      fs.rmSync(locked, { recursive: true, force: true });
    }
  });
});

describe('a backend that stops', () => {
  it('answers the requests still waiting with an error instead of leaving them hanging', async () => {
    let toHost: ((message: FromBackend) => void) | null = null;
    let exit: ((reason: string) => void) | null = null;
    const sent: ToBackend[] = [];
    const channel: BackendChannel = {
      post: (message) => sent.push(message),
      onMessage: (listener) => (toHost = listener),
      onExit: (listener) => (exit = listener),
      terminate: () => undefined,
    };
    const connecting = connectBackend(() => channel);
    toHost!({ type: 'ready', databasePath: '/data/advisor-desk.sqlite' });
    const backend = await connecting;
    const waiting = backend.invoke('clients:list', {});
    expect(sent).toHaveLength(1);
    exit!('exit code 134');
    await expect(waiting).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
    await expect(backend.invoke('app:info', {})).resolves.toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/stopped unexpectedly/) },
    });
  });
});
