import fs from 'node:fs';
import path from 'node:path';
import { readGgufFileInfo } from 'node-llama-cpp';
import { recordedText } from '../../app/domain/localized-text';
import { mulberry32 } from '../../app/random/mulberry32';
import type { LanguageEngine } from '../../main/engine/language-engine';
import { ModelLibrary } from '../../main/llm/model-library';
import { userModelsDir } from '../../main/llm/model-folders';
import { writeTestModel } from '../tooling/gguf-writer';

/**
 * Model files as a broken download, a bad converter or an attacker make them, generated from one honest tiny
 * model by a seeded mutation, and the path the app takes with each: list the models folder (header check and
 * the engine's native probe), load, generate a few tokens under a JSON grammar. A case survives when the app
 * either runs the file or refuses it with a sentence that names the file; it is lost when a message leaks
 * internals, a step hangs, or the engine cannot serve an honest model afterwards.
 */

export type GgufMutation =
  | { kind: 'truncate'; length: number }
  | { kind: 'flip-header'; offsets: number[]; values: number[] }
  | { kind: 'lie'; key: string; value: number }
  | { kind: 'omit'; key: string }
  | { kind: 'weights'; fill: 'nan' | 'random' };

/** Whole-number header keys of the tiny llama-shaped test model, each of which the engine trusts. */
const LIE_KEYS = [
  'llama.block_count',
  'llama.embedding_length',
  'llama.feed_forward_length',
  'llama.attention.head_count',
  'llama.attention.head_count_kv',
  'llama.context_length',
];
const LIE_VALUES = [0, 1, 3, 7, 1000, 65_535, 2 ** 31 - 1, 2 ** 32 - 1];
const OMIT_KEYS = [
  'llama.block_count',
  'llama.embedding_length',
  'llama.attention.head_count',
  'tokenizer.ggml.tokens',
];

export interface HonestModel {
  bytes: Buffer;
  /** Where the header (key/values and tensor table) ends. */
  headerEnd: number;
}

export async function honestTinyModel(dir: string): Promise<HonestModel> {
  const file = path.join(dir, 'honest-tiny.gguf');
  await writeTestModel(file, { preset: 'tiny', type: 'q8_0' });
  const info = await readGgufFileInfo(file, { readTensorInfo: true, logWarnings: false });
  return { bytes: fs.readFileSync(file), headerEnd: Number(info.infoEndOffset) };
}

/** The `index`-th mutation of a sweep seeded with `seed`: the same pair always gives the same file. */
export function ggufMutation(seed: number, index: number, model: HonestModel): GgufMutation {
  const random = mulberry32(seed * 100_003 + index);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  switch (index % 5) {
    case 0:
      return { kind: 'truncate', length: Math.floor(random() * model.bytes.length) };
    case 1: {
      const count = 1 + Math.floor(random() * 8);
      // Mostly past the magic, so the parser is exercised beyond its first check.
      const offsets = Array.from({ length: count }, () => 4 + Math.floor(random() * (model.headerEnd - 4)));
      return { kind: 'flip-header', offsets, values: offsets.map(() => Math.floor(random() * 256)) };
    }
    case 2:
      return { kind: 'lie', key: pick(LIE_KEYS), value: pick(LIE_VALUES) };
    case 3:
      return { kind: 'omit', key: pick(OMIT_KEYS) };
    default:
      return { kind: 'weights', fill: random() < 0.5 ? 'nan' : 'random' };
  }
}

export function describeMutation(m: GgufMutation): string {
  switch (m.kind) {
    case 'truncate':
      return `cut to ${m.length} bytes`;
    case 'flip-header':
      return `${m.offsets.length} header byte(s) changed at ${m.offsets.join(',')}`;
    case 'lie':
      return `${m.key} stated as ${m.value}`;
    case 'omit':
      return `${m.key} left out`;
    case 'weights':
      return `weights filled with ${m.fill === 'nan' ? 'NaN' : 'random bytes'}`;
  }
}

/** Writes the mutated file; `lie` and `omit` are written by the test-model writer so the rest stays consistent. */
export async function writeMutatedModel(
  file: string,
  model: HonestModel,
  m: GgufMutation,
  seed: number,
): Promise<void> {
  switch (m.kind) {
    case 'truncate':
      fs.writeFileSync(file, model.bytes.subarray(0, m.length));
      return;
    case 'flip-header': {
      const bytes = Buffer.from(model.bytes);
      m.offsets.forEach((offset, i) => (bytes[offset] = m.values[i]!));
      fs.writeFileSync(file, bytes);
      return;
    }
    case 'lie':
      await writeTestModel(file, { preset: 'tiny', type: 'q8_0', headerLies: { [m.key]: m.value } });
      return;
    case 'omit':
      await writeTestModel(file, { preset: 'tiny', type: 'q8_0', omitKeys: [m.key] });
      return;
    case 'weights': {
      const bytes = Buffer.from(model.bytes);
      const dataStart = Math.ceil(model.headerEnd / 32) * 32;
      if (m.fill === 'nan') bytes.fill(0xff, dataStart);
      else {
        const random = mulberry32(seed);
        for (let i = dataStart; i < bytes.length; i++) bytes[i] = Math.floor(random() * 256);
      }
      fs.writeFileSync(file, bytes);
      return;
    }
  }
}

export type CaseOutcome =
  | { kind: 'refused'; step: 'list' | 'load'; text: string }
  | { kind: 'ran'; text: string }
  | { kind: 'lost'; why: string };

/** Text that means a message reached the user without being made into a sentence about the file. */
const LEAKED = /BigInt|NaN cannot|undefined|Cannot read prop|is not a function|ERR_[A-Z_]+|\bat .*\.(ts|js):\d+/;

/** How long one step may take before the case counts as a hang. */
export const STEP_LIMIT_MS = 60_000;

async function withinLimit<T>(work: Promise<T>, step: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new HangError(step)), STEP_LIMIT_MS);
  });
  try {
    return await Promise.race([work, limit]);
  } finally {
    clearTimeout(timer);
  }
}

class HangError extends Error {
  constructor(readonly step: string) {
    super(`${step} did not settle within ${STEP_LIMIT_MS / 1000} s`);
  }
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Takes one file (already in the models folder of `dataDir`) through what the app does with it, and says how it
 * ended. A refusal must name the file; any leaked internal text or hang is a loss.
 */
export async function tryModelFile(llm: LanguageEngine, dataDir: string, file: string): Promise<CaseOutcome> {
  const name = path.basename(file);
  const library = new ModelLibrary({
    dataDir,
    appDir: path.join(dataDir, 'no-app-models'),
    probe: (f, o) => llm.probeFile(f, o),
    crashes: llm.crashes!,
  });
  try {
    const listed = (await withinLimit(library.list(), 'listing the models folder')).find((m) => m.fileName === name);
    if (!listed) return { kind: 'lost', why: `${name} is missing from the list` };
    if (listed.problem) {
      const text = recordedText(listed.problem).en;
      if (LEAKED.test(text) || !text.includes(name)) return { kind: 'lost', why: `listed with: ${text}` };
      return { kind: 'refused', step: 'list', text };
    }
  } catch (error) {
    return { kind: 'lost', why: `listing failed: ${errorText(error)}` };
  }
  try {
    await withinLimit(llm.load(file, { gpuLayers: 0, contextSize: 256 }), 'loading');
  } catch (error) {
    const text = errorText(error);
    if (error instanceof HangError || LEAKED.test(text)) return { kind: 'lost', why: `load: ${text}` };
    return { kind: 'refused', step: 'load', text };
  }
  try {
    const result = await withinLimit(
      llm.model.generate({
        prompt: { format: 'plain', text: 'The client' },
        maxTokens: 8,
        temperature: 0.7,
        seed: 1,
        constraint: { jsonSchema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } },
      }),
      'generating',
    );
    return { kind: 'ran', text: `${result.tokens} token(s)` };
  } catch (error) {
    const text = errorText(error);
    if (error instanceof HangError || LEAKED.test(text)) return { kind: 'lost', why: `generate: ${text}` };
    // A generation that fails inside llama.cpp is answered with its failure named: the app survives it.
    return { kind: 'ran', text: `failed, named: ${text}` };
  }
}

/** After a case: an honest model still loads and generates, so nothing the file did outlived it. */
export async function engineStillServes(llm: LanguageEngine, honestFile: string): Promise<string | null> {
  try {
    await withinLimit(llm.load(honestFile, { gpuLayers: 0, contextSize: 256 }), 'loading the honest model');
    const result = await withinLimit(
      llm.model.generate({ prompt: { format: 'plain', text: 'Hello' }, maxTokens: 2, temperature: 0 }),
      'generating with the honest model',
    );
    return result.tokens > 0 ? null : 'the honest model generated nothing';
  } catch (error) {
    return `the honest model failed afterwards: ${errorText(error)}`;
  }
}

export interface SweepTally {
  tried: number;
  refused: number;
  ran: number;
  lost: { name: string; why: string }[];
}

/** Runs `count` mutations of the sweep `seed` through the app, checking the engine after every `checkEvery`. */
export async function ggufSweep(
  llm: LanguageEngine,
  dataDir: string,
  options: { seed: number; count: number; checkEvery?: number; onCase?: (name: string, o: CaseOutcome) => void },
): Promise<SweepTally> {
  const work = path.join(dataDir, 'sweep-work');
  fs.mkdirSync(work, { recursive: true });
  const model = await honestTinyModel(work);
  const honestFile = path.join(work, 'honest-tiny.gguf');
  const folder = userModelsDir(dataDir);
  const tally: SweepTally = { tried: 0, refused: 0, ran: 0, lost: [] };
  for (let i = 0; i < options.count; i++) {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    const m = ggufMutation(options.seed, i, model);
    const file = path.join(folder, `case-${options.seed}-${i}.gguf`);
    await writeMutatedModel(file, model, m, options.seed * 7919 + i);
    const outcome = await tryModelFile(llm, dataDir, file);
    const name = `#${i} ${describeMutation(m)}`;
    options.onCase?.(name, outcome);
    tally.tried++;
    if (outcome.kind === 'lost') tally.lost.push({ name, why: outcome.why });
    else if (outcome.kind === 'refused') tally.refused++;
    else tally.ran++;
    if ((i + 1) % (options.checkEvery ?? 1) === 0 || i === options.count - 1) {
      await llm.unload().catch(() => undefined);
      const broken = await engineStillServes(llm, honestFile);
      if (broken) tally.lost.push({ name: `after ${name}`, why: broken });
      await llm.unload().catch(() => undefined);
    }
  }
  return tally;
}
