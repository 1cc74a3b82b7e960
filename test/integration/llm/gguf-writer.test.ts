import fs from 'node:fs';
import path from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_MODEL_SHAPES, writeTestLora, writeTestModel } from '../../tooling/gguf-writer';
import { sha256OfFile } from '../../../main/llm/model-hash';
import { tempDir } from '../db/temp-db';

describe('the random-weight GGUF writer', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('ad-writer-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the same bytes for the same seed and different weights for another seed', async () => {
    const a = await writeTestModel(path.join(dir, 'a.gguf'), { preset: 'tiny', type: 'q8_0', seed: 3 });
    const b = await writeTestModel(path.join(dir, 'b.gguf'), { preset: 'tiny', type: 'q8_0', seed: 3 });
    const c = await writeTestModel(path.join(dir, 'c.gguf'), { preset: 'tiny', type: 'q8_0', seed: 4 });
    expect(a.sizeBytes).toBe(fs.statSync(a.path).size);
    expect(await sha256OfFile(a.path)).toBe(await sha256OfFile(b.path));
    expect(await sha256OfFile(a.path)).not.toBe(await sha256OfFile(c.path));
    // Only the finished files remain: the temporary ones were renamed into place.
    expect(fs.readdirSync(dir).sort()).toEqual(['a.gguf', 'b.gguf', 'c.gguf']);
  });

  it('writes the header llama.cpp needs, in the shapes the facts file gives', async () => {
    const file = path.join(dir, 'shape.gguf');
    await writeTestModel(file, { preset: 'tiny', type: 'f16', chatTemplate: false, contextLength: 512 });
    const info = await readGgufFileInfo(file);
    const shape = TEST_MODEL_SHAPES.tiny;
    expect(info.version).toBe(3);
    expect(info.architectureMetadata).toMatchObject({
      context_length: 512,
      embedding_length: shape.embedding,
      block_count: shape.layers,
      feed_forward_length: shape.feedForward,
      attention: { head_count: shape.heads, head_count_kv: shape.kvHeads },
    });
    expect(info.metadata.tokenizer.ggml.tokens).toHaveLength(shape.vocabulary);
    expect(info.metadata.tokenizer.ggml.tokens).toContain('<0x0A>');
    expect(info.metadata.tokenizer.ggml.token_type?.[3]).toBe(6);
    expect(info.metadata.tokenizer.chat_template).toBeUndefined();
    const embeddings = info.tensorInfo?.find((t) => t.name === 'token_embd.weight');
    expect(embeddings?.dimensions.map(Number)).toEqual([shape.embedding, shape.vocabulary]);
    expect(TEST_MODEL_SHAPES['0.5b']).toMatchObject({
      embedding: 896,
      layers: 24,
      feedForward: 4864,
      heads: 14,
      kvHeads: 2,
      vocabulary: 32000,
    });
  });

  it('refuses options it cannot honour by name, leaving no file', async () => {
    await expect(writeTestModel(path.join(dir, 'x.gguf'), { preset: '7b' as never, type: 'q8_0' })).rejects.toThrow(
      /Unknown test model preset "7b"/,
    );
    await expect(writeTestModel(path.join(dir, 'x.gguf'), { preset: 'tiny', type: 'q4' as never })).rejects.toThrow(
      /Unknown test model type "q4"/,
    );
    await expect(
      writeTestModel(path.join(dir, 'x.gguf'), { preset: 'tiny', type: 'q8_0', contextLength: 3 }),
    ).rejects.toThrow(/contextLength must be a whole number of at least 16, got 3/);
    expect(fs.existsSync(path.join(dir, 'x.gguf'))).toBe(false);
  });

  it("writes a LoRA adapter whose pairs have the shapes llama.cpp checks against the base model's weights", async () => {
    const file = path.join(dir, 'adapter.gguf');
    const model = path.join(dir, 'base.gguf');
    await writeTestLora(file, { preset: 'tiny', rank: 8, alpha: 16, type: 'f32' });
    await writeTestModel(model, { preset: 'tiny', type: 'f16' });
    const info = await readGgufFileInfo(file);
    const meta = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(meta.general).toMatchObject({ architecture: 'llama', type: 'adapter' });
    expect(meta.adapter).toMatchObject({ type: 'lora', lora: { alpha: 16 } });
    const base = new Map(
      ((await readGgufFileInfo(model)).tensorInfo ?? []).map((t) => [t.name, t.dimensions.map(Number)]),
    );
    const tensors = info.tensorInfo ?? [];
    expect(tensors).toHaveLength(TEST_MODEL_SHAPES.tiny.layers * 4);
    for (const a of tensors.filter((t) => t.name.endsWith('.lora_a'))) {
      const weight = a.name.replace(/\.lora_a$/, '');
      const b = tensors.find((t) => t.name === `${weight}.lora_b`)!;
      const [ne0, ne1] = base.get(weight)!;
      // a: [ne0 of the weight, rank]; b: [rank, ne1 of the weight].
      expect(a.dimensions.map(Number)).toEqual([ne0, 8]);
      expect(b.dimensions.map(Number)).toEqual([8, ne1]);
    }
    await expect(writeTestLora(path.join(dir, 'y.gguf'), { preset: 'tiny', rank: 0 })).rejects.toThrow(
      /rank must be a whole number of at least 1, got 0/,
    );
  });
});
