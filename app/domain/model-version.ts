import { z } from 'zod';
import { MessageSchema, type Message } from '../messages';

export const ModelMetricsSchema = z.object({
  k: z.number().int(),
  auc: z.number().nullable(),
  logLoss: z.number().nullable(),
  /** Expected calibration error over 10 probability bins. */
  ece: z.number().nullable(),
  precisionAtK: z.number().nullable(),
  ndcgAtK: z.number().nullable(),
  mapAtK: z.number().nullable(),
});
export type ModelMetrics = z.infer<typeof ModelMetricsSchema>;

/** The settings a version's training chose by time-ordered validation, as the Model page shows them. */
export const ModelSelectionViewSchema = z.object({
  chosen: z.string(),
  about: MessageSchema,
  reason: MessageSchema,
  /** Training outcomes the candidates were judged on (the latest share of those trained on). */
  judgedRows: z.number().int(),
  candidates: z.array(z.object({ name: z.string(), auc: z.number().nullable() })),
});
export type ModelSelectionView = z.infer<typeof ModelSelectionViewSchema>;

/** How a retrained version did against the version live at the time, on the same held-out outcomes. */
/** The recalibration a version serves, as the Model page shows it. */
export const CalibrationViewSchema = z.object({
  method: z.enum(['platt', 'shift']),
  eceRaw: z.number().nullable(),
  eceCalibrated: z.number().nullable(),
  eceFloor: z.number().nullable(),
});
export type CalibrationView = z.infer<typeof CalibrationViewSchema>;

export const LiveComparisonViewSchema = z.object({
  liveVersion: z.number().int(),
  rows: z.number().int(),
  candidate: z.object({ auc: z.number().nullable(), logLoss: z.number().nullable() }),
  live: z.object({ auc: z.number().nullable(), logLoss: z.number().nullable() }),
  notCompared: z.enum(['too-few-new-outcomes', 'one-kind-of-outcome', 'unreadable-live-version']).nullable(),
  madeLive: z.boolean(),
});
export type LiveComparisonView = z.infer<typeof LiveComparisonViewSchema>;

export const ModelVersionSummarySchema = z.object({
  version: z.number().int().min(1),
  kind: z.string(),
  createdAt: z.string(),
  active: z.boolean(),
  /** Range of outcome dates the version was trained on (ISO). */
  trainedFrom: z.string().nullable(),
  trainedTo: z.string().nullable(),
  trainRows: z.number().int(),
  testRows: z.number().int(),
  /** Outcomes learned online since the version was trained. */
  onlineUpdates: z.number().int(),
  /** Held-out metrics of this version on the later share of outcomes, and of the baselines on the same rows. */
  metrics: ModelMetricsSchema.nullable(),
  baselines: z.record(z.string(), ModelMetricsSchema),
  /** How it came to be: 'demo-seed', 'retrain', 'cli-train', 'rollback-of-N' … */
  note: z.string(),
  /** What the training chose and why; null for versions trained before the choice was made. */
  selection: ModelSelectionViewSchema.nullable(),
  /** Against the version live when it was trained; null for versions trained before the comparison was made. */
  comparison: LiveComparisonViewSchema.nullable().default(null),
  /** How its probabilities are recalibrated and the held-out ECE before and after; null where none was recorded. */
  calibration: CalibrationViewSchema.nullable().default(null),
});
export type ModelVersionSummary = z.infer<typeof ModelVersionSummarySchema>;

/** What a version's stored metrics hold: held-out figures of the version and of its baselines on the same rows. */
export interface StoredModelMetrics {
  model: ModelMetrics | null;
  baselines: Record<string, ModelMetrics>;
  /** How the held-out probabilities compared with what happened, before and after recalibration. */
  calibration?: {
    /** 'shift' (intercept only, see recalibrationFor); absent in versions stored before it: Platt scaling. */
    method?: 'platt' | 'shift';
    a: number;
    b: number;
    rows: number;
    eceRaw: number | null;
    eceCalibrated: number | null;
    /** The ECE a perfectly calibrated model would show on the held-out rows by chance; absent in older versions. */
    eceFloor?: number | null;
    logLossRaw: number | null;
    logLossCalibrated: number | null;
  };
  testFrom?: string | null;
  testTo?: string | null;
  /** The settings chosen by time-ordered validation inside the training share, and why. */
  selection?: StoredSelection;
  /** Against the version live when it was trained, on the same held-out outcomes. */
  comparison?: LiveComparisonView;
}

/** What a version stores of its settings choice (model-selection's ModelSelection, less what only `evaluate` prints). */
export interface StoredSelection {
  chosen: string;
  aboutText: Message;
  reason: Message;
  judgedRows: number;
  judgedFrom: string | null;
  /** With each challenger's AUC gain over the default and its standard error (versions trained since that rule). */
  candidates: {
    name: string;
    auc: number | null;
    logLoss: number | null;
    gain?: { difference: number; standardError: number } | null;
  }[];
}

/** The choice as the Model page shows it; null when the stored metrics hold none. */
export function selectionView(metrics: Partial<StoredModelMetrics>): ModelSelectionView | null {
  const s = metrics.selection;
  if (!s) return null;
  return {
    chosen: s.chosen,
    about: s.aboutText,
    reason: s.reason,
    judgedRows: s.judgedRows,
    candidates: s.candidates.map((c) => ({ name: c.name, auc: c.auc })),
  };
}

/** The recalibration as the Model page shows it; versions stored before the method was recorded used Platt scaling. */
export function calibrationView(metrics: Partial<StoredModelMetrics>): CalibrationView | null {
  const c = metrics.calibration;
  if (!c) return null;
  return {
    method: c.method ?? 'platt',
    eceRaw: c.eceRaw,
    eceCalibrated: c.eceCalibrated,
    eceFloor: c.eceFloor ?? null,
  };
}
