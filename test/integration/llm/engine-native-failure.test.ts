import fs from 'node:fs';
import path from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../../main/engine/engine-client';
import { forkEngine } from '../../../main/engine/fork-engine';
import { writeTestModel } from '../../tooling/gguf-writer';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';

/**
 * A model whose weights are all NaN (every byte 0xFF after the header): node-llama-cpp 3.21.1 loses the grammar
 * sampler's failure in an unhandled promise and the generation never settles. The engine's process must turn
 * that into an answer and make way for a fresh process, never a hang and never a dead backend.
 */
describe('a generation that fails inside llama.cpp', () => {
  let dir: string;
  let nanModel: string;
  const engine = new EngineClient(forkEngine({ threads: 1 }));

  beforeAll(async () => {
    dir = tempDir('ad-nan-');
    nanModel = path.join(dir, 'nan-weights.gguf');
    await writeTestModel(nanModel, { preset: 'tiny', type: 'q8_0' });
    const info = await readGgufFileInfo(nanModel, { readTensorInfo: true });
    const bytes = fs.readFileSync(nanModel);
    const dataStart = Math.ceil(Number(info.infoEndOffset) / 32) * 32;
    bytes.fill(0xff, dataStart);
    fs.writeFileSync(nanModel, bytes);
  }, 60_000);
  afterAll(async () => {
    await engine.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('settles with the failure named (or an answer), and the next request is served by a working engine', async () => {
    const loaded = await engine.load({ path: nanModel, gpuLayers: 0, contextSize: 512 });
    expect(loaded.status.state).toBe('loaded');
    const outcome = await engine
      .generate({
        prompt: { format: 'plain', text: 'The client' },
        maxTokens: 64,
        temperature: 0.7,
        seed: 1,
        constraint: { jsonSchema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } },
      })
      .then(
        (result) => ({ ok: true as const, result }),
        (error: Error) => ({ ok: false as const, message: error.message }),
      );
    // Where this CPU's kernels turn NaN into the sampler's failure, the answer names it.
    if (!outcome.ok) expect(outcome.message).toMatch(/language model failed while generating|stopped unexpectedly/);

    const good = await engine.load({ path: await testModelPath(), gpuLayers: 0, contextSize: 'auto' });
    expect(good.status.state).toBe('loaded');
    const result = await engine.generate({ prompt: { format: 'plain', text: 'Hello' }, maxTokens: 4, temperature: 0 });
    expect(result.tokens).toBeGreaterThan(0);
  }, 120_000);
});
