import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LlmStatus } from '../../../app/contract/llm-channels';
import { recordedText } from '../../../app/domain/localized-text';
import { EngineClient } from '../../../main/engine/engine-client';
import { forkEngine } from '../../../main/engine/fork-engine';
import { LanguageEngine } from '../../../main/engine/language-engine';
import { EngineCrashes } from '../../../main/llm/engine-crashes';
import { readGgufHeader } from '../../../main/llm/gguf-check';
import { ModelLibrary } from '../../../main/llm/model-library';
import { userModelsDir } from '../../../main/llm/model-folders';
import { writeTestModel } from '../../tooling/gguf-writer';
import { tempDir } from '../db/temp-db';

/**
 * Files that kill llama.cpp. The header check refuses the crafted ones it can see through (a header that
 * contradicts its own tensor table) before anything native runs; whatever still kills the engine process is
 * remembered with how it died, never handed to the engine again, and forgotten when the file is replaced.
 */
describe('a header that contradicts its tensors', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('ad-gguf-lies-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const lies: [string, Record<string, number>, RegExp][] = [
    ['more layers than it holds', { 'llama.block_count': 1000 }, /its header says 1000 layers but its tensors hold 4/],
    ['fewer layers than it holds', { 'llama.block_count': 2 }, /its header says 2 layers but its tensors hold 4/],
    [
      'key/value heads its weights do not have',
      { 'llama.attention.head_count_kv': 4 },
      /key weights 256 wide \(4 heads\) but the first layer's are 128/,
    ],
    ['heads that cannot share', { 'llama.attention.head_count_kv': 3 }, /4 attention heads cannot share 3/],
    ['a wrong embedding length', { 'llama.embedding_length': 512 }, /embedding length of 512 but its token/],
    ['a wrong feed-forward length', { 'llama.feed_forward_length': 1000 }, /feed-forward length of 1000 but the first/],
  ];
  for (const [what, headerLies, message] of lies) {
    it(`is refused before anything native sees it: ${what}`, async () => {
      const file = path.join(dir, `${what.replace(/\W+/g, '-')}.gguf`);
      await writeTestModel(file, { preset: 'tiny', type: 'q8_0', headerLies });
      const header = await readGgufHeader(file, path.basename(file));
      expect(header.problem?.kind).toBe('inconsistent');
      const text = header.problem ? recordedText(header.problem.text) : null;
      expect(text?.en).toMatch(message);
      expect(text?.en).toMatch(/Loading it would crash/);
      expect(text?.zh).toMatch(/自相矛盾/);
    });
  }

  it('an honest file passes', async () => {
    const file = path.join(dir, 'honest.gguf');
    await writeTestModel(file, { preset: 'tiny', type: 'q8_0' });
    expect((await readGgufHeader(file, 'honest.gguf')).problem).toBeNull();
  });
});

describe('a file that killed the engine', () => {
  let dir: string;
  let file: string;
  let engine: EngineClient;
  let llm: LanguageEngine;
  const states: LlmStatus[] = [];

  beforeAll(async () => {
    dir = tempDir('ad-engine-crash-');
    file = path.join(userModelsDir(dir), 'killer.gguf');
    await writeTestModel(file, { preset: '0.5b', type: 'q8_0' });
    engine = new EngineClient(forkEngine({ dataDir: dir, threads: 1 }));
    llm = new LanguageEngine(engine, (status) => states.push(status), new EngineCrashes(dir));
  }, 120_000);
  afterAll(async () => {
    await llm.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is remembered when the engine dies opening it, refused on the next load, and listed as broken', async () => {
    // An abort inside llama.cpp while the file loads, as a crafted file causes: the engine process ends on SIGABRT.
    const loading = llm.load(file, { gpuLayers: 0, contextSize: 512 });
    while (!states.some((s) => s.state === 'loading')) await new Promise((resolve) => setTimeout(resolve, 5));
    process.kill(engine.pid!, 'SIGABRT');
    await expect(loading).rejects.toThrow(/language engine stopped unexpectedly \(killed by SIGABRT\)/);

    // The next load does not reach the engine: no process is started for it.
    await expect(llm.load(file, { gpuLayers: 0, contextSize: 512 })).rejects.toThrow(
      /killer\.gguf stopped the language engine when it was last opened \(killed by SIGABRT\)/,
    );
    expect(engine.pid).toBeUndefined();

    const probed: string[] = [];
    const library = new ModelLibrary({
      dataDir: dir,
      appDir: path.join(dir, 'none'),
      probe: (f, o) => (probed.push(f), llm.probeFile(f, o)),
      crashes: llm.crashes!,
    });
    const [listed] = await library.list();
    expect(listed?.problem && recordedText(listed.problem).en).toMatch(/stopped the language engine/);
    expect(listed?.fit).toBeNull();
    expect(probed).toEqual([]);
    // What the data folder remembers names the file and how the engine died, nothing else.
    const record = JSON.parse(fs.readFileSync(path.join(dir, 'engine-crashes.json'), 'utf8')) as {
      entries: Record<string, { how: string; during: string }>;
    };
    expect(record.entries[path.resolve(file)]).toMatchObject({ how: 'killed by SIGABRT', during: 'load' });
    expect(fs.statSync(path.join(dir, 'engine-crashes.json')).mode & 0o777).toBe(0o600);
  }, 180_000);

  it('is tried again once the file is replaced, and then lists with its fit from the engine process', async () => {
    await writeTestModel(file, { preset: '0.5b', type: 'q8_0', seed: 2 });
    const library = new ModelLibrary({
      dataDir: dir,
      appDir: path.join(dir, 'none'),
      probe: (f) => llm.probeFile(f),
      crashes: llm.crashes!,
    });
    const [listed] = await library.list();
    expect(listed?.problem).toBeNull();
    expect(listed?.fit?.totalLayers).toBe(25);
    expect(engine.pid).toBeGreaterThan(0);
  }, 180_000);
});
