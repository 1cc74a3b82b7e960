import path from 'node:path';
import type { ClientRanking } from '../../app/contract/engine-channels';
import type { EventPayload } from '../../app/contract/events';
import type { Interaction, Product } from '../../app/domain';
import { clientPitchFacts } from '../../app/pitch/pitch-facts';
import type { LanguageModelRef } from '../../app/ranking/live-model';
import type { ProductSignals } from '../../app/ranking/product-scorer';
import type { BookOfBusiness } from '../../app/scoring/training-rows';
import type { ScoredClient } from '../../app/scoring/scoring-context';
import type { EventName } from '../../app/contract/events';
import type { Db } from '../db/connection';
import type { LanguageEngine } from '../engine/language-engine';
import { signalsForOutcomes } from './evaluation-signals';
import type { LoadedModel } from '../../app/ports/language-model';
import { DEFAULT_FIT_PRODUCTS, LlmSignals, rankingSignals } from '../llm/llm-signals';
import type { PairSignalValues } from './train-model-version';
import { DomainError } from '../../app/domain/domain-error';

/** How far a retrain's signals have got: clients done of those with recorded outcomes, with the model's file name. */
export type SignalsProgress = EventPayload<'model:signals-progress'>;

/** What a ranking says about the language model its version was trained with. */
export type RankingLanguageModel = NonNullable<ClientRanking['languageModel']>;

/** The reason a ranking asked with languageModel 'skip' gives, where the signals could have been used. */
export const NOT_REQUESTED = 'not requested';

/** How often a retrain's signal progress is pushed at most. */
const PROGRESS_EVERY_MS = 500;

/** Clients whose latest ranking signals are kept for recording reactions. */
const LAST_RANKINGS_KEPT = 200;

export const NO_MODEL_FOR_TRAINING =
  'Load a language model on the Language Models page first; the live model is unchanged.';

/**
 * The language-model signals of the model service: for a retrain, every client–product pair with a
 * recorded outcome; for a ranking, the client's suitable products. Both ask the backend's language engine, which
 * runs one piece of model work at a time, so they never run beside a pitch draft's generation or an unload. The
 * LlmSignals (its in-memory embeddings and fit answers) is kept for as long as the same model stays loaded.
 */
/** What the signals need from the backend: the engine, the embedding cache's database, the date and the events. */
export interface SignalsContext {
  llm: LanguageEngine;
  db: Db;
  today(): string;
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export class ModelSignals {
  private kept: { loaded: LoadedModel; signals: LlmSignals } | null = null;
  /** Each client's signals from their latest ranking, by model: what the advisor saw when recording a reaction. */
  private readonly lastRanking = new Map<string, { sha256: string; signals: ProductSignals }>();

  constructor(private readonly ctx: SignalsContext) {}

  /** The signals of the loaded model (its answers stay valid while the same file is loaded); a new model's replace them. */
  private signalsOf(loaded: LoadedModel): LlmSignals {
    if (this.kept?.loaded.sha256 === loaded.sha256) return this.kept.signals;
    this.kept = {
      loaded,
      signals: new LlmSignals({ engine: this.ctx.llm.model, sha256: loaded.sha256 }, { db: this.ctx.db }),
    };
    return this.kept.signals;
  }

  /** Throws the 'validation' refusal a retrain with languageModel gives when no model is loaded. */
  requireLoaded(): LoadedModel {
    const loaded = this.ctx.llm.current();
    if (!loaded) throw new DomainError('validation', NO_MODEL_FOR_TRAINING);
    return loaded;
  }

  /**
   * Similarity and fit for every pair with a recorded outcome, with the model loaded when the job runs. An aborted
   * `signal` stops it before the next product, throwing the signal's reason.
   * `onProgress` hears every report, also those not pushed as events, so a status asked for is never behind them.
   */
  async forTraining(
    interactions: readonly Interaction[],
    book: BookOfBusiness,
    options: { signal?: AbortSignal | undefined; onProgress?: ((progress: SignalsProgress) => void) | undefined } = {},
  ): Promise<{ signals: Record<string, PairSignalValues>; languageModel: LanguageModelRef }> {
    const { signal } = options;
    signal?.throwIfAborted();
    const loaded = this.requireLoaded();
    const file = path.basename(loaded.path);
    let sentAt = 0;
    const onProgress = (done: number, total: number): void => {
      options.onProgress?.({ done, total, file });
      const now = Date.now();
      if (done < total && now - sentAt < PROGRESS_EVERY_MS) return;
      sentAt = now;
      this.ctx.emit('model:signals-progress', { done, total, file });
    };
    const computed = await signalsForOutcomes(this.signalsOf(loaded), interactions, book, {
      today: this.ctx.today(),
      onProgress,
      signal,
    });
    return { signals: computed.signals, languageModel: { sha256: loaded.sha256, file } };
  }

  /**
   * The signals of one product in this client's latest ranking with `ref`'s model, for learning a reaction recorded
   * from that ranking with the same features it was scored with; undefined when there was none (learned as missing).
   */
  fromLastRanking(
    ref: LanguageModelRef,
    clientId: string,
    productId: string,
  ): Readonly<Record<string, number | null>> | undefined {
    const last = this.lastRanking.get(clientId);
    return last && last.sha256 === ref.sha256 ? last.signals.get(productId) : undefined;
  }

  /** Whether a version trained with `ref` can be ranked with its signals now; the reason when not. */
  availability(ref: LanguageModelRef): RankingLanguageModel {
    const loaded = this.ctx.llm.current();
    const base = { file: ref.file, sha256: ref.sha256 };
    if (!loaded) return { ...base, used: false, reason: 'not loaded' };
    if (loaded.sha256 !== ref.sha256) return { ...base, used: false, reason: 'another model is loaded' };
    return { ...base, used: true, reason: null };
  }

  /**
   * Signals for one client's candidate products, given in the order of their score without signals: similarity
   * for all, fit for the first DEFAULT_FIT_PRODUCTS. Null when the model was unloaded or changed meanwhile.
   */
  async forRanking(
    ref: LanguageModelRef,
    client: ScoredClient,
    ordered: readonly Product[],
  ): Promise<ProductSignals | null> {
    const loaded = this.ctx.llm.current();
    if (!loaded || loaded.sha256 !== ref.sha256) return null;
    const facts = clientPitchFacts(client, { today: this.ctx.today() });
    let result;
    try {
      result = await rankingSignals(this.signalsOf(loaded), facts, ordered, { maxFitProducts: DEFAULT_FIT_PRODUCTS });
    } catch (error) {
      // Unloaded or replaced while its turn came: the ranking goes without signals, as if it had not been loaded.
      if (this.ctx.llm.current()?.sha256 !== ref.sha256) return null;
      throw error;
    }
    const signals: ProductSignals = new Map(
      ordered.map((p, i) => [p.id, { similarity: result.similarity[i] ?? null, fit: result.fit[i] ?? null }]),
    );
    this.lastRanking.delete(client.id);
    this.lastRanking.set(client.id, { sha256: ref.sha256, signals });
    // Kept for the clients an advisor has open today, not for the whole book.
    while (this.lastRanking.size > LAST_RANKINGS_KEPT) this.lastRanking.delete(this.lastRanking.keys().next().value!);
    return signals;
  }
}
