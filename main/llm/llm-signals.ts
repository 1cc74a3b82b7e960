import { createHash } from 'node:crypto';
import type { LlamaContext, LlamaContextSequence, LlamaEmbeddingContext, LlamaModel, Token } from 'node-llama-cpp';
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
import type { Db } from '../db/connection';
import { readEmbeddings, writeEmbeddings } from '../db/embedding-cache-repository';

/**
 * Language-model signals for the interest ranking, computed with whichever model the runtime loaded:
 *
 * - `similarity`: cosine similarity between the embedding of the client's needs (clientNeedsText) and of each
 *   product's description (productDescriptionText), mapped from −1..1 to 0..1. Product vectors are cached in the
 *   database per model sha256 and per text sha256, so a second ranking embeds only the client, and an edited
 *   description is embedded again. Client vectors are kept in memory only (client data is not written here).
 * - `fit`: the probability that the model answers "Yes" rather than "No" to "does this product meet this client's
 *   stated needs?", read from the next-token probabilities after fitPromptPrefix (instructions, then the client) and
 *   fitPromptSuffix, summed over the Yes and No token variants and normalised between the two. The prefix is
 *   evaluated once and kept in the sequence; each product evaluates only its own suffix (adaptStateToTokens erases
 *   the previous product's tokens, and keeps the instructions when the next client comes).
 *   No sampling options are passed to controlledEvaluate: they shrink the probability map and zero the answers.
 *
 * Both signals from a random-weight test model are noise; what they prove there is the plumbing and the cost.
 */

export interface SignalModel {
  model: LlamaModel;
  /** sha256 of the model file: the embedding cache's key. */
  sha256: string;
}

export interface LlmSignalsOptions {
  /** Evaluation threads for the signal contexts; default: what llama-instance chose. */
  threads?: number;
  /** Context for fit scoring (prefix + one suffix must fit); default 2048 or the model's training context if smaller. */
  contextSize?: number;
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

/** The Yes/No answer as the model may spell its first token: capitalised or not, with or without a leading space. */
function answerTokens(model: LlamaModel, word: string): Set<Token> {
  const out = new Set<Token>();
  for (const variant of [
    word,
    ` ${word}`,
    word.toLowerCase(),
    ` ${word.toLowerCase()}`,
    word.toUpperCase(),
    ` ${word.toUpperCase()}`,
  ]) {
    const tokens = model.tokenize(variant, false);
    // The first token decides which answer the model starts; a token both answers start with is dropped by the caller.
    const first = tokens[0];
    if (first !== undefined && model.detokenize([first]).trim().length > 0) out.add(first);
  }
  return out;
}

export class LlmSignals {
  readonly counters: SignalCounters = { embedded: 0, embeddingCacheHits: 0, fitEvaluations: 0, fitCacheHits: 0 };
  private embeddingContext: Promise<LlamaEmbeddingContext> | null = null;
  private fitContext: Promise<{ context: LlamaContext; sequence: LlamaContextSequence }> | null = null;
  private readonly memoryEmbeddings = new Map<string, Float32Array>();
  private readonly fitCache = new Map<string, number | null>();
  private answers: { yes: Set<Token>; no: Set<Token> } | null = null;
  private disposed = false;

  constructor(
    readonly source: SignalModel,
    private readonly options: LlmSignalsOptions = {},
  ) {
    if (!/^[0-9a-f]{64}$/.test(source.sha256))
      throw new Error(`The model's sha256 must be 64 lowercase hex digits, got "${source.sha256.slice(0, 80)}".`);
  }

  private threads(): number | undefined {
    return this.options.threads;
  }

  private embedder(): Promise<LlamaEmbeddingContext> {
    if (this.disposed) throw new Error('These language-model signals were disposed with their model.');
    this.embeddingContext ??= this.source.model.createEmbeddingContext({
      contextSize: Math.min(512, this.source.model.trainContextSize),
      ...(this.threads() ? { threads: this.threads() } : {}),
    });
    this.embeddingContext.catch(() => (this.embeddingContext = null));
    return this.embeddingContext;
  }

  /** The fit sequence, for tests and the benchmark (its tokenMeter counts what was evaluated). */
  async fitSequence(): Promise<LlamaContextSequence> {
    if (this.disposed) throw new Error('These language-model signals were disposed with their model.');
    this.fitContext ??= (async () => {
      const contextSize = this.options.contextSize ?? Math.min(2048, this.source.model.trainContextSize);
      const context = await this.source.model.createContext({
        contextSize,
        sequences: 1,
        ...(this.threads() ? { threads: this.threads() } : {}),
      });
      return { context, sequence: context.getSequence() };
    })();
    this.fitContext.catch(() => (this.fitContext = null));
    return (await this.fitContext).sequence;
  }

  private async embed(text: string): Promise<Float32Array> {
    const embedder = await this.embedder();
    let tokens = this.source.model.tokenize(text, false);
    const room = embedder.model.trainContextSize > 0 ? Math.min(512, embedder.model.trainContextSize) : 512;
    if (tokens.length > room) tokens = tokens.slice(0, room);
    if (tokens.length === 0) tokens = this.source.model.tokenize(' ', false);
    const { vector } = await embedder.getEmbeddingFor(tokens);
    this.counters.embedded++;
    return Float32Array.from(vector);
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
    const fresh: { modelSha256: string; textSha256: string; vector: Float32Array }[] = [];
    for (let i = 0; i < products.length; i++) {
      const h = hashes[i]!;
      if (vectors.has(h)) continue;
      options.signal?.throwIfAborted();
      const vector = await this.embed(products[i]!.text);
      vectors.set(h, vector);
      fresh.push({ modelSha256: modelSha, textSha256: h, vector });
    }
    if (fresh.length > 0 && this.options.db) writeEmbeddings(this.options.db, fresh);
    for (const [h, v] of vectors) this.memoryEmbeddings.set(h, v);

    const client = await this.embed(clientText);
    const out = new Map<string, number>();
    products.forEach((p, i) => out.set(p.id, (cosineSimilarity(client, vectors.get(hashes[i]!)!) + 1) / 2));
    return out;
  }

  private answerSets(): { yes: Set<Token>; no: Set<Token> } {
    if (!this.answers) {
      const yes = answerTokens(this.source.model, FIT_ANSWER_YES);
      const no = answerTokens(this.source.model, FIT_ANSWER_NO);
      for (const token of [...yes]) {
        if (!no.has(token)) continue;
        yes.delete(token);
        no.delete(token);
      }
      if (yes.size === 0 || no.size === 0)
        throw new Error(
          `This model's vocabulary has no distinct first token for "${FIT_ANSWER_YES}" and "${FIT_ANSWER_NO}", so it cannot give a fit probability.`,
        );
      this.answers = { yes, no };
    }
    return this.answers;
  }

  /**
   * The tokens of one fit question: BOS (when the model has one), each prefix piece, then the product's suffix. Each
   * piece is tokenized on its own (later ones as continuations), so a piece's tokens never depend on what follows
   * and the instructions tokenize the same for every client.
   */
  fitTokens(prefix: readonly string[], suffix: string): { prefix: Token[]; full: Token[] } {
    const prefixTokens = this.prefixTokens(prefix);
    return { prefix: prefixTokens, full: [...prefixTokens, ...this.suffixTokens(suffix)] };
  }

  private prefixTokens(prefix: readonly string[]): Token[] {
    const model = this.source.model;
    const bos = model.tokens.bos;
    const tokens: Token[] = bos !== null && model.tokens.shouldPrependBosToken ? [bos] : [];
    prefix.forEach((piece, i) =>
      tokens.push(...(i === 0 ? model.tokenize(piece, false) : model.tokenize(piece, false, 'trimLeadingSpace'))),
    );
    return tokens;
  }

  private suffixTokens(suffix: string): Token[] {
    return this.source.model.tokenize(suffix, false, 'trimLeadingSpace');
  }

  /** Whether the fit question with this prefix fits the fit context with every one of these suffixes. */
  async fitsFitContext(prefix: readonly string[], suffixes: readonly string[]): Promise<boolean> {
    const sequence = await this.fitSequence();
    const room = sequence.contextSize - this.prefixTokens(prefix).length;
    return suffixes.every((suffix) => this.suffixTokens(suffix).length < room);
  }

  /**
   * P(Yes) for each product, given the prefix pieces (fitPromptPrefix: instructions, then the client). With
   * `reusePrefix` (the default) whatever start of the prompt the sequence already holds stays evaluated: the
   * instructions from the previous client, this client's piece after their first product, so each product costs
   * only its suffix. Without it every product is evaluated from scratch (the benchmark's and the test's
   * comparison). A prompt longer than the context gives null for that product.
   */
  async fitProbabilities(
    prefix: readonly string[],
    products: readonly TextItem[],
    options: { reusePrefix?: boolean; useCache?: boolean; signal?: AbortSignal | undefined } = {},
  ): Promise<Map<string, number | null>> {
    const reuse = options.reusePrefix ?? true;
    const useCache = options.useCache ?? true;
    const sequence = await this.fitSequence();
    const { yes, no } = this.answerSets();
    const prefixKey = sha256(`${this.source.sha256}\n${prefix.join('\u0000')}`);
    // Tokenized once for all products (the instructions and the client run to hundreds of tokens).
    let prefixTokens: Token[] | null = null;
    const out = new Map<string, number | null>();
    for (const product of products) {
      const key = `${prefixKey}:${sha256(product.text)}`;
      if (useCache && this.fitCache.has(key)) {
        this.counters.fitCacheHits++;
        out.set(product.id, this.fitCache.get(key)!);
        continue;
      }
      // A retrain given up stops here, between products, rather than after the whole client.
      options.signal?.throwIfAborted();
      prefixTokens ??= this.prefixTokens(prefix);
      const full: Token[] = [...prefixTokens, ...this.suffixTokens(product.text)];
      let probability: number | null = null;
      if (full.length < sequence.contextSize) {
        let start = 0;
        if (reuse) {
          // Keep whatever the sequence already holds of this prompt (the client's prefix, a shared start of the
          // suffix), always leaving at least the last token to evaluate so there is a next-token distribution.
          await sequence.adaptStateToTokens(full.slice(0, -1), false);
          start = sequence.nextTokenIndex;
        } else {
          await sequence.clearHistory();
        }
        const input = full.slice(start);
        const last = input.length - 1;
        const result = await sequence.controlledEvaluate(
          input.map((token, i) => (i === last ? [token, { generateNext: { probabilities: true } }] : token)),
        );
        const probabilities = result[last]?.next.probabilities;
        if (probabilities) {
          let pYes = 0;
          let pNo = 0;
          for (const t of yes) pYes += probabilities.get(t) ?? 0;
          for (const t of no) pNo += probabilities.get(t) ?? 0;
          probability = pYes + pNo > 0 && Number.isFinite(pYes + pNo) ? pYes / (pYes + pNo) : null;
        }
        this.counters.fitEvaluations++;
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

  /** Frees the signal contexts; the model itself belongs to the runtime. */
  async dispose(): Promise<void> {
    this.disposed = true;
    const embedding = this.embeddingContext;
    const fit = this.fitContext;
    this.embeddingContext = null;
    this.fitContext = null;
    await Promise.allSettled([embedding?.then((c) => c.dispose()), fit?.then(({ context }) => context.dispose())]);
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
