import {
  encodeFeatures,
  encodeRows,
  encodingFromJSON,
  fitEncodings,
  type EncodingOptions,
  type FeatureEncoding,
  type SparseVector,
} from './feature-encoding';
import {
  FactorizationMachine,
  type FactorizationMachineOptions,
  type FactorizationMachineState,
} from './factorization-machine';
import { rawFeatures } from './raw-features';
import {
  BOOSTED_TREES_DEFAULTS,
  BoostedTrees,
  type BoostedTreesOptions,
  type BoostedTreesState,
} from './boosted-trees';
import { clampLogit, sigmoid } from './logistic-loss';
import { trainRidgeMachine, type RidgeOptions } from './ridge-machine';
import type { RawFeatures, ScoringContext } from './scoring-context';
import type { LabelledRow } from './training-rows';

/** What is stored per model version: the encoding travels with the weights so an old score can be reproduced. */
export interface InterestModelState {
  kind: 'interest-model';
  version: 1;
  encoding: FeatureEncoding;
  model: FactorizationMachineState;
  /** Gradient-boosted trees fitted on the machine's residual, when the chosen settings have them. */
  trees?: BoostedTreesState;
  /** The time range of the outcomes it was trained on (ISO), for the version history. */
  trainedFrom: string | null;
  trainedTo: string | null;
}

/** Trees of an interest model: the ensemble's own options, and how they join the machine. */
export interface TreeSettings extends BoostedTreesOptions {
  /**
   * Grown on their own from the base rate rather than on the machine's residual, and the score's logit is the
   * average of the machine's and the trees' (a blend of two models fitted apart). Unset: the trees boost the
   * machine's logit.
   */
  alongside?: boolean;
  /**
   * With trees on the machine's residual: also trees grown on their own from the base rate with these options,
   * and the score's logit is the average of the boosted machine's and theirs.
   */
  blendWith?: BoostedTreesOptions;
}

export interface InterestModelOptions {
  encoding?: EncodingOptions;
  model?: FactorizationMachineOptions;
  /**
   * Boosted trees on the raw features, starting from the machine's logit: they add what the machine's pairs and
   * bins cannot draw (thresholds within thresholds, interactions of three); or, `alongside`, averaged with it.
   * Unset: no trees.
   */
  trees?: TreeSettings;
  /**
   * Instead of fitting the machine, a logistic regression with the same L2 on every weight (see ridge-machine.ts),
   * stored as a machine with zero factors; the seed is model.seed. Unset: the machine as `model` says.
   */
  ridge?: RidgeOptions;
}

/**
 * Rows already encoded: the encoding fitted on them with some EncodingOptions, and each row's vector in row order.
 * Every model trained with the same encoding options on the same rows can share one (encodeTraining), since fitting
 * and encoding are deterministic: the model is the one train() would fit from the raw rows.
 */
export interface EncodedRows {
  encoding: FeatureEncoding;
  vectors: readonly SparseVector[];
}

/** Fits the encoding on the rows and encodes them once, for training one or more models with these encoding options. */
export function encodeTraining(rows: readonly LabelledRow[], options: EncodingOptions = {}): EncodedRows {
  return encodeTrainings(rows, [options])[0]!;
}

/** encodeTraining for several encoding options at once, in the same order: the rows are tallied once for all. */
export function encodeTrainings(rows: readonly LabelledRow[], options: readonly EncodingOptions[]): EncodedRows[] {
  const raws = rows.map((r) => r.raw);
  return fitEncodings(raws, options).map((encoding) => ({ encoding, vectors: encodeRows(encoding, raws) }));
}

/** The encoding and the factorization machine together: the unit the app scores with, updates and saves. */
export class InterestModel {
  private constructor(
    readonly encoding: FeatureEncoding,
    readonly machine: FactorizationMachine,
    readonly trainedFrom: string | null,
    readonly trainedTo: string | null,
    /** Null when the settings have no trees: the machine alone scores. */
    readonly trees: BoostedTrees | null = null,
  ) {}

  /**
   * Rows should be in time order: the latest share decides when training stops (see early-stopping.ts). `encoded`,
   * when given, must be encodeTraining(rows, options.encoding): the fit and the encoding are then not done again.
   */
  static train(rows: readonly LabelledRow[], options: InterestModelOptions = {}, encoded?: EncodedRows): InterestModel {
    const { encoding, vectors } = encoded ?? encodeTraining(rows, options.encoding);
    if (vectors.length !== rows.length) throw new Error('encoded rows and training rows differ in number');
    const examples = vectors.map((x, r) => ({ x, y: rows[r]!.label }));
    const machine = options.ridge
      ? trainRidgeMachine(examples, encoding.dimension, { ...options.ridge, seed: options.model?.seed ?? 1 })
      : FactorizationMachine.train(examples, encoding.dimension, options.model);
    let from: string | null = null;
    let to: string | null = null;
    for (const r of rows) {
      const at = r.interaction.occurredAt;
      if (from === null || at < from) from = at;
      if (to === null || at > to) to = at;
    }
    const model = new InterestModel(encoding, machine, from, to);
    return options.trees ? model.withTrees(rows, options.trees, vectors) : model;
  }

  /**
   * This model's encoding and machine with trees fitted on the machine's residual over `rows` (the rows it was
   * trained on): the same as training with `trees` set, without fitting the machine again. `vectors`, when given,
   * are the rows under this model's encoding.
   */
  withTrees(
    rows: readonly LabelledRow[],
    options: TreeSettings,
    vectors: readonly SparseVector[] = encodeRows(
      this.encoding,
      rows.map((r) => r.raw),
    ),
  ): InterestModel {
    const { alongside, blendWith, ...treeOptions } = options;
    const columns = {
      numeric: this.encoding.numeric.map((c) => c.name),
      categorical: this.encoding.categorical.map((c) => c.name),
    };
    const raws = rows.map((r) => r.raw);
    const labels = rows.map((r) => r.label);
    const residual = alongside
      ? null
      : BoostedTrees.train(
          columns,
          raws,
          labels,
          treeOptions,
          Float64Array.from(vectors, (x) => this.machine.predictLogit(x)),
        );
    const ownOptions = alongside ? treeOptions : blendWith;
    if (!ownOptions) return new InterestModel(this.encoding, this.machine, this.trainedFrom, this.trainedTo, residual);
    // Trees of their own start from the base rate of the rows they are fitted on (BoostedTrees.train without a
    // margin). Stored in the usual form, so the score stays the machine's logit plus the trees' sum: the
    // machine's weights and every tree's values are halved, and half the base rate's logit goes into the bias.
    const own = BoostedTrees.train(columns, raws, labels, ownOptions);
    const share = ownOptions.validationShare ?? BOOSTED_TREES_DEFAULTS.validationShare;
    const fitted = rows.length >= 200 ? rows.length - Math.floor(rows.length * share) : rows.length;
    let positives = 0;
    for (let i = 0; i < fitted; i++) positives += labels[i]!;
    const rate = Math.min(0.999, Math.max(0.001, positives / Math.max(1, fitted)));
    const half = halveMachine(this.machine.toJSON(), Math.log(rate / (1 - rate)) / 2);
    const parts = [...(residual ? [{ trees: residual, scale: 0.5 }] : []), { trees: own, scale: 0.5 }];
    return new InterestModel(
      this.encoding,
      FactorizationMachine.fromJSON(half),
      this.trainedFrom,
      this.trainedTo,
      BoostedTrees.combine(parts),
    );
  }

  /** Probability the client shows interest in the product in this context; finite for any input. */
  score(context: ScoringContext): number {
    return this.scoreRaw(rawFeatures(context));
  }

  /** The same from raw features already built. */
  scoreRaw(raw: RawFeatures): number {
    return this.scoreEncoded(encodeFeatures(this.encoding, raw), raw);
  }

  /** The same from the row's vector under this model's encoding (encodeRows), and its raw features for the trees. */
  scoreEncoded(x: SparseVector, raw: RawFeatures): number {
    const z = this.machine.predictLogit(x);
    return this.trees ? sigmoid(clampLogit(z + this.trees.margin(raw))) : sigmoid(z);
  }

  /**
   * Contributions to the logit per encoded feature, for explanations: the machine's, and each tree column's
   * path-based share credited to the feature of that column the row has (its value's index, or its missing flag).
   */
  contributions(raw: RawFeatures): { index: number; value: number }[] {
    return [...this.machine.contributions(encodeFeatures(this.encoding, raw)), ...this.treeContributions(raw)];
  }

  /** The trees' part of contributions(); empty without trees. */
  treeContributions(raw: RawFeatures): { index: number; value: number }[] {
    const out: { index: number; value: number }[] = [];
    if (!this.trees) return out;
    const { byColumn } = this.trees.contributions(raw);
    this.trees.columns.forEach((column, c) => {
      const value = byColumn[c]!;
      if (value === 0) return;
      const index = featureIndexOf(this.encoding, column.kind, column.name, raw);
      if (index >= 0) out.push({ index, value });
    });
    return out;
  }

  /** One recorded outcome, learned at once. The encoding stays fixed until the next full retrain. */
  learn(context: ScoringContext, interested: boolean): void {
    this.machine.update(encodeFeatures(this.encoding, rawFeatures(context)), interested ? 1 : 0);
  }

  toJSON(): InterestModelState {
    return {
      kind: 'interest-model',
      version: 1,
      encoding: this.encoding,
      model: this.machine.toJSON(),
      ...(this.trees ? { trees: this.trees.toJSON() } : {}),
      trainedFrom: this.trainedFrom,
      trainedTo: this.trainedTo,
    };
  }

  static fromJSON(state: InterestModelState): InterestModel {
    if (state.kind !== 'interest-model' || state.version !== 1) throw new Error('not a version 1 interest model');
    if (state.encoding.dimension !== state.model.dimension)
      throw new Error('interest model encoding and weights disagree on the number of features');
    return new InterestModel(
      encodingFromJSON(state.encoding),
      FactorizationMachine.fromJSON(state.model),
      state.trainedFrom,
      state.trainedTo,
      state.trees ? BoostedTrees.fromJSON(state.trees) : null,
    );
  }
}

/**
 * The machine with half its logit (bias and weights halved, factors scaled by √½ so each pair's product halves),
 * plus `addBias`: the machine's part of an even blend.
 */
function halveMachine(state: FactorizationMachineState, addBias: number): FactorizationMachineState {
  const root = Math.SQRT1_2;
  return {
    ...state,
    bias: state.bias / 2 + addBias,
    linear: state.linear.map((w) => w / 2),
    latent: state.latent.map((v) => v * root),
  };
}

/** The encoded feature that stands for a raw column in an explanation: the row's value's own index where it has one. */
function featureIndexOf(
  encoding: FeatureEncoding,
  kind: 'numeric' | 'categorical',
  name: string,
  raw: RawFeatures,
): number {
  if (kind === 'numeric') {
    const column = encoding.numeric.find((c) => c.name === name);
    if (!column) return -1;
    const v = raw.numeric[name];
    return v === null || v === undefined || !Number.isFinite(v) ? column.missingIndex : column.index;
  }
  const column = encoding.categorical.find((c) => c.name === name);
  if (!column) return -1;
  const values = raw.categorical[name] ?? [];
  if (values.length === 0) return column.missingIndex;
  for (const v of values) {
    const index = column.values[v];
    if (index !== undefined) return index;
  }
  return column.unseenIndex >= 0 ? column.unseenIndex : column.missingIndex;
}
