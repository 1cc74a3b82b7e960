import fs from 'node:fs';
import path from 'node:path';
import type { LlmStatus } from '../../app/contract/llm-channels';
import type { PitchDraftView, PitchVersionView } from '../../app/contract/pitch-channels';
import type { Result } from '../../app/contract/result';
import { LANGUAGES, type Language } from '../../app/domain/enums';
import { renderMessage, type Message } from '../../app/messages';
import { PITCH_LENGTHS, PITCH_TONES, type PitchLength, type PitchTone } from '../../app/pitch/pitch-types';
import type { BackendConnection } from '../host/backend-connection';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';

/** `advisor-desk draft`: one pitch for a client and a suitable product, from a model file or the template. */

export const DRAFT_USAGE =
  'advisor-desk draft --client ID --product ID [--model FILE [--lora FILE] [--lora-scale X]] [--lang en|zh-CN] [--tone formal|warm|concise] [--length short|medium|long] [--json]';

export interface DraftCommand {
  client?: string | undefined;
  product?: string | undefined;
  model?: string | undefined;
  lora?: string | undefined;
  loraScale?: string | undefined;
  lang?: string | undefined;
  tone?: string | undefined;
  length?: string | undefined;
  json: boolean;
}

interface Done {
  requestId: string;
  draftId: string;
  outcome: 'completed' | 'stopped' | 'failed';
  version: number | null;
  error: Message | null;
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if (!(allowed as readonly string[]).includes(value))
    throw usageError(`--${name} must be one of ${allowed.join(', ')}, got "${value}".`);
  return value as T;
}

async function value<T>(
  backend: BackendConnection,
  channel: string,
  input: unknown,
  refusedExit: number = EXIT.usage,
): Promise<T> {
  const r: Result<unknown> = await backend.invoke(channel, input);
  if (r.ok) return r.value as T;
  if (r.error.code === 'not_found') throw new CliError(EXIT.notFound, r.error.message);
  if (r.error.code === 'validation' || r.error.code === 'bad_request') throw new CliError(refusedExit, r.error.message);
  throw new CliError(EXIT.other, r.error.message);
}

function versionLines(draft: PitchDraftView, v: PitchVersionView, language: Language): string[] {
  const text = (t: { en: string; zh: string }) => (language === 'zh-CN' ? t.zh : t.en);
  const p = v.provenance;
  const blocking = v.issues.filter((i) => i.severity === 'blocking');
  const lines = [
    `Draft ${draft.id}, version ${v.version}: ${text(v.label)}`,
    '',
    v.content.headline,
    '',
    v.content.body,
    '',
    'Key points:',
    ...v.content.keyPoints.map((k) => `  - ${k}`),
    'Risks:',
    ...v.content.risks.map((r) => `  - ${r}`),
    `Next step: ${v.content.nextStep}`,
    '',
    v.issues.length === 0
      ? 'Lint: no problems; can be approved.'
      : `Lint: ${blocking.length} blocking, ${v.issues.length - blocking.length} warning${blocking.length > 0 ? '; cannot be approved until the blocking ones are fixed' : '; can be approved'}.`,
    ...v.issues.map(
      (i) => `  [${i.severity}] ${i.ruleId}: ${text(i.message)}${i.spans[0] ? ` ("${i.spans[0].text}")` : ''}`,
    ),
    '',
    'Provenance:',
    `  source          ${p.source}`,
  ];
  if (p.source === 'model') {
    lines.push(
      `  model file      ${p.modelFile ?? '-'}`,
      `  model sha256    ${p.modelSha256 ?? '-'}`,
      ...(typeof p.settings.loraFile === 'string'
        ? [
            `  LoRA adapter    ${p.settings.loraFile} sha256 ${String(p.settings.loraSha256)} scale ${String(p.settings.loraScale)}`,
          ]
        : []),
      `  prompt sha256   ${p.promptHash ?? '-'}`,
      `  settings        ${Object.entries(p.settings)
        .map(([k, x]) => `${k}=${String(x)}`)
        .join(' ')}`,
      `  tokens          ${p.generatedTokens ?? '-'} in ${p.millis ?? '-'} ms`,
      `  facts dropped   ${p.droppedFacts.length === 0 ? 'none' : p.droppedFacts.join(', ')}`,
    );
  } else {
    lines.push(
      `  settings        ${Object.entries(p.settings)
        .map(([k, x]) => `${k}=${String(x)}`)
        .join(' ')}`,
    );
  }
  return lines;
}

/** --lora FILE [--lora-scale X]: only with --model (the adapter is applied to the model as it loads). */
function loraOption(c: DraftCommand): { path: string; scale: number } | null {
  if (c.lora === undefined) {
    if (c.loraScale !== undefined) throw usageError('--lora-scale needs --lora FILE.');
    return null;
  }
  if (c.model === undefined)
    throw usageError(`--lora applies an adapter to the model named by --model; give both. Usage: ${DRAFT_USAGE}`);
  const scale = c.loraScale === undefined ? 1 : Number(c.loraScale);
  if (c.loraScale !== undefined && (c.loraScale.trim() === '' || !Number.isFinite(scale) || scale < 0 || scale > 4))
    throw usageError(`--lora-scale must be a number from 0 to 4, got "${c.loraScale}".`);
  const loraPath = path.resolve(c.lora);
  if (!fs.existsSync(loraPath)) throw new CliError(EXIT.notFound, `No LoRA adapter file at ${loraPath}.`);
  return { path: loraPath, scale };
}

/**
 * Loads the model if one is named (its specific problem is printed and the exit is 5 when the file cannot be
 * loaded), drafts, waits for the end of the stream and prints the version, its lint and where it came from.
 * An unsuitable product is refused (exit 5) and nothing is drafted.
 */
export async function runDraft(io: CliIo, backend: BackendConnection, c: DraftCommand): Promise<void> {
  if (!c.client || !c.product) throw usageError(`Which client and product? Usage: ${DRAFT_USAGE}`);
  const language = oneOf<Language>(c.lang, 'lang', LANGUAGES, 'en');
  const tone = oneOf<PitchTone>(c.tone, 'tone', PITCH_TONES, 'warm');
  const length = oneOf<PitchLength>(c.length, 'length', PITCH_LENGTHS, 'medium');
  const lora = loraOption(c);

  if (c.model !== undefined) {
    const modelPath = path.resolve(c.model);
    if (!fs.existsSync(modelPath)) throw new CliError(EXIT.notFound, `No model file at ${modelPath}.`);
    const loaded = await backend.invoke('llm:load', { path: modelPath, ...(lora ? { lora } : {}) });
    // Whatever stops the file from loading (its header, memory, llama.cpp refusing or dying on it) is exit 5.
    if (!loaded.ok) throw new CliError(EXIT.inputRefused, loaded.error.message);
    const status = loaded.value as LlmStatus;
    if (status.state !== 'loaded')
      throw new CliError(EXIT.inputRefused, `${path.basename(modelPath)} was not loaded (${status.state}).`);
    if (!c.json)
      io.stderr(
        `Loaded ${path.basename(modelPath)}${status.lora ? ` with the LoRA adapter ${status.lora.file} (scale ${status.lora.scale})` : ''} on ${status.backend === 'cpu' ? 'the CPU' : `${status.backend} (${status.gpuLayers}/${status.totalLayers} layers on ${status.gpuName ?? 'the GPU'})`}, context ${status.contextSize} tokens, ${status.threads} threads.\n`,
      );
  }

  const finished = new Map<string, Done>();
  let waiting: { requestId: string; resolve: (d: Done) => void } | null = null;
  const unsubscribe = backend.subscribe((event, payload) => {
    if (event !== 'pitch:done') return;
    const done = payload as Done;
    finished.set(done.requestId, done);
    if (waiting?.requestId === done.requestId) waiting.resolve(done);
  });
  try {
    const started = await value<{ requestId: string; draftId: string }>(
      backend,
      'pitch:start',
      {
        clientId: c.client,
        productId: c.product,
        settings: { language, tone, length },
        source: c.model !== undefined ? 'model' : 'template',
      },
      EXIT.inputRefused,
    );
    const done =
      finished.get(started.requestId) ??
      (await new Promise<Done>((resolve) => (waiting = { requestId: started.requestId, resolve })));
    if (done.outcome !== 'completed' || done.version === null) {
      throw new CliError(
        EXIT.other,
        done.error ? renderMessage(done.error, language) : `The draft ended ${done.outcome} without a version.`,
      );
    }
    const draft = await value<PitchDraftView>(backend, 'pitch:get', { draftId: done.draftId });
    const version =
      draft.versions.find((v) => v.version === done.version) ?? draft.versions[draft.versions.length - 1]!;
    if (c.json)
      io.stdout(
        `${JSON.stringify({ draftId: draft.id, clientId: draft.clientId, productId: draft.productId, language: draft.language, ...version }, null, 2)}\n`,
      );
    else io.stdout(`${versionLines(draft, version, language).join('\n')}\n`);
  } finally {
    unsubscribe();
  }
}
