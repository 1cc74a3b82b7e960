// Does node-llama-cpp create OS threads for every decode, and on which threads does it run them?
// Runs a bare evaluate loop under strace at 1 and 2 threads, with Node's default libuv pool and with
// UV_THREADPOOL_SIZE=1, and counts clone() calls during generation and the distinct threads that made them (the
// libuv pool threads that ran a decode). `npx tsx test/bench/investigations/decode-threads.ts`; needs strace.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getLlama, LlamaLogLevel } from 'node-llama-cpp';
import { testModelPath } from '../../fixtures/test-models';

const TOKENS = 48;

async function child(threads: number): Promise<void> {
  const llama = await getLlama({ gpu: 'auto', build: 'never', maxThreads: threads, logLevel: LlamaLogLevel.error });
  const model = await llama.loadModel({ modelPath: process.env.MODEL_PATH! });
  const context = await model.createContext({ contextSize: 1024, threads, sequences: 1 });
  const prompt = model.tokenize('The client wants steady income from low risk products and clear fees.');
  let n = 0;
  // Markers in the trace: everything between the two writes is generation.
  fs.writeSync(1, 'MARK-START\n');
  for await (const token of context.getSequence().evaluate(prompt, { temperature: 0 })) {
    void token;
    if (++n >= TOKENS) break;
  }
  fs.writeSync(1, 'MARK-END\n');
  process.exit(0);
}

function traced(modelPath: string, threads: number, env: Record<string, string>): string {
  const trace = path.join(os.tmpdir(), `decode-threads-${process.pid}-${threads}.trace`);
  const self = fileURLToPath(import.meta.url);
  spawnSync(
    'strace',
    [
      '-f',
      '-qq',
      '-e',
      'trace=clone,clone3,write',
      '-o',
      trace,
      process.execPath,
      '--import',
      'tsx',
      self,
      '--child',
      String(threads),
    ],
    { env: { ...process.env, ...env, MODEL_PATH: modelPath }, stdio: 'ignore' },
  );
  const lines = fs.readFileSync(trace, 'utf8').split('\n');
  fs.rmSync(trace, { force: true });
  const start = lines.findIndex((l) => l.includes('MARK-START'));
  const end = lines.findIndex((l) => l.includes('MARK-END'));
  const during = lines.slice(start, end).filter((l) => /\bclone3?\(/.test(l) && !l.includes('resumed'));
  const callers = new Set(during.map((l) => l.split(/\s+/)[0]));
  return `${during.length} clone() calls for ${TOKENS} tokens (${(during.length / TOKENS).toFixed(2)} per token), made by ${callers.size} distinct thread(s)`;
}

if (process.argv.includes('--child')) {
  await child(Number(process.argv.at(-1)));
} else if (spawnSync('strace', ['-V'], { stdio: 'ignore' }).status !== 0) {
  console.log('skipped: strace is not installed');
} else {
  const modelPath = await testModelPath({ preset: '0.5b', type: 'q8_0' });
  for (const threads of [1, 2])
    for (const [label, env] of [
      ['Node defaults', {}],
      ['UV_THREADPOOL_SIZE=1', { UV_THREADPOOL_SIZE: '1' }],
    ] as const)
      console.log(
        `${threads} thread(s), ${label}: ${traced(modelPath, threads, env)} (load ${os.loadavg()[0]!.toFixed(2)})`,
      );
}
