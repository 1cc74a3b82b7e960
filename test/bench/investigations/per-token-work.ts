// What each layer above a decode costs per generated token: decode alone, greedy evaluate, sampled evaluate (the
// pitch service's temperature), LlamaCompletion without and with the onTextChunk/onToken callbacks, and with the
// pitch's JSON grammar. One context, variants interleaved round by round, medians printed with the load average.
// `npx tsx test/bench/investigations/per-token-work.ts [threads]` (default 1), in a process started as the candidate
// engine process would be (for example with UV_THREADPOOL_SIZE=1 in front).
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import {
  getLlama,
  LlamaCompletion,
  LlamaLogLevel,
  type LlamaContextSequence,
  type LlamaGrammar,
  type Token,
} from 'node-llama-cpp';
import { pitchDraftJsonSchema } from '../../../app/pitch';
import { testModelPath } from '../../fixtures/test-models';
import { median } from '../stats';

const THREADS = Number(process.argv[2] ?? 1);
const TOKENS = 64;
const ROUNDS = 3;
const TEXT = 'The client is a retired teacher who wants steady income from low risk products and clear fees.';

const llama = await getLlama({ gpu: 'auto', build: 'never', maxThreads: THREADS, logLevel: LlamaLogLevel.error });
const model = await llama.loadModel({ modelPath: await testModelPath({ preset: '0.5b', type: 'q8_0' }) });
const context = await model.createContext({ contextSize: 2048, threads: THREADS, sequences: 1 });
const sequence = context.getSequence();
const grammar = await llama.createGrammarForJsonSchema(
  pitchDraftJsonSchema('short') as Parameters<typeof llama.createGrammarForJsonSchema>[0],
);
const prompt = model.tokenize(TEXT, false);

/** Tokens per second after the first generated token, so prompt processing is left out. */
type Run = (seq: LlamaContextSequence) => Promise<number>;

async function evaluateLoop(seq: LlamaContextSequence, options: { temperature: number }): Promise<number> {
  let n = 0;
  let first = 0;
  for await (const token of seq.evaluate(prompt, { ...options, seed: 1 })) {
    void token;
    if (++n === 1) first = performance.now();
    if (n >= TOKENS) break;
  }
  return ((n - 1) * 1000) / (performance.now() - first);
}

async function decodeOnly(seq: LlamaContextSequence): Promise<number> {
  await seq.evaluateWithoutGeneratingNewTokens(prompt);
  const token = prompt.at(-1) as Token;
  const t0 = performance.now();
  for (let i = 1; i < TOKENS; i++) await seq.evaluateWithoutGeneratingNewTokens([token]);
  return ((TOKENS - 1) * 1000) / (performance.now() - t0);
}

function completion(callbacks: boolean, withGrammar?: LlamaGrammar): Run {
  return async (seq) => {
    const c = new LlamaCompletion({ contextSequence: seq, autoDisposeSequence: false });
    let n = 0;
    let first = 0;
    let text = '';
    const count = () => {
      if (++n === 1) first = performance.now();
    };
    // Without callbacks the count still needs one hook: onToken only increments, as cheap as a hook can be.
    await c.generateCompletion(TEXT, {
      maxTokens: TOKENS,
      temperature: 0.7,
      seed: 1,
      ...(withGrammar ? { grammar: withGrammar } : {}),
      onToken: count,
      ...(callbacks ? { onTextChunk: (chunk: string) => void (text += chunk) } : {}),
    });
    c.dispose({ disposeSequence: false });
    return ((n - 1) * 1000) / (performance.now() - first);
  };
}

const variants: [string, Run][] = [
  ['decode only (no logits, no sampling)', decodeOnly],
  ['evaluate, greedy', (s) => evaluateLoop(s, { temperature: 0 })],
  ['evaluate, temperature 0.7', (s) => evaluateLoop(s, { temperature: 0.7 })],
  ['LlamaCompletion, onToken only', completion(false)],
  ['LlamaCompletion, onToken + onTextChunk (the app)', completion(true)],
  ['LlamaCompletion, callbacks + JSON grammar (the draft)', completion(true, grammar)],
];
const results = variants.map(() => [] as { value: number; load: number }[]);
for (let round = 0; round < ROUNDS; round++)
  for (const [i, [, run]] of variants.entries()) {
    await sequence.clearHistory();
    results[i]!.push({ value: await run(sequence), load: os.loadavg()[0]! });
  }
console.log(`${THREADS} thread(s), UV_THREADPOOL_SIZE=${process.env.UV_THREADPOOL_SIZE ?? '(default 4)'}:`);
for (const [i, [name]] of variants.entries()) {
  const xs = results[i]!;
  console.log(
    `  ${name}: median ${median(xs.map((x) => x.value)).toFixed(1)} tok/s (${xs.map((x) => `${x.value.toFixed(1)}@${x.load.toFixed(1)}`).join(', ')}; value@load)`,
  );
}
await context.dispose();
await model.dispose();
