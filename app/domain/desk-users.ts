import { z } from 'zod';

/** What a person at the desk may do: a user holds one or more of these. */
export const USER_ROLES = ['advisor', 'reviewer', 'compliance', 'administrator'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const UserRoleSchema = z.enum(USER_ROLES);

export const DeskUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  roles: z.array(UserRoleSchema).min(1),
  active: z.boolean(),
  createdAt: z.string(),
});
export type DeskUser = z.infer<typeof DeskUserSchema>;

/** The institution's rule for four-eyes review: which drafts need a reviewer's approval. */
export const REVIEW_POLICIES = ['model-text', 'all-drafts', 'none'] as const;
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];
export const ReviewPolicySchema = z.enum(REVIEW_POLICIES);
export const DEFAULT_REVIEW_POLICY: ReviewPolicy = 'model-text';

const Score = z.number().int().min(1).max(5);

/** A reviewer's scores for a pitch, 1 (poor) to 5 (excellent) each. */
export const ReviewRubricSchema = z.object({
  accuracy: Score,
  suitability: Score,
  clarity: Score,
  compliance: Score,
});
export type ReviewRubric = z.infer<typeof ReviewRubricSchema>;
export const RUBRIC_CRITERIA = ['accuracy', 'suitability', 'clarity', 'compliance'] as const;

export const REVIEW_DECISIONS = ['approved', 'sent-back'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/** One review of one submitted version: who reviewed it, how it scored, and what they decided. */
export const PitchReviewSchema = z.object({
  id: z.string(),
  draftId: z.string(),
  version: z.number().int().min(1),
  reviewerId: z.string(),
  reviewerName: z.string(),
  decision: z.enum(REVIEW_DECISIONS),
  rubric: ReviewRubricSchema,
  comment: z.string(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string(),
});
export type PitchReview = z.infer<typeof PitchReviewSchema>;
