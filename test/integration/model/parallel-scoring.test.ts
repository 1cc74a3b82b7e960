import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateBulkClients } from '../../../app/demo';
import { createRanker } from '../../../app/scoring/fast-ranker';
import { InterestModel } from '../../../app/scoring/interest-model';
import { marketAt, type ScoredClient } from '../../../app/scoring/scoring-context';
import { labelledRows } from '../../../app/scoring/training-rows';
import { createParallelScorer, type ParallelScorer } from '../../../main/model/parallel-scoring';
import { demo, demoBook, TODAY } from '../../unit/app/scoring/scoring-fixtures';

const data = demo();
const book = demoBook(data);
const model = InterestModel.train(labelledRows(data.interactions.slice(0, 4000), book), { model: { seed: 3 } });
const market = marketAt(data.marketSnapshots, TODAY);
const products = book.products;
const clients: ScoredClient[] = [
  ...book.clients.slice(0, 150),
  ...generateBulkClients(301, 5, TODAY).map(
    (c) => ({ ...c.profile, id: c.id, riskClass: c.riskClass }) as ScoredClient,
  ),
];

/** The single-thread ranker's scores, client by client, in the parallel scorer's layout. */
function singleThread(options?: Parameters<ReturnType<typeof createRanker>['scoreClient']>[2]): Float64Array {
  const ranker = createRanker(model, products, market, TODAY);
  const all = new Float64Array(clients.length * products.length);
  clients.forEach((client, c) => all.set(ranker.scoreClient(client, undefined, options), c * products.length));
  return all;
}

describe('parallel scoring on worker threads', () => {
  let two: ParallelScorer;
  let three: ParallelScorer;
  beforeAll(async () => {
    [two, three] = await Promise.all([
      createParallelScorer(model, products, market, TODAY, { threads: 2 }),
      createParallelScorer(model, products, market, TODAY, { threads: 3 }),
    ]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([two?.close(), three?.close()]);
  });

  it('gives every client exactly the single-thread scores, whatever the number of threads', async () => {
    const expected = singleThread();
    const [byTwo, byThree] = await Promise.all([two.scoreClients(clients), three.scoreClients(clients)]);
    expect(Array.from(byTwo)).toEqual(Array.from(expected));
    expect(Array.from(byThree)).toEqual(Array.from(expected));
    // Fewer clients than threads: the empty shares add nothing.
    expect(Array.from(await three.scoreClients(clients.slice(0, 2)))).toEqual(
      Array.from(expected.subarray(0, 2 * products.length)),
    );
    expect((await two.scoreClients([])).length).toBe(0);
  });

  it('passes the channel and moment facts through', async () => {
    const options = { channel: 'call' as const, contextAttributes: { campaign: 'spring' } };
    expect(Array.from(await two.scoreClients(clients, options))).toEqual(Array.from(singleThread(options)));
  });

  it('scores with the weights it was built with, not ones learned after', async () => {
    const before = singleThread();
    const learner = InterestModel.fromJSON(model.toJSON());
    const scorer = await createParallelScorer(learner, products, market, TODAY, { threads: 1 });
    try {
      learner.learn({ client: clients[0]!, product: products[0]!, market, at: TODAY }, true);
      expect(Array.from(await scorer.scoreClients(clients))).toEqual(Array.from(before));
    } finally {
      await scorer.close();
    }
  });

  it('refuses a thread count that is not a whole number of at least one, and any use after close', async () => {
    await expect(createParallelScorer(model, products, market, TODAY, { threads: 0 })).rejects.toThrow(
      /threads must be a whole number of at least 1, got 0/,
    );
    await expect(createParallelScorer(model, products, market, TODAY, { threads: 1.5 })).rejects.toThrow(/threads/);
    const scorer = await createParallelScorer(model, products.slice(0, 3), market, TODAY, { threads: 1 });
    await scorer.close();
    await expect(scorer.scoreClients(clients.slice(0, 1))).rejects.toThrow(/closed/);
  });
});
