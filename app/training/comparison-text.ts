import type { LiveComparisonView } from '../domain/model-version';
import { message, type Message } from '../messages';

/** Fewer comparable outcomes than this (or one kind only) say nothing about which version predicts better. */
export const MIN_COMPARED_OUTCOMES = 20;

const figure = (x: number | null): string => (x === null ? '–' : x.toFixed(3));

/** What the advisor is told about a retrain's comparison: the AUC sentence, then the log loss (or why none was made). */
export function describeComparison(c: LiveComparisonView): Message[] {
  if (c.notCompared)
    return [message(`retrainSafety.notCompared.${c.notCompared}`, { rows: c.rows, min: MIN_COMPARED_OUTCOMES })];
  const auc = { candidate: figure(c.candidate.auc), live: figure(c.live.auc), rows: c.rows };
  return [
    c.madeLive
      ? message('retrainSafety.madeLive', auc)
      : message('retrainSafety.kept', { ...auc, liveVersion: c.liveVersion }),
    message('retrainSafety.logLoss', { candidate: figure(c.candidate.logLoss), live: figure(c.live.logLoss) }),
  ];
}
