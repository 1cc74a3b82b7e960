import fs from 'node:fs';
import { captureCliIo } from './run-cli';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli-commands';
import { testModelPath } from '../../fixtures/test-models';
import { tempDir } from '../db/temp-db';

const capture = captureCliIo;

type Metrics = Record<string, number | null>;
interface EvaluateJson {
  trainRows: number;
  testRows: number;
  model: Metrics;
  llm?: {
    modelFile: string;
    sha256: string;
    pairs: number;
    clients: number;
    embedded: number;
    withSignals: { trainRows: number; testRows: number; model: Metrics; baselines: Record<string, Metrics> };
  };
}

describe('advisor-desk evaluate --model: the same split with and without language-model signals', () => {
  let dir: string;
  let db: string;
  let model: string;

  beforeAll(async () => {
    dir = tempDir('ad-cli-eval-llm-');
    db = path.join(dir, 'desk.sqlite');
    expect(await runCli(['seed', '--db', db], capture().io)).toBe(0);
    model = await testModelPath();
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reports both on the same rows, with finite metrics, and caches the product embeddings for the next run', async () => {
    const first = capture();
    expect(
      await runCli(['evaluate', '--db', db, '--model', model, '--llm-clients', '12', '--json'], first.io),
      first.err(),
    ).toBe(0);
    const figures = JSON.parse(first.out()) as EvaluateJson;
    const llm = figures.llm!;
    expect(llm.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(llm.modelFile).toBe(path.resolve(model));
    expect(llm.pairs).toBeGreaterThan(0);
    expect(llm.embedded).toBeGreaterThan(0);
    expect(llm.withSignals.trainRows).toBe(figures.trainRows);
    expect(llm.withSignals.testRows).toBe(figures.testRows);
    for (const name of ['auc', 'logLoss', 'ndcgAtK'] as const) {
      expect(Number.isFinite(figures.model[name])).toBe(true);
      expect(Number.isFinite(llm.withSignals.model[name])).toBe(true);
    }
    // The baselines that never see the signals are the same in both runs.
    expect(llm.withSignals.baselines.popularity).toEqual(
      (figures as unknown as { baselines: Record<string, Metrics> }).baselines.popularity,
    );

    const second = capture();
    expect(
      await runCli(['evaluate', '--db', db, '--model', model, '--llm-clients', '12'], second.io),
      second.err(),
    ).toBe(0);
    expect(second.out()).toContain('With language-model signals (llm.similarity, llm.fit)');
    expect(second.out()).toMatch(/0 product descriptions embedded, the rest from the cache/);
    expect(second.out()).toContain('random weights');
    expect(second.out()).toMatch(/outcomes of 12 of [\d,]+ clients/);
  }, 300_000);

  it('refuses a file that is not a model with the problem named, and a missing file', async () => {
    const notModel = path.join(dir, 'notes.gguf');
    fs.writeFileSync(notModel, 'these are not weights');
    const bad = capture();
    expect(await runCli(['evaluate', '--db', db, '--model', notModel], bad.io)).toBe(5);
    expect(bad.err()).toMatch(/GGUF/i);
    const missing = capture();
    expect(await runCli(['evaluate', '--db', db, '--model', path.join(dir, 'nowhere.gguf')], missing.io)).toBe(3);
    expect(missing.err()).toContain('No model file');
    const stray = capture();
    expect(await runCli(['evaluate', '--db', db, '--llm-clients', '10'], stray.io)).toBe(2);
    expect(stray.err()).toContain('--llm-clients only applies with --model');
  }, 60_000);
});
