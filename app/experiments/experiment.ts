import { z } from 'zod';
import { PITCH_LENGTHS, PITCH_TONES } from '../pitch/pitch-types';

/**
 * An A/B test between ranking policies or pitch variants. The unit is the client: each client is assigned one arm at
 * random (with the arm's share as probability) the first time the experiment meets them, and keeps it. Suitability
 * is never part of an experiment: an arm only chooses how the suitable products are ordered (or how a pitch for a
 * suitable product is written), so an arm has no field through which it could show anything else.
 */
export const EXPERIMENT_KINDS = ['ranking-policy', 'pitch-variant'] as const;
export type ExperimentKind = (typeof EXPERIMENT_KINDS)[number];

export const EXPERIMENT_STATUSES = ['draft', 'running', 'stopped'] as const;
export type ExperimentStatus = (typeof EXPERIMENT_STATUSES)[number];

const LanguageModelUse = z.enum(['use', 'skip']);

/** How an arm orders the suitable products. */
export const RankingPolicySchema = z.discriminatedUnion('kind', [
  /** Suitability alone: every suitable product counts the same, in the catalogue's stable order. */
  z.object({ kind: z.literal('rules-only') }).strict(),
  /** What other clients took up most. */
  z.object({ kind: z.literal('popularity') }).strict(),
  /** Whatever model version is live when the ranking is made, with or without the language model's signals. */
  z.object({ kind: z.literal('live-model'), languageModel: LanguageModelUse }).strict(),
  /** One stored model version, whether live or not. */
  z
    .object({ kind: z.literal('model-version'), version: z.number().int().min(1), languageModel: LanguageModelUse })
    .strict(),
]);
export type RankingPolicy = z.infer<typeof RankingPolicySchema>;

/** How an arm writes a pitch: tone, length, and template or language model. */
export const PitchVariantSchema = z
  .object({
    tone: z.enum(PITCH_TONES),
    length: z.enum(PITCH_LENGTHS),
    source: z.enum(['template', 'model']),
  })
  .strict();
export type PitchVariant = z.infer<typeof PitchVariantSchema>;

const ArmIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,23}$/, 'letters, digits, - and _, at most 24');

export const ArmSchema = z
  .object({
    id: ArmIdSchema,
    /** Share of clients assigned to this arm, 0 < share < 1; the shares of an experiment add up to 1. */
    share: z.number().gt(0).lt(1),
    policy: RankingPolicySchema.optional(),
    pitch: PitchVariantSchema.optional(),
  })
  .strict();
export type ExperimentArm = z.infer<typeof ArmSchema>;

export const SamplePlanSchema = z
  .object({
    baselineRate: z.number().gt(0).lt(1),
    /** Absolute change in the conversion rate, e.g. 0.02 for two percentage points; either sign. */
    minimumDetectableEffect: z
      .number()
      .min(-1)
      .max(1)
      .refine((v) => v !== 0, 'must not be zero'),
    alpha: z.number().gt(0).max(0.2),
    power: z.number().min(0.5).lt(1),
  })
  .strict();

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');

export const ExperimentDefinitionSchema = z
  .object({
    name: z.string().trim().min(1).max(120),
    kind: z.enum(EXPERIMENT_KINDS),
    unit: z.literal('client').default('client'),
    arms: z.array(ArmSchema).min(2).max(4),
    plannedStart: IsoDate,
    plannedStop: IsoDate,
    plan: SamplePlanSchema,
  })
  .strict();
export type ExperimentDefinition = z.output<typeof ExperimentDefinitionSchema>;

export interface Experiment extends ExperimentDefinition {
  id: string;
  status: ExperimentStatus;
  createdAt: string;
  createdBy: string;
  startedAt: string | null;
  stoppedAt: string | null;
}

/** Words that name a way around suitability; an arm that carries any of them is refused with its own reason. */
const SUITABILITY_BYPASS =
  /suitab|unsuitable|exclu|eligib|deviation|override|risk|products?$|productIds|includeCredit/i;

export interface DefinitionProblem {
  field: string;
  message: string;
}

export class ExperimentRefusedError extends Error {
  constructor(
    message: string,
    readonly problems: DefinitionProblem[],
  ) {
    super(message);
    this.name = 'ExperimentRefusedError';
  }
}

export const SUITABILITY_REFUSAL =
  'An arm cannot change which products are suitable: every arm ranks (or pitches) only the products that pass the suitability rules.';

/** Every key of the arm's objects, at any depth, with its path. */
function keysOf(value: unknown, path: string): { key: string; path: string }[] {
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => [
    { key, path: `${path}.${key}` },
    ...keysOf(inner, `${path}.${key}`),
  ]);
}

/**
 * The definition, checked whole: its shape, shares adding up to 1, distinct arm ids, each arm fitting the kind (a
 * ranking policy for a ranking-policy test, a pitch variant for a pitch-variant test), a stop after the start, and no
 * arm reaching for suitability. Throws ExperimentRefusedError naming every problem.
 */
export function parseExperimentDefinition(input: unknown): ExperimentDefinition {
  const arms = (input as { arms?: unknown } | null)?.arms;
  if (Array.isArray(arms)) {
    const bypass = arms.flatMap((arm, i) => keysOf(arm, `arms.${i}`)).filter((k) => SUITABILITY_BYPASS.test(k.key));
    if (bypass.length > 0)
      throw new ExperimentRefusedError(
        SUITABILITY_REFUSAL,
        bypass.map((k) => ({ field: k.path, message: SUITABILITY_REFUSAL })),
      );
  }
  const parsed = ExperimentDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => ({ field: i.path.join('.'), message: i.message }));
    throw new ExperimentRefusedError(
      `The experiment is not valid: ${problems.map((p) => `${p.field || 'definition'}: ${p.message}`).join('; ')}`,
      problems,
    );
  }
  const definition = parsed.data;
  const problems: DefinitionProblem[] = [];
  const total = definition.arms.reduce((sum, arm) => sum + arm.share, 0);
  if (Math.abs(total - 1) > 1e-9)
    problems.push({ field: 'arms', message: `the arms' shares add up to ${round(total)}, not 1` });
  const ids = new Set<string>();
  definition.arms.forEach((arm, i) => {
    if (ids.has(arm.id)) problems.push({ field: `arms.${i}.id`, message: `arm ${arm.id} is named twice` });
    ids.add(arm.id);
    if (definition.kind === 'ranking-policy' && (!arm.policy || arm.pitch))
      problems.push({ field: `arms.${i}`, message: 'a ranking-policy arm has a ranking policy and no pitch variant' });
    if (definition.kind === 'pitch-variant' && (!arm.pitch || arm.policy))
      problems.push({ field: `arms.${i}`, message: 'a pitch-variant arm has a pitch variant and no ranking policy' });
  });
  const signatures = definition.arms.map((arm) => JSON.stringify(arm.policy ?? arm.pitch));
  if (new Set(signatures).size < signatures.length)
    problems.push({ field: 'arms', message: 'two arms do the same thing, so there is nothing to compare' });
  if (definition.plannedStop <= definition.plannedStart)
    problems.push({ field: 'plannedStop', message: 'the planned stop must come after the planned start' });
  if (problems.length > 0)
    throw new ExperimentRefusedError(
      `The experiment is not valid: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
      problems,
    );
  return definition;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** The label impressions carry for an arm's ranking policy, given the live version where the policy follows it. */
export function policyLabel(policy: RankingPolicy, liveVersion: number | null, languageModelUsed: boolean): string {
  const lm = languageModelUsed ? '+lm' : '';
  switch (policy.kind) {
    case 'rules-only':
      return 'rules-only';
    case 'popularity':
      return 'popularity';
    case 'model-version':
      return `model-v${policy.version}${lm}`;
    case 'live-model':
      return liveVersion === null ? 'popularity' : `model-v${liveVersion}${lm}`;
  }
}

/** FNV-1a of the text: a stable 32-bit seed per (experiment, client), the same on every machine. */
function seedOf(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export interface ArmAssignment {
  experimentId: string;
  arm: ExperimentArm;
  /** The probability the client had of landing in this arm: its share. */
  propensity: number;
}

/**
 * The arm a client falls in: one uniform draw from a generator seeded by experiment and client, cut by the arms'
 * cumulative shares. The same client always lands in the same arm of the same experiment, on any machine, and the
 * store keeps the first assignment as well so a later reading never depends on recomputing it.
 */
export function drawArm(
  experiment: Pick<Experiment, 'id' | 'arms'>,
  clientId: string,
  random: (seed: number) => () => number,
): ArmAssignment {
  const u = random(seedOf(`${experiment.id}\u0000${clientId}`))();
  let cumulative = 0;
  for (const arm of experiment.arms) {
    cumulative += arm.share;
    if (u < cumulative) return { experimentId: experiment.id, arm, propensity: arm.share };
  }
  const last = experiment.arms[experiment.arms.length - 1]!;
  return { experimentId: experiment.id, arm: last, propensity: last.share };
}
