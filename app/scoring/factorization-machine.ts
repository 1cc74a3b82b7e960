import type { SparseVector } from './feature-encoding';
import { checkExamples, clampLogit, clipGradient, sigmoid, type TrainingExample } from './logistic-loss';
import { baseRateLogit, trainOnExamples, type EpochReport } from './early-stopping';
import { createSeededRandom } from './seeded-random';

export interface FactorizationMachineOptions {
  /** Latent factors per feature (k): how rich the learned pairwise interactions can be. */
  factors?: number;
  /** The most passes over the data; fewer when the held-out loss stops improving. */
  epochs?: number;
  /** Latest share of the (time-ordered) examples held out to stop training before it memorises; 0 to turn off. */
  validationShare?: number;
  patience?: number;
  /** AdaGrad step size: per-coordinate steps shrink as a coordinate accumulates evidence, which suits sparse rows. */
  learningRate?: number;
  /** Step size for the factors; smaller than the linear one because pairwise terms overfit first on small data. */
  factorLearningRate?: number;
  /** L2 on bias-free linear weights and on the factors, applied to the coordinates a row touches. */
  l2Linear?: number;
  l2Factors?: number;
  /** Factors start as small random numbers; all-zero factors would never receive a gradient. */
  initStd?: number;
  seed?: number;
}

const DEFAULTS: Required<FactorizationMachineOptions> = {
  factors: 8,
  epochs: 15,
  learningRate: 0.05,
  factorLearningRate: 0.01,
  l2Linear: 1e-4,
  l2Factors: 1e-3,
  initStd: 0.01,
  validationShare: 0.1,
  patience: 2,
  seed: 1,
};

/** The model as plain JSON, AdaGrad state included, so a restored model keeps learning online where it left off. */
export interface FactorizationMachineState {
  kind: 'factorization-machine';
  version: 1;
  dimension: number;
  options: Required<FactorizationMachineOptions>;
  bias: number;
  linear: number[];
  /** Row-major: factor f of feature i at i * factors + f. */
  latent: number[];
  adagrad: { bias: number; linear: number[]; latent: number[] };
  examplesSeen: number;
}

const EPS = 1e-8;

// Module-local names for the loss helpers: training calls them per coordinate, and a call through an import
// binding costs a look-up each time under some loaders (tsx, which runs the benchmarks).
const clamp = clampLogit;
const clip = clipGradient;
const toProbability = sigmoid;

/**
 * Second-order factorization machine (Rendle 2010): logit = w0 + Σ wᵢxᵢ + Σ_{i<j} ⟨vᵢ,vⱼ⟩xᵢxⱼ.
 * Chosen because every pair of features (risk class × grade, objective × category, age × lock-up) gets an
 * interaction weight even when that exact pair was rarely seen, through the shared factors, at linear cost.
 */
export class FactorizationMachine {
  private bias = 0;
  private biasG = 0;
  private readonly linear: Float64Array;
  private readonly linearG: Float64Array;
  private readonly latent: Float64Array;
  private readonly latentG: Float64Array;
  private readonly sums: Float64Array;
  private seen = 0;
  /**
   * True while every factor is 0 and the factor step size is 0 (the 'linear' settings): the factors can then never
   * move, so the pair term is 0 for every row and the factor loops are skipped, with the same figures bit for bit.
   */
  private linearOnly = false;
  /** How the last full training went: epochs run, the one kept, and the held-out loss per epoch. */
  report: EpochReport | null = null;

  private constructor(
    readonly dimension: number,
    readonly options: Required<FactorizationMachineOptions>,
  ) {
    this.linear = new Float64Array(dimension);
    this.linearG = new Float64Array(dimension);
    this.latent = new Float64Array(dimension * options.factors);
    this.latentG = new Float64Array(dimension * options.factors);
    this.sums = new Float64Array(options.factors);
  }

  /** A fresh model with seeded random factors. */
  static create(dimension: number, options: FactorizationMachineOptions = {}): FactorizationMachine {
    const model = new FactorizationMachine(dimension, { ...DEFAULTS, ...options });
    const rng = createSeededRandom(model.options.seed);
    for (let i = 0; i < model.latent.length; i++) model.latent[i] = rng.normal() * model.options.initStd;
    model.linearOnly = model.noFactorsToLearn();
    return model;
  }

  /** Full training: same examples, options and seed give the same model, bit for bit. */
  static train(
    examples: readonly TrainingExample[],
    dimension: number,
    options: FactorizationMachineOptions = {},
  ): FactorizationMachine {
    checkExamples(examples, dimension);
    const model = FactorizationMachine.create(dimension, options);
    model.bias = baseRateLogit(examples);
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

  predictLogit(x: SparseVector): number {
    const k = this.options.factors;
    const { dimension, linear, latent, linearOnly } = this;
    const indices = x.indices;
    const values = x.values;
    let z = this.bias;
    const sums = this.sums.fill(0);
    let squares = 0;
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j]!;
      if (i < 0 || i >= dimension) continue;
      const v = values[j]!;
      if (!Number.isFinite(v)) continue;
      z += linear[i]! * v;
      if (linearOnly) continue;
      const base = i * k;
      for (let f = 0; f < k; f++) {
        const t = latent[base + f]! * v;
        sums[f]! += t;
        squares += t * t;
      }
    }
    let pair = 0;
    for (let f = 0; f < k; f++) pair += sums[f]! * sums[f]!;
    return clamp(z + 0.5 * (pair - squares));
  }

  /** Whether the factors are all 0 and cannot move (factor step size 0). */
  private noFactorsToLearn(): boolean {
    if (this.options.factorLearningRate !== 0) return false;
    for (let i = 0; i < this.latent.length; i++) if (this.latent[i] !== 0) return false;
    return true;
  }

  /** Probability of interest, always finite and strictly inside (0, 1) up to rounding. */
  predict(x: SparseVector): number {
    return toProbability(this.predictLogit(x));
  }

  /** One recorded outcome nudges the live model: a single AdaGrad step on that row. */
  update(x: SparseVector, y: number, learningRate = this.options.learningRate): void {
    if (y !== 0 && y !== 1) throw new Error(`label must be 0 or 1, got ${String(y)}`);
    this.step(x, y, learningRate);
  }

  get examplesSeen(): number {
    return this.seen;
  }

  /** The row's contribution per feature (its linear weight plus half of each pair it takes part in), for explanations. */
  contributions(x: SparseVector): { index: number; value: number }[] {
    const k = this.options.factors;
    this.predictLogit(x);
    const sums = this.sums;
    const out: { index: number; value: number }[] = [];
    for (let j = 0; j < x.indices.length; j++) {
      const i = x.indices[j]!;
      const v = x.values[j]!;
      if (i < 0 || i >= this.dimension || !Number.isFinite(v)) continue;
      let pair = 0;
      for (let f = 0; f < k; f++) {
        const t = this.latent[i * k + f]! * v;
        pair += t * (sums[f]! - t);
      }
      out.push({ index: i, value: this.linear[i]! * v + 0.5 * pair });
    }
    return out;
  }

  private step(x: SparseVector, y: number, lr: number): void {
    const k = this.options.factors;
    const { l2Linear, l2Factors } = this.options;
    const flr = (lr * this.options.factorLearningRate) / this.options.learningRate;
    const err = toProbability(this.predictLogit(x)) - y;
    const { dimension, sums, linear, linearG, latent, latentG, linearOnly } = this;
    const indices = x.indices;
    const values = x.values;
    const gb = clip(err);
    this.biasG += gb * gb;
    this.bias -= (lr * gb) / Math.sqrt(this.biasG + EPS);
    for (let j = 0; j < indices.length; j++) {
      const i = indices[j]!;
      const v = values[j]!;
      if (i < 0 || i >= dimension || !Number.isFinite(v)) continue;
      const gw = clip(err * v + l2Linear * linear[i]!);
      linearG[i]! += gw * gw;
      linear[i]! -= (lr * gw) / Math.sqrt(linearG[i]! + EPS);
      if (linearOnly) continue;
      const base = i * k;
      for (let f = 0; f < k; f++) {
        const p = base + f;
        const vf = latent[p]!;
        // Gradients use the sums from before this row's update, as the textbook SGD for FMs does.
        const gv = clip(err * v * (sums[f]! - vf * v) + l2Factors * vf);
        latentG[p]! += gv * gv;
        latent[p] = vf - (flr * gv) / Math.sqrt(latentG[p]! + EPS);
      }
    }
    this.seen++;
  }

  toJSON(): FactorizationMachineState {
    return {
      kind: 'factorization-machine',
      version: 1,
      dimension: this.dimension,
      options: { ...this.options },
      bias: this.bias,
      linear: Array.from(this.linear),
      latent: Array.from(this.latent),
      adagrad: { bias: this.biasG, linear: Array.from(this.linearG), latent: Array.from(this.latentG) },
      examplesSeen: this.seen,
    };
  }

  /** Copies a saved state of the same shape into this model (used to keep the best epoch). */
  private restore(state: FactorizationMachineState): void {
    this.bias = state.bias;
    this.biasG = state.adagrad.bias;
    this.linear.set(state.linear);
    this.linearG.set(state.adagrad.linear);
    this.latent.set(state.latent);
    this.latentG.set(state.adagrad.latent);
    this.seen = state.examplesSeen;
    this.linearOnly = this.noFactorsToLearn();
  }

  static fromJSON(state: FactorizationMachineState): FactorizationMachine {
    if (state.kind !== 'factorization-machine' || state.version !== 1)
      throw new Error('not a version 1 factorization machine');
    const k = state.options.factors;
    const sizes = [
      state.linear.length,
      state.adagrad.linear.length,
      state.latent.length / k,
      state.adagrad.latent.length / k,
    ];
    if (sizes.some((n) => n !== state.dimension)) throw new Error('factorization machine state has inconsistent sizes');
    const model = new FactorizationMachine(state.dimension, { ...DEFAULTS, ...state.options });
    model.restore(state);
    return model;
  }
}
