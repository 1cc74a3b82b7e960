import fs from 'node:fs';
import path from 'node:path';
import type { ModelFileInfo } from '../../app/contract/llm-channels';
import { writeTestModel, type TestModelPreset, type TestModelType } from '../../test/tooling/gguf-writer';
import { EngineClient } from '../engine/engine-client';
import { forkEngine } from '../engine/fork-engine';
import { LanguageEngine } from '../engine/language-engine';
import { EngineCrashes } from '../llm/engine-crashes';
import { ModelLibrary } from '../llm/model-library';
import { message, renderMessage, type Language } from '../../app/messages';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';
import { cliLanguage } from './cli-language';

/** `advisor-desk models list|inspect|make-test-model`. */

export const MODELS_USAGE =
  'advisor-desk models list [--json] [--lang en|zh-CN] | models inspect FILE [--json] [--lang en|zh-CN] | models make-test-model --out FILE [--preset tiny|0.5b] [--type f16|q8_0] [--plain] [--context N] [--seed N]';

export interface ModelsCommand {
  sub: string | undefined;
  rest: readonly string[];
  dataDir: string;
  json: boolean;
  /** The language of the fit and problem texts (`--lang`). */
  lang?: string | undefined;
  out?: string | undefined;
  preset?: string | undefined;
  type?: string | undefined;
  plain: boolean;
  context?: string | undefined;
  seed?: string | undefined;
}

const size = (bytes: number) =>
  bytes >= 1e9
    ? `${(bytes / 1e9).toFixed(2)} GB`
    : bytes >= 1e5
      ? `${(bytes / 1e6).toFixed(1)} MB`
      : `${bytes.toLocaleString('en-US')} bytes`;
const params = (n: number | null) =>
  n === null ? '-' : n >= 1e9 ? `${(n / 1e9).toFixed(1)}B` : `${Math.round(n / 1e6)}M`;

function describeLines(f: ModelFileInfo, language: Language): string[] {
  const lines = [
    `${f.fileName}  (${f.source})`,
    `  path           ${f.path}`,
    `  size           ${size(f.sizeBytes)}`,
    f.adapterFor !== null
      ? `  architecture   ${renderMessage(message('llm.adapterFor', { architecture: f.adapterFor }), language)} (draft --lora)`
      : `  architecture   ${f.architecture ?? '-'}`,
    `  parameters     ${params(f.parameterCount)}`,
    `  quantization   ${f.quantization ?? '-'}`,
    `  context length ${f.contextLength ?? '-'}`,
    `  chat template  ${f.hasChatTemplate ? 'yes' : 'no (plain prompt format)'}`,
    `  sha256         ${f.sha256 ?? '(not computed yet; run models inspect)'}`,
  ];
  if (f.fit) lines.push(`  fit            ${renderMessage(f.fit.summary, language)}`);
  if (f.problem) lines.push(`  PROBLEM        ${renderMessage(f.problem, language)}`);
  return lines;
}

function wholeNumber(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isInteger(n) || n < min || n > max)
    throw usageError(`--${name} must be a whole number from ${min} to ${max}, got "${value}".`);
  return n;
}

export async function runModels(io: CliIo, c: ModelsCommand): Promise<void> {
  // The native half of describing a file runs in an engine process, so a crafted file cannot abort this command:
  // it is reported as broken (exit 5) and remembered, like any other problem.
  const crashes = new EngineCrashes(c.dataDir);
  const engine = new LanguageEngine(new EngineClient(forkEngine({ dataDir: c.dataDir })), undefined, crashes);
  try {
    await models(
      io,
      c,
      new ModelLibrary({ dataDir: c.dataDir, crashes, probe: (file, options) => engine.probeFile(file, options) }),
    );
  } finally {
    await engine.dispose();
  }
}

async function models(io: CliIo, c: ModelsCommand, library: ModelLibrary): Promise<void> {
  const language = cliLanguage(c.lang);
  if (c.sub === 'list') {
    if (c.rest.length > 0)
      throw usageError(`Unexpected argument "${c.rest[0]}". Usage: advisor-desk models list [--json]`);
    const files = await library.list();
    if (c.json) {
      io.stdout(`${JSON.stringify(files, null, 2)}\n`);
      return;
    }
    const header = [`App models folder:  ${library.appDir}`, `Your models folder: ${library.userDir}`, ''];
    if (files.length === 0) {
      io.stdout(
        `${header.join('\n')}No .gguf files yet. Copy one into either folder, or run advisor-desk models make-test-model --out FILE.\n`,
      );
      return;
    }
    io.stdout(`${[...header, ...files.flatMap((f) => [...describeLines(f, language), ''])].join('\n')}`);
    return;
  }

  if (c.sub === 'inspect') {
    const [file, ...extra] = c.rest;
    if (!file) throw usageError('Which file? Usage: advisor-desk models inspect FILE [--json]');
    if (extra.length > 0)
      throw usageError(`Unexpected argument "${extra[0]}". Usage: advisor-desk models inspect FILE [--json]`);
    if (!fs.existsSync(file)) throw new CliError(EXIT.notFound, `No file at ${path.resolve(file)}.`);
    const info = await library.inspect(file);
    io.stdout(c.json ? `${JSON.stringify(info, null, 2)}\n` : `${describeLines(info, language).join('\n')}\n`);
    // The description is printed either way; the exit code lets a script tell a usable file from a broken one.
    if (info.problem) throw new CliError(EXIT.inputRefused, renderMessage(info.problem, language));
    return;
  }

  if (c.sub === 'make-test-model') {
    if (c.rest.length > 0) throw usageError(`Unexpected argument "${c.rest[0]}". Usage: ${MODELS_USAGE}`);
    if (!c.out)
      throw usageError(
        'Where to? Usage: advisor-desk models make-test-model --out FILE [--preset tiny|0.5b] [--type f16|q8_0]',
      );
    const preset = c.preset ?? 'tiny';
    if (preset !== 'tiny' && preset !== '0.5b') throw usageError(`--preset must be tiny or 0.5b, got "${preset}".`);
    const type = c.type ?? 'q8_0';
    if (type !== 'f16' && type !== 'q8_0') throw usageError(`--type must be f16 or q8_0, got "${type}".`);
    const contextLength = wholeNumber(c.context, 'context', 64, 1_048_576);
    const seed = wholeNumber(c.seed, 'seed', 0, 4_294_967_295);
    const started = Date.now();
    const written = await writeTestModel(c.out, {
      preset: preset as TestModelPreset,
      type: type as TestModelType,
      chatTemplate: !c.plain,
      ...(contextLength !== undefined ? { contextLength } : {}),
      ...(seed !== undefined ? { seed } : {}),
    });
    const result = {
      path: written.path,
      sizeBytes: written.sizeBytes,
      preset,
      type,
      chatTemplate: !c.plain,
      contextLength: written.shape.contextLength,
      ms: Date.now() - started,
    };
    io.stdout(
      c.json
        ? `${JSON.stringify(result, null, 2)}\n`
        : `Wrote ${written.path}: random-weight llama ${preset} model, ${type.toUpperCase()}, ${size(written.sizeBytes)}, context ${written.shape.contextLength}, ${c.plain ? 'no chat template' : 'ChatML template'}. For tests and benchmarks only: it writes nonsense.\n`,
    );
    return;
  }

  throw usageError(`Unknown models command "${c.sub ?? ''}". Usage: ${MODELS_USAGE}`);
}
