import os from 'node:os';
import type { Worker } from 'node:worker_threads';
import type { MarketSnapshot, Product } from '../../app/domain';
import type { RankingOptions } from '../../app/scoring/fast-ranker';
import type { InterestModel } from '../../app/scoring/interest-model';
import type { ScoredClient } from '../../app/scoring/scoring-context';
import type { ScoreReply, ScoreRequest, ScoringWorkerData } from './scoring-worker';
import { startWorker } from './start-worker';

/** Scores many clients against one catalogue on several threads; the same numbers as createRanker's scoreClient. */
export interface ParallelScorer {
  readonly threads: number;
  /** Every client's probability for every product, client by client: client c's products start at c × products. */
  scoreClients(clients: readonly ScoredClient[], options?: RankingOptions): Promise<Float64Array>;
  /** Stops the threads; a scorer cannot be used after. */
  close(): Promise<void>;
}

export interface ParallelScoringOptions {
  /** Worker threads (default: the cores Node reports as available). */
  threads?: number;
}

class WorkerScorer {
  private next = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (scores: Float64Array) => void; reject: (error: Error) => void }
  >();
  private failure: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (reply: ScoreReply) => {
      const pending = this.waiting.get(reply.id);
      if (!pending) return;
      this.waiting.delete(reply.id);
      if ('error' in reply) pending.reject(new Error(`parallel scoring: ${reply.error}`));
      else pending.resolve(reply.scores);
    });
    const fail = (error: Error): void => {
      this.failure = error;
      for (const pending of this.waiting.values()) pending.reject(error);
      this.waiting.clear();
    };
    worker.on('error', (error) => fail(new Error(`parallel scoring: a scoring thread failed (${error.message})`)));
    worker.on('exit', (code) => fail(new Error(`parallel scoring: a scoring thread stopped (exit code ${code})`)));
  }

  score(clients: ScoredClient[], options: RankingOptions | undefined): Promise<Float64Array> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.postMessage({ id, clients, options } satisfies ScoreRequest);
    });
  }

  async close(): Promise<void> {
    this.worker.removeAllListeners('exit');
    this.failure = new Error('parallel scoring: the scorer was closed');
    await this.worker.terminate();
  }
}

/**
 * Worker threads that each hold a ranker for the same model state, catalogue and moment. The model travels as
 * its stored state, so every thread scores with the weights as they are now; learning afterwards does not reach
 * them (build a new scorer). Clients are split into one contiguous share per thread.
 */
export async function createParallelScorer(
  model: InterestModel,
  products: readonly Product[],
  market: MarketSnapshot | null,
  at: string,
  options: ParallelScoringOptions = {},
): Promise<ParallelScorer> {
  const threads = options.threads ?? os.availableParallelism();
  if (!Number.isInteger(threads) || threads < 1)
    throw new Error(`parallel scoring: threads must be a whole number of at least 1, got ${String(options.threads)}`);
  const data: ScoringWorkerData = { model: model.toJSON(), products: [...products], market, at };
  const workers = await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = startWorker('scoring-worker', data);
      await new Promise<void>((resolve, reject) => {
        worker.once('online', resolve);
        worker.once('error', reject);
      });
      return new WorkerScorer(worker);
    }),
  );
  const n = products.length;
  return {
    threads,
    async scoreClients(clients, rankingOptions) {
      const share = Math.ceil(clients.length / threads);
      const parts = await Promise.all(
        workers.map((w, t) => w.score(clients.slice(t * share, (t + 1) * share), rankingOptions)),
      );
      const scores = new Float64Array(clients.length * n);
      parts.forEach((part, t) => scores.set(part, t * share * n));
      return scores;
    },
    async close() {
      await Promise.all(workers.map((w) => w.close()));
    },
  };
}
