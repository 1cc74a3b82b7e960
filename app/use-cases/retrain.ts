import { DomainError } from '../domain/domain-error';
import type { ModelVersionSummary } from '../domain/model-version';
import type { Clock, EventSink, LanguageModelSignals, SignalsProgress, Stores, Trainer } from '../ports';
import type { TrainingData } from '../training/train-version';
import type { LiveVersionForComparison } from '../training/live-comparison';
import type { StoredModelVersion } from '../ports/stores';

export const RETRAIN_CANCELLED = 'Retrain cancelled: no version was stored and the active version is unchanged.';

export interface RetrainOptions {
  /** Train with llm.similarity and llm.fit from the loaded language model; refused when none is loaded. */
  languageModel?: boolean;
  /**
   * Aborted to give the retrain up: it stops before the next product's signals, or ends its training thread, and
   * rejects with the domain error 'cancelled', storing no version.
   */
  signal?: AbortSignal;
  /** Hears each report of how far the language-model signals have got. */
  onSignalsProgress?: (progress: SignalsProgress) => void;
}

export interface RetrainDeps {
  stores: Pick<Stores, 'ruleSets' | 'training' | 'modelVersions'>;
  trainer: Trainer;
  signals: LanguageModelSignals;
  clock: Clock;
  events: EventSink;
  actor: string;
}

export interface Retrainer {
  /**
   * Reads the store (a fraction of a second), trains through the trainer (seconds on a large book, on another
   * thread) and stores the new version in one transaction: made live unless it scored worse than the live version
   * on the same held-out outcomes (then the result's comparison says so and the advisor chooses). One training runs at a time: a second request
   * waits for the first, then trains on the data as it is then.
   */
  retrain(note?: string, options?: RetrainOptions): Promise<ModelVersionSummary>;
  /** The training in flight, if any (settles, never rejects). */
  inFlight(): Promise<void> | null;
}

function liveForComparison(stored: StoredModelVersion | null): LiveVersionForComparison | null {
  return stored
    ? { version: stored.summary.version, params: stored.params, trainedTo: stored.summary.trainedTo }
    : null;
}

export function createRetrainer(deps: RetrainDeps): Retrainer {
  let training: Promise<ModelVersionSummary> | null = null;

  function retrain(note = 'retrain', options: RetrainOptions = {}): Promise<ModelVersionSummary> {
    const before = training;
    const { signal } = options;
    const run = (async () => {
      // Refused at once, before waiting for another training, when there is no model to take signals from.
      if (options.languageModel) deps.signals.requireLoaded();
      if (before) await before.catch(() => undefined);
      try {
        signal?.throwIfAborted();
        let data: TrainingData = {
          interactions: deps.stores.training.interactions(),
          book: deps.stores.training.book(),
          ruleSet: deps.stores.ruleSets.active(),
          live: liveForComparison(deps.stores.modelVersions.active()),
        };
        if (options.languageModel) {
          const extra = await deps.signals.forTraining(data.interactions, data.book, {
            signal,
            onProgress: options.onSignalsProgress,
          });
          data = { ...data, ...extra };
        }
        const trained = await deps.trainer.train(data, signal);
        // The store is written synchronously below: a cancel that arrives after this line is too late.
        signal?.throwIfAborted();
        const summary = deps.stores.modelVersions.insert({
          ...trained,
          note,
          at: deps.clock.nowIso(),
          actor: deps.actor,
        });
        deps.events.emit('data:changed', { entity: 'model' });
        return summary;
      } catch (error) {
        // Whatever the abort interrupted (the signals, the training thread) it ends as one plain answer.
        if (signal?.aborted) throw new DomainError('cancelled', RETRAIN_CANCELLED);
        throw error;
      }
    })();
    training = run;
    const clear = (): void => {
      if (training === run) training = null;
    };
    run.then(clear, clear);
    return run;
  }

  return {
    retrain,
    inFlight: () =>
      training?.then(
        () => undefined,
        () => undefined,
      ) ?? null,
  };
}
