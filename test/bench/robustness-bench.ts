import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EngineClient } from '../../main/engine/engine-client';
import { forkEngine } from '../../main/engine/fork-engine';
import { LanguageEngine } from '../../main/engine/language-engine';
import { EngineCrashes } from '../../main/llm/engine-crashes';
import { csvSweep } from '../robustness/csv-fuzz';
import { ggufSweep } from '../robustness/gguf-shapes';
import { fmt } from './stats';

/**
 * The robustness sweeps at bench size: the same generators as test/robustness, many more cases, each a fresh seed
 * from the one in `npm test`. Prints tried / survived / lost per class and names every lost case.
 * BENCH_ROBUSTNESS_GGUF and BENCH_ROBUSTNESS_CSV change the counts (defaults 200 and 3,000).
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
