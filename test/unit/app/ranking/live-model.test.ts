import { describe, expect, it } from 'vitest';
import { liveModelFromParams, liveModelParams } from '../../../../app/ranking/live-model';
import { calibrate } from '../../../../app/ranking/platt-calibration';
import { modelScorer } from '../../../../app/ranking/product-scorer';
import { encodeFeatures } from '../../../../app/scoring/feature-encoding';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook } from '../scoring/scoring-fixtures';

/** Stand-in signals, a fixed function of the pair: what matters here is that they reach the features. */
function fakeSignals(clientId: string, productId: string) {
  let h = 0;
  for (const ch of `${clientId}|${productId}`) h = (h * 31 + ch.charCodeAt(0)) % 1000;
  return { similarity: h / 1000, fit: ((h * 7) % 1000) / 1000 };
}

describe('a live model trained with language-model signals', () => {
  const data = demo();
  const book = demoBook(data);
  const model = InterestModel.train(labelledRows(data.interactions.slice(0, 1500), book, { signals: fakeSignals }));
  const calibration = { kind: 'platt' as const, a: 0.9, b: 0.05, rows: 300 };
  const languageModel = { sha256: 'b'.repeat(64), file: 'qwen.gguf' };

  it('keeps the language model in its stored parameters, and reads versions stored without one as trained without', () => {
    const params = liveModelParams({ model, calibration, languageModel });
    expect(liveModelFromParams(JSON.parse(JSON.stringify(params))).languageModel).toEqual(languageModel);
    const { languageModel: _dropped, ...older } = params;
    expect(liveModelFromParams(older).languageModel).toBeNull();
    expect(
      liveModelFromParams({ ...params, languageModel: { sha256: 'not a hash', file: 'x.gguf' } }).languageModel,
    ).toBeNull();
  });

  it('scores each product with its own signals, exactly as encoding the pair with them, and as missing without them', () => {
    expect(model.encoding.numeric.map((c) => c.name)).toEqual(expect.arrayContaining(['llm.similarity', 'llm.fit']));
    const market = data.marketSnapshots.at(-1)!;
    const at = '2026-11-28T09:00:00.000Z';
    const client = book.clients[5]!;
    const products = data.products.slice(0, 30);
    // Every other product has signals; the rest are scored with them missing.
    const signals = new Map(products.filter((_, i) => i % 2 === 0).map((p) => [p.id, fakeSignals(client.id, p.id)]));
    const scores = modelScorer({ model, calibration }, { signals })(client, products, market, at);
    const plain = modelScorer({ model, calibration })(client, products, market, at);
    products.forEach((product, i) => {
      const given = signals.get(product.id);
      const x = encodeFeatures(
        model.encoding,
        rawFeatures({ client, product, market, at, channel: null, ...(given ? { signals: given } : {}) }),
      );
      expect(
        Math.abs(scores[i]!.probability - calibrate(calibration, model.machine.predictLogit(x))),
        product.id,
      ).toBeLessThan(1e-9);
      if (!given) expect(scores[i]!.probability).toBeCloseTo(plain[i]!.probability, 12);
    });
    expect(
      products.some((p, i) => signals.has(p.id) && Math.abs(scores[i]!.probability - plain[i]!.probability) > 1e-9),
    ).toBe(true);
  });
});
