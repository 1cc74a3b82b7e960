import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appModelsDir } from '../../../main/llm/model-folders';
import { catalogView, readCatalog } from '../../../main/llm/model-catalog';
import { ModelDownloads, offlineMessage } from '../../../main/llm/model-download';
import { ModelLibrary } from '../../../main/llm/model-library';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';

describe('the model catalog and downloads', () => {
  let dir: string;
  let library: ModelLibrary;

  beforeAll(() => {
    dir = tempDir('ad-catalog-');
    library = new ModelLibrary({ dataDir: path.join(dir, 'data'), appDir: appModelsDir() });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('the shipped catalog is valid and gives each download its published size and checksum', async () => {
    const entries = await readCatalog(appModelsDir());
    expect(entries.length).toBeGreaterThanOrEqual(3);
    for (const entry of entries) {
      expect(entry.description.zh.length).toBeGreaterThan(0);
      // A checksum is given only when verified from a published source; never a made-up one.
      expect(entry.verified).toBe(entry.sha256 !== null);
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.sizeSource).toMatch(/revision [0-9a-f]{40}/);
      expect(entry.sizeBytes).toBeGreaterThan(100_000_000);
    }
    const view = await catalogView(library);
    expect(view.map((v) => v.downloadedPath)).toEqual(entries.map(() => null));
  });

  it('a file in the user models folder counts as downloaded only when its checksum is the published one', async () => {
    const [first] = await readCatalog(appModelsDir());
    const model = await testModelPath();
    // Right name, wrong contents (a test model, not Qwen): not the catalog's model.
    fs.mkdirSync(library.userDir, { recursive: true });
    fs.copyFileSync(model, path.join(library.userDir, first!.fileName));
    expect((await catalogView(library))[0]!.downloadedPath).toBeNull();
    fs.rmSync(path.join(library.userDir, first!.fileName));

    // A catalog that publishes this file's checksum finds it in the user folder.
    const appDir = path.join(dir, 'matching-app-models');
    fs.mkdirSync(appDir, { recursive: true });
    const sha256 = createHash('sha256').update(fs.readFileSync(model)).digest('hex');
    fs.writeFileSync(
      path.join(appDir, 'catalog.json'),
      JSON.stringify({ version: 1, models: [{ ...first!, sha256 }] }),
    );
    const matching = new ModelLibrary({ dataDir: path.join(dir, 'data'), appDir });
    fs.copyFileSync(model, path.join(matching.userDir, first!.fileName));
    const view = await catalogView(matching);
    expect(view[0]!.downloadedPath).toBe(path.join(matching.userDir, first!.fileName));
    expect(view[0]!.sha256).toBe(sha256);
    fs.rmSync(path.join(matching.userDir, first!.fileName));
  });

  it('offline, a download fails fast with a message naming the address and the folder to copy into', async () => {
    // A catalog whose host cannot resolve anywhere (.invalid is reserved), so this test never downloads even online.
    const appDir = path.join(dir, 'offline-app-models');
    fs.mkdirSync(appDir, { recursive: true });
    const [shipped] = await readCatalog(appModelsDir());
    const entry = {
      ...shipped!,
      id: 'unreachable-model',
      uri: 'https://models.invalid/files/unreachable.gguf',
      fileName: 'unreachable.gguf',
    };
    fs.writeFileSync(path.join(appDir, 'catalog.json'), JSON.stringify({ version: 1, models: [entry] }));
    const offlineLibrary = new ModelLibrary({ dataDir: path.join(dir, 'data'), appDir });
    const events: unknown[] = [];
    const downloads = new ModelDownloads({
      library: offlineLibrary,
      emit: (e) => events.push(e),
      startTimeoutMs: 5000,
    });
    const started = Date.now();
    const error = await downloads.start('unreachable-model').catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(error).toMatchObject({ code: 'unavailable' });
    const message = (error as Error).message;
    expect(message).toContain('cannot reach models.invalid');
    expect(message).toContain('https://models.invalid/files/unreachable.gguf');
    expect(message).toContain(offlineLibrary.userDir);
    expect(message).toMatch(/无法下载/);
    expect(events).toEqual([]);
    expect(downloads.isRunning('unreachable-model')).toBe(false);
    expect(await downloads.cancel('unreachable-model')).toEqual({ id: 'unreachable-model', state: 'cancelled' });
    await expect(downloads.start('no-such-model')).rejects.toMatchObject({ code: 'not_found' });
    // hf: entries name the plain https address a person can open in a browser.
    expect(offlineMessage(shipped!, '/data/models', 'ENOTFOUND')).toContain(
      'download https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf and copy qwen2.5-0.5b-instruct-q4_k_m.gguf into /data/models',
    );
    // ... and the checksum to compare the copied file against.
    expect(offlineMessage(shipped!, '/data/models', 'ENOTFOUND')).toContain(
      `Its published SHA-256 is ${shipped!.sha256}.`,
    );
  });
});
