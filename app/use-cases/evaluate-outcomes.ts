import type { Interaction } from '../domain';
import { evaluateOnTimeSplit, evaluateRolling, type TimeSplitEvaluation } from '../eval/evaluate-model';
import type { Stores } from '../ports';
import type { BookOfBusiness, PairSignals } from '../scoring/training-rows';

/** The figures are reproducible: the same store gives the same numbers on every run. */
export const EVALUATION_SEED = 1;

export interface EvaluateOutcomesRequest {
  trainShare: number;
  k: number;
  /** Let the interest model choose its settings on the training share and recalibrate (see evaluate-model.ts). */
  select?: boolean;
  /** Rolling-origin evaluation with this many folds instead of one split (see evaluateRolling); trainShare is then unused. */
  rolling?: number;
  /**
   * Language-model signals for the outcomes, computed by the caller's engine: the evaluation is then run a second
   * time with them as features, on the outcomes of the first `clients` clients by id (both runs on the same rows).
   */
  languageModel?: {
    clients: number;
    signals(interactions: readonly Interaction[], book: BookOfBusiness): Promise<PairSignals>;
  };
}

export interface EvaluatedOutcomes {
  result: TimeSplitEvaluation;
  /** Set when the evaluation ran on a sample of clients: how many, of how many with outcomes. */
  sampled: { clients: number; of: number } | null;
  withSignals: TimeSplitEvaluation | null;
  /** With `rolling`: every fold, earliest first; `result` is then the last fold. */
  folds: TimeSplitEvaluation[] | null;
}

/**
 * Trains on the earlier outcomes and tests on the later: the interest model and its baselines side by side. Reads
 * only; the models it trains are thrown away.
 */
export async function evaluateOutcomes(
  deps: { stores: Pick<Stores, 'training' | 'ruleSets'> },
  request: EvaluateOutcomesRequest,
): Promise<EvaluatedOutcomes> {
  let interactions = deps.stores.training.interactions();
  let sampled: EvaluatedOutcomes['sampled'] = null;
  if (request.languageModel) {
    const ids = [...new Set(interactions.filter((i) => i.outcome !== null).map((i) => i.clientId))].sort();
    const kept = new Set(ids.slice(0, request.languageModel.clients));
    interactions = interactions.filter((i) => kept.has(i.clientId));
    sampled = { clients: kept.size, of: ids.length };
  }
  // Clients are read only where they have outcomes: the rest cannot be trained or tested on.
  const book = deps.stores.training.book(new Set(interactions.map((i) => i.clientId)));
  const options = {
    trainShare: request.trainShare,
    k: request.k,
    seed: EVALUATION_SEED,
    ruleSet: deps.stores.ruleSets.active(),
    ...(request.select ? { select: true } : {}),
  };
  if (request.rolling !== undefined) {
    const folds = evaluateRolling(interactions, book, { ...options, folds: request.rolling });
    return { result: folds[folds.length - 1]!, sampled, withSignals: null, folds };
  }
  const result = evaluateOnTimeSplit(interactions, book, options);
  let withSignals: TimeSplitEvaluation | null = null;
  if (request.languageModel) {
    const signals = await request.languageModel.signals(interactions, book);
    withSignals = evaluateOnTimeSplit(interactions, book, { ...options, signals });
  }
  return { result, sampled, withSignals, folds: null };
}
