import { startWorker } from './start-worker';
import type { TrainedVersion, TrainingData } from './train-model-version';
import type { TrainingReply, TrainingWorkerData } from './training-worker';
import { DomainError, type DomainErrorCode } from '../../app/domain/domain-error';

/**
 * trainVersion on a worker thread, so the backend keeps answering while a model trains (seconds on a large
 * book). A refusal comes back as the same DomainError; a thread that fails or stops without answering is an error.
 * An aborted `signal` ends the thread (and the pool of threads it trains on) and rejects with the signal's reason.
 * `threads`: how many threads the training runs on (default: one per core, see trainingThreads).
 */
export function trainInWorker(
  data: TrainingData,
  signal?: AbortSignal,
  options: { threads?: number } = {},
): Promise<TrainedVersion> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const worker = startWorker('training-worker', { data, ...options } satisfies TrainingWorkerData);
    let settled = false;
    const settle = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
      void worker.terminate();
    };
    const onAbort = (): void => settle(() => reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.once('message', (reply: TrainingReply) =>
      settle(() =>
        reply.ok
          ? resolve(reply.trained)
          : reject(
              reply.code
                ? new DomainError(reply.code as DomainErrorCode, reply.message)
                : new Error(`training failed: ${reply.message}`),
            ),
      ),
    );
    worker.once('error', (error) =>
      settle(() => reject(new Error(`training failed: the training thread stopped (${error.message})`))),
    );
    worker.once('exit', (code) =>
      settle(() => reject(new Error(`training failed: the training thread exited (code ${code}) without an answer`))),
    );
  });
}
