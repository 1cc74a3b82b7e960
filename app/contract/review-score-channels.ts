import { z } from 'zod';

/** How review scores are grouped: by what wrote the text, or the language it was written in. */
export const SCORE_DIMENSION_VALUES = ['model', 'prompt', 'tone', 'length', 'language'] as const;
export const ScoreDimensionSchema = z.enum(SCORE_DIMENSION_VALUES);
export type ScoreDimension = z.infer<typeof ScoreDimensionSchema>;

/** A criterion's mean score (1–5) with its 95% interval; no interval from fewer than two scores. */
const CriterionScoreSchema = z.object({
  n: z.number().int().min(0),
  mean: z.number().nullable(),
  low: z.number().nullable(),
  high: z.number().nullable(),
});

const PerCriterion = <T extends z.ZodTypeAny>(schema: T) =>
  z.object({ accuracy: schema, suitability: schema, clarity: schema, compliance: schema });

export const ReviewScoreGroupSchema = z.object({
  /** The GGUF file's sha256, a prompt version, a tone, length or language; 'template', 'advisor', 'not-recorded'. */
  key: z.string(),
  /** The model's file name where the key is its hash. */
  label: z.string().nullable(),
  reviews: z.number().int().min(0),
  drafts: z.number().int().min(0),
  sentBack: z.number().int().min(0),
  criteria: PerCriterion(CriterionScoreSchema),
  /**
   * Pairs of reviews of the same draft by two different reviewers, and how many of them differ by more than one
   * point on any criterion and on each.
   */
  agreement: z.object({
    pairs: z.number().int().min(0),
    anyApart: z.number().int().min(0),
    apart: PerCriterion(z.number().int().min(0)),
  }),
});
export type ReviewScoreGroup = z.infer<typeof ReviewScoreGroupSchema>;

export const ReviewScoresSchema = z.object({
  overall: ReviewScoreGroupSchema,
  byDimension: z.object({
    model: z.array(ReviewScoreGroupSchema),
    prompt: z.array(ReviewScoreGroupSchema),
    tone: z.array(ReviewScoreGroupSchema),
    length: z.array(ReviewScoreGroupSchema),
    language: z.array(ReviewScoreGroupSchema),
  }),
  /** How the intervals were made: two-sided 95% Student-t intervals of the mean. */
  interval: z.literal('student-t-95'),
});
export type ReviewScores = z.infer<typeof ReviewScoresSchema>;

export const reviewScoreChannels = {
  /** Reviewers' rubric scores of pitch versions decided in [from, to), grouped by what wrote the text. */
  'reviews:scores': {
    input: z.object({ from: z.string().max(40).optional(), to: z.string().max(40).optional() }).strict(),
    output: ReviewScoresSchema,
  },
} as const;
