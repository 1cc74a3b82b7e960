import { z } from 'zod';
import { EXPERIMENT_STATUSES, ExperimentDefinitionSchema } from '../experiments/experiment';

const ById = z.object({ id: z.string().min(1).max(64) }).strict();

export const ExperimentSchema = ExperimentDefinitionSchema.extend({
  id: z.string(),
  status: z.enum(EXPERIMENT_STATUSES),
  createdAt: z.string(),
  createdBy: z.string(),
  startedAt: z.string().nullable(),
  stoppedAt: z.string().nullable(),
});
export type ExperimentView = z.infer<typeof ExperimentSchema>;

const IntervalFields = { low: z.number(), high: z.number() };

const VerdictSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('no-data') }),
  z.object({
    kind: z.literal('claim-early'),
    arm: z.string(),
    control: z.string(),
    direction: z.enum(['better', 'worse']),
  }),
  z.object({
    kind: z.literal('claim-planned'),
    arm: z.string(),
    control: z.string(),
    direction: z.enum(['better', 'worse']),
  }),
  z.object({ kind: z.literal('no-difference-planned') }),
  z.object({ kind: z.literal('not-yet'), clients: z.number(), needed: z.number() }),
]);

export const ExperimentResultsSchema = z.object({
  experiment: ExperimentSchema,
  activity: z.array(z.object({ arm: z.string(), clients: z.number(), converted: z.number(), shown: z.number() })),
  report: z.object({
    arms: z.array(
      z.object({
        arm: z.string(),
        successes: z.number(),
        trials: z.number(),
        rate: z.number().nullable(),
        ...IntervalFields,
      }),
    ),
    comparisons: z.array(
      z.object({
        arm: z.string(),
        control: z.string(),
        alpha: z.number(),
        fixed: z.object({ difference: z.number(), pValue: z.number(), z: z.number(), ...IntervalFields }),
        alwaysValid: z.object({ difference: z.number(), pValue: z.number(), ...IntervalFields }).nullable(),
      }),
    ),
    progress: z.object({ neededPerArm: z.number(), smallestArm: z.number(), reached: z.boolean() }),
    verdict: VerdictSchema,
  }),
});
export type ExperimentResultsView = z.infer<typeof ExperimentResultsSchema>;

/** A/B tests: anyone reads them; defining, starting and stopping one is the administrator's (see permissions). */
export const experimentChannels = {
  'experiments:list': { input: z.object({}).strict(), output: z.array(ExperimentSchema) },
  /** The definition is validated by the backend (not here) so a refusal can name every problem in one answer. */
  'experiments:define': { input: z.object({ definition: z.unknown() }).strict(), output: ExperimentSchema },
  'experiments:start': { input: ById, output: ExperimentSchema },
  'experiments:stop': { input: ById, output: ExperimentSchema },
  'experiments:results': { input: ById, output: ExperimentResultsSchema },
} as const;
