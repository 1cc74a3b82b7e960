import { z } from 'zod';

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as YYYY-MM-DD');

export const PolicyRefusalSchema = z.discriminatedUnion('reason', [
  /** No logged ranking in the range carries propensities. */
  z.object({ reason: z.literal('no-log') }),
  /** The log never showed any product the candidate would show. */
  z.object({ reason: z.literal('never-logged') }),
  /** Too many of the candidate's choices had no probability under the logging policy. */
  z.object({ reason: z.literal('unsupported'), share: z.number(), allowed: z.number(), examples: z.array(z.string()) }),
  /** A choice of the candidate was shown with too small a probability: its weight would swamp the estimate. */
  z.object({
    reason: z.literal('low-propensity'),
    minPropensity: z.number(),
    allowed: z.number(),
    action: z.string(),
  }),
  /** The weights leave too few rankings' worth of evidence. */
  z.object({ reason: z.literal('low-ess'), effectiveSampleSize: z.number(), required: z.number() }),
  /** The policy's inputs for past rankings were not kept (the language model's signals). */
  z.object({ reason: z.literal('not-replayable') }),
  z.object({ reason: z.literal('unknown-policy'), known: z.array(z.string()) }),
]);
export type PolicyRefusalView = z.infer<typeof PolicyRefusalSchema>;

export const PolicyEstimateSchema = z.object({
  policy: z.string(),
  estimates: z.array(
    z.object({
      estimator: z.enum(['ips', 'snips', 'dr']),
      value: z.number(),
      interval: z.object({ low: z.number(), high: z.number(), level: z.number() }),
    }),
  ),
  refusal: PolicyRefusalSchema.nullable(),
  diagnostics: z
    .object({
      rankings: z.number().int(),
      candidateActions: z.number().int(),
      matched: z.number().int(),
      unsupportedShare: z.number(),
      minPropensity: z.number().nullable(),
      effectiveSampleSize: z.number(),
    })
    .nullable(),
});
export type PolicyEstimateView = z.infer<typeof PolicyEstimateSchema>;

export const PolicyEstimatesSchema = z.object({
  outcome: z.enum(['accepted', 'interested']),
  rankings: z.number().int(),
  withoutPropensities: z.number().int(),
  policies: z.array(PolicyEstimateSchema),
});
export type PolicyEstimatesView = z.infer<typeof PolicyEstimatesSchema>;

/** Off-policy estimates of candidate ranking policies, and the exploration that makes them possible. */
export const offPolicyChannels = {
  'offpolicy:estimate': {
    input: z
      .object({
        policy: z.string().min(1).max(80).optional(),
        /** Rankings shown from this day (inclusive) to that day (exclusive), UTC. */
        from: Day.optional(),
        to: Day.optional(),
        outcome: z.enum(['accepted', 'interested']).default('accepted'),
      })
      .strict(),
    output: PolicyEstimatesSchema,
  },
  'exploration:get': { input: z.object({}).strict(), output: z.object({ rate: z.number() }) },
  /** 0 turns exploration off; the backend refuses a rate outside [0, 0.5] by name. */
  'exploration:set': { input: z.object({ rate: z.number() }).strict(), output: z.object({ rate: z.number() }) },
} as const;
