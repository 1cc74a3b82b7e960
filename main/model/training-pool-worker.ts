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
        | {
            kind: 'logistic';
            model: LogisticRegressionState;
            l2: number;
            selection: { l2: number; logLoss: number }[];
          };
    }
  | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('training-pool-worker runs as a worker thread of training-pool');

const packs = new Map<number, Pack>();
const rowsUnpacked = new Map<string, LabelledRow[]>();
const vectorsUnpacked = new Map<number, SparseVector[]>();

/** The rows, with their raw features when `rawId` names them; rebuilt once per thread. */
function rowsOf(id: number, rawId?: number): LabelledRow[] {
  const key = `${id}:${rawId ?? ''}`;
  let rows = rowsUnpacked.get(key);
  if (!rows) {
    const pack = packs.get(id);
    if (pack?.kind !== 'rows') throw new Error(`training pool: rows ${id} were not sent`);
    const raw = rawId === undefined ? undefined : packs.get(rawId);
    if (raw && raw.kind !== 'raw') throw new Error(`training pool: raw features ${rawId} were not sent`);
    rowsUnpacked.set(key, (rows = unpackRows(pack.rows, raw?.raw)));
  }
  return rows;
}

function vectorsOf(id: number): SparseVector[] {
  let vectors = vectorsUnpacked.get(id);
  if (!vectors) {
    const pack = packs.get(id);
    if (pack?.kind !== 'vectors') throw new Error(`training pool: vectors ${id} were not sent`);
    vectorsUnpacked.set(id, (vectors = unpackVectors(pack.vectors)));
  }
  return vectors;
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
  const rows = rowsOf(packed.rows, packed.kind === 'fit' ? packed.raw : undefined);
  if (packed.kind === 'logistic') {
    if (!encoded) throw new Error('training pool: a logistic task came without encoded rows');
    return { kind: 'logistic', rows: { rows, encoded }, seed: packed.seed };
  }
  return {
    kind: 'fit',
    rows: encoded ? { rows, encoded } : { rows },
    options: packed.options,
    ...(packed.thenTrees ? { thenTrees: packed.thenTrees } : {}),
    ...(packed.judged
      ? { judged: { rows: rowsOf(packed.judged.rows, packed.judged.raw), vectors: vectorsOf(packed.judged.vectors) } }
      : {}),
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
