import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Interaction } from '../../app/domain';
import { fitLogisticBaseline } from '../../app/eval/logistic-baseline';
import { eceChanceFloor } from '../../app/eval/calibration-floor';
import { auc, calibration, logLoss } from '../../app/eval/metrics';
import { timeSplit } from '../../app/eval/time-split';
import { encodeRows } from '../../app/scoring/feature-encoding';
import { createSeededRandom } from '../../app/scoring/seeded-random';
import { labelledRows, type BookOfBusiness, type LabelledRow } from '../../app/scoring/training-rows';
import { trainChosenModel } from '../../app/scoring/chosen-model';
import { openStore } from '../../main/db/open-store';
import { sqliteStores } from '../../main/db/sqlite-stores';
import { importEventsCsv } from '../../main/import/import-events';

/** One data set as the app sees it after `import-events`: its outcomes and the book they refer to. */
export interface QualitySet {
  name: string;
  interactions: readonly Interaction[];
  book: BookOfBusiness;
  /** What was done to it on the way (subsampling), for the table's notes. */
  note: string;
}

export interface QualitySplit {
  name: string;
  train: LabelledRow[];
  test: LabelledRow[];
}

export interface QualityFigures {
  auc: number | null;
  logLoss: number | null;
  ece: number | null;
  /** The ECE a perfectly calibrated model would show on these rows by chance (eceChanceFloor), for reading ECE. */
  eceFloor: number | null;
  /** Positives among the top 10 % of test rows by score. */
  hitsTop10: number;
}

export interface QualityLine {
  dataset: string;
  split: string;
  trainRows: number;
  testRows: number;
  testPositives: number;
  figures: Record<string, QualityFigures>;
  /** What the app's model chose, and what the reference said when it did not run. */
  notes: string[];
}

const CACHE = path.join(os.tmpdir(), 'advisor-desk-quality');

/**
 * Runs the data sets' own make_events.py (pandas) once into a cache folder, then imports each event table into
 * a SQLite file there with the app's `import-events` code, so the bench reads the outcomes exactly as a user's
 * import would store them. Both steps are cached by the source file's size and time.
 */
export async function loadEventDatasets(datasetsDir: string, log: (line: string) => void): Promise<QualitySet[]> {
  const script = path.join(datasetsDir, 'make_events.py');
  if (!fs.existsSync(script)) {
    log(`no ${script}: the real data sets are skipped`);
    return [];
  }
  fs.mkdirSync(CACHE, { recursive: true });
  const names = fs
    .readdirSync(datasetsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const sets: QualitySet[] = [];
  for (const name of names) {
    const csv = path.join(CACHE, `${name}-events.csv`);
    if (!fs.existsSync(csv)) {
      const made = spawnSync('/usr/bin/python3', [script, CACHE, name], { encoding: 'utf8' });
      if (made.status !== 0 || !fs.existsSync(csv)) {
        log(`${name}: make_events.py failed (needs pandas: apt-get install python3-pandas): ${made.stderr.trim()}`);
        continue;
      }
    }
    const stat = fs.statSync(csv);
    const dbFile = path.join(CACHE, `${name}-${stat.size}-${Math.round(stat.mtimeMs)}.sqlite`);
    const fresh = !fs.existsSync(dbFile);
    const { db } = openStore(dbFile);
    try {
      // The import is asynchronous (it yields to the event loop between batches): without the wait the set was empty.
      if (fresh)
        await importEventsCsv(db, { file: csv, actor: 'quality-bench', now: new Date('2026-01-01T00:00:00Z') });
      const stores = sqliteStores(db);
      const interactions = stores.training.interactions();
      sets.push({ name, interactions, book: stores.training.book(), note: '' });
    } catch (error) {
      db.close();
      fs.rmSync(dbFile, { force: true });
      throw error;
    }
    db.close();
  }
  return sets;
}

/** Same hash for the same id on every run: subsampling keeps whole clients, so each keeps its history. */
function idHash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return (h >>> 0) / 2 ** 32;
}

/** Keeps about maxRows outcomes by keeping a fixed, hash-chosen share of clients (all their outcomes). */
export function subsample(set: QualitySet, maxRows: number): QualitySet {
  const recorded = set.interactions.filter((i) => i.outcome !== null);
  if (recorded.length <= maxRows) return set;
  const share = maxRows / recorded.length;
  const interactions = recorded.filter((i) => idHash(i.clientId) < share);
  return {
    ...set,
    interactions,
    note: `${interactions.length.toLocaleString('en-US')} of ${recorded.length.toLocaleString('en-US')} outcomes (clients kept by a fixed hash of their id)`,
  };
}

/** The earlier 80 % against the later 20 % (time), and a seeded shuffle cut the same way (random order). */
export function qualitySplits(rows: readonly LabelledRow[], seed: number): QualitySplit[] {
  const time = timeSplit(
    rows.map((row) => ({ id: row.interaction.id, occurredAt: row.interaction.occurredAt, row })),
    0.8,
  );
  const shuffled = [...rows].sort((a, b) => (a.interaction.id < b.interaction.id ? -1 : 1));
  createSeededRandom(seed).shuffle(shuffled);
  const cut = Math.floor(shuffled.length * 0.8);
  // Inside the training share the rows stay in time order: the model's own choices read its latest part.
  const byTime = (a: LabelledRow, b: LabelledRow) =>
    a.interaction.occurredAt < b.interaction.occurredAt
      ? -1
      : a.interaction.occurredAt > b.interaction.occurredAt
        ? 1
        : 0;
  return [
    { name: 'time 0.8', train: time.train.map((t) => t.row), test: time.test.map((t) => t.row) },
    { name: 'random 0.8', train: shuffled.slice(0, cut).sort(byTime), test: shuffled.slice(cut) },
  ];
}

export function figuresOf(scores: readonly number[], labels: readonly number[], seed = 1): QualityFigures {
  const top = Math.max(1, Math.ceil(scores.length * 0.1));
  const order = scores.map((_, i) => i).sort((a, b) => scores[b]! - scores[a]! || a - b);
  let hits = 0;
  for (let i = 0; i < top; i++) hits += labels[order[i]!]!;
  return {
    auc: auc(scores, labels),
    logLoss: logLoss(scores, labels),
    ece: calibration(scores, labels).ece,
    eceFloor: eceChanceFloor(scores, seed),
    hitsTop10: hits,
  };
}

/** The raw features of every row (client.id and product.id among them), as the table sklearn_reference.py reads. */
export function writeReferenceTable(file: string, train: readonly LabelledRow[], test: readonly LabelledRow[]): void {
  const numeric = new Set<string>();
  const categorical = new Set<string>();
  for (const r of train) {
    for (const [k, v] of Object.entries(r.raw.numeric)) if (v !== null) numeric.add(k);
    for (const [k, v] of Object.entries(r.raw.categorical)) if (v.length > 0) categorical.add(k);
  }
  const nums = [...numeric].sort();
  const cats = [...categorical].sort();
  const cell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const lines = [['_split', '_label', ...nums.map((n) => `n:${n}`), ...cats.map((c) => `c:${c}`)].map(cell).join(',')];
  const add = (split: string, r: LabelledRow) =>
    lines.push(
      [
        split,
        String(r.label),
        ...nums.map((n) => {
          const v = r.raw.numeric[n];
          return v === null || v === undefined || !Number.isFinite(v) ? '' : String(v);
        }),
        ...cats.map((c) => cell((r.raw.categorical[c] ?? []).join('|'))),
      ].join(','),
    );
  for (const r of train) add('train', r);
  for (const r of test) add('test', r);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

let sklearnMissing: string | null | undefined;

/** scikit-learn's LR and HistGradientBoosting on the same rows; null with the reason when it cannot run. */
export function sklearnScores(
  train: readonly LabelledRow[],
  test: readonly LabelledRow[],
): { lr: number[]; hgb: number[] } | { skipped: string } {
  if (sklearnMissing) return { skipped: sklearnMissing };
  const script = path.join(import.meta.dirname, 'sklearn_reference.py');
  fs.mkdirSync(CACHE, { recursive: true });
  const input = path.join(CACHE, `reference-in-${process.pid}.csv`);
  const output = path.join(CACHE, `reference-out-${process.pid}.csv`);
  writeReferenceTable(input, train, test);
  // One thread: its OpenMP workers spin against each other on a shared 2-core machine (70 s instead of 6 s a fit).
  const run = spawnSync('/usr/bin/python3', [script, input, output], {
    encoding: 'utf8',
    env: { ...process.env, OMP_NUM_THREADS: '1' },
  });
  if (!process.env.QUALITY_KEEP_TABLE) fs.rmSync(input, { force: true });
  if (run.status !== 0) {
    const reason =
      run.status === 3 || run.error
        ? 'scikit-learn is not installed (apt-get install -y python3-sklearn); its columns are skipped'
        : `sklearn_reference.py failed: ${run.stderr.trim().split('\n').slice(-3).join(' ')}`;
    if (run.status === 3 || run.error) sklearnMissing = reason;
    return { skipped: reason };
  }
  const lines = fs.readFileSync(output, 'utf8').trim().split('\n');
  fs.rmSync(output, { force: true });
  return { lr: lines.map((l) => Number(l.split(',')[0])), hgb: lines.map((l) => Number(l.split(',')[1])) };
}

/** One line of a reliability table: each non-empty bin's mean predicted and observed rate, and its count. */
export function reliabilityLine(scores: readonly number[], labels: readonly number[]): string {
  const pct = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)}`);
  return calibration(scores, labels)
    .bins.filter((b) => b.count > 0)
    .map(
      (b) =>
        `${Math.round(b.lower * 100)}–${Math.round(b.upper * 100)}: ${pct(b.meanPredicted)}/${pct(b.observedRate)} % n ${b.count}`,
    )
    .join('; ');
}

/** The app's chosen model, its logistic regression, and the two scikit-learn references, on one split. */
export function measureSplit(dataset: string, split: QualitySplit, seed: number): QualityLine {
  const { train, test } = split;
  const labels = test.map((r) => r.label);
  const figures: Record<string, QualityFigures> = {};
  const notes: string[] = [];
  let t0 = Date.now();
  const chosen = trainChosenModel(train, {
    seed,
    ...(process.env.QUALITY_APP_OPTIONS ? JSON.parse(process.env.QUALITY_APP_OPTIONS) : {}),
  });
  // Before and after the recalibration the app serves (recalibrationFor in model-selection.ts).
  const before = test.map((r) => chosen.scoreBeforeRecalibration(r.raw));
  const after = test.map((r) => chosen.score(r.raw, r.interaction.clientId, r.interaction.productId));
  figures['app raw'] = figuresOf(before, labels, seed);
  figures['app model'] = figuresOf(after, labels, seed);
  notes.push(`app model ${((Date.now() - t0) / 1000).toFixed(1)} s: ${chosen.summary}`);
  notes.push(`reliability before (bin %: mean predicted/observed %, count): ${reliabilityLine(before, labels)}`);
  notes.push(`reliability after: ${reliabilityLine(after, labels)}`);

  t0 = Date.now();
  const encoding = chosen.baseEncoding;
  const trainX = encodeRows(
    encoding,
    train.map((r) => r.raw),
  ).map((x, i) => ({ x, y: train[i]!.label }));
  const logistic = fitLogisticBaseline(trainX, encoding.dimension, seed);
  const testX = encodeRows(
    encoding,
    test.map((r) => r.raw),
  );
  figures['app LR'] = figuresOf(
    testX.map((x) => logistic.model.predict(x)),
    labels,
    seed,
  );
  notes.push(`app LR ${((Date.now() - t0) / 1000).toFixed(1)} s, l2 ${logistic.l2}`);

  t0 = Date.now();
  const reference = process.env.QUALITY_SKLEARN === '0' ? { skipped: 'QUALITY_SKLEARN=0' } : sklearnScores(train, test);
  if ('skipped' in reference) notes.push(reference.skipped);
  else {
    figures['sklearn LR'] = figuresOf(reference.lr, labels, seed);
    figures['sklearn HGB'] = figuresOf(reference.hgb, labels, seed);
    notes.push(`sklearn ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return {
    dataset,
    split: split.name,
    trainRows: train.length,
    testRows: test.length,
    testPositives: labels.reduce<number>((s, l) => s + l, 0),
    figures,
    notes,
  };
}

const f3 = (v: number | null) => (v === null ? '-' : v.toFixed(3));

export function formatLine(line: QualityLine): string[] {
  const out = [
    `${line.dataset}, ${line.split}: ${line.trainRows.toLocaleString('en-US')} train, ${line.testRows.toLocaleString('en-US')} test rows, ${line.testPositives} test positives (top 10 % = ${Math.max(1, Math.ceil(line.testRows * 0.1))} rows)`,
    `  ${'model'.padEnd(13)}${'AUC'.padEnd(8)}${'LOG LOSS'.padEnd(10)}${'ECE'.padEnd(8)}${'FLOOR'.padEnd(8)}HITS TOP 10 %`,
  ];
  for (const [model, f] of Object.entries(line.figures))
    out.push(
      `  ${model.padEnd(13)}${f3(f.auc).padEnd(8)}${f3(f.logLoss).padEnd(10)}${f3(f.ece).padEnd(8)}${f3(f.eceFloor).padEnd(8)}${f.hitsTop10}`,
    );
  for (const note of line.notes) out.push(`  · ${note}`);
  return out;
}

/** Labelled rows of a set, as the evaluation joins them. */
export function rowsOf(set: QualitySet): LabelledRow[] {
  return labelledRows(set.interactions, set.book);
}

export const gitRevision = (): string => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
};
