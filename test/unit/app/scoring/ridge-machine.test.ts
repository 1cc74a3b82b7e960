import { describe, expect, it } from 'vitest';
import { auc } from '../../../../app/eval/metrics';
import { createRanker } from '../../../../app/scoring/fast-ranker';
import { encodeRows, fitEncoding } from '../../../../app/scoring/feature-encoding';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { LogisticRegression } from '../../../../app/scoring/logistic-regression';
import { CANDIDATES } from '../../../../app/scoring/model-selection';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import type { RawFeatures } from '../../../../app/scoring/scoring-context';
import { marketAt } from '../../../../app/scoring/scoring-context';
import { createSeededRandom } from '../../../../app/scoring/seeded-random';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { modelScorer } from '../../../../app/ranking/product-scorer';
import { demo, demoBook, TODAY } from './scoring-fixtures';

/**
 * Outcomes where one client number drives interest and each of 2,000 clients has only a handful of outcomes whose
 * labels say nothing about the client beyond that number: a client's own id is noise to be held back.
 */
function fewPerClient(n: number, seed: number): { raw: RawFeatures; label: number }[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => {
    const x = random.normal();
    const client = `C${Math.floor(random.next() * 2000)}`;
    return {
      raw: { numeric: { 'client.x': x }, categorical: { 'client.id': [client] } },
      label: random.next() < 1 / (1 + Math.exp(-(-1 + 0.5 * x))) ? 1 : 0,
    };
  });
}

describe('logistic regression with the same L2 on every weight', () => {
  const train = fewPerClient(8000, 1);
  const test = fewPerClient(4000, 2);
  const encoding = fitEncoding(train.map((r) => r.raw));
  const examples = encodeRows(
    encoding,
    train.map((r) => r.raw),
  ).map((x, i) => ({ x, y: train[i]!.label }));
  const testX = encodeRows(
    encoding,
    test.map((r) => r.raw),
  );
  const labels = test.map((r) => r.label);
  const options = { l2: 1e-3, epochs: 8, validationShare: 0 };
  const perRow = LogisticRegression.train(examples, encoding.dimension, options);
  const alike = LogisticRegression.train(examples, encoding.dimension, { ...options, l2Scaling: 'frequency' });
  const idWeights = (model: LogisticRegression) => {
    const weights = model.toJSON().weights;
    const ids = Object.values(encoding.categorical.find((c) => c.name === 'client.id')!.values);
    return ids.reduce((s, i) => s + Math.abs(weights[i]!), 0) / ids.length;
  };

  it("holds back a rarely seen client's own weight, and ranks new outcomes of the same clients better", () => {
    expect(idWeights(alike)).toBeLessThan(idWeights(perRow) / 2);
    expect(
      auc(
        testX.map((x) => alike.predictLogit(x)),
        labels,
      )!,
    ).toBeGreaterThan(
      auc(
        testX.map((x) => perRow.predictLogit(x)),
        labels,
      )!,
    );
  });

  it('keeps the per-feature shrinkage through JSON, so it learns on after a restart as before', () => {
    const back = LogisticRegression.fromJSON(JSON.parse(JSON.stringify(alike.toJSON())));
    const x = testX[0]!;
    back.update(x, 1);
    const again = LogisticRegression.fromJSON(alike.toJSON());
    again.update(x, 1);
    expect(back.predict(x)).toBe(again.predict(x));
    expect(back.toJSON().l2Scale).toEqual(alike.toJSON().l2Scale);
    // An older stored regression has no scale and reads back as before.
    const { l2Scale: _, ...older } = perRow.toJSON();
    expect(LogisticRegression.fromJSON(older).predict(x)).toBe(perRow.predict(x));
  });
});

describe("the interest model's 'ridge' candidate", () => {
  const data = demo();
  const book = demoBook(data);
  const rows = labelledRows(data.interactions, book);
  const ridge = CANDIDATES.find((c) => c.name === 'ridge')!;
  const model = InterestModel.train(rows, { ...ridge.options, model: { seed: 2 } });
  const market = marketAt(data.marketSnapshots, TODAY);

  it('is stored and read back as any interest model, and scores the same', () => {
    const back = InterestModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const client of book.clients.slice(0, 5))
      for (const product of book.products) {
        const context = { client, product, market, at: TODAY };
        expect(back.score(context)).toBe(model.score(context));
      }
  });

  it('ranks with the fast ranker as one pair at a time, and its reasons add up to the logit', () => {
    const ranker = createRanker(model, book.products, market, TODAY);
    const bias = model.machine.toJSON().bias;
    for (const client of book.clients.slice(0, 20)) {
      const out = ranker.scoreClient(client);
      book.products.forEach((product, p) => {
        expect(Math.abs(out[p]! - model.score({ client, product, market, at: TODAY }))).toBeLessThan(1e-9);
        const total = model
          .contributions(rawFeatures({ client, product, market, at: TODAY }))
          .reduce((s, c) => s + c.value, 0);
        expect(Math.abs(bias + total - Math.log(out[p]! / (1 - out[p]!)))).toBeLessThan(1e-6);
      });
    }
    const client = book.clients[0]!;
    const scored = modelScorer({ model, calibration: null })(client, book.products, market, TODAY, book.products);
    expect(scored.some((s) => s.explain().length > 0)).toBe(true);
  });

  it('learns a recorded outcome at once, as the other candidates do', () => {
    const learner = InterestModel.fromJSON(model.toJSON());
    const context = { client: book.clients[0]!, product: book.products[0]!, market, at: TODAY };
    const before = learner.score(context);
    learner.learn(context, true);
    expect(learner.score(context)).toBeGreaterThan(before);
  });
});
