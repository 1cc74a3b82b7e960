import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordedText } from '../../../app/domain/localized-text';
import { writeTestModel } from '../../tooling/gguf-writer';
import { getLlamaForMachine } from '../../../main/llm/llama-instance';
import { ModelLibrary } from '../../../main/llm/model-library';
import { sha256OfFile } from '../../../main/llm/model-hash';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';

describe('model files: header checks, discovery and hashes', () => {
  let dir: string;
  let appDir: string;
  let dataDir: string;
  let library: ModelLibrary;
  let good: string;

  beforeAll(async () => {
    dir = tempDir('ad-models-');
    appDir = path.join(dir, 'app-models');
    dataDir = path.join(dir, 'data');
    fs.mkdirSync(appDir, { recursive: true });
    fs.mkdirSync(path.join(dataDir, 'models'), { recursive: true });
    good = path.join(appDir, 'good.gguf');
    fs.copyFileSync(await testModelPath(), good);
    // Cut inside the tensor data, and inside the header.
    const bytes = fs.readFileSync(good);
    fs.writeFileSync(path.join(appDir, 'cut-data.gguf'), bytes.subarray(0, bytes.length - 100_000));
    fs.writeFileSync(path.join(dataDir, 'models', 'cut-header.gguf'), bytes.subarray(0, 2000));
    fs.writeFileSync(path.join(dataDir, 'models', 'notes.gguf'), 'These are my meeting notes, not a model.\n');
    fs.writeFileSync(path.join(dataDir, 'models', 'ignored.txt'), 'not listed');
    await writeTestModel(path.join(dataDir, 'models', 'no-heads.gguf'), {
      preset: 'tiny',
      type: 'q8_0',
      omitKeys: ['llama.attention.head_count'],
    });
    await writeTestModel(path.join(dataDir, 'models', 'no-ffn.gguf'), {
      preset: 'tiny',
      type: 'q8_0',
      omitKeys: ['llama.feed_forward_length'],
    });
    await writeTestModel(path.join(dataDir, 'models', 'alien.gguf'), { preset: 'tiny', type: 'q8_0' });
    // Same file with another architecture name: patch the string in place (same length keeps every offset).
    const alien = fs.readFileSync(path.join(dataDir, 'models', 'alien.gguf'));
    const at = alien.indexOf(Buffer.from('llama', 'ascii'), alien.indexOf(Buffer.from('general.architecture')));
    alien.write('zzzzz', at, 'ascii');
    fs.writeFileSync(path.join(dataDir, 'models', 'alien.gguf'), alien);
    library = new ModelLibrary({ dataDir, appDir });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('lists good and broken files from both folders, each broken one with its specific problem', async () => {
    const files = await library.list();
    const byName = Object.fromEntries(files.map((f) => [f.fileName, f]));
    expect(Object.keys(byName).sort()).toEqual([
      'alien.gguf',
      'cut-data.gguf',
      'cut-header.gguf',
      'good.gguf',
      'no-ffn.gguf',
      'no-heads.gguf',
      'notes.gguf',
    ]);

    const ok = byName['good.gguf']!;
    expect(ok).toMatchObject({
      source: 'app-models-folder',
      architecture: 'llama',
      quantization: 'Q8_0',
      contextLength: 2048,
      hasChatTemplate: true,
      problem: null,
      sha256: null,
    });
    expect(ok.parameterCount).toBeGreaterThan(3_000_000);
    expect(ok.fit?.totalLayers).toBe(5);
    expect(recordedText(ok.fit!.summary).en).toMatch(/layers/);

    expect(recordedText(byName['notes.gguf']!.problem!).en).toMatch(/not a GGUF model file/);
    expect(recordedText(byName['notes.gguf']!.problem!).zh).toMatch(/不是 GGUF/);
    expect(byName['notes.gguf']!.source).toBe('user-models-folder');
    expect(recordedText(byName['cut-data.gguf']!.problem!).en).toMatch(
      /incomplete: its tensors need .* MiB but the file has .* MiB/,
    );
    expect(recordedText(byName['cut-header.gguf']!.problem!).en).toMatch(/incomplete: its header cannot be read/);
    expect(recordedText(byName['no-heads.gguf']!.problem!).en).toMatch(/llama\.attention\.head_count/);
    expect(recordedText(byName['no-ffn.gguf']!.problem!).en).toMatch(/llama\.feed_forward_length/);
    expect(recordedText(byName['alien.gguf']!.problem!).en).toMatch(/"zzzzz" architecture/);
    for (const f of files) if (f.problem) expect(f.fit).toBeNull();
  });

  it('the process keeps working after the broken files were checked: the good file still loads', async () => {
    const llama = await getLlamaForMachine();
    const model = await llama.loadModel({ modelPath: good });
    expect(model.tokenize('hello').length).toBeGreaterThan(0);
    await model.dispose();
  });

  it('inspect hashes the file once and remembers it by path, size and modification time', async () => {
    const first = await library.inspect(good);
    expect(first.sha256).toBe(await sha256OfFile(good));
    expect(library.hashes.hashedFiles).toBe(1);
    const fresh = new ModelLibrary({ dataDir, appDir });
    expect((await fresh.inspect(good)).sha256).toBe(first.sha256);
    expect(fresh.hashes.hashedFiles).toBe(0);
    expect((await fresh.list()).find((f) => f.fileName === 'good.gguf')?.sha256).toBe(first.sha256);
    // Touching the file invalidates the entry.
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(good, later, later);
    expect((await fresh.inspect(good)).sha256).toBe(first.sha256);
    expect(fresh.hashes.hashedFiles).toBe(1);
  });

  it('a missing file is reported as unreadable, not thrown', async () => {
    const info = await library.inspect(path.join(dataDir, 'models', 'gone.gguf'));
    expect(recordedText(info.problem!).en).toMatch(/cannot be read \(ENOENT\)/);
  });
});
