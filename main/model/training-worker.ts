// The worker thread of train-in-worker.ts: one training run on the data it is given, answered once. Where the
// machine has more than one core, the run's independent trainings go to a pool of threads of its own
// (training-pool.ts), one per core; the pool's threads end with this one, so Cancel (which ends this thread) stops
// them too. It holds no database handle and logs nothing; the caller reads the store before and writes the version
// after.
import { parentPort, workerData } from 'node:worker_threads';
import { trainVersion, trainVersionOn, type TrainedVersion, type TrainingData } from './train-model-version';
import { createTrainingPool, trainingThreads } from './training-pool';
import { DomainError } from '../../app/domain/domain-error';

export type TrainingReply = { ok: true; trained: TrainedVersion } | { ok: false; code: string | null; message: string };

/** What train-in-worker.ts sends: the data, and the threads to train on (default trainingThreads()). */
export interface TrainingWorkerData {
  data: TrainingData;
  threads?: number;
}

async function train({ data, threads = trainingThreads() }: TrainingWorkerData): Promise<TrainedVersion> {
  if (threads <= 1) return trainVersion(data);
  // The threads start while this one joins the outcomes to the book, before the first batch needs them.
  const starting = createTrainingPool(threads);
  try {
    return await trainVersionOn(data, { run: async (tasks) => (await starting).run(tasks) });
  } finally {
    await (await starting.catch(() => null))?.close();
  }
}

const port = parentPort;
if (!port) throw new Error('training-worker runs as a worker thread of train-in-worker');
let reply: TrainingReply;
try {
  reply = { ok: true, trained: await train(workerData as TrainingWorkerData) };
} catch (error) {
  reply = { ok: false, code: error instanceof DomainError ? error.code : null, message: (error as Error).message };
}
port.postMessage(reply);
