// A worker thread of parallel-scoring.ts: builds one ranker from the model's stored state and scores the
// clients it is sent. It holds no database handle and logs nothing; clients arrive and scores leave as messages.
import { parentPort, workerData } from 'node:worker_threads';
import type { MarketSnapshot, Product } from '../../app/domain';
import { createRanker, type RankingOptions } from '../../app/scoring/fast-ranker';
import { InterestModel, type InterestModelState } from '../../app/scoring/interest-model';
import type { ScoredClient } from '../../app/scoring/scoring-context';

export interface ScoringWorkerData {
  model: InterestModelState;
  products: Product[];
  market: MarketSnapshot | null;
  at: string;
}

export interface ScoreRequest {
  id: number;
  clients: ScoredClient[];
  options?: RankingOptions;
}

export type ScoreReply = { id: number; scores: Float64Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('scoring-worker runs as a worker thread of parallel-scoring');
const data = workerData as ScoringWorkerData;
const ranker = createRanker(InterestModel.fromJSON(data.model), data.products, data.market, data.at);
const n = data.products.length;

port.on('message', (request: ScoreRequest) => {
  try {
    const scores = new Float64Array(request.clients.length * n);
    const row = new Float64Array(n);
    request.clients.forEach((client, c) => scores.set(ranker.scoreClient(client, row, request.options), c * n));
    port.postMessage({ id: request.id, scores } satisfies ScoreReply, [scores.buffer]);
  } catch (error) {
    port.postMessage({ id: request.id, error: (error as Error).message } satisfies ScoreReply);
  }
});
