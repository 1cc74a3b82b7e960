import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Interaction } from '../../app/domain';
import { clientPitchFacts } from '../../app/pitch/pitch-facts';
import type { BookOfBusiness, PairSignals } from '../../app/scoring/training-rows';
import type { Db } from '../db/connection';
import { pairKey, pairSignalsOf, type PairSignalValues } from '../../app/training/train-version';
import { LlamaEngine } from '../engine/llama-engine';
import { assertLoadable } from '../llm/gguf-check';
import { LlmSignals, rankingSignals } from '../llm/llm-signals';
import { sha256OfFile } from '../llm/model-hash';

export interface EvaluationSignals {
  signals: PairSignals;
  modelFile: string;
  sha256: string;
  /** Distinct client–product pairs given signals. */
  pairs: number;
  clients: number;
  /** Product descriptions embedded now (the rest came from the database's cache). */
  embedded: number;
  seconds: number;
}

export interface OutcomeSignals {
  /** By pairKey(clientId, productId): plain data, so a training worker can take it. */
  signals: Record<string, PairSignalValues>;
  pairs: number;
  clients: number;
  /** Product descriptions embedded now (the rest came from the cache). */
  embedded: number;
}

/**
 * Similarity and fit for every client–product pair with a recorded outcome, with a model already loaded: one
 * rankingSignals call per client (its prompt prefix evaluated once), fit for every pair. Shared by `evaluate
 * --model` and a retrain with the loaded model. An aborted `signal` stops it before the next client
 * or the next product (a client's pairs take seconds with a 0.5B model on a CPU) by throwing the signal's reason.
 */
export async function signalsForOutcomes(
  signals: LlmSignals,
  interactions: readonly Interaction[],
  book: BookOfBusiness,
  options: { today: string; onProgress?: (done: number, total: number) => void; signal?: AbortSignal | undefined },
): Promise<OutcomeSignals> {
  const out: Record<string, PairSignalValues> = {};
  const embeddedBefore = signals.counters.embedded;
  const productsByClient = new Map<string, Set<string>>();
  for (const i of interactions) {
    if (i.outcome === null) continue;
    let set = productsByClient.get(i.clientId);
    if (!set) productsByClient.set(i.clientId, (set = new Set()));
    set.add(i.productId);
  }
  const clients = new Map(book.clients.map((c) => [c.id, c]));
  const products = new Map(book.products.map((p) => [p.id, p]));
  let done = 0;
  let pairs = 0;
  let scoredClients = 0;
  for (const [clientId, productIds] of productsByClient) {
    options.signal?.throwIfAborted();
    const client = clients.get(clientId);
    const wanted = [...productIds].map((id) => products.get(id)).filter((p) => p !== undefined);
    done++;
    if (!client || wanted.length === 0) {
      options.onProgress?.(done, productsByClient.size);
      continue;
    }
    scoredClients++;
    const facts = clientPitchFacts(client, { today: options.today });
    const result = await rankingSignals(signals, facts, wanted, {
      maxFitProducts: wanted.length,
      signal: options.signal,
    });
    wanted.forEach((product, i) => {
      out[pairKey(clientId, product.id)] = { similarity: result.similarity[i] ?? null, fit: result.fit[i] ?? null };
      pairs++;
    });
    options.onProgress?.(done, productsByClient.size);
  }
  // One client text is embedded per client; the rest were product descriptions.
  return {
    signals: out,
    pairs,
    clients: scoredClients,
    embedded: signals.counters.embedded - embeddedBefore - scoredClients,
  };
}

/**
 * Language-model signals for every client–product pair with a recorded outcome, for `advisor-desk evaluate
 * --model`: similarity for each pair and fit for each pair, the client's prompt prefix evaluated once per
 * client. Product embeddings are cached in the database under the model's sha256. Costs one fit evaluation per
 * pair: about 15 ms each with the tiny test model, about two thirds of a second with a 0.5B model on 2 CPU cores
 * (`BENCH_ONLY=fit`: 635-735 ms a product with the instructions and the client's part reused).
 */
export async function computeEvaluationSignals(
  db: Db,
  modelFile: string,
  interactions: readonly Interaction[],
  book: BookOfBusiness,
  options: { today: string; onProgress?: (done: number, total: number) => void },
): Promise<EvaluationSignals> {
  const started = performance.now();
  const file = path.resolve(modelFile);
  // A file with a bad header is refused by name here, before llama.cpp could abort on it.
  await assertLoadable(file);
  const engine = new LlamaEngine({ hashOf: sha256OfFile });
  try {
    const { loaded } = await engine.load({ path: file, gpuLayers: 'auto', contextSize: 'auto' });
    if (!loaded) throw new Error(`${path.basename(file)} was not loaded.`);
    const sha256 = loaded.sha256;
    const signals = new LlmSignals({ engine, sha256 }, { db });
    const computed = await signalsForOutcomes(signals, interactions, book, options);
    return {
      signals: pairSignalsOf(computed.signals),
      modelFile: file,
      sha256,
      pairs: computed.pairs,
      clients: computed.clients,
      embedded: computed.embedded,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await engine.dispose();
  }
}
