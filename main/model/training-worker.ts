// The worker thread of train-in-worker.ts: one training run on the data it is given, answered once. It holds no
// database handle and logs nothing; the caller reads the store before and writes the version after.
import { parentPort, workerData } from 'node:worker_threads';
import { trainVersion, type TrainedVersion, type TrainingData } from './train-model-version';
import { DomainError } from '../../app/domain/domain-error';

export type TrainingReply = { ok: true; trained: TrainedVersion } | { ok: false; code: string | null; message: string };

const port = parentPort;
if (!port) throw new Error('training-worker runs as a worker thread of train-in-worker');
let reply: TrainingReply;
try {
  reply = { ok: true, trained: trainVersion(workerData as TrainingData) };
} catch (error) {
  reply = { ok: false, code: error instanceof DomainError ? error.code : null, message: (error as Error).message };
}
port.postMessage(reply);
