import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import { dispatch } from '../../../app/contract/dispatch';
import type { CatalogEntryView, ModelFileInfo } from '../../../app/contract/llm-channels';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { testModelPath } from '../../fixtures/test-models';

describe('llm file channels through dispatch()', () => {
  let dir: string;
  let backend: Backend;
  const call = (channel: string, input: unknown) => dispatch(backend.handlers, channel, input);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-llm-channels-'));
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      seedDemoIfEmpty: false,
    });
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a picked file, lists it, inspects it; a broken pick is refused by name and the backend keeps answering', async () => {
    const picked = path.join(dir, 'picked', 'advisor-test.gguf');
    fs.mkdirSync(path.dirname(picked));
    fs.copyFileSync(await testModelPath(), picked);
    const imported = await call('llm:import', { path: picked });
    expect(imported.ok).toBe(true);
    const info = (imported as { value: ModelFileInfo }).value;
    expect(info).toMatchObject({
      fileName: 'advisor-test.gguf',
      source: 'user-models-folder',
      architecture: 'llama',
      problem: null,
    });
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(recordedText(info.fit!.summary).zh).toMatch(/层/);

    const broken = path.join(dir, 'picked', 'broken.gguf');
    fs.writeFileSync(broken, fs.readFileSync(picked).subarray(0, 300_000));
    const refused = await call('llm:import', { path: broken });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/broken\.gguf is incomplete/) },
    });

    const listed = await call('llm:models', {});
    expect(listed.ok).toBe(true);
    const mine = (listed as { value: ModelFileInfo[] }).value.filter((f) => f.source !== 'app-models-folder');
    expect(mine.map((f) => [f.fileName, f.sha256])).toEqual([['advisor-test.gguf', info.sha256]]);

    const inspected = await call('llm:inspect', { path: info.path });
    expect(inspected).toMatchObject({ ok: true, value: { sha256: info.sha256 } });
    expect(await call('llm:inspect', { path: '' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('lists the catalog and answers an unknown download id by name', async () => {
    const catalog = await call('llm:catalog', {});
    expect(catalog.ok).toBe(true);
    expect((catalog as { value: CatalogEntryView[] }).value.length).toBeGreaterThanOrEqual(3);
    expect(await call('llm:download', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: expect.stringMatching(/nope/) },
    });
    expect(await call('llm:cancel-download', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
