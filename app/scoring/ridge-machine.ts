import { FactorizationMachine } from './factorization-machine';
import { LogisticRegression, type LogisticRegressionOptions } from './logistic-regression';
import type { TrainingExample } from './logistic-loss';

/**
 * Settings of the 'ridge' candidate: a logistic regression whose L2 weighs on every weight alike over an epoch
 * (l2Scaling 'frequency'), trained for a fixed number of epochs.
 */
export type RidgeOptions = Omit<LogisticRegressionOptions, 'l2Scaling'>;

/**
 * A logistic regression with frequency-scaled L2, handed back as a factorization machine whose factors are zero,
 * so the version stores it, the fast ranker scores it and explanations read it exactly as any other interest
 * model (each feature's contribution is its weight times its value). The weights, their AdaGrad sums and the
 * count of outcomes seen carry over, so outcomes learned one at a time continue from where training stopped; those
 * online steps shrink by the plain per-row l2, as every machine's do.
 */
export function trainRidgeMachine(
  examples: readonly TrainingExample[],
  dimension: number,
  options: RidgeOptions,
): FactorizationMachine {
  const regression = LogisticRegression.train(examples, dimension, {
    validationShare: 0,
    ...options,
    l2Scaling: 'frequency',
  });
  const state = regression.toJSON();
  const zeros = new Array<number>(dimension).fill(0);
  return FactorizationMachine.fromJSON({
    kind: 'factorization-machine',
    version: 1,
    dimension,
    options: {
      factors: 1,
      epochs: state.options.epochs,
      validationShare: state.options.validationShare,
      patience: state.options.patience,
      learningRate: state.options.learningRate,
      factorLearningRate: 0,
      l2Linear: state.options.l2,
      l2Factors: 0,
      initStd: 0,
      seed: state.options.seed,
    },
    bias: state.bias,
    linear: state.weights,
    latent: zeros,
    adagrad: { bias: state.adagrad.bias, linear: state.adagrad.weights, latent: [...zeros] },
    examplesSeen: state.examplesSeen,
  });
}
