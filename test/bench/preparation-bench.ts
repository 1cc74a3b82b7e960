// BENCH_ONLY=prepare: a day of 10 meetings prepared as the agenda's "Prepare the day" does (ranking, drafts for the
// top 3 suitable products, a pack per client), with the template engine and then with a generated 0.5B-shaped GGUF
// loaded in the engine process. The backend runs on this thread, as in the app's backend; its event-loop delay and
// the time to answer a client-list request while the job runs say how responsive the window stays.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { PreparationJobView } from '../../app/contract';
import { dispatch } from '../../app/contract/dispatch';
import type { Backend } from '../../main/backend/backend-types';
import { openBackend } from '../../main/backend/open-backend';
import type { TestModelPreset } from '../tooling/gguf-writer';
import { addMeetingDay, PREPARATION_DAY } from '../fixtures/preparation-day';
import { testModelPath } from '../fixtures/test-models';
import { buildCli } from '../integration/cli/build-cli';
import { fmt, median, percentile } from './stats';

const MEETINGS = Number(process.env.BENCH_PREPARE_MEETINGS ?? 10);
const TOP = Number(process.env.BENCH_PREPARE_TOP ?? 3);
const TOKENS = Number(process.env.BENCH_PREPARE_TOKENS ?? 128);
const PRESET = (process.env.BENCH_PREPARE_PRESET ?? '0.5b') as TestModelPreset;

const ms = (ns: number) => (ns / 1e6).toFixed(1);

async function value<T>(backend: Backend, channel: string, input: unknown): Promise<T> {
  const r = await dispatch(backend.handlers, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value as T;
}

async function prepareDay(backend: Backend, label: string): Promise<string[]> {
  const delay = monitorEventLoopDelay({ resolution: 1 });
  const answers: number[] = [];
  const doneAt = new Map<number, number>();
  let jobId = '';
  const started = performance.now();
  const ended = new Promise<PreparationJobView>((resolve) => {
    const stop = backend.subscribe((event, payload) => {
      if (event !== 'prepare:progress') return;
      const view = payload as PreparationJobView;
      if (view.id !== jobId) return;
      for (const item of view.items)
        if ((item.status === 'done' || item.status === 'failed') && !doneAt.has(item.position))
          doneAt.set(item.position, performance.now());
      if (view.state !== 'running') {
        stop();
        resolve(view);
      }
    });
  });
  delay.enable();
  // A window asking for the client list every 250 ms while the job runs.
  let probing = true;
  const probe = (async () => {
    while (probing) {
      const asked = performance.now();
      await value(backend, 'clients:list', { search: '', limit: 50 });
      answers.push(performance.now() - asked);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  jobId = (
    await value<PreparationJobView>(backend, 'prepare:start', {
      date: PREPARATION_DAY,
      timeZone: 'UTC',
      advisorId: 'ADV-TEST',
      top: TOP,
    })
  ).id;
  const end = await ended;
  const total = performance.now() - started;
  probing = false;
  await probe;
  delay.disable();
  const perClient: number[] = [];
  let previous = started;
  for (const at of [...doneAt.values()].sort((a, b) => a - b)) {
    perClient.push(at - previous);
    previous = at;
  }
  const drafts = end.items.reduce((n, i) => n + i.drafts.filter((d) => d.version !== null).length, 0);
  const attempted = end.items.reduce((n, i) => n + i.drafts.length, 0);
  const engine = end.engine?.kind === 'model' ? `model ${end.engine.file}` : 'templates';
  return [
    `prepare a day of ${end.total} meetings (${label}; ${engine}; top ${TOP}, ${drafts} of ${attempted} drafts kept (a random-weight model's answer may not parse), ${end.items.filter((i) => i.packFile).length} packs, ${end.failed} failed): total ${fmt(total)}, per client median ${fmt(median(perClient))}, max ${fmt(Math.max(...perClient))}`,
    `  backend event-loop delay meanwhile: p50 ${ms(delay.percentile(50))} ms, p99 ${ms(delay.percentile(99))} ms, max ${ms(delay.max)} ms over ${delay.count} samples`,
    `  a client-list request answered meanwhile: median ${fmt(median(answers))}, p95 ${fmt(percentile(answers, 95))}, max ${fmt(Math.max(...answers))} over ${answers.length} requests`,
  ];
}

export async function benchPreparation(report: (line: string) => void = console.log): Promise<void> {
  // The engine process runs from the built bundle.
  await buildCli();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-prepare-'));
  const backend = openBackend({
    dataDir: dir,
    mode: 'browser',
    now: () => new Date('2027-01-11T08:00:00.000Z'),
    languageEngine: 'process',
    user: { firstActiveAdministrator: true },
    preparation: { maxAnswerTokens: TOKENS },
  });
  try {
    addMeetingDay(backend.databasePath, MEETINGS);
    // The first ranking of a new book trains the interest model (seconds): done before the clock starts.
    const first = await value<{ rows: { id: string }[] }>(backend, 'clients:list', { search: '', limit: 1 });
    await value(backend, 'recommendations:for-client', { clientId: first.rows[0]!.id, top: 1 });
    for (const line of await prepareDay(backend, 'template engine')) report(line);

    const model = await testModelPath({ preset: PRESET });
    const loadedAt = performance.now();
    const status = await value<{ backend: string; threads: number; gpuName: string | null }>(backend, 'llm:load', {
      path: model,
    });
    report(
      `loaded the ${PRESET}-shaped test GGUF (${path.basename(model)}) on ${status.backend === 'cpu' ? `the CPU, ${status.threads} threads` : `${status.backend} (${status.gpuName ?? 'GPU'})`} in ${fmt(performance.now() - loadedAt)}; answers capped at ${TOKENS} tokens`,
    );
    for (const line of await prepareDay(backend, `${PRESET} GGUF`)) report(line);
    report(
      `load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')} (${os.cpus().length} cores)`,
    );
  } finally {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
