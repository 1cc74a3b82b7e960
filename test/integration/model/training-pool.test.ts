import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../app/demo/demo-data';
import { selectionView } from '../../../app/domain/model-version';
import { encodeTraining } from '../../../app/scoring/interest-model';
import { CANDIDATES } from '../../../app/scoring/model-selection';
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

  it('stops a retrain on its threads when it is cancelled, and the next one stores the same version', async () => {
    const controller = new AbortController();
    const cancelled = trainInWorker(input, controller.signal, { threads: 2 });
    setTimeout(() => controller.abort(new Error('cancelled by the test')), 200);
    await expect(cancelled).rejects.toThrow('cancelled by the test');
    const again = await trainInWorker(input, undefined, { threads: 2 });
    expect(again).toEqual(trainVersion(input));
  }, 240_000);
});
