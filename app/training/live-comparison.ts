import { auc, logLoss } from '../eval/metrics';
import { calibrate, logitOf } from '../ranking/platt-calibration';
import { liveModelFromParams } from '../ranking/live-model';
import type { LabelledRow } from '../scoring/training-rows';

import { MIN_COMPARED_OUTCOMES } from './comparison-text';

export { MIN_COMPARED_OUTCOMES };

/** The version live when a retrain started, as the training thread needs it: plain data, so it crosses to a worker. */
export interface LiveVersionForComparison {
  version: number;
  params: unknown;
  /** The latest outcome it was trained on: held-out outcomes up to then were in its training, so they are not compared. */
  trainedTo: string | null;
}

export interface ComparedFigures {
  auc: number | null;
  logLoss: number | null;
}

/**
 * The new version and the live one judged on the same held-out outcomes in one run. Only outcomes after the live
 * version's training are compared: it learned the older ones, and a model scored on what it learned looks better
 * than it is.
 */
export interface LiveComparison {
  liveVersion: number;
  /** Held-out outcomes both were scored on; 0 when none could be compared. */
  rows: number;
  candidate: ComparedFigures;
  live: ComparedFigures;
  /** Why no comparison was made, when none was: the new version then goes live as it always did. */
  notCompared: 'too-few-new-outcomes' | 'one-kind-of-outcome' | 'unreadable-live-version' | null;
  /** Whether the new version was made live by the retrain (a worse one is kept for the advisor to choose). */
  madeLive: boolean;
}

/** What the figures are compared at: the three decimals the advisor reads. */
const shown = (x: number): number => Math.round(x * 1000);

/**
 * Whether the new version is worse than the live one on the compared outcomes: a lower AUC as shown, or the same AUC
 * with a higher log loss. A tie or better goes live; so does a retrain that could not be compared.
 */
export function isWorseThanLive(comparison: Pick<LiveComparison, 'candidate' | 'live' | 'notCompared'>): boolean {
  if (comparison.notCompared) return false;
  const { candidate, live } = comparison;
  if (candidate.auc === null || live.auc === null) return false;
  if (shown(candidate.auc) !== shown(live.auc)) return shown(candidate.auc) < shown(live.auc);
  if (candidate.logLoss === null || live.logLoss === null) return false;
  return shown(candidate.logLoss) > shown(live.logLoss);
}

/**
 * Scores the live version on the candidate's held-out rows (those after its own training) and compares it with the
 * candidate's probabilities for the same rows. `candidateProbabilities[i]` is the candidate's for `testRows[i]`.
 */
export function compareWithLive(
  testRows: readonly LabelledRow[],
  candidateProbabilities: readonly number[],
  live: LiveVersionForComparison,
): LiveComparison {
  const none = (notCompared: NonNullable<LiveComparison['notCompared']>, rows = 0): LiveComparison => ({
    liveVersion: live.version,
    rows,
    candidate: { auc: null, logLoss: null },
    live: { auc: null, logLoss: null },
    notCompared,
    madeLive: true,
  });
  let model;
  try {
    model = liveModelFromParams(live.params);
  } catch {
    return none('unreadable-live-version');
  }
  const picked = testRows
    .map((row, i) => ({ row, candidate: candidateProbabilities[i]! }))
    .filter(({ row }) => live.trainedTo === null || row.interaction.occurredAt > live.trainedTo);
  if (picked.length < MIN_COMPARED_OUTCOMES) return none('too-few-new-outcomes', picked.length);
  const labels = picked.map((p) => p.row.label);
  if (labels.every((l) => l === labels[0])) return none('one-kind-of-outcome', picked.length);
  const liveScores = picked.map(({ row }) => {
    return calibrate(model.calibration, logitOf(model.model.score(row.context)));
  });
  const candidateScores = picked.map((p) => p.candidate);
  const comparison: LiveComparison = {
    liveVersion: live.version,
    rows: picked.length,
    candidate: { auc: auc(candidateScores, labels), logLoss: logLoss(candidateScores, labels) },
    live: { auc: auc(liveScores, labels), logLoss: logLoss(liveScores, labels) },
    notCompared: null,
    madeLive: true,
  };
  return { ...comparison, madeLive: !isWorseThanLive(comparison) };
}
