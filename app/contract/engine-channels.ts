import { z } from 'zod';
import {
  InteractionChannelSchema,
  InteractionSchema,
  LocalizedTextSchema,
  OutcomeSchema,
  ProductFamilySchema,
  RiskGradeSchema,
} from '../domain';

const ClientId = z.string().min(1).max(64);
const ProductId = z.string().min(1).max(64);

/** One suitability rule's verdict as the renderer shows it (see app/suitability RuleCheck). */
export const RuleCheckViewSchema = z.object({
  ruleId: z.string(),
  passed: z.boolean(),
  reason: LocalizedTextSchema,
  deviation: z.literal(true).optional(),
  /** A failed risk-class check that the client could still ask to override as a recorded deviation. */
  deviationPossible: z.literal(true).optional(),
});
export type RuleCheckView = z.infer<typeof RuleCheckViewSchema>;

/**
 * One term of a score's explanation: how much a group of features moved the log-odds, in words an advisor
 * understands ("Matches the client's growth objective"). Positive pushes interest up.
 */
export const ScoreReasonSchema = z.object({
  group: z.string(),
  text: LocalizedTextSchema,
  logOdds: z.number(),
});
export type ScoreReason = z.infer<typeof ScoreReasonSchema>;

const ProductHeadSchema = z.object({
  productId: z.string(),
  nameEn: z.string(),
  nameZh: z.string(),
  family: ProductFamilySchema,
  category: z.string(),
  riskGrade: RiskGradeSchema,
});

export const RankedProductSchema = ProductHeadSchema.extend({
  rank: z.number().int().min(1),
  /** Calibrated probability of interest, 0..1. */
  probability: z.number().min(0).max(1),
  /** Largest contributions first, positive and negative. */
  reasons: z.array(ScoreReasonSchema),
  /** True when the diversity rule moved this product below a lower-scored one from another category. */
  movedForDiversity: z.boolean(),
  /** Set when the product is suitable only through a recorded client-requested deviation. */
  deviation: z.boolean(),
});
export type RankedProduct = z.infer<typeof RankedProductSchema>;

/** An unsuitable product: never scored for pitching, shown apart with the rules that excluded it. */
export const ExcludedProductSchema = ProductHeadSchema.extend({
  failed: z.array(RuleCheckViewSchema).min(1),
});
export type ExcludedProduct = z.infer<typeof ExcludedProductSchema>;

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

export const ClientRankingSchema = z.object({
  clientId: z.string(),
  /** ISO time the ranking was computed for. */
  at: z.string(),
  /** The model version that scored it; null when no model is trained yet (products are then in popularity order). */
  modelVersion: z.number().int().nullable(),
  ruleSet: z.object({ id: z.string(), version: z.number().int() }),
  /**
   * The language model whose signals (llm.similarity, llm.fit) the live version was trained with; null
   * when it was trained without them. `used`: this ranking computed them with that model, loaded now; otherwise
   * the products were scored without them (missing values) and `reason` says why ("not loaded", …).
   */
  languageModel: z
    .object({ file: z.string(), sha256: z.string(), used: z.boolean(), reason: z.string().nullable() })
    .nullable(),
  ranked: z.array(RankedProductSchema),
  excluded: z.array(ExcludedProductSchema),
});
export type ClientRanking = z.infer<typeof ClientRankingSchema>;

/** A retrain asked through 'model:retrain' and not yet ended, with its latest signals progress. */
export const RetrainStatusSchema = z.object({
  /** Trained with the loaded language model's signals. */
  languageModel: z.boolean(),
  /** The language model's file name; null for a retrain without signals. */
  file: z.string().nullable(),
  /** Clients whose signals are worked out, of those with recorded outcomes; null before the first report or without signals. */
  done: z.number().int().min(0).nullable(),
  total: z.number().int().min(0).nullable(),
  /** When it was asked for (ISO time); it may have waited behind another training. */
  startedAt: z.string(),
});
export type RetrainStatus = z.infer<typeof RetrainStatusSchema>;

/** Requests of the recommendation engine; spread into the main channel map. */
export const engineChannels = {
  'recommendations:for-client': {
    input: z
      .object({
        clientId: ClientId,
        top: z.number().int().min(1).max(500).default(20),
        /**
         * 'skip' ranks without the language model's signals even when they could be used (the answer then says
         * reason 'not requested'): the client page shows that ranking at once and asks again with 'use', which
         * can take seconds on a CPU or wait for a draft to finish.
         */
        languageModel: z.enum(['use', 'skip']).default('use'),
      })
      .strict(),
    output: ClientRankingSchema,
  },
  /** The client's reaction to a product: stored as an interaction and learned by the live model at once. */
  'outcomes:record': {
    input: z
      .object({
        clientId: ClientId,
        productId: ProductId,
        outcome: OutcomeSchema,
        channel: InteractionChannelSchema.default('meeting'),
        note: z.string().max(2000).default(''),
      })
      .strict(),
    output: z.object({
      interaction: InteractionSchema,
      modelVersion: z.number().int().nullable(),
      onlineUpdates: z.number().int(),
    }),
  },
  'model:versions': { input: z.object({}).strict(), output: z.array(ModelVersionSummarySchema) },
  /** Full retrain on all outcomes; the new version becomes active only if training succeeds. */
  'model:retrain': {
    /** Where the request came from, kept in the version's note so the history says who retrained. */
    input: z
      .object({
        origin: z.enum(['app', 'cli']).default('app'),
        /** Train with the loaded language model's signals as features; refused when none is loaded. */
        languageModel: z.boolean().default(false),
      })
      .strict(),
    output: ModelVersionSummarySchema,
  },
  /**
   * Stops the retrains requested through 'model:retrain' that are still running or waiting: a retrain
   * with language-model signals takes minutes on a CPU. Each stops before its next product and answers 'cancelled',
   * storing no version, so the active version is unchanged. `cancelled` is false when none was running.
   */
  'model:retrain-cancel': { input: z.object({}).strict(), output: z.object({ cancelled: z.boolean() }) },
  /**
   * The retrain asked through 'model:retrain' that runs now, or waits first in line; null when none. The
   * Model page asks on opening, so a retrain started before (on another visit, in another window, by the CLI on this
   * backend) shows with its progress, then follows 'model:retrain-state' and 'model:signals-progress'.
   */
  'model:retrain-status': { input: z.object({}).strict(), output: RetrainStatusSchema.nullable() },
  /** Make an earlier (or later) version the live one. */
  'model:activate': {
    input: z.object({ version: z.number().int().min(1) }).strict(),
    output: ModelVersionSummarySchema,
  },
} as const;
