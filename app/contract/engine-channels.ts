import { z } from 'zod';
import { InteractionChannelSchema, InteractionSchema, OutcomeSchema } from '../domain';
import { ClientRankingSchema } from '../domain/ranking';
import { ModelVersionSummarySchema } from '../domain/model-version';

// The ranking and model-version shapes are the domain's own; the contract sends them as they are.
export * from '../domain/ranking';
export * from '../domain/model-version';

const ClientId = z.string().min(1).max(64);
const ProductId = z.string().min(1).max(64);

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
        /** Where the ranking is shown to a person: it is then kept as an impression, and its id comes back. */
        shownOn: z.enum(['app', 'cli', 'batch']).optional(),
        /** Rank suitable credit products even where the profile shows no need to borrow; absent or false: held back. */
        includeCredit: z.boolean().optional(),
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
        /** The ranking (impression) the reaction was recorded from, when it was. */
        impressionId: z.string().min(1).max(64).optional(),
        /** Record it even though the same reaction to the same product was recorded today (the advisor confirmed). */
        confirmRepeat: z.boolean().default(false),
      })
      .strict(),
    output: z.object({
      interaction: InteractionSchema,
      modelVersion: z.number().int().nullable(),
      onlineUpdates: z.number().int(),
    }),
  },
  /**
   * Takes back a reaction recorded by mistake: within minutes, by whoever recorded it. The row stays, marked undone;
   * the live model forgets it when it has learned nothing since.
   */
  'outcomes:undo': {
    input: z.object({ interactionId: z.string().min(1).max(64) }).strict(),
    output: z.object({ interactionId: z.string(), modelReverted: z.boolean(), note: z.string().nullable() }),
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
