import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  clientNeedsText,
  clientPitchFacts,
  fitPromptPrefix,
  fitPromptSuffix,
  productDescriptionText,
  productPitchFacts,
} from '../../../app/pitch';
import { countEmbeddings } from '../../../main/db/embedding-cache-repository';
import { LlamaEngine } from '../../../main/engine/llama-engine';
import { LlmSignals, rankingSignals } from '../../../main/llm/llm-signals';
import { sha256OfFile } from '../../../main/llm/model-hash';
import { testModelPath } from '../../fixtures/test-models';
import { tempDb } from '../db/temp-db';
import { TODAY, demo } from '../../unit/app/pitch/pitch-fixtures';

/**
 * How far a fit probability evaluated with a reused prefix may stray from one evaluated from scratch, in log-odds.
 * llama.cpp's arithmetic depends on batch shapes and on the CPU's kernels, so the two paths agree only roughly:
 * measured over 12 clients x 15 products with the tiny test model, the largest gap was 0.0098 log-odds
 * (0.0024 in probability) on a 2-core AMD EPYC with AVX2 only, and under 1e-3 in probability on the Intel
 * machines earlier runs used. 0.05 leaves five times the worst seen, and is still far below any difference
 * that would change which products an advisor sees first.
 */
/** The in-process engine with a generated model loaded on the CPU. */
async function loadedEngine(file: string): Promise<LlamaEngine> {
  const engine = new LlamaEngine({ hashOf: sha256OfFile });
  await engine.load({ path: file, gpuLayers: 0, contextSize: 'auto' });
  return engine;
}

const LOG_ODDS_TOLERANCE = 0.05;
const logOdds = (p: number): number => Math.log(p / (1 - p));

/** Same promise as the ranking makes: close in log-odds, and the same order wherever scratch tells two apart clearly. */
function expectSameFit(reused: Map<string, number | null>, fresh: Map<string, number | null>): void {
  const ids = [...fresh.keys()];
  for (const id of ids)
    expect(Math.abs(logOdds(reused.get(id)!) - logOdds(fresh.get(id)!)), id).toBeLessThan(LOG_ODDS_TOLERANCE);
  for (const a of ids) {
    for (const b of ids) {
      const apart = logOdds(fresh.get(a)!) - logOdds(fresh.get(b)!);
      if (apart > 2 * LOG_ODDS_TOLERANCE) expect(reused.get(a)!, `${a} above ${b}`).toBeGreaterThan(reused.get(b)!);
    }
  }
}

describe('language-model ranking signals with a generated model', () => {
  let model: LlamaEngine;
  let sha256: string;
  let env: ReturnType<typeof tempDb>;
  const client = demo().clients.find((c) => c.profile.kind === 'individual')!;
  const clientFacts = clientPitchFacts(client, { today: TODAY });
  const products = demo().products.slice(0, 6);

  beforeAll(async () => {
    model = await loadedEngine(await testModelPath());
    sha256 = (await model.status()).loaded!.sha256;
    env = tempDb();
  }, 120_000);
  afterAll(async () => {
    await model?.dispose();
    env?.cleanup();
  });

  it('scores N products evaluating the client prefix once, with the same probabilities as scoring each from scratch', async () => {
    const signals = new LlmSignals({ engine: model, sha256 });
    const prefix = fitPromptPrefix(clientFacts, 'en');
    const items = products.map((p) => ({ id: p.id, text: fitPromptSuffix(p, 'en') }));
    const measure = await model.measureChoice({ prefix, suffixes: items.map((item) => item.text) });
    const prefixTokens = measure.prefixTokens;
    const allSuffixes = measure.suffixTokens.reduce((a, b) => a + b, 0);
    const evaluated = () => signals.counters.fitEvaluatedTokens;

    const before = evaluated();
    const reused = await signals.fitProbabilities(prefix, items, { useCache: false });
    const reusedInput = evaluated() - before;
    // The prefix once plus at most every product's own tokens (less where suffixes start alike).
    expect(reusedInput).toBeGreaterThanOrEqual(prefixTokens + items.length);
    expect(reusedInput).toBeLessThanOrEqual(prefixTokens + allSuffixes);

    const before2 = evaluated();
    const fresh = await signals.fitProbabilities(prefix, items, { reusePrefix: false, useCache: false });
    const freshInput = evaluated() - before2;
    // From scratch, every product pays the prefix again (the meter counts a product's last token, the one asked
    // for its next-token probabilities, as output rather than input).
    expect(freshInput).toBeGreaterThanOrEqual(items.length * prefixTokens + allSuffixes - items.length);
    expect(freshInput).toBeLessThanOrEqual(items.length * prefixTokens + allSuffixes);
    expect(reusedInput).toBeLessThan(freshInput - (items.length - 1) * prefixTokens + items.length);

    for (const item of items) {
      const a = reused.get(item.id);
      const b = fresh.get(item.id);
      expect(typeof a).toBe('number');
      expect(a!).toBeGreaterThan(0);
      expect(a!).toBeLessThan(1);
      expect(typeof b).toBe('number');
    }
    expectSameFit(reused, fresh);
    // Random weights still tell products apart: not one number for all.
    expect(new Set([...reused.values()].map((v) => v!.toFixed(6))).size).toBeGreaterThan(1);

    // Remembered answers cost nothing: the second ranking of the same client evaluates no tokens.
    const remembered = await signals.fitProbabilities(prefix, items);
    const before3 = evaluated();
    expect(await signals.fitProbabilities(prefix, items)).toEqual(remembered);
    expect(evaluated() - before3).toBe(0);
    expect(signals.counters.fitCacheHits).toBe(items.length);
  }, 120_000);

  it('keeps the instructions evaluated from one client to the next, so a new client pays only their own part', async () => {
    const signals = new LlmSignals({ engine: model, sha256 });
    const other = demo().clients.find((c) => c.profile.kind === 'individual' && c.id !== client.id)!;
    const first = fitPromptPrefix(clientFacts, 'en');
    const second = fitPromptPrefix(clientPitchFacts(other, { today: TODAY }), 'en');
    const item = { id: products[0]!.id, text: fitPromptSuffix(products[0]!, 'en') };
    await signals.fitProbabilities(first, [item], { useCache: false });

    const instructions = (await model.measureChoice({ prefix: second.slice(0, 1), suffixes: [] })).prefixTokens;
    const measure = await model.measureChoice({ prefix: second, suffixes: [item.text] });
    const secondPrefix = measure.prefixTokens;
    const suffix = measure.suffixTokens[0]!;
    const before = signals.counters.fitEvaluatedTokens;
    const kept = await signals.fitProbabilities(second, [item], { useCache: false });
    const used = signals.counters.fitEvaluatedTokens - before;
    // Re-evaluating would cost the whole prompt (less the last token, which the meter counts as output); keeping
    // the instructions leaves at most the second client's piece and the product.
    expect(instructions).toBeGreaterThan(100);
    expect(used).toBeGreaterThan(0);
    expect(used).toBeLessThanOrEqual(secondPrefix - instructions + suffix);

    const fresh = await signals.fitProbabilities(second, [item], { useCache: false, reusePrefix: false });
    expectSameFit(kept, fresh);
  }, 120_000);

  it('embeds product descriptions once per model and text, so a second ranking embeds only the client', async () => {
    const needs = clientNeedsText(clientFacts, 'en');
    const items = products.map((p) => ({ id: p.id, text: productDescriptionText(productPitchFacts(p), 'en') }));
    const first = new LlmSignals({ engine: model, sha256 }, { db: env.db });
    const similarities = await first.similarities(needs, items);
    expect(first.counters.embedded).toBe(items.length + 1);
    expect(countEmbeddings(env.db, sha256)).toBe(items.length);
    for (const item of items) {
      const s = similarities.get(item.id)!;
      expect(Number.isFinite(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(1);
    }

    // A new signals object (as after restarting the app) reads the products from the database.
    const second = new LlmSignals({ engine: model, sha256 }, { db: env.db });
    const again = await second.similarities(needs, items);
    expect(second.counters.embedded).toBe(1);
    expect(second.counters.embeddingCacheHits).toBe(items.length);
    for (const item of items) expect(again.get(item.id)).toBeCloseTo(similarities.get(item.id)!, 6);

    // An edited description is embedded afresh; the others still come from the cache.
    const edited = items.map((item, i) =>
      i === 0 ? { ...item, text: `${item.text}. Now with monthly payouts.` } : item,
    );
    await second.similarities(needs, edited);
    expect(second.counters.embedded).toBe(1 + 2);
    expect(countEmbeddings(env.db, sha256)).toBe(items.length + 1);

    // Another model's cache is its own.
    const other = new LlmSignals({ engine: model, sha256: 'f'.repeat(64) }, { db: env.db });
    await other.similarities(needs, items.slice(0, 2));
    expect(other.counters.embedded).toBe(3);
  }, 120_000);

  it('gives the ranker similarity for every product and fit for the capped first ones, indexed like the products', async () => {
    const signals = new LlmSignals({ engine: model, sha256 }, { db: env.db });
    const result = await rankingSignals(signals, clientFacts, products, { maxFitProducts: 2 });
    expect(result.similarity).toHaveLength(products.length);
    expect(result.similarity.every((v) => v !== null && Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
    expect(result.fit.slice(2)).toEqual(Array(products.length - 2).fill(null));
    expect(result.fit.slice(0, 2).every((v) => v !== null && v > 0 && v < 1)).toBe(true);
    expect(signals.counters.fitEvaluations).toBe(2);
  }, 120_000);

  it('falls back to the brief instructions where a short context cannot hold the full ones, rather than give no fit', async () => {
    const file = await testModelPath({ contextLength: 1024 });
    const shortModel = await loadedEngine(file);
    const signals = new LlmSignals({ engine: shortModel, sha256: await sha256OfFile(file) });
    try {
      const suffixes = products.map((p) => fitPromptSuffix(p, 'en'));
      // This model's 1,024 tokens hold the brief instructions with the client and any product, not the full ones.
      expect(await signals.fitsFitContext(fitPromptPrefix(clientFacts, 'en'), suffixes)).toBe(false);
      expect(await signals.fitsFitContext(fitPromptPrefix(clientFacts, 'en', { brief: true }), suffixes)).toBe(true);
      const result = await rankingSignals(signals, clientFacts, products, { maxFitProducts: 3 });
      expect(result.fit.slice(0, 3).every((v) => v !== null && v > 0 && v < 1)).toBe(true);
    } finally {
      await shortModel.dispose();
    }
  }, 120_000);

  it('stops between products when its signal is aborted, so a cancelled retrain does not finish the client first', async () => {
    const signals = new LlmSignals({ engine: model, sha256 });
    const items = products.map((p) => ({ id: p.id, text: fitPromptSuffix(p, 'en') }));
    const controller = new AbortController();
    const running = signals.fitProbabilities(fitPromptPrefix(clientFacts, 'en'), items, {
      useCache: false,
      signal: controller.signal,
    });
    while (signals.counters.fitEvaluations < 1) await new Promise((resolve) => setImmediate(resolve));
    controller.abort(new Error('given up'));
    await expect(running).rejects.toThrow('given up');
    expect(signals.counters.fitEvaluations).toBeLessThan(items.length);
  }, 120_000);

  it('refuses a model hash that is not a sha256, by name', () => {
    expect(() => new LlmSignals({ engine: model, sha256: 'model.gguf' })).toThrow(
      /sha256 must be 64 lowercase hex digits/,
    );
  });
});
