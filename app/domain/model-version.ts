import { z } from 'zod';

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
});
export type ModelVersionSummary = z.infer<typeof ModelVersionSummarySchema>;

/** What a version's stored metrics hold: held-out figures of the version and of its baselines on the same rows. */
export interface StoredModelMetrics {
  model: ModelMetrics | null;
  baselines: Record<string, ModelMetrics>;
  /** How the held-out probabilities compared with what happened, before and after calibration (cross-fitted). */
  calibration?: {
    a: number;
    b: number;
    rows: number;
    eceRaw: number | null;
    eceCalibrated: number | null;
    logLossRaw: number | null;
    logLossCalibrated: number | null;
  };
  testFrom?: string | null;
  testTo?: string | null;
}
