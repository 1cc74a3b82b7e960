import type { BookOfBusiness } from '../scoring/training-rows';
import type { Interaction, Product } from '../domain';
import type { ClientRanking } from '../domain/ranking';
import type { LanguageModelRef } from '../ranking/live-model';
import type { ProductSignals } from '../ranking/product-scorer';
import type { ScoredClient } from '../scoring/scoring-context';
import type { PairSignalValues } from '../training/train-version';

/** What a ranking says about the language model its version was trained with. */
export type RankingLanguageModel = NonNullable<ClientRanking['languageModel']>;

/** How far a retrain's signals have got: clients done of those with recorded outcomes, with the model's file name. */
export interface SignalsProgress {
  done: number;
  total: number;
  file: string;
}

/**
 * The loaded language model's signals (llm.similarity, llm.fit) as the interest model's use-cases need them: for a
 * retrain, every client–product pair with a recorded outcome; for a ranking, the client's suitable products.
 */
export interface LanguageModelSignals {
  /** Refuses (a domain error naming what to do) when no language model is loaded to take signals from. */
  requireLoaded(): void;
  /** Whether a ranking can use the signals of `ref` now, and why not. */
  availability(ref: LanguageModelRef): RankingLanguageModel;
  /** Signals of the products, best candidates first; null when the model went away while this waited. */
  forRanking(ref: LanguageModelRef, client: ScoredClient, ordered: readonly Product[]): Promise<ProductSignals | null>;
  /** The signals a product was ranked with in the client's latest ranking, for recording a reaction to it. */
  fromLastRanking(
    ref: LanguageModelRef,
    clientId: string,
    productId: string,
  ): Readonly<Record<string, number | null>> | undefined;
  forTraining(
    interactions: readonly Interaction[],
    book: BookOfBusiness,
    options?: { signal?: AbortSignal | undefined; onProgress?: ((progress: SignalsProgress) => void) | undefined },
  ): Promise<{ signals: Record<string, PairSignalValues>; languageModel: LanguageModelRef }>;
}
