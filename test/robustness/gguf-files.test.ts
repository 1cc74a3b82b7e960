import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EngineClient } from '../../main/engine/engine-client';
import { forkEngine } from '../../main/engine/fork-engine';
import { LanguageEngine } from '../../main/engine/language-engine';
import { EngineCrashes } from '../../main/llm/engine-crashes';
import { tempDir } from '../integration/db/temp-db';
import path from 'node:path';
import { recordedText } from '../../app/domain/localized-text';
import { readGgufHeader } from '../../main/llm/gguf-check';
import { writeTestModel } from '../tooling/gguf-writer';
import { ggufSweep, honestTinyModel, type CaseOutcome } from './gguf-shapes';

/**
 * Twenty seeded mutations of an honest tiny model (cut short, header bytes changed, header values that contradict
 * the tensors, keys left out, NaN or random weights) through the app's own path: the models folder is listed
 * (header check, native probe in the engine's process), the file is loaded and generates under a grammar. Every
 * one must be run or refused with a sentence naming the file, and the engine must serve an honest model after
 * each. The bench sweeps hundreds (BENCH_ONLY=robustness).
 */
describe('malformed model files', () => {
  let dir: string;
  let llm: LanguageEngine;
  beforeAll(() => {
    dir = tempDir('ad-robust-gguf-');
    llm = new LanguageEngine(
      new EngineClient(forkEngine({ dataDir: dir, threads: 1 })),
      () => undefined,
      new EngineCrashes(dir),
    );
  });
  afterAll(async () => {
    await llm.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('are each run or refused by name, never lost, and leave the engine serving', async () => {
    const seen: [string, CaseOutcome][] = [];
    const tally = await ggufSweep(llm, dir, { seed: 1, count: 20, checkEvery: 5, onCase: (n, o) => seen.push([n, o]) });
    expect(tally.lost).toEqual([]);
    expect(tally.tried).toBe(20);
    // The sweep reaches every step: some files are refused when listed, and some load and generate.
    expect(tally.refused).toBeGreaterThan(0);
    expect(tally.ran).toBeGreaterThan(0);
    for (const [name, outcome] of seen)
      if (outcome.kind === 'refused') expect(outcome.text, name).toMatch(/case-1-\d+\.gguf/);
  }, 600_000);

  it('with a length no file could hold are refused before the GGUF reader sees them, which Node would abort on', async () => {
    const model = await honestTinyModel(dir);
    // After the magic, version, tensor count and key count: the first key's length, then (for a text value) more.
    const lengths: [string, number, bigint, RegExp][] = [
      ['a key of 8 GiB', 24, 2n ** 33n, /a text at byte 24 a length of 8589934592 bytes, more than any model has/],
      ['2^40 tensors', 8, 2n ** 40n, /counts 1099511627776 entries at byte 8, more than any model has/],
      ['2^40 keys', 16, 2n ** 40n, /counts 1099511627776 entries at byte 16/],
    ];
    for (const [what, at, value, text] of lengths) {
      const bytes = Buffer.from(model.bytes);
      bytes.writeBigUInt64LE(value, at);
      const file = path.join(dir, `${what.replace(/\W+/g, '-')}.gguf`);
      fs.writeFileSync(file, bytes);
      const header = await readGgufHeader(file, path.basename(file));
      expect(header.problem?.kind, what).toBe('inconsistent');
      expect(recordedText(header.problem!.text).en, what).toMatch(text);
    }
  });

  it('stating a training context of 2^31 tokens are listed with their fit, not left estimating for many minutes', async () => {
    const file = path.join(dir, 'endless-context.gguf');
    await writeTestModel(file, { preset: 'tiny', type: 'q8_0', headerLies: { 'llama.context_length': 2 ** 31 - 1 } });
    // Before the cap, node-llama-cpp's resolver spent time in proportion to the stated length: minutes here.
    const facts = await llm.probeFile(file);
    expect(facts.supported).toBe(true);
    expect(facts.fit?.contextSize).toBe(4096);
  }, 60_000);
});
