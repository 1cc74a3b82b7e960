import type { SparseVector } from './feature-encoding';
import { checkExamples, clampLogit, clipGradient, sigmoid, type TrainingExample } from './logistic-loss';
import { baseRateLogit, trainOnExamples, type EpochReport } from './early-stopping';

export interface LogisticRegressionOptions {
  /** The most passes over the data; fewer when the held-out loss stops improving. */
  epochs?: number;
  /** Latest share of the (time-ordered) examples held out to stop training before it memorises; 0 to turn off. */
  validationShare?: number;
  patience?: number;
  learningRate?: number;
  /** L2 on the weights (not the bias), applied to the coordinates a row touches. */
  l2?: number;
  /**
   * 'touch': each row's step shrinks the weights it touches by l2, so a feature is shrunk in proportion to how
   * often it occurs and a client seen five times is held back as little, relative to its evidence, as a category
   * seen thousands of times. 'frequency': the step on feature i is scaled by (rows / rows with feature i), so every
   * weight carries the same penalty over an epoch, as in a full-batch L2 logistic regression (l2 × rows × ‖w‖² / 2):
   * a rare feature (a client's or a product's own id) needs proportionally more evidence to move.
   */
  l2Scaling?: 'touch' | 'frequency';
  seed?: number;
}

const DEFAULTS: Required<LogisticRegressionOptions> = {
  epochs: 15,
  learningRate: 0.05,
  l2: 1e-4,
  l2Scaling: 'touch',
  validationShare: 0.1,
  patience: 2,
  seed: 1,
};

export interface LogisticRegressionState {
  kind: 'logistic-regression';
  version: 1;
  dimension: number;
  options: Required<LogisticRegressionOptions>;
  bias: number;
  weights: number[];
  adagrad: { bias: number; weights: number[] };
  examplesSeen: number;
  /** With l2Scaling 'frequency': the factor on l2 per feature, fixed at training. Absent: 1 for every feature. */
  l2Scale?: number[];
}

const EPS = 1e-8;
// Module-local names for the loss helpers, as in factorization-machine.ts: called per coordinate, and a call through
// an import binding costs a look-up each time under some loaders (tsx, which runs the benchmarks).
const clamp = clampLogit;
const clip = clipGradient;
const toProbability = sigmoid;
/** Per-row L2 strengths tried by trainTuned: from barely any shrinkage to strong. */
export const L2_GRID: readonly number[] = [1e-6, 1e-5, 1e-4, 1e-3, 3e-3, 1e-2];

/**
 * The baseline the interest model has to beat: L2-regularised logistic regression on exactly the same encoded
 * features (crosses included), trained with the same AdaGrad schedule so a difference comes from the pairwise
 * factors and nothing else.
 */
export class LogisticRegression {
  private bias = 0;
  private biasG = 0;
  private readonly weights: Float64Array;
  private readonly weightsG: Float64Array;
  private seen = 0;
  /** Per-feature factor on l2 (l2Scaling 'frequency'); null: 1 everywhere. */
  private l2Scale: Float64Array | null = null;
  /** How the last full training went: epochs run, the one kept, and the held-out loss per epoch. */
  report: EpochReport | null = null;

  private constructor(
    readonly dimension: number,
    readonly options: Required<LogisticRegressionOptions>,
  ) {
    this.weights = new Float64Array(dimension);
    this.weightsG = new Float64Array(dimension);
  }

  static create(dimension: number, options: LogisticRegressionOptions = {}): LogisticRegression {
    return new LogisticRegression(dimension, { ...DEFAULTS, ...options });
  }

  static train(
    examples: readonly TrainingExample[],
    dimension: number,
    options: LogisticRegressionOptions = {},
  ): LogisticRegression {
    checkExamples(examples, dimension);
    const model = LogisticRegression.create(dimension, options);
    model.bias = baseRateLogit(examples);
    if (model.options.l2Scaling === 'frequency') model.l2Scale = frequencyScale(examples, dimension);
    model.report = trainOnExamples(
      {
        learn: (x, y) => model.step(x, y, model.options.learningRate),
        predict: (x) => model.predict(x),
        saveState: () => model.toJSON(),
        loadState: (state) => model.restore(state),
      },
      examples,
      model.options,
    );
    return model;
  }

  /**
   * The baseline as a fair opponent: L2 chosen from a grid by log loss on the latest `validationShare` of the
   * examples (fitted on the earlier rows), then retrained on all of them with that L2. An untuned baseline would
   * flatter whatever is compared with it.
   */
  static trainTuned(
    examples: readonly TrainingExample[],
    dimension: number,
    options: LogisticRegressionOptions & { l2Grid?: readonly number[] } = {},
  ): { model: LogisticRegression; l2: number; validationLoss: number[] } {
    checkExamples(examples, dimension);
    const { l2Grid = L2_GRID, ...base } = options;
    const share = base.validationShare ?? DEFAULTS.validationShare;
    const held = Math.floor(examples.length * share);
    if (held < 50 || l2Grid.length < 2) {
      const l2 = l2Grid[0] ?? DEFAULTS.l2;
      return { model: LogisticRegression.train(examples, dimension, { ...base, l2 }), l2, validationLoss: [] };
    }
    const fit = examples.slice(0, examples.length - held);
    const check = examples.slice(examples.length - held);
    const losses = l2Grid.map((l2) => {
      const model = LogisticRegression.train(fit, dimension, { ...base, l2 });
      let loss = 0;
      for (const { x, y } of check) {
        const p = Math.min(1 - 1e-12, Math.max(1e-12, model.predict(x)));
        loss -= y === 1 ? Math.log(p) : Math.log(1 - p);
      }
      return loss / check.length;
    });
    const bestAt = losses.indexOf(Math.min(...losses));
    const l2 = l2Grid[bestAt]!;
    return { model: LogisticRegression.train(examples, dimension, { ...base, l2 }), l2, validationLoss: losses };
  }

  predictLogit(x: SparseVector): number {
    // Fields and arrays read into locals once: the loop runs for every coordinate of every row of every epoch.
    const { dimension, weights } = this;
    const indices = x.indices;
    const values = x.values;
    let z = this.bias;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j]!;
      const v = values[j]!;
      if (i < 0 || i >= dimension || !Number.isFinite(v)) continue;
      z += weights[i]! * v;
    }
    return clamp(z);
  }

  predict(x: SparseVector): number {
    return toProbability(this.predictLogit(x));
  }

  update(x: SparseVector, y: number, learningRate = this.options.learningRate): void {
    if (y !== 0 && y !== 1) throw new Error(`label must be 0 or 1, got ${String(y)}`);
    this.step(x, y, learningRate);
  }

  get examplesSeen(): number {
    return this.seen;
  }

  private step(x: SparseVector, y: number, lr: number): void {
    const err = this.predict(x) - y;
    const gb = clip(err);
    this.biasG += gb * gb;
    this.bias -= (lr * gb) / Math.sqrt(this.biasG + EPS);
    const { dimension, weights, weightsG, l2Scale } = this;
    const l2 = this.options.l2;
    const indices = x.indices;
    const values = x.values;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j]!;
      const v = values[j]!;
      if (i < 0 || i >= dimension || !Number.isFinite(v)) continue;
      const g = clip(err * v + (l2Scale ? l2 * l2Scale[i]! : l2) * weights[i]!);
      weightsG[i] = weightsG[i]! + g * g;
      weights[i] = weights[i]! - (lr * g) / Math.sqrt(weightsG[i]! + EPS);
    }
    this.seen++;
  }

  toJSON(): LogisticRegressionState {
    return {
      kind: 'logistic-regression',
      version: 1,
      dimension: this.dimension,
      options: { ...this.options },
      bias: this.bias,
      weights: Array.from(this.weights),
      adagrad: { bias: this.biasG, weights: Array.from(this.weightsG) },
      examplesSeen: this.seen,
      ...(this.l2Scale ? { l2Scale: Array.from(this.l2Scale) } : {}),
    };
  }

  private restore(state: LogisticRegressionState): void {
    this.bias = state.bias;
    this.biasG = state.adagrad.bias;
    this.weights.set(state.weights);
    this.weightsG.set(state.adagrad.weights);
    this.seen = state.examplesSeen;
    this.l2Scale = state.l2Scale ? Float64Array.from(state.l2Scale) : null;
  }

  static fromJSON(state: LogisticRegressionState): LogisticRegression {
    if (state.kind !== 'logistic-regression' || state.version !== 1)
      throw new Error('not a version 1 logistic regression');
    if (
      state.weights.length !== state.dimension ||
      state.adagrad.weights.length !== state.dimension ||
      (state.l2Scale !== undefined && state.l2Scale.length !== state.dimension)
    )
      throw new Error('logistic regression state has inconsistent sizes');
    const model = new LogisticRegression(state.dimension, { ...DEFAULTS, ...state.options });
    model.restore(state);
    return model;
  }
}

/**
 * rows / (rows with feature i) for every feature: the factor that makes per-row L2 steps add up to the same
 * penalty for every weight over an epoch. A feature no row has gets the largest factor (it is never stepped).
 */
export function frequencyScale(examples: readonly TrainingExample[], dimension: number): Float64Array {
  const counts = new Float64Array(dimension);
  for (const { x } of examples)
    for (let j = 0; j < x.indices.length; j++) {
      const i = x.indices[j]!;
      if (i >= 0 && i < dimension && x.values[j] !== 0) counts[i]!++;
    }
  const n = examples.length;
  return counts.map((c) => n / Math.max(1, c));
}
