import { createHash } from 'node:crypto';
import type { Language } from '../../app/domain/enums';
import type { Product } from '../../app/domain';
import {
  FIT_ANSWER_NO,
  FIT_ANSWER_YES,
  clientNeedsText,
  fitPromptPrefix,
  fitPromptSuffix,
  productDescriptionText,
} from '../../app/pitch/fit-prompt';
import type { PitchFact } from '../../app/pitch/pitch-facts';
import { productPitchFacts } from '../../app/pitch/pitch-facts';
import type { LanguageModel } from '../../app/ports/language-model';
import type { Db } from '../db/connection';
import { readEmbeddings, writeEmbeddings } from '../db/embedding-cache-repository';

/**
 * Language-model signals for the interest ranking, asked of whichever model the engine holds:
 *
 * - `similarity`: cosine similarity between the embedding of the client's needs (clientNeedsText) and of each
 *   product's description (productDescriptionText), mapped from −1..1 to 0..1. Product vectors are cached in the
 *   database per model sha256 and per text sha256, so a second ranking embeds only the client, and an edited
 *   description is embedded again. Client vectors are kept in memory only (client data is not written here).
 * - `fit`: the probability that the model answers "Yes" rather than "No" to "does this product meet this client's
 *   stated needs?", read from the next-token probabilities after fitPromptPrefix (instructions, then the client) and
 *   fitPromptSuffix, normalised between the two answers. The engine keeps the prefix evaluated, so each product
 *   pays only for its own suffix (docs/adr/0003-fit-prompt-in-three-pieces.md).
 */

export interface SignalModel {
  engine: LanguageModel;
  /** sha256 of the model file the engine holds: the caches' key. */
  sha256: string;
}

export interface LlmSignalsOptions {
  /** Where product embeddings are cached; without it they are cached in memory only. */
  db?: Db;
  /** Fit probabilities remembered in memory, most recent first out. Default 5,000. */
  fitCacheEntries?: number;
}

export interface TextItem {
  id: string;
  text: string;
}

export interface SignalCounters {
  /** Texts embedded by the model (cache misses and client texts). */
  embedded: number;
  /** Product embeddings read from the cache. */
  embeddingCacheHits: number;
  /** Fit probabilities computed by evaluating tokens. */
  fitEvaluations: number;
  /** Fit probabilities answered from memory. */
  fitCacheHits: number;
  /** Prompt tokens the engine evaluated for fit probabilities: what shows the prefix was reused. */
  fitEvaluatedTokens: number;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function cosineSimilarity(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`Cannot compare embeddings of ${a.length} and ${b.length} dimensions.`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  if (na === 0 || nb === 0) return 0;
  return Math.max(-1, Math.min(1, dot / Math.sqrt(na * nb)));
}

export class LlmSignals {
  readonly counters: SignalCounters = {
    embedded: 0,
    embeddingCacheHits: 0,
    fitEvaluations: 0,
    fitCacheHits: 0,
    fitEvaluatedTokens: 0,
  };
  private readonly memoryEmbeddings = new Map<string, Float32Array>();
  private readonly fitCache = new Map<string, number | null>();

  constructor(
    readonly source: SignalModel,
    private readonly options: LlmSignalsOptions = {},
  ) {
    if (!/^[0-9a-f]{64}$/.test(source.sha256))
      throw new Error(`The model's sha256 must be 64 lowercase hex digits, got "${source.sha256.slice(0, 80)}".`);
  }

  private async embed(texts: readonly string[], signal?: AbortSignal): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const vectors = await this.source.engine.embed(texts, { signal });
    this.counters.embedded += vectors.length;
    return vectors.map((v) => Float32Array.from(v));
  }

  /**
   * Similarity of the client's needs to each product description, 0..1 (0.5 = unrelated). Products' vectors come
   * from the cache when this model embedded the same text before.
   */
  async similarities(
    clientText: string,
    products: readonly TextItem[],
    options: { signal?: AbortSignal | undefined } = {},
  ): Promise<Map<string, number>> {
    const modelSha = this.source.sha256;
    const hashes = products.map((p) => sha256(p.text));
    const vectors = new Map<string, Float32Array>();
    const wanted = [...new Set(hashes)].filter((h) => {
      const inMemory = this.memoryEmbeddings.get(h);
      if (inMemory) vectors.set(h, inMemory);
      return !inMemory;
    });
    if (this.options.db && wanted.length > 0) {
      for (const [h, v] of readEmbeddings(this.options.db, modelSha, wanted)) vectors.set(h, v);
    }
    this.counters.embeddingCacheHits += products.length - hashes.filter((h) => !vectors.has(h)).length;
    const missing = new Map<string, string>();
    products.forEach((p, i) => {
      if (!vectors.has(hashes[i]!)) missing.set(hashes[i]!, p.text);
    });
    const fresh = await this.embed([...missing.values()], options.signal);
    const rows = [...missing.keys()].map((h, i) => ({ modelSha256: modelSha, textSha256: h, vector: fresh[i]! }));
    for (const row of rows) vectors.set(row.textSha256, row.vector);
    if (rows.length > 0 && this.options.db) writeEmbeddings(this.options.db, rows);
    for (const [h, v] of vectors) this.memoryEmbeddings.set(h, v);

    const [client] = await this.embed([clientText], options.signal);
    const out = new Map<string, number>();
    products.forEach((p, i) => out.set(p.id, (cosineSimilarity(client!, vectors.get(hashes[i]!)!) + 1) / 2));
    return out;
  }

  /** Whether the fit question with this prefix fits the engine's choice context with every one of these suffixes. */
  async fitsFitContext(prefix: readonly string[], suffixes: readonly string[]): Promise<boolean> {
    const measure = await this.source.engine.measureChoice({ prefix, suffixes });
    const room = measure.contextSize - measure.prefixTokens;
    return measure.suffixTokens.every((tokens) => tokens < room);
  }

  /**
   * P(Yes) for each product, given the prefix pieces (fitPromptPrefix: instructions, then the client). With
   * `reusePrefix` (the default) the engine keeps whatever start of the prompt it already holds; without it every
   * product is evaluated from scratch (the benchmark's and the test's comparison). A prompt longer than the
   * context gives null for that product.
   */
  async fitProbabilities(
    prefix: readonly string[],
    products: readonly TextItem[],
    options: { reusePrefix?: boolean; useCache?: boolean; signal?: AbortSignal | undefined } = {},
  ): Promise<Map<string, number | null>> {
    const useCache = options.useCache ?? true;
    const prefixKey = sha256(`${this.source.sha256}\n${prefix.join('\u0000')}`);
    const keyOf = (item: TextItem) => `${prefixKey}:${sha256(item.text)}`;
    const out = new Map<string, number | null>();
    for (const product of products) {
      const key = keyOf(product);
      if (useCache && this.fitCache.has(key)) {
        this.counters.fitCacheHits++;
        out.set(product.id, this.fitCache.get(key)!);
        continue;
      }
      // One product per call, so a retrain given up stops here, between products, rather than after the client;
      // the engine keeps the prefix evaluated (and tokenized) from one call to the next.
      options.signal?.throwIfAborted();
      const result = await this.source.engine.chooseNext(
        {
          prefix,
          suffixes: [product.text],
          answers: [FIT_ANSWER_YES, FIT_ANSWER_NO],
          ...(options.reusePrefix === false ? { reusePrefix: false } : {}),
        },
        { signal: options.signal },
      );
      this.counters.fitEvaluatedTokens += result.evaluatedTokens;
      const answer = result.probabilities[0] ?? null;
      let probability: number | null = null;
      if (answer) {
        this.counters.fitEvaluations++;
        const [pYes = 0, pNo = 0] = answer;
        probability = pYes + pNo > 0 && Number.isFinite(pYes + pNo) ? pYes / (pYes + pNo) : null;
      }
      if (useCache) this.remember(key, probability);
      out.set(product.id, probability);
    }
    return out;
  }

  private remember(key: string, value: number | null): void {
    const limit = this.options.fitCacheEntries ?? 5000;
    this.fitCache.delete(key);
    this.fitCache.set(key, value);
    while (this.fitCache.size > limit) this.fitCache.delete(this.fitCache.keys().next().value!);
  }
}

/** Default cap on products given a fit probability per ranking: about a second per 10 products for a 0.5B model on 2 cores. */
export const DEFAULT_FIT_PRODUCTS = 20;

/**
 * The signals the fast ranker takes (RankingOptions.signals), indexed like `products`: similarity for every product
 * (cheap once product vectors are cached), fit for at most `maxFitProducts` of them (the first ones: pass the
 * products in the order they should get it, e.g. the suitable ones by their score without signals); the rest get
 * null, which the model reads as a missing value. Remembered answers are reused, so a second ranking of the same
 * client costs one client embedding.
 */
export async function rankingSignals(
  signals: LlmSignals,
  clientFacts: readonly PitchFact[],
  products: readonly Product[],
  options: { language?: Language; maxFitProducts?: number; signal?: AbortSignal | undefined } = {},
): Promise<{ similarity: (number | null)[]; fit: (number | null)[] }> {
  const language = options.language ?? 'en';
  const maxFit = Math.max(0, options.maxFitProducts ?? DEFAULT_FIT_PRODUCTS);
  const facts = products.map((p) => productPitchFacts(p));
  const similarity = await signals.similarities(
    clientNeedsText(clientFacts, language),
    products.map((p, i) => ({ id: p.id, text: productDescriptionText(facts[i]!, language) })),
    { signal: options.signal },
  );
  const fitItems = products.slice(0, maxFit).map((p) => ({ id: p.id, text: fitPromptSuffix(p, language) }));
  let prefix = fitPromptPrefix(clientFacts, language);
  // A short context that cannot hold the full instructions with this client and their longest product line gets
  // the brief instructions instead; where even those do not fit, fitProbabilities answers null for that product.
  if (
    !(await signals.fitsFitContext(
      prefix,
      fitItems.map((item) => item.text),
    ))
  )
    prefix = fitPromptPrefix(clientFacts, language, { brief: true });
  const fit = await signals.fitProbabilities(prefix, fitItems, { signal: options.signal });
  return {
    similarity: products.map((p) => similarity.get(p.id) ?? null),
    fit: products.map((p) => fit.get(p.id) ?? null),
  };
}
