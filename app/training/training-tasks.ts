import { fitLogisticBaseline, type LogisticBaseline } from '../eval/logistic-baseline';
import type { BoostedTreesOptions } from '../scoring/boosted-trees';
import type { SparseVector } from '../scoring/feature-encoding';
import { InterestModel, type EncodedRows, type InterestModelOptions } from '../scoring/interest-model';
import type { LabelledRow } from '../scoring/training-rows';

/** Rows a task trains on, with their encoding when it is already made (else the task fits and encodes). */
export interface TaskRows {
  rows: readonly LabelledRow[];
  encoded?: EncodedRows;
}

/** Rows a fitted model is scored on: their vectors under the task's encoding, and the rows for the trees. */
export interface JudgedRows {
  rows: readonly LabelledRow[];
  vectors: readonly SparseVector[];
}

/**
 * A unit of a retrain that depends on nothing else running at the same time, described as data so that it can run
 * on this thread or be sent to another one (main/model/training-pool.ts) with the same result.
 * - 'fit': InterestModel.train on the rows, then, for each of `thenTrees`, trees on that machine's residual
 *   (InterestModel.withTrees), every model scored on `judged` when given.
 * - 'logistic': the logistic baseline on the rows' vectors (fitLogisticBaseline).
 */
export type TrainingTask =
  | {
      kind: 'fit';
      rows: TaskRows;
      options: InterestModelOptions;
      thenTrees?: readonly BoostedTreesOptions[];
      judged?: JudgedRows;
    }
  | { kind: 'logistic'; rows: TaskRows & { encoded: EncodedRows }; seed: number };

export type TrainingOutcome =
  | {
      kind: 'fit';
      /** The fitted model, then one per `thenTrees`. */
      models: InterestModel[];
      /** Each model's probabilities on `judged`, in the same order; empty without `judged`. */
      scores: Float64Array[];
    }
  | { kind: 'logistic'; baseline: LogisticBaseline };

/** Runs one task on this thread. Pure: the same task gives the same outcome wherever it runs. */
export function runTrainingTask(task: TrainingTask): TrainingOutcome {
  if (task.kind === 'logistic') {
    const { rows, encoded } = task.rows;
    const examples = encoded.vectors.map((x, i) => ({ x, y: rows[i]!.label }));
    return { kind: 'logistic', baseline: fitLogisticBaseline(examples, encoded.encoding.dimension, task.seed) };
  }
  const { rows, encoded } = task.rows;
  const machine = InterestModel.train(rows, task.options, encoded);
  const vectors = encoded?.vectors;
  const models = [machine, ...(task.thenTrees ?? []).map((trees) => machine.withTrees(rows, trees, vectors))];
  const judged = task.judged;
  const scores = judged
    ? models.map((model) => Float64Array.from(judged.rows, (r, i) => model.scoreEncoded(judged.vectors[i]!, r.raw)))
    : [];
  return { kind: 'fit', models, scores };
}

/**
 * A retrain written as steps: it yields each batch of tasks that may run at the same time and is resumed with
 * their outcomes, in the batch's order. The same steps run on this thread (runStepsHere) or on a pool of threads
 * (runStepsOn), so the two give the same version.
 */
export type TrainingSteps<R> = Generator<readonly TrainingTask[], R, TrainingOutcome[]>;

/** Runs the tasks somewhere else (other threads), the outcomes in the order of the tasks. */
export interface TrainingPool {
  run(tasks: readonly TrainingTask[]): Promise<TrainingOutcome[]>;
}

/** The steps with every task run in turn on this thread. */
export function runStepsHere<R>(steps: TrainingSteps<R>): R {
  let next = steps.next([]);
  while (!next.done) next = steps.next(next.value.map(runTrainingTask));
  return next.value;
}

/** The steps with each batch handed to the pool; a failed batch ends the steps with its error. */
export async function runStepsOn<R>(steps: TrainingSteps<R>, pool: TrainingPool): Promise<R> {
  let next = steps.next([]);
  while (!next.done) {
    let outcomes: TrainingOutcome[];
    try {
      outcomes = await pool.run(next.value);
    } catch (error) {
      steps.return(undefined as never);
      throw error;
    }
    next = steps.next(outcomes);
  }
  return next.value;
}

/** The outcome of a task expected to be a fit (what a batch hands back where a fit was asked). */
export function fitOutcome(outcome: TrainingOutcome | undefined): Extract<TrainingOutcome, { kind: 'fit' }> {
  if (outcome?.kind !== 'fit') throw new Error('training steps: a fit task answered with something else');
  return outcome;
}

export function logisticOutcome(outcome: TrainingOutcome | undefined): LogisticBaseline {
  if (outcome?.kind !== 'logistic') throw new Error('training steps: a logistic task answered with something else');
  return outcome.baseline;
}
