import type { SparseVector } from './feature-encoding';
import type { TrainingExample } from './logistic-loss';
import { createSeededRandom, type SeededRandom } from './seeded-random';

/** What the epoch loop needs from a model: one learning step, a prediction, and a way to keep its best state. */
export interface EpochLearner<State> {
  learn(x: SparseVector, y: number): void;
  predict(x: SparseVector): number;
  saveState(): State;
  loadState(state: State): void;
}

export interface EpochSchedule {
  maxEpochs: number;
  /**
   * Share of the examples, taken from the end (the latest, when examples are in time order), held out to decide
   * when to stop. 0 trains on everything for maxEpochs.
   */
  validationShare: number;
  /** Epochs without a better validation loss before stopping. */
  patience: number;
}

export interface EpochReport {
  epochsRun: number;
  bestEpoch: number;
  /** Validation log loss per epoch; empty when nothing was held out. */
  validationLoss: number[];
}

function meanLogLoss(learner: EpochLearner<unknown>, examples: readonly TrainingExample[]): number {
  let sum = 0;
  for (const { x, y } of examples) {
    const p = Math.min(1 - 1e-12, Math.max(1e-12, learner.predict(x)));
    sum -= y === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / examples.length;
}

/**
 * Epochs of shuffled SGD, stopped when the held-out loss stops improving, with the best epoch's parameters
 * restored, then the held-out rows learned once. How many epochs a model can take before it memorises depends on the data, so the data decides
 * rather than a constant tuned to one data set.
 */
export function runEpochs<State>(
  learner: EpochLearner<State>,
  examples: readonly TrainingExample[],
  schedule: EpochSchedule,
  rng: SeededRandom,
): EpochReport {
  const held = Math.floor(examples.length * schedule.validationShare);
  // Too few held-out rows make the stopping point noise; then train on everything for the full schedule.
  const useValidation = held >= 50 && examples.length - held >= 50;
  const fit = useValidation ? examples.slice(0, examples.length - held) : examples;
  const validation = useValidation ? examples.slice(examples.length - held) : [];
  const order = fit.map((_, n) => n);
  const losses: number[] = [];
  let best = Infinity;
  let bestEpoch = 0;
  let bestState: State | null = null;
  let epoch = 0;
  while (epoch < schedule.maxEpochs) {
    rng.shuffle(order);
    for (const n of order) learner.learn(fit[n]!.x, fit[n]!.y);
    epoch++;
    if (!useValidation) continue;
    const loss = meanLogLoss(learner, validation);
    losses.push(loss);
    if (loss < best - 1e-6) {
      best = loss;
      bestEpoch = epoch;
      bestState = learner.saveState();
    } else if (epoch - bestEpoch >= schedule.patience) break;
  }
  if (bestState !== null) learner.loadState(bestState);
  // The held-out rows are the most recent; they are learned once, in order, as online updates would have.
  for (const { x, y } of validation) learner.learn(x, y);
  return { epochsRun: epoch, bestEpoch: useValidation ? bestEpoch : epoch, validationLoss: losses };
}

/** The logit of the share of positives, clamped: starting the bias there spares the first epoch from learning only the average. */
export function baseRateLogit(examples: readonly TrainingExample[]): number {
  const rate = Math.min(0.999, Math.max(0.001, examples.reduce((s, e) => s + e.y, 0) / examples.length));
  return Math.log(rate / (1 - rate));
}

/** The training options both models share; the shuffling stream is salted so it differs from the weight initialisation. */
export function trainOnExamples<State>(
  learner: EpochLearner<State>,
  examples: readonly TrainingExample[],
  options: { seed: number; epochs: number; validationShare: number; patience: number },
): EpochReport {
  const rng = createSeededRandom(options.seed ^ 0x5bd1e995);
  return runEpochs(
    learner,
    examples,
    { maxEpochs: options.epochs, validationShare: options.validationShare, patience: options.patience },
    rng,
  );
}
