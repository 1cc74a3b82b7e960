import { z } from 'zod';
import type { PitchDraft, PitchLength } from './pitch-types';

/**
 * Limits the grammar enforces on the model's output (string lengths and item counts are enforced by
 * node-llama-cpp's JSON-schema grammar; numeric ranges would not be, so there are none). The zod schema
 * checks the same limits again after parsing, because a draft may also come from an edit or another path.
 */
export const DRAFT_LIMITS = {
  headline: { min: 1, max: 120 },
  body: { min: 1, max: { short: 700, medium: 1400, long: 2400 } as Record<PitchLength, number> },
  keyPoints: { minItems: 1, maxItems: 5, maxLength: 200 },
  risks: { minItems: 1, maxItems: 4, maxLength: 400 },
  nextStep: { min: 1, max: 240 },
} as const;

const FIELD_HELP = {
  headline: 'One line naming the product and why it fits the client.',
  body: 'The pitch itself, in the requested language, quoting only the given facts.',
  keyPoints: 'Short facts about the product, one per item.',
  risks: 'Risk statements; the first is the required disclosure word for word.',
  nextStep: 'What the advisor proposes to do next, without pressure.',
};

/** The JSON schema handed to createGrammarForJsonSchema: every field required, nothing else allowed. */
export function pitchDraftJsonSchema(length: PitchLength = 'long') {
  return {
    type: 'object',
    properties: {
      headline: {
        type: 'string',
        minLength: DRAFT_LIMITS.headline.min,
        maxLength: DRAFT_LIMITS.headline.max,
        description: FIELD_HELP.headline,
      },
      body: {
        type: 'string',
        minLength: DRAFT_LIMITS.body.min,
        maxLength: DRAFT_LIMITS.body.max[length],
        description: FIELD_HELP.body,
      },
      keyPoints: {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: DRAFT_LIMITS.keyPoints.maxLength },
        minItems: DRAFT_LIMITS.keyPoints.minItems,
        maxItems: DRAFT_LIMITS.keyPoints.maxItems,
        description: FIELD_HELP.keyPoints,
      },
      risks: {
        type: 'array',
        items: { type: 'string', minLength: 1, maxLength: DRAFT_LIMITS.risks.maxLength },
        minItems: DRAFT_LIMITS.risks.minItems,
        maxItems: DRAFT_LIMITS.risks.maxItems,
        description: FIELD_HELP.risks,
      },
      nextStep: {
        type: 'string',
        minLength: DRAFT_LIMITS.nextStep.min,
        maxLength: DRAFT_LIMITS.nextStep.max,
        description: FIELD_HELP.nextStep,
      },
    },
    required: ['headline', 'body', 'keyPoints', 'risks', 'nextStep'],
    additionalProperties: false,
  } as const;
}

/**
 * Lengths count characters (code points) as the grammar does: a string of `max` characters the grammar allowed may
 * hold astral characters (emoji, rare CJK) that JavaScript's .length counts twice, and must not then be refused.
 */
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .superRefine((s, ctx) => {
      if (s.length > max && [...s].length > max)
        ctx.addIssue({
          code: 'too_big',
          origin: 'string',
          maximum: max,
          inclusive: true,
          input: s,
          message: `Too long: at most ${max} characters`,
        });
    });

export function pitchDraftSchema(length: PitchLength = 'long') {
  return z
    .object({
      headline: text(DRAFT_LIMITS.headline.max),
      body: text(DRAFT_LIMITS.body.max[length]),
      keyPoints: z
        .array(text(DRAFT_LIMITS.keyPoints.maxLength))
        .min(DRAFT_LIMITS.keyPoints.minItems)
        .max(DRAFT_LIMITS.keyPoints.maxItems),
      risks: z
        .array(text(DRAFT_LIMITS.risks.maxLength))
        .min(DRAFT_LIMITS.risks.minItems)
        .max(DRAFT_LIMITS.risks.maxItems),
      nextStep: text(DRAFT_LIMITS.nextStep.max),
    })
    .strict();
}

export type DraftParseErrorCode =
  | 'not-json'
  | 'not-object'
  | 'missing-field'
  | 'wrong-type'
  | 'empty'
  | 'too-long'
  | 'too-few-items'
  | 'too-many-items'
  | 'unknown-field';

/** Why a model's output is not a usable draft, naming the field so the message can say what to fix. */
export class DraftParseError extends Error {
  constructor(
    readonly code: DraftParseErrorCode,
    readonly field: string | null,
    message: string,
  ) {
    super(message);
    this.name = 'DraftParseError';
  }
}

export type ParseDraftResult = { ok: true; draft: PitchDraft } | { ok: false; error: DraftParseError };

/** Models run without a grammar sometimes wrap JSON in a code fence; that much is forgiven, nothing more. */
function stripFence(raw: string): string {
  const trimmed = raw.trim();
  const fenced = /^```(?:json)?\s*\n?([\s\S]*?)\n?```$/i.exec(trimmed);
  return fenced ? fenced[1]!.trim() : trimmed;
}

function issueToError(issue: z.core.$ZodIssue, input: Record<string, unknown>): DraftParseError {
  const field = issue.path.length > 0 ? issue.path.map(String).join('.') : null;
  const top = issue.path[0] === undefined ? null : String(issue.path[0]);
  if (issue.code === 'unrecognized_keys')
    return new DraftParseError(
      'unknown-field',
      issue.keys.join(', '),
      `The draft has fields that are not part of a pitch: ${issue.keys.join(', ')}`,
    );
  if (top !== null && !(top in input)) return new DraftParseError('missing-field', top, `The draft has no "${top}"`);
  if (issue.code === 'invalid_type')
    return new DraftParseError('wrong-type', field, `"${field}" has the wrong type: ${issue.message}`);
  if (issue.code === 'too_big') {
    const many = issue.origin === 'array';
    return new DraftParseError(
      many ? 'too-many-items' : 'too-long',
      field,
      many
        ? `"${field}" has more than ${String(issue.maximum)} items`
        : `"${field}" is longer than ${String(issue.maximum)} characters`,
    );
  }
  if (issue.code === 'too_small') {
    const few = issue.origin === 'array';
    return new DraftParseError(
      few ? 'too-few-items' : 'empty',
      field,
      few ? `"${field}" needs at least ${String(issue.minimum)} item(s)` : `"${field}" is empty`,
    );
  }
  return new DraftParseError('wrong-type', field, `"${field ?? 'draft'}": ${issue.message}`);
}

/** A model's text as a typed draft, or the first reason it is not one. */
export function parseDraft(raw: string, length: PitchLength = 'long'): ParseDraftResult {
  let value: unknown;
  try {
    value = JSON.parse(stripFence(raw));
  } catch (e) {
    return {
      ok: false,
      error: new DraftParseError(
        'not-json',
        null,
        `The model's answer is not JSON: ${e instanceof Error ? e.message : String(e)}`,
      ),
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      ok: false,
      error: new DraftParseError(
        'not-object',
        null,
        "The model's answer is JSON but not an object with the pitch fields",
      ),
    };
  }
  const parsed = pitchDraftSchema(length).safeParse(value);
  if (parsed.success) return { ok: true, draft: parsed.data };
  return { ok: false, error: issueToError(parsed.error.issues[0]!, value as Record<string, unknown>) };
}
