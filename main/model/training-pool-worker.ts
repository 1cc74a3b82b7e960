// A worker thread of training-pool.ts: runs the training tasks it is sent (runTrainingTask, the same code the retrain
// runs on one thread) on rows shared with the other threads, and answers each with the models' stored state. It holds
// no database handle and logs nothing.
import { parentPort } from 'node:worker_threads';
import type { EpochReport } from '../../app/scoring/early-stopping';
import type { FeatureEncoding, SparseVector } from '../../app/scoring/feature-encoding';
import type { InterestModelState } from '../../app/scoring/interest-model';
import type { LogisticRegressionState } from '../../app/scoring/logistic-regression';
import type { LabelledRow } from '../../app/scoring/training-rows';
import { runTrainingTask, type TrainingTask } from '../../app/training/training-tasks';
import { unpackRows, unpackVectors, type Pack } from './packed-rows';
import type { PackedTask } from './training-pool';

export interface TaskRequest {
  id: number;
  /** Packs this thread has not been sent before; later tasks name them by id. */
  packs: Pack[];
  task: PackedTask;
}

export type TaskReply =
  | {
      id: number;
      outcome:
        | {
            kind: 'fit';
            models: InterestModelState[];
            /** The machines' training reports, which the stored state leaves out. */
            reports: (EpochReport | null)[];
            scores: Float64Array[];
          }
        | { kind: 'logistic'; model: LogisticRegressionState; l2: number; selection: { l2: number; logLoss: number }[] };
    }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('training-pool-worker runs as a worker thread of training-pool');

const packs = new Map<number, Pack>();
const unpacked = new Map<number, LabelledRow[] | SparseVector[] | FeatureEncoding>();

function rowsOf(id: number): LabelledRow[] {
  const pack = packs.get(id);
  if (pack?.kind !== 'rows') throw new Error(`training pool: rows ${id} were not sent`);
  if (!unpacked.has(id)) unpacked.set(id, unpackRows(pack.rows));
  return unpacked.get(id) as LabelledRow[];
}

function vectorsOf(id: number): SparseVector[] {
  const pack = packs.get(id);
  if (pack?.kind !== 'vectors') throw new Error(`training pool: vectors ${id} were not sent`);
  if (!unpacked.has(id)) unpacked.set(id, unpackVectors(pack.vectors));
  return unpacked.get(id) as SparseVector[];
}

function encodingOf(id: number): FeatureEncoding {
  const pack = packs.get(id);
  if (pack?.kind !== 'encoding') throw new Error(`training pool: encoding ${id} was not sent`);
  return pack.encoding;
}

function taskOf(packed: PackedTask): TrainingTask {
  const encoded = packed.encoded
    ? { encoding: encodingOf(packed.encoded.encoding), vectors: vectorsOf(packed.encoded.vectors) }
    : undefined;
  const rows = rowsOf(packed.rows);
  if (packed.kind === 'logistic') {
    if (!encoded) throw new Error('training pool: a logistic task came without encoded rows');
    return { kind: 'logistic', rows: { rows, encoded }, seed: packed.seed };
  }
  return {
    kind: 'fit',
    rows: encoded ? { rows, encoded } : { rows },
    options: packed.options,
    ...(packed.thenTrees ? { thenTrees: packed.thenTrees } : {}),
    ...(packed.judged ? { judged: { rows: rowsOf(packed.judged.rows), vectors: vectorsOf(packed.judged.vectors) } } : {}),
  };
}

port.on('message', (request: TaskRequest) => {
  try {
    for (const pack of request.packs) packs.set(pack.id, pack);
    const outcome = runTrainingTask(taskOf(request.task));
    if (outcome.kind === 'logistic') {
      const { model, l2, selection } = outcome.baseline;
      port.postMessage({ id: request.id, outcome: { kind: 'logistic', model: model.toJSON(), l2, selection } });
      return;
    }
    const reply: TaskReply = {
      id: request.id,
      outcome: {
        kind: 'fit',
        models: outcome.models.map((m) => m.toJSON()),
        reports: outcome.models.map((m) => m.machine.report),
        scores: outcome.scores,
      },
    };
    port.postMessage(
      reply,
      outcome.scores.map((s) => s.buffer as ArrayBuffer),
    );
  } catch (error) {
    port.postMessage({ id: request.id, error: (error as Error).message } satisfies TaskReply);
  }
});
