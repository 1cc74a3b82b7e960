/**
 * The measurement behind recalibrationFor (app/scoring/model-selection.ts): on every split of the quality bench,
 * the test ECE of the chosen model after each way of recalibrating it that was considered, with the chance floor
 * beside it and the CPU time of the ones that cost trainings. Run with
 *   npx tsx test/quality/calibration-study.ts            (QUALITY_SETS=demo,in_vehicle_coupon to narrow it)
 * Rows: the model's own probabilities; the intercept shift the app serves; Platt scaling and isotonic regression
 * fitted on the window model's held-out predictions and applied to the model trained on every row (the old
 * default); the window model served with its own Platt scaling; Platt and isotonic fitted on out-of-fold
 * predictions of five time-ordered blocks and of five interleaved folds (five more trainings each); the shift
 * fitted on the latest 10 % instead of 20 %; and, as a bound no product can reach, Platt fitted on one half of the
 * test rows and measured on the other.
 */
import path from 'node:path';
import { generateDemoData } from '../../app/demo';
import { eceChanceFloor } from '../../app/eval/calibration-floor';
import { auc, calibration, logLoss } from '../../app/eval/metrics';
import { calibrate, fitInterceptShift, fitPlatt, logitOf } from '../../app/ranking/platt-calibration';
import { InterestModel } from '../../app/scoring/interest-model';
import { applyIsotonic, fitIsotonic } from '../../app/scoring/isotonic-calibration';
import { SELECTION_SHARE, trainSelectedModel } from '../../app/scoring/model-selection';
import { labelledRows, type LabelledRow } from '../../app/scoring/training-rows';
import { demoBook, TODAY } from '../unit/app/scoring/scoring-fixtures';
import { loadEventDatasets, qualitySplits, rowsOf, subsample } from './real-quality';

const FOLDS = 5;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const f3 = (v: number | null) => (v === null ? '-' : v.toFixed(3));
const cpuSeconds = (since: NodeJS.CpuUsage) => process.cpuUsage(since).user / 1e6;

/** Out-of-fold logits of the chosen settings: each row scored by a model trained on the other folds. */
function outOfFold(
  train: readonly LabelledRow[],
  foldOf: (i: number) => number,
  fit: (rows: LabelledRow[]) => InterestModel,
): number[] {
  const logits = new Array<number>(train.length).fill(0);
  for (let k = 0; k < FOLDS; k++) {
    const model = fit(train.filter((_, i) => foldOf(i) !== k));
    train.forEach((r, i) => {
      if (foldOf(i) === k) logits[i] = logitOf(model.scoreRaw(r.raw));
    });
  }
  return logits;
}

function study(name: string, train: LabelledRow[], test: LabelledRow[], seed: number): string[] {
  const s = trainSelectedModel(train, { seed });
  const held = Math.floor(train.length * SELECTION_SHARE);
  const window = train.slice(train.length - held);
  const windowLabels = window.map((r) => r.label);
  const labels = test.map((r) => r.label);
  const trainLabels = train.map((r) => r.label);
  const own = test.map((r) => logitOf(s.model.scoreRaw(r.raw)));
  const ownOnWindow = window.map((r) => logitOf(s.model.scoreRaw(r.raw)));
  const judged = window.map((r) => logitOf(s.windowModel.scoreRaw(r.raw)));
  const rows: [string, number[]][] = [['own probabilities', own.map(sigmoid)]];
  const served = s.calibration;
  rows.push(['intercept shift (served)', own.map((z) => calibrate(served, z))]);
  const latest = Math.floor(held / 2);
  const shift10 = fitInterceptShift(ownOnWindow.slice(-latest), windowLabels.slice(-latest));
  rows.push(['shift, latest 10 %', own.map((z) => calibrate(shift10, z))]);
  const windowPlatt = fitPlatt(judged, windowLabels);
  rows.push([`window Platt a ${windowPlatt.a.toFixed(2)}`, own.map((z) => calibrate(windowPlatt, z))]);
  const windowIsotonic = fitIsotonic(judged, windowLabels);
  if (windowIsotonic) rows.push(['window isotonic', own.map((z) => applyIsotonic(windowIsotonic, z))]);
  rows.push([
    'window model + its Platt',
    test.map((r) => calibrate(windowPlatt, logitOf(s.windowModel.scoreRaw(r.raw)))),
  ]);
  const options = { ...s.settings.options, model: { ...s.settings.options.model, seed } };
  const fit = (rows: LabelledRow[]) => InterestModel.train(rows, options);
  const notes: string[] = [];
  for (const [kind, foldOf] of [
    ['time blocks', (i: number) => Math.min(FOLDS - 1, Math.floor((i * FOLDS) / train.length))],
    ['interleaved', (i: number) => i % FOLDS],
  ] as const) {
    const t0 = process.cpuUsage();
    const oof = outOfFold(train, foldOf, fit);
    notes.push(`${kind} cross-fitting ${cpuSeconds(t0).toFixed(1)} s CPU`);
    const platt = fitPlatt(oof, trainLabels);
    rows.push([`${kind} Platt a ${platt.a.toFixed(2)}`, own.map((z) => calibrate(platt, z))]);
    const isotonic = fitIsotonic(oof, trainLabels);
    if (isotonic) rows.push([`${kind} isotonic`, own.map((z) => applyIsotonic(isotonic, z))]);
  }
  const half = Math.floor(test.length / 2);
  const first = fitPlatt(own.slice(0, half), labels.slice(0, half));
  const second = fitPlatt(own.slice(half), labels.slice(half));
  rows.push(['bound: Platt on test', own.map((z, i) => calibrate(i < half ? second : first, z))]);
  return [
    `${name}: ${s.selection.chosen}, ${train.length} train, ${test.length} test rows; ${notes.join(', ')}`,
    `  ${'recalibration'.padEnd(28)}${'AUC'.padEnd(8)}${'LOG LOSS'.padEnd(10)}${'ECE'.padEnd(8)}FLOOR`,
    ...rows.map(
      ([label, p]) =>
        `  ${label.padEnd(28)}${f3(auc(p, labels)).padEnd(8)}${f3(logLoss(p, labels)).padEnd(10)}${f3(calibration(p, labels).ece).padEnd(8)}${f3(eceChanceFloor(p, seed))}`,
    ),
  ];
}

async function main(): Promise<void> {
  const only = process.env.QUALITY_SETS?.split(',').map((x) => x.trim()) ?? null;
  const wanted = (name: string) => !only || only.includes(name);
  const dir = process.env.QUALITY_DATASETS ?? path.resolve(import.meta.dirname, '../../../shared/datasets');
  const sets = (await loadEventDatasets(dir, (l) => console.error(l))).filter((s) => wanted(s.name));
  const all = sets.map((s) => ({ name: s.name, rows: rowsOf(subsample(s, 40_000)) }));
  if (wanted('demo')) {
    const data = generateDemoData({ today: TODAY });
    all.push({ name: 'demo', rows: labelledRows(data.interactions, demoBook(data)) });
  }
  for (const { name, rows } of all)
    for (const split of qualitySplits(rows, 1))
      for (const line of study(`${name}, ${split.name}`, split.train, split.test, 1)) console.log(line);
}

await main();
