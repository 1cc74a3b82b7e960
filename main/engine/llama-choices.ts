import type { LlamaContext, LlamaContextSequence, LlamaEmbeddingContext, LlamaModel, Token } from 'node-llama-cpp';
import type { ChoiceMeasure, ChoiceRequest, ChoiceResult, WorkOptions } from '../../app/ports/language-model';
import { withThreadCeiling } from '../llm/llama-instance';

export interface ChoiceContextOptions {
  /**
   * The most evaluation threads the contexts made here may use; the instance's `maxThreads` (set by the runtime's
   * measurement) decides how many each decode gets.
   */
  threads: number;
  /** Context for choices (prefix + one suffix must fit); default 2048 or the model's training context if smaller. */
  contextSize?: number;
}

/** Embeddings see at most this many tokens of a text: descriptions and needs are short, and it keeps contexts small. */
const EMBEDDING_TOKENS = 512;

/**
 * The first tokens an answer word may start with: capitalised or not, upper case, with or without a leading space.
 * Only the first token decides which answer the model starts.
 */
function spellings(model: LlamaModel, word: string): Set<Token> {
  const out = new Set<Token>();
  const lower = word.toLowerCase();
  const upper = word.toUpperCase();
  for (const variant of [word, ` ${word}`, lower, ` ${lower}`, upper, ` ${upper}`]) {
    const first = model.tokenize(variant, false)[0];
    if (first !== undefined && model.detokenize([first]).trim().length > 0) out.add(first);
  }
  return out;
}

/**
 * Next-token choices and embeddings on a loaded model, each in a context of its own beside the generation context,
 * made on first use and kept until the model goes. The choice context keeps what it evaluated, so the next
 * prompt that starts the same way pays only for what differs.
 */
export class LlamaChoices {
  private embeddingContext: Promise<LlamaEmbeddingContext> | null = null;
  private choiceContext: Promise<{ context: LlamaContext; sequence: LlamaContextSequence }> | null = null;
  private readonly answers = new Map<string, Token[][]>();
  /** The last prefix tokenized: a ranking asks about one product at a time with the same instructions and client. */
  private lastPrefix: { key: string; tokens: Token[] } | null = null;
  private disposed = false;

  constructor(
    private readonly model: LlamaModel,
    private readonly options: ChoiceContextOptions,
  ) {}

  private alive(): void {
    if (this.disposed) throw new Error('The model these choices were made with has been unloaded.');
  }

  private embedder(): Promise<LlamaEmbeddingContext> {
    this.alive();
    this.embeddingContext ??= withThreadCeiling(this.model.llama, this.options.threads, () =>
      this.model.createEmbeddingContext({
        contextSize: Math.min(EMBEDDING_TOKENS, this.model.trainContextSize),
        threads: this.options.threads,
      }),
    );
    this.embeddingContext.catch(() => (this.embeddingContext = null));
    return this.embeddingContext;
  }

  /** The choice sequence; its tokenMeter counts what was evaluated. */
  async sequence(): Promise<LlamaContextSequence> {
    this.alive();
    this.choiceContext ??= (async () => {
      const contextSize = this.options.contextSize ?? Math.min(2048, this.model.trainContextSize);
      const context = await withThreadCeiling(this.model.llama, this.options.threads, () =>
        this.model.createContext({ contextSize, sequences: 1, threads: this.options.threads }),
      );
      return { context, sequence: context.getSequence() };
    })();
    this.choiceContext.catch(() => (this.choiceContext = null));
    return (await this.choiceContext).sequence;
  }

  countTokens(texts: readonly string[]): number[] {
    return texts.map((text) => this.model.tokenize(text).length);
  }

  async embed(texts: readonly string[], options: WorkOptions = {}): Promise<number[][]> {
    const embedder = await this.embedder();
    const room = this.model.trainContextSize > 0 ? Math.min(EMBEDDING_TOKENS, this.model.trainContextSize) : 512;
    const out: number[][] = [];
    for (const text of texts) {
      options.signal?.throwIfAborted();
      let tokens = this.model.tokenize(text, false);
      if (tokens.length > room) tokens = tokens.slice(0, room);
      if (tokens.length === 0) tokens = this.model.tokenize(' ', false);
      const { vector } = await embedder.getEmbeddingFor(tokens);
      out.push([...vector]);
    }
    return out;
  }

  /**
   * BOS (when the model wants one), then each prefix piece tokenized on its own, later ones as continuations, so a
   * piece's tokens never depend on what follows and a shared start tokenizes the same for every prompt.
   */
  private prefixTokens(prefix: readonly string[]): Token[] {
    const key = prefix.join('\u0000');
    if (this.lastPrefix?.key === key) return this.lastPrefix.tokens;
    const bos = this.model.tokens.bos;
    const tokens: Token[] = bos !== null && this.model.tokens.shouldPrependBosToken ? [bos] : [];
    prefix.forEach((piece, i) =>
      tokens.push(...this.model.tokenize(piece, false, i === 0 ? undefined : 'trimLeadingSpace')),
    );
    this.lastPrefix = { key, tokens };
    return tokens;
  }

  private suffixTokens(suffix: string): Token[] {
    return this.model.tokenize(suffix, false, 'trimLeadingSpace');
  }

  /** Each answer's first tokens; a token two answers share is dropped from both, since it tells them not apart. */
  private answerTokens(words: readonly string[]): Token[][] {
    const key = words.join('\u0000');
    const known = this.answers.get(key);
    if (known) return known;
    const sets = words.map((word) => spellings(this.model, word));
    const counts = new Map<Token, number>();
    for (const set of sets) for (const token of set) counts.set(token, (counts.get(token) ?? 0) + 1);
    const distinct = sets.map((set) => [...set].filter((token) => counts.get(token) === 1));
    if (distinct.some((tokens) => tokens.length === 0))
      throw new Error(
        `This model's vocabulary has no distinct first token for each of ${words.map((w) => `"${w}"`).join(', ')}, so it cannot give their probabilities.`,
      );
    this.answers.set(key, distinct);
    return distinct;
  }

  async measure(request: Pick<ChoiceRequest, 'prefix' | 'suffixes'>): Promise<ChoiceMeasure> {
    const sequence = await this.sequence();
    return {
      prefixTokens: this.prefixTokens(request.prefix).length,
      suffixTokens: request.suffixes.map((suffix) => this.suffixTokens(suffix).length),
      contextSize: sequence.contextSize,
    };
  }

  /**
   * With reuse (the default), whatever start of the prompt the sequence already holds stays evaluated, always
   * leaving the last token to evaluate so there is a next-token distribution. No sampling options go to
   * controlledEvaluate: they shrink the probability map and zero the answers.
   */
  async choose(request: ChoiceRequest, options: WorkOptions = {}): Promise<ChoiceResult> {
    const sequence = await this.sequence();
    const answers = this.answerTokens(request.answers);
    const reuse = request.reusePrefix ?? true;
    const before = sequence.tokenMeter.usedInputTokens;
    // Tokenized once for all suffixes: instructions and a client's facts run to hundreds of tokens.
    const prefix = this.prefixTokens(request.prefix);
    const probabilities: (number[] | null)[] = [];
    for (const suffix of request.suffixes) {
      // Stops between suffixes, not after the whole batch.
      options.signal?.throwIfAborted();
      const full = [...prefix, ...this.suffixTokens(suffix)];
      if (full.length >= sequence.contextSize) {
        probabilities.push(null);
        continue;
      }
      let start = 0;
      if (reuse) {
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
      const next = result[last]?.next.probabilities;
      probabilities.push(
        next ? answers.map((tokens) => tokens.reduce((sum, token) => sum + (next.get(token) ?? 0), 0)) : null,
      );
    }
    return { probabilities, evaluatedTokens: sequence.tokenMeter.usedInputTokens - before };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    const embedding = this.embeddingContext;
    const choice = this.choiceContext;
    this.embeddingContext = null;
    this.choiceContext = null;
    await Promise.allSettled([embedding?.then((c) => c.dispose()), choice?.then(({ context }) => context.dispose())]);
  }
}
