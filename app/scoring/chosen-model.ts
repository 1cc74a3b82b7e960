import { calibrate, logitOf } from '../ranking/platt-calibration';
import type { FeatureEncoding } from './feature-encoding';
import { trainSelectedModel, type CandidateSettings } from './model-selection';
import type { RawFeatures } from './scoring-context';
import type { LabelledRow } from './training-rows';

export interface ChosenModel {
  /** The probability the app shows: the chosen model trained on every row, recalibrated on the latest window. */
  score(raw: RawFeatures, clientId: string, productId: string): number;
  /** The same model's own probability, before the recalibration. */
  scoreBeforeRecalibration(raw: RawFeatures): number;
  summary: string;
  baseEncoding: FeatureEncoding;
}

export function trainChosenModel(
  rows: readonly LabelledRow[],
  options: { seed: number; candidates?: readonly CandidateSettings[] },
): ChosenModel {
  const s = trainSelectedModel(rows, options);
  const cal = s.calibration;
  const f3 = (v: number | null | undefined) => (v === null || v === undefined ? '-' : v.toFixed(3));
  const recalibration = cal
    ? `intercept shift ${cal.b >= 0 ? '+' : ''}${cal.b.toFixed(3)} to the latest ${cal.rows} training outcomes (ECE there ${f3(s.selection.eceRaw)} → ${f3(s.selection.eceCalibrated)}, in-sample)`
    : 'no recalibration';
  return {
    score: (raw) => calibrate(cal, logitOf(s.model.scoreRaw(raw))),
    scoreBeforeRecalibration: (raw) => s.model.scoreRaw(raw),
    summary: `${s.selection.chosen} (${s.selection.why}); ${recalibration}; ${s.selection.candidates.map((c) => `${c.name} ${f3(c.auc)}`).join(', ')}`,
    baseEncoding: s.model.encoding,
  };
}
