import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EngineClient } from '../../main/engine/engine-client';
import { forkEngine } from '../../main/engine/fork-engine';
import { LanguageEngine } from '../../main/engine/language-engine';
import { EngineCrashes } from '../../main/llm/engine-crashes';
import { pathToFileURL } from 'node:url';
import { startWorkerBackend } from '../../main/host/worker-backend';
import { startWebServer } from '../../main/web/web-server';
import { buildCli, projectRoot } from '../integration/cli/build-cli';
import { csvSweep } from '../robustness/csv-fuzz';
import { abuse } from '../robustness/socket-abuse';
import { ggufSweep } from '../robustness/gguf-shapes';
import { fmt } from './stats';

/**
 * The robustness sweeps at bench size: the same generators as test/robustness, many more cases, each a fresh seed
 * from the one in `npm test`. Prints tried / survived / lost per class and names every lost case.
 * BENCH_ROBUSTNESS_GGUF, BENCH_ROBUSTNESS_CSV and BENCH_ROBUSTNESS_SOCKET change the counts (defaults 200, 3,000
 * and 3,000).
 */
export async function benchRobustness(): Promise<string[]> {
  const lines: string[] = [];
  const report = (what: string, tried: number, lost: { name: string; why: string }[], detail: string, ms: number) => {
    lines.push(
      `${what}: tried ${tried} / survived ${tried - lost.length} / lost ${lost.length} (${detail}; ${fmt(ms)})`,
    );
    for (const l of lost.slice(0, 20)) lines.push(`  lost: ${l.name}: ${l.why}`);
  };

  const csvDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-csv-fuzz-'));
  try {
    const started = performance.now();
    const csv = await csvSweep(csvDir, { seed: 1001, count: Number(process.env.BENCH_ROBUSTNESS_CSV ?? 3000) });
    report(
      'CSV mutations through import-events',
      csv.tried,
      csv.lost,
      `${csv.imported} imported as reported, ${csv.refused} refused by name with nothing written`,
      performance.now() - started,
    );
  } finally {
    fs.rmSync(csvDir, { recursive: true, force: true });
  }

  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-socket-'));
  try {
    const secret = 'a file beside the app, never to be served';
    const rendererDir = path.join(webDir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Advisor Desk</title>');
    fs.writeFileSync(path.join(webDir, 'secret.txt'), secret);
    await buildCli();
    const backend = await startWorkerBackend(
      pathToFileURL(path.join(projectRoot, 'dist', 'main', 'backend-worker.mjs')),
      { dataDir: webDir, mode: 'browser' },
    );
    const server = await startWebServer({ backend, rendererDir, idleSocketMs: 2000, helloDeadlineMs: 1000 });
    try {
      const started = performance.now();
      const count = Number(process.env.BENCH_ROBUSTNESS_SOCKET ?? 3000);
      const lost: { name: string; why: string }[] = [];
      for (let i = 0; i < count; i++) {
        const outcome = await abuse({ server, secret }, 1001, i);
        if (outcome.lost) lost.push({ name: `#${i}`, why: outcome.why });
      }
      report(
        "attacks on browser mode's port",
        count,
        lost,
        'refused or answered without harm',
        performance.now() - started,
      );
    } finally {
      await server.close();
      await backend.close();
    }
  } finally {
    fs.rmSync(webDir, { recursive: true, force: true });
  }

  const ggufDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-gguf-fuzz-'));
  const llm = new LanguageEngine(
    new EngineClient(forkEngine({ dataDir: ggufDir, threads: 1 })),
    () => undefined,
    new EngineCrashes(ggufDir),
  );
  try {
    const started = performance.now();
    const gguf = await ggufSweep(llm, ggufDir, {
      seed: 1001,
      count: Number(process.env.BENCH_ROBUSTNESS_GGUF ?? 200),
      checkEvery: 10,
    });
    report(
      'malformed model files through list, load and generate',
      gguf.tried,
      gguf.lost,
      `${gguf.refused} refused by name, ${gguf.ran} loaded and generated or named the failure`,
      performance.now() - started,
    );
  } finally {
    await llm.dispose();
    fs.rmSync(ggufDir, { recursive: true, force: true });
  }
  return lines;
}
