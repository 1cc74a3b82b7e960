import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { BoostedTreesOptions } from '../../app/scoring/boosted-trees';
import type { FeatureEncoding, SparseVector } from '../../app/scoring/feature-encoding';
import { InterestModel, type InterestModelOptions } from '../../app/scoring/interest-model';
import { LogisticRegression } from '../../app/scoring/logistic-regression';
import { CANDIDATES } from '../../app/scoring/model-selection';
import type { LabelledRow } from '../../app/scoring/training-rows';
import type { TrainingOutcome, TrainingPool, TrainingTask } from '../../app/training/training-tasks';
import { packRaw, packRows, packVectors, type Pack } from './packed-rows';
import { startWorker } from './start-worker';
import type { TaskReply, TaskRequest } from './training-pool-worker';

/** A training task as it travels: its rows, vectors and encoding named by the id of a pack sent before or with it. */
export type PackedTask =
  | {
      kind: 'fit';
      rows: number;
      /** The rows' raw features, where the task reads them (trees, or no encoding given). */
      raw?: number;
      encoded?: { encoding: number; vectors: number };
      options: InterestModelOptions;
      thenTrees?: readonly BoostedTreesOptions[];
      judged?: { rows: number; raw?: number; vectors: number };
    }
  | { kind: 'logistic'; rows: number; encoded: { encoding: number; vectors: number }; seed: number };

/**
 * Threads for a retrain: one per core, and no more than the largest batch (the candidates, a machine and its trees
 * counted once or not); 1 means the retrain runs on its own thread without a pool.
 */
export function trainingThreads(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(CANDIDATES.length, cores));
}

export interface ThreadedTrainingPool extends TrainingPool {
  readonly threads: number;
  /** Stops the threads; the pool cannot be used after. */
  close(): Promise<void>;
}

class PoolThread {
  /** Packs this thread holds already. */
  readonly holds = new Set<number>();
  private pending: { resolve: (reply: TaskReply) => void; reject: (error: Error) => void } | null = null;
  failure: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: TaskReply) => {
      const pending = this.pending;
      this.pending = null;
      pending?.resolve(reply);
    });
    const fail = (error: Error): void => {
      this.failure ??= error;
      const pending = this.pending;
      this.pending = null;
      pending?.reject(this.failure);
    };
    worker.on('error', (error) => fail(new Error(`a training thread failed (${error.message})`)));
    worker.on('exit', (code) => fail(new Error(`a training thread stopped (exit code ${code})`)));
  }

  run(request: TaskRequest): Promise<TaskReply> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.worker.postMessage(request);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.failure ??= new Error('the training pool was closed');
    await this.worker.terminate();
  }
}

/**
 * Worker threads that run a retrain's independent trainings side by side (trainVersionOn). Each batch's tasks are
 * handed out one at a time to whichever thread is free. Rows and vectors are packed once into shared memory and
 * every thread reads the same copy; the models come back as their stored state, which scores as the model did.
 */
export async function createTrainingPool(threads: number): Promise<ThreadedTrainingPool> {
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`training pool: threads must be a whole number of at least 1, got ${threads}`);
  const workers = await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = startWorker('training-pool-worker', null);
      await new Promise<void>((resolve, reject) => {
        worker.once('online', resolve);
        worker.once('error', reject);
      });
      return new PoolThread(worker);
    }),
  );
  let nextPack = 0;
  const packs = new Map<Pack['kind'], WeakMap<object, Pack>>();
  const packOf = (kind: Pack['kind'], key: object, make: (id: number) => Pack): Pack => {
    if (!packs.has(kind)) packs.set(kind, new WeakMap());
    let pack = packs.get(kind)!.get(key);
    if (!pack) packs.get(kind)!.set(key, (pack = make(nextPack++)));
    return pack;
  };
  const rowsPack = (rows: readonly LabelledRow[]) =>
    packOf('rows', rows, (id) => ({ id, kind: 'rows', rows: packRows(rows) }));
  const rawPack = (rows: readonly LabelledRow[]) =>
    packOf('raw', rows, (id) => ({ id, kind: 'raw', raw: packRaw(rows) }));
  const vectorsPack = (vectors: readonly SparseVector[]) =>
    packOf('vectors', vectors, (id) => ({ id, kind: 'vectors', vectors: packVectors(vectors) }));
  const encodingPack = (encoding: FeatureEncoding) =>
    packOf('encoding', encoding, (id) => ({ id, kind: 'encoding', encoding }));

  /** The task as it travels, and the packs it names. */
  const packTask = (task: TrainingTask): { packed: PackedTask; uses: Pack[] } => {
    const uses: Pack[] = [];
    const use = (pack: Pack): number => (uses.push(pack), pack.id);
    const encoded = task.rows.encoded
      ? {
          encoding: use(encodingPack(task.rows.encoded.encoding)),
          vectors: use(vectorsPack(task.rows.encoded.vectors)),
        }
      : undefined;
    const rows = use(rowsPack(task.rows.rows));
    if (task.kind === 'logistic')
      return { packed: { kind: 'logistic', rows, encoded: encoded!, seed: task.seed }, uses };
    // Raw features are packed and rebuilt only for the tasks that read them: rebuilding 40,000 rows' objects on
    // a thread took longer than fitting a machine on their vectors.
    const trees = !!task.options.trees || (task.thenTrees?.length ?? 0) > 0;
    const judged = task.judged;
    return {
      packed: {
        kind: 'fit',
        rows,
        ...(trees || !encoded ? { raw: use(rawPack(task.rows.rows)) } : {}),
        ...(encoded ? { encoded } : {}),
        options: task.options,
        ...(task.thenTrees ? { thenTrees: task.thenTrees } : {}),
        ...(judged
          ? {
              judged: {
                rows: use(rowsPack(judged.rows)),
                ...(trees ? { raw: use(rawPack(judged.rows)) } : {}),
                vectors: use(vectorsPack(judged.vectors)),
              },
            }
          : {}),
      },
      uses,
    };
  };

  let nextTask = 0;
  let closed = false;
  return {
    threads,
    run(tasks) {
      if (closed) return Promise.reject(new Error('the training pool was closed'));
      const packed = tasks.map(packTask);
      const outcomes: TrainingOutcome[] = new Array<TrainingOutcome>(tasks.length);
      let next = 0;
      let failed = false;
      const work = async (thread: PoolThread): Promise<void> => {
        while (next < packed.length && !failed) {
          const t = next++;
          const { packed: task, uses } = packed[t]!;
          const sending = uses.filter((p) => !thread.holds.has(p.id));
          for (const p of sending) thread.holds.add(p.id);
          const reply = await thread
            .run({ id: nextTask++, packs: [...new Set(sending)], task })
            .catch((error: Error) => {
              failed = true;
              throw error;
            });
          if ('error' in reply) {
            failed = true;
            throw new Error(`a training thread failed: ${reply.error}`);
          }
          outcomes[t] = outcomeOf(reply.outcome);
        }
      };
      return Promise.all(workers.map(work)).then(() => outcomes);
    },
    async close() {
      closed = true;
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}

function outcomeOf(reply: Extract<TaskReply, { outcome: unknown }>['outcome']): TrainingOutcome {
  if (reply.kind === 'logistic')
    return {
      kind: 'logistic',
      baseline: { model: LogisticRegression.fromJSON(reply.model), l2: reply.l2, selection: reply.selection },
    };
  return {
    kind: 'fit',
    models: reply.models.map((state, m) => {
      const model = InterestModel.fromJSON(state);
      model.machine.report = reply.reports[m] ?? null;
      return model;
    }),
    scores: reply.scores,
  };
}
