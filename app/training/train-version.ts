import type { Interaction } from '../domain';
import { evaluationSteps, EvaluationDataError, type TimeSplitEvaluation } from '../eval/evaluate-model';
import { liveModelParams, type LanguageModelRef, type LiveModel } from '../ranking/live-model';
import { encodeTraining, type InterestModel } from '../scoring/interest-model';
import { recalibrationFor, SELECTION_SHARE } from '../scoring/model-selection';
import { labelledRows, type BookOfBusiness, type LabelledRow, type PairSignals } from '../scoring/training-rows';
import type { SuitabilityRuleSet } from '../suitability';
import type { StoredModelMetrics } from '../domain/model-version';
import { DomainError } from '../domain/domain-error';
import { timeSplit } from '../eval/time-split';
import {
  fitOutcome,
  runStepsHere,
  runStepsOn,
  type TrainingOutcome,
  type TrainingPool,
  type TrainingSteps,
} from './training-tasks';
import { compareWithLive, type LiveComparison, type LiveVersionForComparison } from './live-comparison';

/** Fewer outcomes than this say nothing a model could learn; the time split would test on a handful. */
export const MIN_TRAINING_OUTCOMES = 20;
/** Earlier share trained on, later share tested on, as the version's metrics are reported. */
export const TRAIN_SHARE = 0.8;
/** Ranking measures at k = 5: about what an advisor reads before a meeting. */
export const METRICS_K = 5;
export const TRAINING_SEED = 1;

function refuse(message: string): never {
  throw new DomainError('validation', `${message} The live model is unchanged.`);
}

/** Refuses data no model should be trained on, with the problem named, before any work is done. */
function checkTrainable(interactions: readonly Interaction[], rows: readonly LabelledRow[]): void {
  const recorded = interactions.filter((i) => i.outcome !== null).length;
  if (recorded === 0)
    refuse('There are no recorded outcomes to train on: record how clients reacted to some products first.');
  if (rows.length < MIN_TRAINING_OUTCOMES) {
    const lost = recorded - rows.length;
    refuse(
      `Only ${rows.length} recorded outcomes can be used${lost > 0 ? ` (${lost} name a client or product that is no longer stored)` : ''}; at least ${MIN_TRAINING_OUTCOMES} are needed to train.`,
    );
  }
  const positives = rows.filter((r) => r.label === 1).length;
  if (positives === 0 || positives === rows.length) {
    refuse(
      `All ${rows.length} recorded outcomes are "${positives === 0 ? 'not interested' : 'interested'}"; a model needs both kinds to learn what makes the difference.`,
    );
  }
}

function isFiniteModel(model: InterestModel): boolean {
  const state = model.machine.toJSON();
  if (!Number.isFinite(state.bias)) return false;
  for (const w of state.linear) if (!Number.isFinite(w)) return false;
  for (const v of state.latent) if (!Number.isFinite(v)) return false;
  return (model.machine.report?.validationLoss ?? []).every((l) => Number.isFinite(l));
}

/**
 * What the version records of its recalibration, measured out of sample: the evaluation's model (trained on the
 * earlier share) recalibrated the same way on the latest window of its own training rows, scored on the later
 * share. Null when the evaluation had too few recent outcomes to recalibrate (the probabilities are then raw).
 */
function calibrationDiagnostics(evaluation: TimeSplitEvaluation): {
  diagnostics: StoredModelMetrics['calibration'];
  /** The held-out probabilities as the version's figures are measured (recalibrated, else raw). */
  heldOut: number[];
} {
  const raw = evaluation.predictions.map((p) => p.score);
  const re = evaluation.recalibrated;
  if (!re) return { diagnostics: undefined, heldOut: raw };
  return {
    heldOut: evaluation.predictions.map((p) => p.recalibratedScore ?? p.score),
    diagnostics: {
      method: re.method,
      a: re.a,
      b: re.b,
      rows: re.rows,
      eceRaw: evaluation.model.ece,
      eceCalibrated: re.ece,
      eceFloor: re.eceFloor,
      logLossRaw: evaluation.model.logLoss,
      logLossCalibrated: re.logLoss,
    },
  };
}

/** One client–product pair's language-model signals, 0..1 each; null where the model gave none. */
// A type, not an interface: it must be readable as the Record<string, number | null> the scoring context takes.
export type PairSignalValues = {
  similarity: number | null;
  fit: number | null;
};

/** The key of a pair in TrainingData.signals. */
export const pairKey = (clientId: string, productId: string): string => `${clientId}\u0000${productId}`;

/** Signals kept by pairKey, read back as labelledRows and the evaluation take them. */
export function pairSignalsOf(signals: Readonly<Record<string, PairSignalValues>>): PairSignals {
  return (clientId, productId) => signals[pairKey(clientId, productId)];
}

/** What a training run reads from the store: plain data, so it can be sent to a worker thread. */
export interface TrainingData {
  interactions: Interaction[];
  book: BookOfBusiness;
  ruleSet: SuitabilityRuleSet;
  /**
   * Language-model signals per client–product pair (keyed by pairKey), when the version is trained with them
   *: they become the llm.similarity and llm.fit features. A plain object, so it crosses to the worker.
   */
  signals?: Record<string, PairSignalValues>;
  /** The language model that computed `signals`; stored with the version so a ranking knows which one to use. */
  languageModel?: LanguageModelRef | null;
  /** The version live when the retrain started: scored on the new version's held-out outcomes in the same run. */
  live?: LiveVersionForComparison | null;
}

/** What a training run produces for the store: everything a version row holds but the note, time and actor. */
export interface TrainedVersion {
  params: ReturnType<typeof liveModelParams>;
  metrics: StoredModelMetrics;
  trainedFrom: string | null;
  trainedTo: string | null;
  trainRows: number;
  testRows: number;
  /** How the new version did against the live one on the same held-out outcomes; absent when none was live. */
  comparison?: LiveComparison;
}

/**
 * The work of a full retrain, without the store: metrics from a time split (the earlier 80 % of outcomes
 * trained on, the later 20 % scored, with the baselines on the same rows), then the live model trained on
 * every outcome. Refusals are DomainErrors with code 'validation' that name the problem.
 */
export function trainVersion(data: TrainingData): TrainedVersion {
  return runStepsHere(trainVersionSteps(data));
}

/**
 * trainVersion with its independent trainings run on a pool of threads (the candidates side by side, then the
 * chosen settings' refit on the training share, the logistic baseline and the live model side by side): the same
 * version as trainVersion gives. A failed thread rejects with its error.
 */
export function trainVersionOn(data: TrainingData, pool: TrainingPool): Promise<TrainedVersion> {
  return runStepsOn(trainVersionSteps(data), pool);
}

/** trainVersion as training steps (training-tasks.ts). */
export function* trainVersionSteps({
  interactions,
  book,
  ruleSet,
  signals,
  languageModel,
  live: liveVersion,
}: TrainingData): TrainingSteps<TrainedVersion> {
  if (signals && !languageModel)
    throw new Error('trainVersion: signals were given without the language model that computed them');
  const bySignal = signals ? pairSignalsOf(signals) : undefined;
  // Joined once: the checks, the time split and the live model all read the same rows.
  const rows = labelledRows(interactions, book, bySignal ? { signals: bySignal } : {});
  checkTrainable(interactions, rows);

  let evaluation: TimeSplitEvaluation;
  let trainedLive: TrainingOutcome | undefined;
  try {
    // The settings are chosen inside the earlier share (each candidate fitted on its earlier 80 %, judged on its
    // latest 20 %), so the version's held-out figures are those of the choice as made, not of a choice that saw them.
    // The live model is trained on every outcome with the settings chosen, not chosen again (a second choice on the
    // latest fifth of all outcomes would cost seven more trainings for a window that overlaps the test share), in
    // the same batch as the evaluation's own refit and baseline, which it does not depend on.
    const steps = yield* evaluationSteps(interactions, book, {
      trainShare: TRAIN_SHARE,
      k: METRICS_K,
      seed: TRAINING_SEED,
      ruleSet,
      rows,
      select: true,
      alongside: (settings) => [
        {
          kind: 'fit',
          // Encoded here rather than by the task: a thread that would encode them needs every row's raw features.
          rows: { rows, encoded: encodeTraining(rows, settings.options.encoding) },
          options: { ...settings.options, model: { ...settings.options.model, seed: TRAINING_SEED } },
        },
      ],
    });
    evaluation = steps.evaluation;
    trainedLive = steps.alongside[0];
  } catch (error) {
    if (error instanceof EvaluationDataError) refuse(error.message);
    throw error;
  }
  const { diagnostics, heldOut } = calibrationDiagnostics(evaluation);
  // The same split as the evaluation's, so the rows line up with its predictions one for one.
  const comparison = liveVersion
    ? compareWithLive(
        timeSplit(
          rows.map((row) => ({ id: row.interaction.id, occurredAt: row.interaction.occurredAt, row })),
          TRAIN_SHARE,
        ).test.map((t) => t.row),
        heldOut,
        liveVersion,
      )
    : undefined;

  const selection = evaluation.selection;
  const model = fitOutcome(trainedLive).models[0]!;
  if (!isFiniteModel(model))
    refuse(
      'Training produced numbers that are not finite (a training loss of infinity or NaN): some outcome or feature value is broken.',
    );
  // Recalibrated as the evaluation's model was, on the latest window of every outcome, when the evaluation was.
  const calibration = evaluation.recalibrated
    ? recalibrationFor(
        model,
        timeSplit(
          rows.map((row) => ({ id: row.interaction.id, occurredAt: row.interaction.occurredAt, row })),
          1 - SELECTION_SHARE,
        ).test.map((t) => t.row),
      )
    : null;
  const live: LiveModel = { model, calibration, languageModel: signals ? (languageModel ?? null) : null };

  return {
    params: liveModelParams(live),
    metrics: {
      // Probabilities are shown recalibrated, so log loss and calibration error are those of the recalibrated
      // held-out probabilities; AUC and the ranking measures are the model's own (recalibration keeps the order).
      model: diagnostics
        ? { ...evaluation.model, logLoss: diagnostics.logLossCalibrated, ece: diagnostics.eceCalibrated }
        : evaluation.model,
      baselines: evaluation.baselines,
      ...(diagnostics ? { calibration: diagnostics } : {}),
      testFrom: evaluation.testFrom,
      testTo: evaluation.testTo,
      ...(selection
        ? {
            selection: {
              chosen: selection.chosen,
              aboutText: selection.aboutText,
              reason: selection.reason,
              judgedRows: selection.judgedRows,
              judgedFrom: selection.judgedFrom,
              candidates: selection.candidates,
            },
          }
        : {}),
    },
    trainedFrom: model.trainedFrom,
    trainedTo: model.trainedTo,
    trainRows: rows.length,
    testRows: evaluation.testRows,
    ...(comparison ? { comparison } : {}),
  };
}
