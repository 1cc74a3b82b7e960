import { createHash } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import type { EventPayload } from '../../../app/contract/events';
import { appModelsDir } from '../../../main/llm/model-folders';
import { catalogView, readCatalog } from '../../../main/llm/model-catalog';
import { ModelDownloads } from '../../../main/llm/model-download';
import { ModelLibrary } from '../../../main/llm/model-library';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';
import type { BackendContext } from '../../../main/backend/backend-context';
import { llmFileHandlers } from '../../../main/backend/llm-file-handlers';

type DownloadEvent = EventPayload<'llm:download'>;

/**
 * Downloads against a server on this machine (no network leaves it): a test model served slowly, with byte ranges,
 * so a download can be cancelled half way and resumed.
 */
describe('downloading a catalog model from a server on this machine', () => {
  let dir: string;
  let server: http.Server;
  let bytes: Buffer;
  const rangeStarts: number[] = [];
  let library: ModelLibrary;
  const events: DownloadEvent[] = [];
  let downloads: ModelDownloads;

  beforeAll(async () => {
    dir = tempDir('ad-download-');
    // The F16 tiny model (~7.7 MB) spans two of the downloader's 5 MiB chunks, so a cancel can keep one.
    bytes = fs.readFileSync(await testModelPath({ type: 'f16' }));
    server = http.createServer((req, res) => {
      const range = /bytes=(\d+)-(\d*)/.exec(req.headers.range ?? '');
      const start = range ? Number(range[1]) : 0;
      const end = range && range[2] ? Number(range[2]) : bytes.length - 1;
      if (range) rangeStarts.push(start);
      res.writeHead(range ? 206 : 200, {
        'content-type': 'application/octet-stream',
        'accept-ranges': 'bytes',
        'content-length': String(end - start + 1),
        ...(range ? { 'content-range': `bytes ${start}-${end}/${bytes.length}` } : {}),
      });
      if (req.method === 'HEAD') return res.end();
      let at = start;
      const pump = () => {
        if (res.destroyed) return;
        if (at > end) return res.end();
        const next = Math.min(at + 64 * 1024, end + 1);
        res.write(bytes.subarray(at, next));
        at = next;
        // Quick up to 5.5 MB, then slow, so the first 5 MiB chunk is saved and the cancel lands in the second.
        setTimeout(pump, at < 5_500_000 ? 5 : 150);
      };
      pump();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const [shipped] = await readCatalog(appModelsDir());
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const appDir = path.join(dir, 'app-models');
    fs.mkdirSync(appDir);
    const entry = (id: string, hash: string) => ({
      ...shipped!,
      id,
      uri: `http://127.0.0.1:${port}/${id}.gguf`,
      fileName: `${id}.gguf`,
      sha256: hash,
      verified: true,
      sizeBytes: bytes.length,
    });
    fs.writeFileSync(
      path.join(appDir, 'catalog.json'),
      JSON.stringify({
        version: 1,
        models: [entry('local-model', sha256), entry('tampered-model', 'f'.repeat(64)), entry('closing-model', sha256)],
      }),
    );
    library = new ModelLibrary({ dataDir: path.join(dir, 'data'), appDir });
    downloads = new ModelDownloads({ library, emit: (e) => events.push(e) });
  });
  afterAll(async () => {
    await downloads.cancelAll();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const waitFor = async (predicate: () => boolean, what: string) => {
    const until = Date.now() + 45_000;
    while (!predicate()) {
      if (Date.now() > until)
        throw new Error(`timed out waiting for ${what}; events: ${JSON.stringify(events.slice(-3))}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('reports progress, cancels keeping the partial file, resumes where it stopped, and checks the hash', async () => {
    expect(await downloads.start('local-model')).toEqual({ id: 'local-model', state: 'downloading' });
    await waitFor(() => events.some((e) => e.id === 'local-model' && e.downloadedBytes > 5_600_000), 'the first chunk');
    expect(await downloads.cancel('local-model')).toEqual({ id: 'local-model', state: 'cancelled' });
    const cancelled = events.filter((e) => e.state === 'cancelled');
    expect(cancelled).toHaveLength(1);
    expect(cancelled[0]!.downloadedBytes).toBeLessThan(bytes.length);
    expect(cancelled[0]!.totalBytes).toBe(bytes.length);
    expect((await catalogView(library)).find((v) => v.id === 'local-model')?.downloadedPath).toBeNull();
    // The downloader saves whole 5 MiB chunks; the partial file stays for the next start.
    expect(fs.readdirSync(library.userDir)).toEqual(['local-model.gguf.ipull']);

    const requestsBefore = rangeStarts.length;
    await downloads.start('local-model');
    await waitFor(
      () => events.some((e) => e.id === 'local-model' && (e.state === 'completed' || e.state === 'failed')),
      'the download to finish',
    );
    const last = events.filter((e) => e.id === 'local-model').at(-1)!;
    expect(last).toMatchObject({
      state: 'completed',
      downloadedBytes: bytes.length,
      totalBytes: bytes.length,
      error: null,
    });
    // Resumed from the saved chunk, not started over.
    expect(Math.min(...rangeStarts.slice(requestsBefore))).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const target = path.join(library.userDir, 'local-model.gguf');
    expect(fs.readFileSync(target).equals(bytes)).toBe(true);
    expect((await catalogView(library)).find((v) => v.id === 'local-model')?.downloadedPath).toBe(target);
    expect(fs.readdirSync(library.userDir)).toEqual(['local-model.gguf']);
  });

  it('closing the app stops a running download and keeps what it saved for next time', async () => {
    // The backend's download handlers, with the runtime's close signal the only part of the context they read on close.
    const closing = new AbortController();
    const seen: DownloadEvent[] = [];
    const ctx = {
      dataDir: path.join(dir, 'data'),
      llm: { disposeSignal: closing.signal },
      emit: (_channel: string, e: DownloadEvent) => seen.push(e),
    } as unknown as BackendContext;
    const handlers = llmFileHandlers(ctx, library);
    expect(await handlers['llm:download']({ id: 'closing-model' })).toEqual({
      id: 'closing-model',
      state: 'downloading',
    });
    await waitFor(() => seen.some((e) => e.downloadedBytes > 5_600_000), 'the first chunk of the closing download');
    closing.abort();
    await waitFor(() => seen.some((e) => e.state === 'cancelled'), 'the download to stop on close');
    const requests = rangeStarts.length;
    await new Promise((r) => setTimeout(r, 600));
    expect(rangeStarts.length).toBe(requests);
    expect(seen.at(-1)).toMatchObject({ id: 'closing-model', state: 'cancelled' });
    expect(fs.existsSync(path.join(library.userDir, 'closing-model.gguf'))).toBe(false);
    expect(fs.existsSync(path.join(library.userDir, 'closing-model.gguf.ipull'))).toBe(true);
  });

  it('a file whose hash is not the published one is deleted and reported as failed', async () => {
    await downloads.start('tampered-model');
    await waitFor(
      () => events.some((e) => e.id === 'tampered-model' && (e.state === 'completed' || e.state === 'failed')),
      'the tampered download to finish',
    );
    const last = events.filter((e) => e.id === 'tampered-model').at(-1)!;
    expect(last.state).toBe('failed');
    expect(recordedText(last.error!).en).toMatch(
      /tampered-model\.gguf downloaded, but its sha256 [0-9a-f]{64} is not the published f{64}; the file was deleted/,
    );
    expect(recordedText(last.error!).zh).toMatch(/不符/);
    expect(fs.existsSync(path.join(library.userDir, 'tampered-model.gguf'))).toBe(false);
  });
});
