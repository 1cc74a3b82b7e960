import {
  encodeFeatures,
  encodeRows,
  encodingFromJSON,
  fitEncoding,
  type EncodingOptions,
  type FeatureEncoding,
} from './feature-encoding';
import {
  FactorizationMachine,
  type FactorizationMachineOptions,
  type FactorizationMachineState,
} from './factorization-machine';
import { rawFeatures } from './raw-features';
import type { ScoringContext } from './scoring-context';
import type { LabelledRow } from './training-rows';

/** What is stored per model version: the encoding travels with the weights so an old score can be reproduced. */
export interface InterestModelState {
  kind: 'interest-model';
  version: 1;
  encoding: FeatureEncoding;
  model: FactorizationMachineState;
  /** The time range of the outcomes it was trained on (ISO), for the version history. */
  trainedFrom: string | null;
  trainedTo: string | null;
}

export interface InterestModelOptions {
  encoding?: EncodingOptions;
  model?: FactorizationMachineOptions;
}

/** The encoding and the factorization machine together: the unit the app scores with, updates and saves. */
export class InterestModel {
  private constructor(
    readonly encoding: FeatureEncoding,
    readonly machine: FactorizationMachine,
    readonly trainedFrom: string | null,
    readonly trainedTo: string | null,
  ) {}

  /** Rows should be in time order: the latest share decides when training stops (see early-stopping.ts). */
  static train(rows: readonly LabelledRow[], options: InterestModelOptions = {}): InterestModel {
    const raws = rows.map((r) => r.raw);
    const encoding = fitEncoding(raws, options.encoding);
    const examples = encodeRows(encoding, raws).map((x, r) => ({ x, y: rows[r]!.label }));
    const machine = FactorizationMachine.train(examples, encoding.dimension, options.model);
    const times = rows.map((r) => r.interaction.occurredAt).sort();
    return new InterestModel(encoding, machine, times[0] ?? null, times[times.length - 1] ?? null);
  }

  /** Probability the client shows interest in the product in this context; finite for any input. */
  score(context: ScoringContext): number {
    return this.machine.predict(encodeFeatures(this.encoding, rawFeatures(context)));
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
    );
  }
}
