import { z } from 'zod';
import { LanguageSchema } from '../domain/enums';
import { PitchReviewSchema } from '../domain/desk-users';
import { LocalizedTextSchema } from '../domain/localized-text';
import { MessageSchema } from '../messages';
import { DRAFT_FIELDS, PITCH_LENGTHS, PITCH_TONES } from '../pitch/pitch-types';
import { PITCH_RULE_IDS } from '../pitch/lint-draft';

/**
 * Pitch drafting: a draft is started, streamed to every window as 'pitch:delta' events, finished with
 * 'pitch:done', and kept as numbered versions (model, template or advisor edits). The lint runs on every version
 * and on every edit; a version with a blocking problem cannot be approved.
 */

const Id = z.string().min(1).max(64);

export const PitchDraftContentSchema = z.object({
  headline: z.string().max(400),
  body: z.string().max(8000),
  keyPoints: z.array(z.string().max(600)).max(12),
  risks: z.array(z.string().max(600)).max(12),
  nextStep: z.string().max(600),
});
export type PitchDraftContent = z.infer<typeof PitchDraftContentSchema>;

export const DraftSpanSchema = z.object({
  field: z.enum(DRAFT_FIELDS),
  item: z.number().int().nullable(),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  text: z.string(),
});

export const PitchIssueSchema = z.object({
  ruleId: z.enum(PITCH_RULE_IDS),
  severity: z.enum(['blocking', 'warning']),
  message: LocalizedTextSchema,
  spans: z.array(DraftSpanSchema),
  claimFamily: z.string().optional(),
});
export type PitchIssueView = z.infer<typeof PitchIssueSchema>;

export const PitchSettingsSchema = z.object({
  language: LanguageSchema,
  tone: z.enum(PITCH_TONES).default('warm'),
  length: z.enum(PITCH_LENGTHS).default('medium'),
});

/** Where a version came from, so compliance can reproduce it. */
export const PitchProvenanceSchema = z.object({
  source: z.enum(['model', 'template', 'advisor']),
  /** sha256 of the GGUF file; null for template and advisor versions. */
  modelSha256: z.string().nullable(),
  modelFile: z.string().nullable(),
  /** sha256 of the exact prompt text the model saw. */
  promptHash: z.string().nullable(),
  prompt: z.string().nullable(),
  settings: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** Facts dropped to fit the context, in the order dropped. */
  droppedFacts: z.array(z.string()),
  generatedTokens: z.number().int().min(0).nullable(),
  millis: z.number().min(0).nullable(),
});
export type PitchProvenance = z.infer<typeof PitchProvenanceSchema>;

export const PitchVersionSchema = z.object({
  version: z.number().int().min(1),
  author: z.string(),
  createdAt: z.string(),
  content: PitchDraftContentSchema,
  /** Shown above the text, e.g. "Template draft: written without a language model". */
  label: LocalizedTextSchema,
  provenance: PitchProvenanceSchema,
  issues: z.array(PitchIssueSchema),
  approvable: z.boolean(),
  /** Who approved this version and when; an approval stays with its version whatever is drafted after it. */
  approval: z.object({ by: z.string(), at: z.string() }).nullable(),
});
export type PitchVersionView = z.infer<typeof PitchVersionSchema>;

export const PitchDraftViewSchema = z.object({
  id: z.string(),
  clientId: z.string(),
  productId: z.string(),
  language: LanguageSchema,
  /** 'approved' once any version has been approved: that text stays approved when a later version is drafted. */
  status: z.enum(['draft', 'approved']),
  /** The most recently approved version, if any. */
  approvedVersion: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  versions: z.array(PitchVersionSchema).min(1),
  /** Whether the institution's review policy requires a reviewer's approval for this draft. */
  reviewRequired: z.boolean(),
  /** The version handed to a reviewer and not decided yet, if any. */
  awaitingReview: z.object({ version: z.number().int(), by: z.string(), at: z.string() }).nullable(),
  /** Every review of this draft, oldest first. */
  reviews: z.array(PitchReviewSchema),
});
export type PitchDraftView = z.infer<typeof PitchDraftViewSchema>;

export const PitchDraftSummarySchema = z.object({
  id: z.string(),
  productId: z.string(),
  productName: LocalizedTextSchema,
  language: LanguageSchema,
  status: z.enum(['draft', 'approved']),
  latestVersion: z.number().int().min(1),
  updatedAt: z.string(),
  /** The latest version waits for a reviewer. */
  awaitingReview: z.boolean(),
});
export type PitchDraftSummary = z.infer<typeof PitchDraftSummarySchema>;

export const pitchChannels = {
  /**
   * Starts drafting and answers at once with the ids to follow; text streams as 'pitch:delta' and ends with
   * 'pitch:done'. source 'auto' uses the loaded model and falls back to the template when none is loaded.
   * Drafting into an existing draftId adds a version to it; otherwise a new draft is made.
   */
  'pitch:start': {
    input: z
      .object({
        clientId: Id,
        productId: Id,
        settings: PitchSettingsSchema,
        source: z.enum(['auto', 'model', 'template']).default('auto'),
        draftId: Id.optional(),
      })
      .strict(),
    output: z.object({ requestId: z.string(), draftId: z.string(), source: z.enum(['model', 'template']) }),
  },
  /** Stops a running generation; what was written so far is kept as a version if it parses, else dropped. */
  'pitch:stop': {
    input: z.object({ requestId: z.string().min(1).max(64) }).strict(),
    output: z.object({ stopped: z.boolean() }),
  },
  'pitch:list': { input: z.object({ clientId: Id }).strict(), output: z.array(PitchDraftSummarySchema) },
  'pitch:get': { input: z.object({ draftId: Id }).strict(), output: PitchDraftViewSchema },
  /** Lints an edit in progress without saving it (the editor calls this as the advisor types). */
  'pitch:lint': {
    input: z.object({ draftId: Id, content: PitchDraftContentSchema }).strict(),
    output: z.object({ issues: z.array(PitchIssueSchema), approvable: z.boolean() }),
  },
  /** Saves the advisor's edit as a new version; baseVersion guards against overwriting a newer one. */
  'pitch:save': {
    input: z.object({ draftId: Id, baseVersion: z.number().int().min(1), content: PitchDraftContentSchema }).strict(),
    output: PitchDraftViewSchema,
  },
  /**
   * Refused with 'validation' while the version has a blocking problem, and with 'forbidden' when the review policy
   * requires a reviewer (submit it for review instead).
   */
  'pitch:approve': {
    input: z.object({ draftId: Id, version: z.number().int().min(1) }).strict(),
    output: PitchDraftViewSchema,
  },
} as const;

export const pitchEvents = {
  /** New text of a running draft: the raw model output so far grows by `delta`. */
  /** restart: the text so far is dropped (a failed generation gave way to the template draft). */
  'pitch:delta': z.object({
    requestId: z.string(),
    draftId: z.string(),
    delta: z.string(),
    restart: z.boolean().optional(),
  }),
  'pitch:done': z.object({
    requestId: z.string(),
    draftId: z.string(),
    outcome: z.enum(['completed', 'stopped', 'failed']),
    /** The version saved, or null when nothing usable was produced. */
    version: z.number().int().nullable(),
    error: MessageSchema.nullable(),
  }),
} as const;
