import fs from 'node:fs';
import { captureCliIo } from './run-cli';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli-commands';
import { openStore } from '../../../main/db/open-store';
import { tempDir } from '../db/temp-db';

const capture = captureCliIo;

interface EvaluateJson {
  trainRows: number;
  testRows: number;
  trainedTo: string;
  testFrom: string;
  model: Record<string, number | null>;
  baselines: Record<string, Record<string, number | null>>;
  calibration: { count: number }[];
  predictionsFile: string | null;
}

describe('advisor-desk evaluate on a seeded database', () => {
  let dir: string;
  let db: string;
  let figures: EvaluateJson;
  let predictionsFile: string;

  beforeAll(async () => {
    dir = tempDir('ad-cli-eval-');
    db = path.join(dir, 'desk.sqlite');
    expect(await runCli(['seed', '--db', db], capture().io)).toBe(0);
    predictionsFile = path.join(dir, 'predictions.csv');
    const run = capture();
    expect(
      await runCli(
        ['evaluate', '--db', db, '--split', 'time:0.8', '--k', '7', '--json', '--predictions-out', predictionsFile],
        run.io,
      ),
      run.err(),
    ).toBe(0);
    figures = JSON.parse(run.out()) as EvaluateJson;
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports the interest model and every baseline on a time split, the model ahead of popularity and rules only', () => {
    expect(figures.trainRows).toBeGreaterThan(4 * figures.testRows - 10);
    expect(figures.trainedTo < figures.testFrom).toBe(true);
    expect(Object.keys(figures.baselines).sort()).toEqual(['logistic-regression', 'popularity', 'rules-only']);
    for (const m of [figures.model, ...Object.values(figures.baselines)]) {
      expect(Object.keys(m).sort()).toEqual(['auc', 'ece', 'k', 'logLoss', 'mapAtK', 'ndcgAtK', 'precisionAtK']);
      expect(m.k).toBe(7);
    }
    expect(figures.model.auc!).toBeGreaterThan(figures.baselines.popularity!.auc!);
    expect(figures.model.auc!).toBeGreaterThan(figures.baselines['rules-only']!.auc!);
    expect(figures.calibration.reduce((s, b) => s + b.count, 0)).toBe(figures.testRows);
    expect(figures.predictionsFile).toBe(predictionsFile);
  });

  it('writes one prediction row per test outcome under the documented header, and no temporary file', () => {
    const lines = fs.readFileSync(predictionsFile, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('client_id,product_id,occurred_at,outcome,score,recalibrated_score');
    expect(lines).toHaveLength(figures.testRows + 1);
    const [clientId, productId, occurredAt, outcome, score, recalibrated] = lines[1]!.split(',');
    expect(clientId).toMatch(/^CL-/);
    expect(productId).toBeTruthy();
    expect(occurredAt! >= figures.testFrom).toBe(true);
    expect(['0', '1']).toContain(outcome);
    expect(Number(score)).toBeGreaterThan(0);
    expect(Number(recalibrated)).toBeGreaterThan(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('prints a table of the same figures by default', async () => {
    const run = capture();
    expect(await runCli(['evaluate', '--db', db], run.io)).toBe(0);
    expect(run.out()).toMatch(/^Time split 0\.8: trained on [\d,]+ outcomes/);
    expect(run.out()).toMatch(/AUC\s+LOG LOSS\s+ECE\s+P@7\s+NDCG@7\s+MAP@7/);
    expect(run.out()).toContain(`interest model        ${figures.model.auc!.toFixed(3)}`);
    for (const label of ['logistic regression', 'popularity', 'rules only', 'Calibration of the interest model'])
      expect(run.out()).toContain(label);
    expect(run.out()).toMatch(/Training share: [\d,]+ outcomes, [\d,]+ clients, [\d,]+ products, [\d.]+ % positive/);
    expect(run.out()).toMatch(/Test share: [\d,]+ outcomes/);
    expect(run.out()).toMatch(/Ranking measures average over [\d,]+ clients with two or more test outcomes/);
    expect(run.out()).toMatch(/Settings chosen on the training share: [a-z-]+ \(/);
    expect(run.out()).toMatch(
      /Recalibrated with an intercept shift of [-+][\d.]+ on the logit, fitted so the probabilities average to the positive rate of the latest [\d,]+ training outcomes \(the probabilities the app shows\): ECE [\d.]+ before, [\d.]+ after \(chance floor [\d.]+\)/,
    );
    expect(run.out()).toMatch(
      /a perfectly calibrated model would show about [\d.]+ on these [\d,]+ outcomes by chance/,
    );
    expect(run.out()).toContain('Calibration after recalibration:');
  });

  it('evaluates rolling-origin folds with --split rolling:K, each testing later than it trained', async () => {
    const run = capture();
    expect(await runCli(['evaluate', '--db', db, '--split', 'rolling:3', '--json'], run.io), run.err()).toBe(0);
    const rolling = JSON.parse(run.out()) as { split: string; folds: EvaluateJson[] };
    expect(rolling.split).toBe('rolling:3');
    expect(rolling.folds).toHaveLength(3);
    for (const [i, fold] of rolling.folds.entries()) {
      expect(fold.trainedTo < fold.testFrom).toBe(true);
      expect(fold.model.auc!).toBeGreaterThan(0.5);
      if (i > 0) {
        expect(fold.trainRows).toBeGreaterThan(rolling.folds[i - 1]!.trainRows);
        expect(fold.testFrom > rolling.folds[i - 1]!.testFrom).toBe(true);
      }
    }
  });

  it('exits 2 naming the bad value for a malformed --split or --k, before touching the database', async () => {
    for (const [flag, value] of [
      ['--split', 'time:1.5'],
      ['--split', 'random:0.8'],
      ['--split', '0.8'],
      ['--split', 'rolling:0'],
      ['--k', '0'],
    ] as const) {
      const run = capture();
      expect(
        await runCli(['evaluate', '--db', path.join(dir, 'absent.sqlite'), flag, value], run.io),
        `${flag} ${value}`,
      ).toBe(2);
      expect(run.err()).toContain(`"${value}"`);
    }
    expect(fs.existsSync(path.join(dir, 'absent.sqlite'))).toBe(false);
  });

  it('exits 4 for a missing database and 1 with the reason for a database without outcomes', async () => {
    const missing = capture();
    expect(await runCli(['evaluate', '--db', path.join(dir, 'absent.sqlite')], missing.io)).toBe(4);
    const empty = path.join(dir, 'empty.sqlite');
    openStore(empty).db.close();
    const wiped = capture();
    expect(await runCli(['evaluate', '--db', empty], wiped.io)).toBe(1);
    expect(wiped.err()).toMatch(/Too little data to evaluate: 0 outcomes/);
  });
});
