import path from 'node:path';
import { generateDemoData } from '../../app/demo';
import { labelledRows } from '../../app/scoring/training-rows';
import {
  formatLine,
  gitRevision,
  loadEventDatasets,
  measureSplit,
  qualitySplits,
  rowsOf,
  subsample,
  type QualityLine,
} from '../quality/real-quality';
import { demoBook, TODAY } from '../unit/app/scoring/scoring-fixtures';

/**
 * BENCH_ONLY=quality: every data set in ../shared/datasets (QUALITY_DATASETS to point elsewhere) and the demo
 * book, time split 0.8 and a seeded random split 0.8, for the app's chosen model, its logistic regression and
 * scikit-learn's LR and HistGradientBoosting on the same rows. QUALITY_MAX_ROWS (default 40,000) caps a set by
 * keeping a fixed hash-chosen share of its clients; QUALITY_SETS=name,... narrows the run.
 */
export async function benchQuality(log: (line: string) => void = (l) => console.error(l)): Promise<string[]> {
  const seed = Number(process.env.QUALITY_SEED ?? 1);
  const maxRows = Number(process.env.QUALITY_MAX_ROWS ?? 40_000);
  const only =
    process.env.QUALITY_SETS?.split(',')
      .map((s) => s.trim())
      .filter(Boolean) ?? null;
  const dir = process.env.QUALITY_DATASETS ?? path.resolve(import.meta.dirname, '../../../shared/datasets');
  const lines: string[] = [
    `quality bench at ${gitRevision()}, seed ${seed}, at most ${maxRows.toLocaleString('en-US')} outcomes a set`,
  ];
  const measured: QualityLine[] = [];
  const wanted = (name: string) => !only || only.includes(name);
  const sets = (await loadEventDatasets(dir, log)).filter((s) => wanted(s.name));
  const all = sets.map((s) => ({ set: subsample(s, maxRows), rows: () => rowsOf(subsample(s, maxRows)) }));
  if (wanted('demo')) {
    const data = generateDemoData({ today: TODAY });
    const book = demoBook(data);
    all.push({
      set: { name: 'demo', interactions: data.interactions, book, note: '' },
      rows: () => labelledRows(data.interactions, book),
    });
  }
  for (const { set, rows } of all) {
    const labelled = rows();
    for (const split of qualitySplits(labelled, seed)) {
      const line = measureSplit(set.name, split, seed);
      if (set.note) line.notes.push(set.note);
      measured.push(line);
      const text = formatLine(line);
      for (const l of text) log(l);
      lines.push(...text);
    }
  }
  return lines;
}
