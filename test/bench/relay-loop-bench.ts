// BENCH_ONLY=relay: how responsive the thread that serves the window stays while the backend drafts a pitch with a
// language model. Browser mode's layout: this thread relays (as the web server's does), the backend runs in its
// worker thread, the engine in its own process. Prints this thread's event-loop delay idle and while generating.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { TestModelPreset } from '../tooling/gguf-writer';
import { startWorkerBackend } from '../../main/host/worker-backend';
import { testModelPath } from '../fixtures/test-models';
import { buildCli, projectRoot } from '../integration/cli/build-cli';

type Histogram = ReturnType<typeof monitorEventLoopDelay>;
const ms = (ns: number) => (ns / 1e6).toFixed(1);
const describe = (h: Histogram) =>
  `p50 ${ms(h.percentile(50))} ms, p99 ${ms(h.percentile(99))} ms, max ${ms(h.max)} ms over ${h.count} samples`;

async function value<T>(result: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const r = await result;
  if (!r.ok) throw new Error(r.error?.message ?? 'request failed');
  return r.value as T;
}

export async function benchRelayLoop(): Promise<string[]> {
  await buildCli();
  const preset = (process.env.BENCH_RELAY_PRESET ?? 'tiny') as TestModelPreset;
  const modelFile = await testModelPath({ preset });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-relay-bench-'));
  const backend = await startWorkerBackend(
    pathToFileURL(path.join(projectRoot, 'dist', 'main', 'backend-worker.mjs')),
    {
      dataDir,
      mode: 'browser',
    },
  );
  const lines: string[] = [];
  try {
    await value(backend.invoke('llm:load', { path: modelFile }));
    const page = await value<{ rows: { id: string }[] }>(backend.invoke('clients:list', { limit: 20 }));
    let target: { clientId: string; productId: string } | null = null;
    for (const row of page.rows) {
      const ranking = await value<{ ranked: { productId: string }[] }>(
        backend.invoke('recommendations:for-client', { clientId: row.id, top: 1, languageModel: 'skip' }),
      );
      if (ranking.ranked[0]) {
        target = { clientId: row.id, productId: ranking.ranked[0].productId };
        break;
      }
    }
    if (!target) throw new Error('no client in the demo book has a suitable product');

    const idle = monitorEventLoopDelay({ resolution: 1 });
    idle.enable();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    idle.disable();

    let deltas = 0;
    const busy = monitorEventLoopDelay({ resolution: 1 });
    const done = new Promise<unknown>((resolve) => {
      const unsubscribe = backend.subscribe((event, payload) => {
        if (event === 'pitch:delta') deltas++;
        if (event === 'pitch:done') {
          unsubscribe();
          resolve(payload);
        }
      });
    });
    busy.enable();
    const started = performance.now();
    await value(
      backend.invoke('pitch:start', {
        ...target,
        settings: { language: 'en', tone: 'formal', length: 'short' },
        source: 'model',
      }),
    );
    const outcome = (await done) as { outcome: string };
    const seconds = (performance.now() - started) / 1000;
    busy.disable();
    lines.push(`relay thread idle (3 s): ${describe(idle)}`);
    lines.push(
      `relay thread while the engine process drafted a pitch with the ${preset} test model (${outcome.outcome}, ${deltas} streamed chunks relayed, ${seconds.toFixed(1)} s): ${describe(busy)}`,
    );
    lines.push(
      `load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    await backend.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return lines;
}
