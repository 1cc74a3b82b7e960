import type { ModelMetrics } from '../domain/model-version';
import type { Interaction } from '../domain';
import { encodeRows } from '../scoring/feature-encoding';
import {
  encodeTraining,
  type EncodedRows,
  type InterestModel,
  type InterestModelOptions,
} from '../scoring/interest-model';
import { labelledRows, type BookOfBusiness, type LabelledRow, type PairSignals } from '../scoring/training-rows';
import { DEFAULT_RULE_SET, type SuitabilityRuleSet } from '../suitability';
import type { LogisticBaseline } from './logistic-baseline';
import { evaluatePredictions, type CalibrationBin, type RankedOutcome } from './metrics';
import { fitPopularity, popularityScore } from './popularity-baseline';
import { fitRulesOnly, rulesOnlyProbability, rulesOnlyScore } from './rules-only-baseline';
import { timeSplit } from './time-split';
import {
  selectionSteps,
  type CandidateSettings,
  type ModelSelection,
  type SelectedModel,
  type SelectionOptions,
} from '../scoring/model-selection';
import {
  fitOutcome,
  logisticOutcome,
  runStepsHere,
  type TrainingOutcome,
  type TrainingSteps,
  type TrainingTask,
} from '../training/training-tasks';
import { calibrate, logitOf } from '../ranking/platt-calibration';
import { eceChanceFloor } from './calibration-floor';

export interface TimeSplitEvaluationOptions {
  /** Share of the outcomes, earliest first, to train on; the rest is the test set. */
  trainShare: number;
  /** Cut-off for precision, NDCG and MAP: how many products an advisor looks at per client. */
  k: number;
  /** Seeds the interest model and the logistic baseline, so the same data and seed give the same figures. */
  seed: number;
  /** The rule set the rules-only baseline judges under; the shipped default unless the store has another active. */
  ruleSet?: SuitabilityRuleSet;
  /**
   * Choose the interest model's settings by time-ordered validation inside the training share (model-selection.ts)
   * and recalibrate on its latest window; costs about six trainings instead of one. Ignores `model`.
   */
  select?: boolean;
  /** Encoding and factorization machine options; the defaults are what the app trains with. */
  model?: InterestModelOptions;
  /** Language-model signals per client and product: they become the optional llm.* features. */
  signals?: PairSignals;
  /**
   * labelledRows(interactions, book, signals) when the caller has them already (a retrain joins once for its
   * checks, this split and the live model); joining 100,000 outcomes takes seconds.
   */
  rows?: readonly LabelledRow[];
}

/** One test outcome and the interest model's probability for it, as `--predictions-out` writes it. */
export interface TestPrediction {
  clientId: string;
  productId: string;
  occurredAt: string;
  outcome: 0 | 1;
  /** The model's own probability. */
  score: number;
  /** The probability the app shows: after the recalibration fitted on the training share; null without one. */
  recalibratedScore: number | null;
}

export type BaselineName = 'popularity' | 'rules-only' | 'logistic-regression';

export interface TimeSplitEvaluation {
  trainShare: number;
  trainRows: number;
  testRows: number;
  /** Time range (ISO) of the outcomes trained on and of those tested on; every training outcome is earlier than testFrom. */
  trainedFrom: string;
  trainedTo: string;
  testFrom: string;
  testTo: string;
  /** Share of test outcomes that were positive: the rate any model's probabilities should average to. */
  testPositiveRate: number;
  /** Test clients with two or more outcomes, at least one positive: the ones the ranking measures average over. */
  clientsRanked: number;
  /** Why precision, NDCG and MAP are null (no client qualifies); null when they were measured. */
  rankingNotMeasured: string | null;
  /** What each side of the split holds. */
  summary: { train: ShareSummary; test: ShareSummary };
  model: ModelMetrics;
  baselines: Record<BaselineName, ModelMetrics>;
  /** The interest model's calibration: ten equal-width probability bins, predicted against observed. */
  calibration: CalibrationBin[];
  /** The ECE a perfectly calibrated model would show on the test rows by chance (see calibration-floor.ts). */
  eceFloor: number | null;
  /** What the settings selection tried and chose (with `select`); null when the default settings were used. */
  selection: ModelSelection | null;
  /**
   * The interest model's test probabilities after the recalibration fitted on the latest window of the training
   * share (with `select`; see recalibrationFor): its calibration error, log loss and reliability bins, to set
   * beside the raw ones. These are the probabilities the app shows.
   */
  recalibrated: {
    method: 'platt' | 'shift';
    a: number;
    b: number;
    rows: number;
    ece: number | null;
    eceFloor: number | null;
    logLoss: number | null;
    bins: CalibrationBin[];
  } | null;
  /** The L2 strength the logistic baseline chose on the latest training rows. */
  logisticL2: number;
  /** One per test outcome, in time order. */
  predictions: TestPrediction[];
}

/** Rows, distinct clients and products, and the share of positive outcomes on one side of a split. */
export interface ShareSummary {
  rows: number;
  clients: number;
  products: number;
  positiveRate: number;
}

export function summarise(rows: readonly LabelledRow[]): ShareSummary {
  return {
    rows: rows.length,
    clients: new Set(rows.map((r) => r.interaction.clientId)).size,
    products: new Set(rows.map((r) => r.interaction.productId)).size,
    positiveRate: rows.length > 0 ? rows.filter((r) => r.label === 1).length / rows.length : 0,
  };
}

/** Too few outcomes, or outcomes of one kind only: nothing can be measured. */
export class EvaluationDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluationDataError';
  }
}

function metricsOf(
  rows: readonly LabelledRow[],
  scores: readonly number[],
  k: number,
): { metrics: ModelMetrics; calibration: CalibrationBin[]; clients: number; notMeasured: string | null } {
  const ranked: RankedOutcome[] = rows.map((r, i) => ({
    clientId: r.interaction.clientId,
    score: scores[i]!,
    label: r.label,
  }));
  const report = evaluatePredictions(ranked, k);
  return {
    metrics: {
      k,
      auc: report.auc,
      logLoss: report.logLoss,
      ece: report.calibration.ece,
      precisionAtK: report.ranking.precisionAtK,
      ndcgAtK: report.ranking.ndcgAtK,
      mapAtK: report.ranking.mapAtK,
    },
    calibration: report.calibration.bins,
    clients: report.ranking.clientsEvaluated,
    notMeasured: report.ranking.notMeasured,
  };
}

function checkBothOutcomes(rows: readonly LabelledRow[], side: string): void {
  const positives = rows.filter((r) => r.label === 1).length;
  if (positives === 0 || positives === rows.length) {
    const only = positives === 0 ? 'not interested' : 'interested';
    throw new EvaluationDataError(
      `All ${rows.length} ${side} outcomes are "${only}"; evaluation needs both interested and not-interested outcomes on each side of the split.`,
    );
  }
}

/**
 * Trains on the earlier share of recorded outcomes and scores the later share, as the model is used: predicting
 * what has not happened yet. The interest model and three baselines are fitted on the same training rows and
 * measured on the same test rows in one run: popularity (each product's smoothed interest rate), rules only (the
 * suitability verdict alone, see rules-only-baseline.ts) and plain logistic regression on the model's own features.
 * Pure and deterministic for a seed; throws EvaluationDataError when there is too little to measure.
 */
export function evaluateOnTimeSplit(
  interactions: readonly Interaction[],
  book: BookOfBusiness,
  options: TimeSplitEvaluationOptions,
): TimeSplitEvaluation {
  return runStepsHere(evaluationSteps(interactions, book, options)).evaluation;
}

/**
 * evaluateOnTimeSplit as training steps (training-tasks.ts): the model and the logistic baseline are fitted in one
 * batch (after the candidates, when the settings are chosen), with `alongside`'s tasks, whose outcomes come back
 * beside the evaluation.
 */
export function* evaluationSteps(
  interactions: readonly Interaction[],
  book: BookOfBusiness,
  options: TimeSplitEvaluationOptions & { alongside?: SelectionOptions['alongside'] },
): TrainingSteps<{ evaluation: TimeSplitEvaluation; alongside: TrainingOutcome[] }> {
  const { trainShare, k, seed } = options;
  if (!(trainShare > 0 && trainShare < 1))
    throw new RangeError(`train share must be between 0 and 1, got ${trainShare}`);
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`k must be a whole number of at least 1, got ${k}`);

  const all = (
    options.rows ?? labelledRows(interactions, book, options.signals ? { signals: options.signals } : {})
  ).map((row) => ({ id: row.interaction.id, occurredAt: row.interaction.occurredAt, row }));
  const split = timeSplit(all, trainShare);
  const train = split.train.map((s) => s.row);
  const test = split.test.map((s) => s.row);
  if (train.length === 0 || test.length === 0) {
    throw new EvaluationDataError(
      `Too little data to evaluate: ${all.length} outcomes with a known client and product give ${train.length} to train on and ${test.length} to test on at a ${trainShare} time split.`,
    );
  }
  checkBothOutcomes(train, 'training');
  checkBothOutcomes(test, 'test');

  // The training rows are encoded once, for the model and the logistic baseline alike, and so are the test rows.
  const besideModel = (settings: CandidateSettings | null, encoded: EncodedRows): TrainingTask[] => [
    { kind: 'logistic', rows: { rows: train, encoded }, seed },
    ...(settings && options.alongside ? options.alongside(settings, encoded) : []),
  ];
  let selected: SelectedModel | null = null;
  let model: InterestModel;
  let logistic: LogisticBaseline;
  let alongside: TrainingOutcome[];
  if (options.select) {
    const selection = yield* selectionSteps(train, { seed, alongside: besideModel });
    selected = selection.selected;
    model = selected.model;
    logistic = logisticOutcome(selection.alongside[0]);
    alongside = selection.alongside.slice(1);
  } else {
    const encoded = encodeTraining(train, options.model?.encoding);
    const [fitted, baseline] = yield [
      {
        kind: 'fit',
        rows: { rows: train, encoded },
        options: { ...options.model, model: { ...options.model?.model, seed } },
      },
      ...besideModel(null, encoded),
    ];
    model = fitOutcome(fitted).models[0]!;
    logistic = logisticOutcome(baseline);
    alongside = [];
  }
  const testVectors = encodeRows(
    model.encoding,
    test.map((r) => r.raw),
  );
  const modelScores = test.map((r, i) => model.scoreEncoded(testVectors[i]!, r.raw));

  const logisticScores = testVectors.map((x) => logistic.model.predict(x));

  const popularity = fitPopularity(train.map((r) => ({ productId: r.interaction.productId, label: r.label })));
  const popularityScores = test.map((r) => popularityScore(popularity, r.interaction.productId));

  const ruleSet = options.ruleSet ?? DEFAULT_RULE_SET;
  const rules = fitRulesOnly(train.map((r) => ({ score: rulesOnlyScore(r.context, ruleSet), label: r.label })));
  const rulesScores = test.map((r) => rulesOnlyProbability(rules, rulesOnlyScore(r.context, ruleSet)));

  const measured = metricsOf(test, modelScores, k);
  const cal = selected?.calibration ?? null;
  const recalibratedScores = cal ? modelScores.map((p) => calibrate(cal, logitOf(p))) : null;
  const after = recalibratedScores ? metricsOf(test, recalibratedScores, k) : null;
  const recalibrated =
    cal && recalibratedScores && after
      ? {
          method: cal.method ?? 'platt',
          a: cal.a,
          b: cal.b,
          rows: cal.rows,
          ece: after.metrics.ece,
          eceFloor: eceChanceFloor(recalibratedScores, seed),
          logLoss: after.metrics.logLoss,
          bins: after.calibration,
        }
      : null;
  const evaluation: TimeSplitEvaluation = {
    trainShare,
    trainRows: train.length,
    testRows: test.length,
    trainedFrom: train[0]!.interaction.occurredAt,
    trainedTo: train[train.length - 1]!.interaction.occurredAt,
    testFrom: test[0]!.interaction.occurredAt,
    testTo: test[test.length - 1]!.interaction.occurredAt,
    testPositiveRate: test.filter((r) => r.label === 1).length / test.length,
    clientsRanked: measured.clients,
    rankingNotMeasured: measured.notMeasured,
    summary: { train: summarise(train), test: summarise(test) },
    model: measured.metrics,
    baselines: {
      popularity: metricsOf(test, popularityScores, k).metrics,
      'rules-only': metricsOf(test, rulesScores, k).metrics,
      'logistic-regression': metricsOf(test, logisticScores, k).metrics,
    },
    calibration: measured.calibration,
    eceFloor: eceChanceFloor(modelScores, seed),
    selection: selected?.selection ?? null,
    recalibrated,
    logisticL2: logistic.l2,
    predictions: test.map((r, i) => ({
      clientId: r.interaction.clientId,
      productId: r.interaction.productId,
      occurredAt: r.interaction.occurredAt,
      outcome: r.label,
      score: modelScores[i]!,
      recalibratedScore: recalibratedScores ? recalibratedScores[i]! : null,
    })),
  };
  return { evaluation, alongside };
}

/**
 * Rolling-origin evaluation: the outcomes in time order are cut into folds + 1 equal blocks, and fold i trains on
 * blocks 1..i and tests on block i + 1, so every fold predicts a later stretch than it learned from and the
 * figures show how steady the model is across time rather than on one cut. Rows are joined once for all folds.
 */
export function evaluateRolling(
  interactions: readonly Interaction[],
  book: BookOfBusiness,
  options: Omit<TimeSplitEvaluationOptions, 'trainShare'> & { folds: number },
): TimeSplitEvaluation[] {
  const { folds } = options;
  if (!(Number.isInteger(folds) && folds >= 1 && folds <= 20))
    throw new RangeError(`rolling folds must be a whole number from 1 to 20, got ${folds}`);
  const rows = [
    ...(options.rows ?? labelledRows(interactions, book, options.signals ? { signals: options.signals } : {})),
  ].sort((a, b) =>
    a.interaction.occurredAt < b.interaction.occurredAt
      ? -1
      : a.interaction.occurredAt > b.interaction.occurredAt
        ? 1
        : a.interaction.id < b.interaction.id
          ? -1
          : a.interaction.id > b.interaction.id
            ? 1
            : 0,
  );
  const out: TimeSplitEvaluation[] = [];
  for (let i = 1; i <= folds; i++) {
    const end = Math.floor((rows.length * (i + 1)) / (folds + 1));
    try {
      out.push(
        evaluateOnTimeSplit(interactions, book, { ...options, rows: rows.slice(0, end), trainShare: i / (i + 1) }),
      );
    } catch (error) {
      if (error instanceof EvaluationDataError)
        throw new EvaluationDataError(`Rolling fold ${i} of ${folds}: ${error.message}`);
      throw error;
    }
  }
  return out;
}
