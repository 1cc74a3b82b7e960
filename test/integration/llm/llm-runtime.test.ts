import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import { dispatch } from '../../../app/contract/dispatch';
import type { LlmStatus } from '../../../app/contract/llm-channels';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { planThreads } from '../../../main/llm/llama-instance';
import { testModelPath } from '../../fixtures/test-models';

describe('loading a model through dispatch()', () => {
  let dir: string;
  let backend: Backend;
  const events: LlmStatus[] = [];
  const call = (channel: string, input: unknown) => dispatch(backend.handlers, channel, input);

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-llm-runtime-'));
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      seedDemoIfEmpty: false,
    });
    backend.subscribe((event, payload) => {
      if (event === 'llm:status') events.push(payload as LlmStatus);
    });
  });
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('says no model before any load', async () => {
    expect(await call('llm:status', {})).toMatchObject({
      ok: true,
      value: { state: 'none', path: null, gpuLayers: 0 },
    });
  });

  it('loads the tiny model on the CPU with the chosen threads and a context below its trained length, reporting progress', async () => {
    const file = await testModelPath();
    events.length = 0;
    const result = await call('llm:load', { path: file });
    expect(result.ok).toBe(true);
    const status = (result as { value: LlmStatus }).value;
    expect(status).toMatchObject({
      state: 'loaded',
      path: path.resolve(file),
      backend: 'cpu',
      gpuName: null,
      gpuLayers: 0,
      loadProgress: 1,
      error: null,
    });
    // The count measured faster on this machine now, among those this machine's plan allows.
    expect(planThreads().candidates).toContain(status.threads);
    expect(status.totalLayers).toBeGreaterThan(0);
    expect(status.contextSize).toBeGreaterThanOrEqual(256);
    expect(status.contextSize).toBeLessThanOrEqual(4096);
    expect(status.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(events.map((e) => e.state)).toContain('loading');
    expect(events.at(-1)).toMatchObject({ state: 'loaded' });
    expect(await call('llm:status', {})).toMatchObject({ ok: true, value: { state: 'loaded', sha256: status.sha256 } });
  });

  it('a truncated file and a file that is not a GGUF get their specific errors, and a good file loads afterwards', async () => {
    const good = await testModelPath();
    const cut = path.join(dir, 'cut.gguf');
    fs.writeFileSync(cut, fs.readFileSync(good).subarray(0, 200_000));
    const notGguf = path.join(dir, 'notes.gguf');
    fs.writeFileSync(notGguf, 'these are meeting notes, not a model\n'.repeat(100));

    const truncated = await call('llm:load', { path: cut });
    expect(truncated).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/cut\.gguf is incomplete/) },
    });
    const failed = (await call('llm:status', {})) as { value: LlmStatus };
    expect(failed.value).toMatchObject({ state: 'failed', gpuLayers: 0 });
    expect(recordedText(failed.value.error!).zh).toMatch(/cut\.gguf 不完整/);

    const wrong = await call('llm:load', { path: notGguf });
    expect(wrong).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/notes\.gguf.*not a GGUF/i) },
    });

    const again = await call('llm:load', { path: good, contextSize: 512 });
    expect(again).toMatchObject({ ok: true, value: { state: 'loaded', contextSize: 512, backend: 'cpu' } });
  });

  it('a file of an architecture llama.cpp cannot run is refused by name before llama.cpp sees it', async () => {
    const bytes = Buffer.from(fs.readFileSync(await testModelPath()));
    const key = Buffer.from('general.architecture');
    // key, value type (u32 string = 8), string length (u64 = 5), then "llama".
    const at = bytes.indexOf(key) + key.length + 4 + 8;
    expect(bytes.subarray(at, at + 5).toString()).toBe('llama');
    bytes.write('xyzzy', at);
    const odd = path.join(dir, 'odd-family.gguf');
    fs.writeFileSync(odd, bytes);
    expect(await call('llm:load', { path: odd })).toMatchObject({
      ok: false,
      error: { code: 'validation', message: expect.stringMatching(/odd-family\.gguf uses the "xyzzy" architecture/) },
    });
    expect(await call('llm:status', {})).toMatchObject({
      ok: true,
      value: { state: 'failed', error: { key: 'modelFile.unsupportedArchitecture' } },
    });
    const status = (await call('llm:status', {})) as { value: LlmStatus };
    expect(recordedText(status.value.error!).zh).toMatch(/odd-family\.gguf 使用 “xyzzy” 架构/);
  });

  it('cancelling a load leaves no model, and unload frees a loaded one', async () => {
    const file = await testModelPath({ type: 'f16' });
    const loading = call('llm:load', { path: file });
    await call('llm:cancel-load', {});
    const answered = await loading;
    // The load may finish before the cancel reaches node-llama-cpp on a fast machine; either way the state is clear.
    if (answered.ok && (answered as { value: LlmStatus }).value.state === 'loaded') {
      expect(await call('llm:unload', {})).toMatchObject({ ok: true, value: { state: 'none' } });
    } else {
      expect(answered).toMatchObject({ ok: true, value: { state: 'none', path: null } });
    }
    expect(await call('llm:status', {})).toMatchObject({
      ok: true,
      value: { state: 'none', gpuLayers: 0, contextSize: 0 },
    });
  });
});
