import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { generateDemoData } from '../../../app/demo/demo-data';
import { selectionView } from '../../../app/domain/model-version';
import { encodeTraining } from '../../../app/scoring/interest-model';
import { CANDIDATES, selectionSteps, trainSelectedModel } from '../../../app/scoring/model-selection';
import { runStepsOn } from '../../../app/training/training-tasks';
import { labelledRows } from '../../../app/scoring/training-rows';
import { DEFAULT_RULE_SET } from '../../../app/suitability';
import { trainVersion, trainVersionOn, type TrainingData } from '../../../app/training/train-version';
import { trainInWorker } from '../../../main/model/train-in-worker';
import { createTrainingPool, trainingThreads, type ThreadedTrainingPool } from '../../../main/model/training-pool';

const TODAY = '2026-06-15';

function trainingData(interactionCount: number): TrainingData {
  const data = generateDemoData({ today: TODAY, clientCount: 150, interactionCount });
  const book = {
    clients: data.clients.map((c) => ({ ...c.profile, id: c.id, riskClass: c.riskClass })),
    products: data.products,
    marketSnapshots: data.marketSnapshots,
  };
  return { interactions: data.interactions, book, ruleSet: DEFAULT_RULE_SET };
}

/**
 * A retrain's independent trainings on a pool of threads (the candidates side by side, then the refit, the baseline
 * and the live model): the version is the one the same data gives on one thread, and a thread's failure or a Cancel
 * ends the retrain plainly.
 */
describe('training on a pool of threads', () => {
  let pool: ThreadedTrainingPool;
  const input = trainingData(3000);

  beforeAll(async () => {
    pool = await createTrainingPool(2);
  }, 60_000);
  afterAll(async () => {
    await pool.close();
  });

  it('stores the same version as one thread: the same choice, window AUCs, weights and held-out figures', async () => {
    const parallel = await trainVersionOn(input, pool);
    const alone = trainVersion(input);
    const view = selectionView(parallel.metrics)!;
    expect(view.judgedRows).toBeGreaterThan(0);
    expect(view.candidates.every((c) => c.auc !== null)).toBe(true);
    expect(selectionView(alone.metrics)).toEqual(view);
    expect(parallel.params).toEqual(alone.params);
    expect(parallel.metrics).toEqual(alone.metrics);
    expect(parallel).toEqual(alone);
  }, 240_000);

  it('gives the same trees as one thread where the chosen settings have them', async () => {
    const rows = labelledRows(input.interactions, input.book);
    const boosted = CANDIDATES.find((c) => c.name === 'boosted-blend')!;
    const options = { seed: 1, candidates: [boosted, CANDIDATES[0]!] };
    const parallel = (await runStepsOn(selectionSteps(rows, options), pool)).selected;
    const alone = trainSelectedModel(rows, options);
    expect(parallel.model.trees).not.toBeNull();
    expect(parallel.model.toJSON()).toEqual(alone.model.toJSON());
    expect(parallel.selection).toEqual(alone.selection);
    expect(rows.slice(-50).map((r) => parallel.model.scoreRaw(r.raw))).toEqual(
      rows.slice(-50).map((r) => alone.model.scoreRaw(r.raw)),
    );
  }, 240_000);

  it('fails the retrain with the thread’s reason when a training on a thread fails', async () => {
    const rows = labelledRows(input.interactions, input.book);
    const encoded = encodeTraining(rows.slice(0, 10));
    await expect(pool.run([{ kind: 'fit', rows: { rows, encoded }, options: {} }])).rejects.toThrow(
      /a training thread failed: encoded rows and training rows differ in number/,
    );
  }, 60_000);

  it('runs on one thread per core, at most one per candidate', () => {
    expect(trainingThreads(1)).toBe(1);
    expect(trainingThreads(2)).toBe(2);
    expect(trainingThreads(64)).toBe(CANDIDATES.length);
  });

  it('stops a retrain and its threads when it is cancelled, and the next one stores the same version', async () => {
    // Linux lists a process's threads; elsewhere only the answer is checked.
    const threads = fs.existsSync('/proc/self/task') ? () => fs.readdirSync('/proc/self/task').length : null;
    const before = threads?.() ?? 0;
    const controller = new AbortController();
    const cancelled = trainInWorker(input, controller.signal, { threads: 2 });
    // Cancelled once the training thread has started its pool (more than two threads more), else after a second.
    const started = Date.now();
    while (threads && threads() <= before + 2 && Date.now() - started < 1000)
      await new Promise((resolve) => setTimeout(resolve, 10));
    controller.abort(new Error('cancelled by the test'));
    await expect(cancelled).rejects.toThrow('cancelled by the test');
    if (threads) await vi.waitFor(() => expect(threads()).toBeLessThanOrEqual(before), { timeout: 10_000 });
    const again = await trainInWorker(input, undefined, { threads: 2 });
    expect(again).toEqual(trainVersion(input));
  }, 240_000);
});
