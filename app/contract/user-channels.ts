import { z } from 'zod';
import {
  DeskUserSchema,
  PitchReviewSchema,
  ReviewPolicySchema,
  ReviewRubricSchema,
  UserRoleSchema,
} from '../domain/desk-users';
import { LocalizedTextSchema } from '../domain/localized-text';
import { PitchDraftViewSchema } from './pitch-channels';

const Id = z.string().min(1).max(64);
const Roles = z
  .array(UserRoleSchema)
  .min(1)
  .transform((roles) => [...new Set(roles)]);

/** A version handed to a reviewer and not decided yet, for the reviewers' "Waiting for review" list. */
export const WaitingReviewSchema = z.object({
  draftId: z.string(),
  version: z.number().int().min(1),
  clientId: z.string(),
  clientName: z.string(),
  productId: z.string(),
  productName: LocalizedTextSchema,
  submittedBy: z.string(),
  submittedByName: z.string(),
  submittedAt: z.string(),
});
export type WaitingReview = z.infer<typeof WaitingReviewSchema>;

/**
 * The people at this desk and the current one. One person works at a time: signing in (or switching from the app
 * bar) names who every following change is recorded under.
 */
export const userChannels = {
  'users:list': { input: z.object({}).strict(), output: z.array(DeskUserSchema) },
  /** The signed-in user (null before anyone signs in) and the last one who did, to preselect. */
  'users:current': {
    input: z.object({}).strict(),
    output: z.object({ user: DeskUserSchema.nullable(), lastUserId: z.string().nullable() }),
  },
  'users:sign-in': { input: z.object({ id: Id }).strict(), output: DeskUserSchema },
  'users:create': {
    input: z.object({ displayName: z.string().trim().min(1).max(120), roles: Roles }).strict(),
    output: DeskUserSchema,
  },
  /** Changes a user's name, roles or active flag; refused if no active administrator would remain. */
  'users:update': {
    input: z
      .object({
        id: Id,
        displayName: z.string().trim().min(1).max(120).optional(),
        roles: Roles.optional(),
        active: z.boolean().optional(),
      })
      .strict(),
    output: DeskUserSchema,
  },
  'review:policy': { input: z.object({}).strict(), output: z.object({ reviewRequiredFor: ReviewPolicySchema }) },
  'review:set-policy': {
    input: z.object({ reviewRequiredFor: ReviewPolicySchema }).strict(),
    output: z.object({ reviewRequiredFor: ReviewPolicySchema }),
  },
  /** The author hands the latest version to a reviewer; refused while it has a blocking problem. */
  'pitch:submit-review': {
    input: z.object({ draftId: Id, version: z.number().int().min(1) }).strict(),
    output: PitchDraftViewSchema,
  },
  /**
   * A reviewer's decision on a submitted version. Approving is the approval: the advice record is made with it.
   * A comment is required when sending back or when any score is below 3.
   */
  'pitch:review': {
    input: z
      .object({
        draftId: Id,
        version: z.number().int().min(1),
        decision: z.enum(['approve', 'send-back']),
        rubric: ReviewRubricSchema,
        comment: z.string().max(4000).default(''),
      })
      .strict(),
    output: PitchDraftViewSchema,
  },
  /** Reviews with their rubric scores, newest first: of one draft, or of every draft in a period. */
  'reviews:list': {
    input: z
      .object({ draftId: Id.optional(), from: z.string().max(40).optional(), to: z.string().max(40).optional() })
      .strict(),
    output: z.array(PitchReviewSchema),
  },
  'reviews:waiting': { input: z.object({}).strict(), output: z.array(WaitingReviewSchema) },
  /** What a reviewer checks a pitch against: the facts it may quote (and the others it was written from) as now. */
  'pitch:facts': {
    input: z.object({ draftId: Id }).strict(),
    output: z.object({
      facts: z.array(
        z.object({ key: z.string(), label: LocalizedTextSchema, value: LocalizedTextSchema, quotable: z.boolean() }),
      ),
      disclosure: LocalizedTextSchema,
    }),
  },
} as const;
