// One measurement of the app's language engine, run as a child process by native-llama-bench.ts so that each
// variant starts in a fresh process with its own environment (UV_THREADPOOL_SIZE and ADVISOR_DESK_LLM_THREADS only
// act when a process starts). Prints one `RESULT {json}` line; prints GEN_START / GEN_END around the generation so
// a parent can watch its own event loop while this process generates.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import {
  getLlama,
  LlamaCompletion,
  LlamaContextSequence,
  LlamaLogLevel,
  type LlamaModel,
  type Token,
} from 'node-llama-cpp';
import type { ClientRanking } from '../../app/contract/engine-channels';
import type { PitchDraftView } from '../../app/contract/pitch-channels';
import type { ClientPage } from '../../app/domain';
import { dispatch } from '../../app/contract/dispatch';
import { openBackend } from '../../main/backend/open-backend';
import { LlmRuntime } from '../../main/llm/llm-runtime';

export type ProbeMode =
  /** LlmRuntime as the app loads it, then a completion with the pitch service's sampling and callbacks. */
  | 'app-generate'
  /** getLlama + createContext + sequence.evaluate, greedy, nothing else. */
  | 'bare-evaluate'
  /** A whole pitch draft through openBackend and dispatch, as the editor starts it. */
  | 'app-draft';

export interface ProbeRequest {
  mode: ProbeMode;
  modelPath: string;
  threads: number;
  promptTokens: number;
  generateTokens: number;
}

export interface ProbeResult {
  promptTokens: number;
  generatedTokens: number;
  firstTokenMs: number;
  tokensPerSecond: number;
  totalMs: number;
  /** The thread count the engine generated with (measured at load when the request's count is 0). */
  threads?: number;
  /** Event-loop delay of this process during the generation (ms). */
  loop: { p50: number; p99: number; max: number };
}

const FILLER =
  'The client is a retired teacher who wants steady income from low risk products, keeps a cash reserve for two years of expenses and prefers funds with clear fees. ';

function promptTokensOf(model: LlamaModel, n: number): Token[] {
  const base = model.tokenize(FILLER, false);
  const out: Token[] = [];
  while (out.length < n) out.push(...base);
  const bos = model.tokens.bos;
  return bos !== null ? [bos, ...out.slice(0, n - 1)] : out.slice(0, n);
}

function loopMonitor() {
  const h = monitorEventLoopDelay({ resolution: 2 });
  return {
    start: () => h.enable(),
    stop: () => {
      h.disable();
      const ms = (ns: number) => ns / 1e6;
      return { p50: ms(h.percentile(50)), p99: ms(h.percentile(99)), max: ms(h.max) };
    },
  };
}

async function appGenerate(req: ProbeRequest): Promise<ProbeResult> {
  const runtime = new LlmRuntime({ onStatus: () => undefined, hashOf: async () => 'bench' });
  await runtime.load(req.modelPath, { gpuLayers: 'auto', contextSize: 'auto' });
  const loaded = runtime.current();
  if (!loaded) throw new Error('the model did not load');
  const sequence = loaded.context.getSequence();
  // A text that tokenizes back to about the asked length; the meter below reports the exact count evaluated.
  let text = loaded.model.detokenize(promptTokensOf(loaded.model, req.promptTokens).slice(1));
  const words = FILLER.split(' ');
  for (let i = 0; loaded.model.tokenize(text).length < req.promptTokens - 1; i++) text += ` ${words[i % words.length]}`;
  const completion = new LlamaCompletion({ contextSequence: sequence, autoDisposeSequence: false });
  const loop = loopMonitor();
  let first = 0;
  let tokens = 0;
  let streamed = '';
  process.stdout.write('GEN_START\n');
  loop.start();
  const start = performance.now();
  // The pitch service's sampling and per-token callbacks, without its grammar (the draft below has it).
  await completion.generateCompletion(text, {
    maxTokens: req.generateTokens,
    temperature: 0.7,
    seed: 1,
    onTextChunk: (chunk) => {
      streamed += chunk;
    },
    onToken: (t) => {
      if (tokens === 0) first = performance.now();
      tokens += t.length;
    },
  });
  const end = performance.now();
  const delay = loop.stop();
  process.stdout.write('GEN_END\n');
  void streamed;
  // The meter counts a decoded token as output when its logits are read: the prompt's last token and every fed-back
  // generated token are output, so the prompt is the input count plus one.
  const promptTokens = sequence.tokenMeter.usedInputTokens + 1;
  const threads = loaded.threads;
  completion.dispose({ disposeSequence: false });
  await runtime.dispose();
  return {
    promptTokens,
    generatedTokens: tokens,
    firstTokenMs: first - start,
    tokensPerSecond: ((tokens - 1) * 1000) / (end - first),
    totalMs: end - start,
    threads,
    loop: delay,
  };
}

async function bareEvaluate(req: ProbeRequest): Promise<ProbeResult> {
  const llama = await getLlama({ gpu: 'auto', build: 'never', maxThreads: req.threads, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: req.modelPath, gpuLayers: 'auto' });
  const context = await model.createContext({ contextSize: 4096, threads: req.threads, sequences: 1 });
  const sequence = context.getSequence();
  const prompt = promptTokensOf(model, req.promptTokens);
  const loop = loopMonitor();
  let first = 0;
  let tokens = 0;
  process.stdout.write('GEN_START\n');
  loop.start();
  const start = performance.now();
  for await (const token of sequence.evaluate(prompt, { temperature: 0 })) {
    void token;
    if (++tokens === 1) first = performance.now();
    if (tokens >= req.generateTokens) break;
  }
  const end = performance.now();
  const delay = loop.stop();
  process.stdout.write('GEN_END\n');
  await context.dispose();
  await model.dispose();
  return {
    promptTokens: prompt.length,
    generatedTokens: tokens,
    firstTokenMs: first - start,
    tokensPerSecond: ((tokens - 1) * 1000) / (end - first),
    totalMs: end - start,
    loop: delay,
  };
}

interface Done {
  requestId: string;
  outcome: string;
  version: number | null;
}

/** The editor's "Draft" button: pitch:start on a suitable demo pair, timed to pitch:done. */
async function appDraft(req: ProbeRequest): Promise<ProbeResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-gen-bench-'));
  const backend = openBackend({
    user: { firstActiveAdministrator: true },
    dataDir: dir,
    mode: 'browser',
    now: () => new Date('2026-11-28T09:00:00.000Z'),
  });
  const value = async <T>(channel: string, input: unknown): Promise<T> => {
    const r = await dispatch(backend.handlers, channel, input);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  // The pitch service disposes its sequence when a draft ends; counting there gives the prompt the chat template made.
  const meters: { input: number; output: number }[] = [];
  const dispose = LlamaContextSequence.prototype.dispose;
  LlamaContextSequence.prototype.dispose = function (this: LlamaContextSequence) {
    meters.push({ input: this.tokenMeter.usedInputTokens, output: this.tokenMeter.usedOutputTokens });
    return dispose.call(this);
  };
  const done = new Map<string, (d: Done) => void>();
  backend.subscribe((event, payload) => {
    if (event === 'pitch:done') done.get((payload as Done).requestId)?.(payload as Done);
  });
  try {
    await value('llm:load', { path: req.modelPath });
    const page = await value<ClientPage>('clients:list', { limit: 20 });
    let pair: { clientId: string; productId: string } | null = null;
    for (const c of page.rows) {
      const ranking = await value<ClientRanking>('recommendations:for-client', { clientId: c.id, top: 1 });
      if (ranking.ranked[0]) {
        pair = { clientId: c.id, productId: ranking.ranked[0].productId };
        break;
      }
    }
    if (!pair) throw new Error('no suitable demo pair to draft for');
    const loop = loopMonitor();
    process.stdout.write('GEN_START\n');
    loop.start();
    const start = performance.now();
    const started = await value<{ requestId: string; draftId: string }>('pitch:start', {
      ...pair,
      settings: { language: 'en', tone: 'warm', length: 'short' },
    });
    const finished = await new Promise<Done>((resolve) => done.set(started.requestId, resolve));
    const end = performance.now();
    const delay = loop.stop();
    process.stdout.write('GEN_END\n');
    if (finished.outcome !== 'completed') throw new Error(`draft ended ${finished.outcome}`);
    const view = await value<PitchDraftView>('pitch:get', { draftId: started.draftId });
    const provenance = view.versions.at(-1)!.provenance;
    const meter = meters.at(-1) ?? { input: 0, output: 0 };
    const generated = provenance.generatedTokens ?? meter.output;
    // The engine runs in its own process, where this process's meter cannot see: the draft records its prompt length.
    const recorded = provenance.settings.promptTokens;
    return {
      promptTokens: typeof recorded === 'number' ? recorded : meter.input + 1,
      generatedTokens: generated,
      firstTokenMs: Number.NaN,
      tokensPerSecond: Number.NaN,
      totalMs: end - start,
      loop: delay,
    };
  } finally {
    LlamaContextSequence.prototype.dispose = dispose;
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const request = JSON.parse(process.env.ENGINE_PROBE ?? 'null') as ProbeRequest | null;
if (request) {
  const run = { 'app-generate': appGenerate, 'bare-evaluate': bareEvaluate, 'app-draft': appDraft }[request.mode];
  const result = await run(request);
  process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
  process.exit(0);
}
