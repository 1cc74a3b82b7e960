// BENCH_ONLY=native: native llama.cpp (`llama-bench`, built once from node-llama-cpp's own llama.cpp source) and the
// app's language engine side by side, in one run, on the same generated 0.5B-shaped Q8_0 file, interleaved round by
// round, at 1 and 2 threads; then whole pitch drafts timed against what native figures imply, and the event-loop
// delay of the process that would host the window. Every sample is printed with the 1-minute load average, because
// these machines are shared: compare ratios within one run, never figures across runs.
//
// Environment: BENCH_NATIVE_ROUNDS (default 3), BENCH_NATIVE_DRAFT_ROUNDS (default 3; 0 skips the drafts),
// BENCH_NATIVE_ENGINE=off (native rounds only, then the drafts: the quick way to the draft ratio on a busy machine).
import { spawn } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { testModelPath } from '../fixtures/test-models';
import type { ProbeMode, ProbeRequest, ProbeResult } from './engine-probe';
import { nativeLlamaBench } from './native-llama-build';
import { median } from './stats';

const ROUNDS = Math.max(1, Number(process.env.BENCH_NATIVE_ROUNDS ?? 3));
const DRAFT_ROUNDS = Math.max(0, Number(process.env.BENCH_NATIVE_DRAFT_ROUNDS ?? 3));
const THREADS = [1, 2] as const;
const PROMPT = 512;
const GENERATE = 64;

interface Sample {
  value: number;
  load: number;
}

/** One measured layout of the engine: which probe, in a process started with which environment and flags. */
interface EngineVariant {
  key: string;
  label: string;
  mode: ProbeMode;
  env: Record<string, string>;
  nodeFlags?: string[];
}

const ENGINE_VARIANTS: EngineVariant[] = [
  {
    key: 'bare-uv1',
    label: '(b) bare evaluate loop, own process, UV_THREADPOOL_SIZE=1',
    mode: 'bare-evaluate',
    env: { UV_THREADPOOL_SIZE: '1' },
  },
  {
    key: 'app-uv1',
    label: "(c) app's engine at this fixed count, own process, UV_THREADPOOL_SIZE=1",
    mode: 'app-generate',
    env: { UV_THREADPOOL_SIZE: '1' },
  },
];

/** The app as it runs: the engine's own process settings, and the thread count it measures after loading. */
const AS_THE_APP_RUNS: EngineVariant = {
  key: 'app-measured',
  label: "(a) app's engine as the app runs it (own process, UV_THREADPOOL_SIZE=1, threads measured at load)",
  mode: 'app-generate',
  env: { UV_THREADPOOL_SIZE: '1' },
};

const load1 = (): number => os.loadavg()[0]!;
const f1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '-');
const med = (xs: Sample[]): number => median(xs.map((s) => s.value));
const loads = (xs: Sample[]): string => xs.map((s) => s.load.toFixed(1)).join('/');

function runNative(binary: string, modelPath: string, threads: number): Promise<{ pp: number; tg: number }> {
  return new Promise((resolve, reject) => {
    const args = [
      '-m',
      modelPath,
      '-t',
      String(threads),
      '-p',
      String(PROMPT),
      '-n',
      String(GENERATE),
      '-r',
      '1',
      '-o',
      'json',
    ];
    const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`llama-bench exited ${code}: ${err.slice(-400)}`));
      const rows = JSON.parse(out) as { n_prompt: number; n_gen: number; avg_ts: number }[];
      const pp = rows.find((r) => r.n_prompt > 0 && r.n_gen === 0)?.avg_ts ?? Number.NaN;
      const tg = rows.find((r) => r.n_gen > 0 && r.n_prompt === 0)?.avg_ts ?? Number.NaN;
      resolve({ pp, tg });
    });
  });
}

/**
 * Runs one probe in a child process. While the child generates (between its GEN_START and GEN_END lines) this
 * process watches its own event loop: that is the window's process when the engine lives in a process of its own.
 */
function runProbe(
  request: ProbeRequest,
  env: Record<string, string>,
  nodeFlags: string[] = [],
): Promise<{ result: ProbeResult; hostLoop: ProbeResult['loop'] }> {
  const probe = fileURLToPath(new URL('./engine-probe.ts', import.meta.url));
  const histogram = monitorEventLoopDelay({ resolution: 2 });
  return new Promise((resolve, reject) => {
    const inherited = { ...process.env };
    delete inherited.ADVISOR_DESK_LLM_THREADS;
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', probe], {
      env: {
        ...inherited,
        ...env,
        // 0: leave the count to the engine's own measurement, as the app does.
        ...(request.threads > 0 ? { ADVISOR_DESK_LLM_THREADS: String(request.threads) } : {}),
        ENGINE_PROBE: JSON.stringify(request),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      if (text.includes('GEN_START')) histogram.enable();
      if (text.includes('GEN_END')) histogram.disable();
      out += text;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      histogram.disable();
      const line = out.split('\n').find((l) => l.startsWith('RESULT '));
      if (code !== 0 || !line)
        return reject(new Error(`engine probe ${request.mode} exited ${code}: ${out.slice(-400)}`));
      const ms = (ns: number) => ns / 1e6;
      resolve({
        result: JSON.parse(line.slice(7)) as ProbeResult,
        hostLoop: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max) },
      });
    });
  });
}

type Table = Map<string, Sample[]>;
const push = (table: Table, key: string, sample: Sample) => table.set(key, [...(table.get(key) ?? []), sample]);

export async function benchNativeComparison(): Promise<void> {
  const log = (line: string) => console.log(line);
  log(
    `native vs app generation bench: ${os.availableParallelism()} logical cores, ${os.cpus()[0]?.model ?? 'CPU'}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const build = nativeLlamaBench(log);
  if (!build.ok) {
    log(`native comparison skipped: ${build.reason}`);
    return;
  }
  log(`native: ${build.binary} (${build.note})`);
  const modelPath = await testModelPath({ preset: '0.5b', type: 'q8_0' });
  log(
    `model: ${modelPath} (0.5B-shaped Q8_0, random weights); prompt ${PROMPT} tokens, ${GENERATE} generated; ${ROUNDS} rounds, variants interleaved within each round`,
  );

  const table: Table = new Map();
  const loop: Record<string, ProbeResult['loop'][]> = {};
  const chosen: number[] = [];
  const request = (mode: ProbeMode, threads: number): ProbeRequest => ({
    mode,
    modelPath,
    threads,
    promptTokens: PROMPT,
    generateTokens: GENERATE,
  });
  const variants = process.env.BENCH_NATIVE_ENGINE === 'off' ? [] : ENGINE_VARIANTS;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const t of THREADS) {
      const native = await runNative(build.binary, modelPath, t);
      const l = load1();
      push(table, `native-tg/${t}`, { value: native.tg, load: l });
      push(table, `native-pp/${t}`, { value: native.pp, load: l });
      log(
        `  round ${round}, ${t} thread(s), native: tg64 ${f1(native.tg)} tok/s, pp512 ${f1(native.pp)} tok/s (load ${l.toFixed(2)})`,
      );
      for (const v of variants) {
        const { result, hostLoop } = await runProbe(request(v.mode, t), v.env, v.nodeFlags);
        const lv = load1();
        push(table, `${v.key}/${t}`, { value: result.tokensPerSecond, load: lv });
        push(table, `${v.key}-ttft/${t}`, { value: result.firstTokenMs, load: lv });
        push(table, `${v.key}-prompt/${t}`, { value: result.promptTokens, load: lv });
        (loop[`${v.key}/${t}/in`] ??= []).push(result.loop);
        (loop[`${v.key}/${t}/host`] ??= []).push(hostLoop);
        log(
          `  round ${round}, ${t} thread(s), ${v.label}: ${f1(result.tokensPerSecond)} tok/s, first token ${f1(result.firstTokenMs)} ms after ${result.promptTokens} prompt tokens (load ${lv.toFixed(2)})`,
        );
      }
    }
    if (variants.length > 0) {
      const v = AS_THE_APP_RUNS;
      const { result, hostLoop } = await runProbe(request(v.mode, 0), v.env);
      const lv = load1();
      push(table, v.key, { value: result.tokensPerSecond, load: lv });
      push(table, `${v.key}-ttft`, { value: result.firstTokenMs, load: lv });
      push(table, `${v.key}-prompt`, { value: result.promptTokens, load: lv });
      chosen.push(result.threads ?? 0);
      (loop[`${v.key}/host`] ??= []).push(hostLoop);
      log(
        `  round ${round}, ${v.label}: chose ${result.threads} thread(s), ${f1(result.tokensPerSecond)} tok/s, first token ${f1(result.firstTokenMs)} ms after ${result.promptTokens} prompt tokens (load ${lv.toFixed(2)})`,
      );
    }
  }

  // Native's best thread count, by generation speed (the figure users feel); its pp512 at that count too.
  const bestT = THREADS.reduce((a, b) =>
    med(table.get(`native-tg/${b}`)!) > med(table.get(`native-tg/${a}`)!) ? b : a,
  );
  const bestTg = med(table.get(`native-tg/${bestT}`)!);
  const bestPp = Math.max(...THREADS.map((t) => med(table.get(`native-pp/${t}`)!)));
  log('');
  log(
    `side by side (medians of ${ROUNDS} interleaved rounds; 1-min load average of each sample after the slash list); ratios to native's best: tg64 ${f1(bestTg)} tok/s at ${bestT} thread(s), pp512 ${f1(bestPp)} tok/s`,
  );
  log(`| | 1 thread | 2 threads |`);
  log(`|---|---|---|`);
  const cell = (key: string, t: number, ref: number) => {
    const xs = table.get(`${key}/${t}`)!;
    return `${f1(med(xs))} tok/s = ${(med(xs) / ref).toFixed(2)}× (load ${loads(xs)})`;
  };
  log(`| native tg64 | ${THREADS.map((t) => cell('native-tg', t, bestTg)).join(' | ')} |`);
  log(`| native pp512 | ${THREADS.map((t) => cell('native-pp', t, bestPp)).join(' | ')} |`);
  for (const v of variants)
    log(`| ${v.label}, generation | ${THREADS.map((t) => cell(v.key, t, bestTg)).join(' | ')} |`);
  if (table.has(AS_THE_APP_RUNS.key)) {
    const xs = table.get(AS_THE_APP_RUNS.key)!;
    const ttft = med(table.get(`${AS_THE_APP_RUNS.key}-ttft`)!);
    const implied = (med(table.get(`${AS_THE_APP_RUNS.key}-prompt`)!) / bestPp) * 1000;
    log('');
    log(
      `${AS_THE_APP_RUNS.label}: generation ${f1(med(xs))} tok/s = ${(med(xs) / bestTg).toFixed(2)}× native's best (target ≥ 0.9×); first token ${f1(ttft)} ms = ${(ttft / implied).toFixed(2)}× native pp at its best (target ≤ 1.2×); threads chosen per round ${chosen.join('/')} (load ${loads(xs)})`,
    );
  }
  for (const v of variants) {
    const ttft = (t: number) => {
      const ms = med(table.get(`${v.key}-ttft/${t}`)!);
      const implied = (med(table.get(`${v.key}-prompt/${t}`)!) / bestPp) * 1000;
      return `${f1(ms)} ms = ${(ms / implied).toFixed(2)}× native pp`;
    };
    log(`| ${v.label}, first token after ${PROMPT} | ${THREADS.map(ttft).join(' | ')} |`);
  }

  if (variants.length > 0) {
    log('');
    log('event-loop delay while generating (ms, medians over rounds of p50/p99/max):');
    const loopLine = (xs: ProbeResult['loop'][]) =>
      `p50 ${median(xs.map((x) => x.p50)).toFixed(2)}, p99 ${median(xs.map((x) => x.p99)).toFixed(2)}, max ${median(xs.map((x) => x.max)).toFixed(2)}`;
    for (const t of THREADS) {
      log(
        `  ${t} thread(s), generation in the engine's process, that process's own loop: ${loopLine(loop[`app-uv1/${t}/in`]!)}`,
      );
      log(
        `  ${t} thread(s), generation in a child process (UV_THREADPOOL_SIZE=1), parent's loop: ${loopLine(loop[`app-uv1/${t}/host`]!)}`,
      );
    }
    log(`  as the app runs it, parent's loop: ${loopLine(loop[`${AS_THE_APP_RUNS.key}/host`]!)}`);
  }

  if (DRAFT_ROUNDS > 0) await draftComparison(request, bestT, bestPp, bestTg, log);
  log(
    `load average after ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
}

/** Whole drafts (pitch:start to pitch:done, JSON grammar) against prompt/pp + generated/tg at native's best. */
async function draftComparison(
  request: (mode: ProbeMode, threads: number) => ProbeRequest,
  bestT: number,
  bestPp: number,
  bestTg: number,
  log: (line: string) => void,
): Promise<void> {
  // The backend in the probe's process, the engine in a process of its own (as openBackend starts it by default).
  const layouts: { label: string; threads: number; env: Record<string, string> }[] = [
    { label: 'as the app runs it (engine process, threads measured at load)', threads: 0, env: {} },
    ...THREADS.map((t) => ({ label: `engine process, fixed ${t} thread(s)`, threads: t, env: {} })),
  ];
  log('');
  log(
    `whole pitch drafts (short, English, JSON grammar), ${DRAFT_ROUNDS} interleaved rounds; native implied = prompt/${f1(bestPp)} + generated/${f1(bestTg)} (native at ${bestT} thread(s)), target ≤ 1.25×:`,
  );
  const ratios: Sample[][] = layouts.map(() => []);
  for (let round = 1; round <= DRAFT_ROUNDS; round++) {
    for (const [i, layout] of layouts.entries()) {
      const { result, hostLoop } = await runProbe(request('app-draft', layout.threads), layout.env);
      const implied = (result.promptTokens / bestPp + result.generatedTokens / bestTg) * 1000;
      const l = load1();
      ratios[i]!.push({ value: result.totalMs / implied, load: l });
      log(
        `  round ${round}, ${layout.label}: ${result.promptTokens} prompt + ${result.generatedTokens} generated tokens in ${(result.totalMs / 1000).toFixed(1)} s; native implies ${(implied / 1000).toFixed(1)} s: ${(result.totalMs / implied).toFixed(2)}× (load ${l.toFixed(2)}; event loop while drafting, ms: drafting process p50/p99/max ${result.loop.p50.toFixed(1)}/${result.loop.p99.toFixed(1)}/${result.loop.max.toFixed(1)}, parent process ${hostLoop.p50.toFixed(1)}/${hostLoop.p99.toFixed(1)}/${hostLoop.max.toFixed(1)})`,
      );
    }
  }
  for (const [i, layout] of layouts.entries())
    log(
      `  draft ${layout.label}: median ${med(ratios[i]!).toFixed(2)}× native-implied time (load ${loads(ratios[i]!)})`,
    );
}
