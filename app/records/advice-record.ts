import type { PitchDraftContent, PitchDraftView, PitchIssueView, PitchProvenance } from '../contract/pitch-channels';
import type { MarketSnapshot, Product } from '../domain';
import type { ReviewRubric } from '../domain/desk-users';
import type { Language } from '../domain/enums';
import { recordedText, type LocalizedText } from '../domain/localized-text';
import type { ScoreReason } from '../domain/ranking';
import type { PitchFacts } from '../pitch/pitch-facts';
import type { SuitabilityClient, SuitabilityResult } from '../suitability';

/**
 * The version of the record's layout: an export names it, and a reader refuses a layout it does not know. @2 added
 * `review`; records made as @1 stay as they were made and are still read.
 */
export const ADVICE_RECORD_SCHEMA = 'advisor-desk/advice-record@2';
export const ADVICE_RECORD_SCHEMA_V1 = 'advisor-desk/advice-record@1';

/** The four-eyes review that approved the text: the reviewer, their scores and comment, and the hand-over. */
export interface ReviewOnRecord {
  reviewer: { id: string; name: string };
  rubric: ReviewRubric;
  comment: string;
  submittedBy: string;
  submittedAt: string;
  reviewedAt: string;
}

/** Where the advised product stood in the last ranking shown for the client before the advice. */
export interface RankingShown {
  impressionId: string;
  shownAt: string;
  position: number;
  probability: number;
  modelVersion: number | null;
  reasons: ScoreReason[];
}

/** A client-requested deviation as recorded: the warning given, and who acknowledged it when. */
export interface DeviationOnRecord {
  id: string;
  warning: LocalizedText;
  acknowledgedBy: string;
  acknowledgedAt: string;
  reason: string;
}

/** One field of the pitch where the advisor's final text differs from the first draft the machine wrote. */
export interface FieldChange {
  field: keyof PitchDraftContent;
  machine: string | string[];
  final: string | string[];
}

/**
 * A frozen account of one piece of advice, as `../shared/docs/domain.md` lists it: the client as they stood, the
 * product and its suitability with reasons, any deviation, how the recommendation and the text were produced, the
 * machine's draft and the final text with what changed, the disclosures, who wrote and who approved it, and when.
 */
export interface AdviceRecord {
  schema: typeof ADVICE_RECORD_SCHEMA | typeof ADVICE_RECORD_SCHEMA_V1;
  id: string;
  kind: 'pitch-approved';
  createdAt: string;
  advisor: string;
  approver: string;
  /** The reviewer's approval when review was required (the reviewer is then the approver); null when none; absent in @1. */
  review?: ReviewOnRecord | null;
  client: SuitabilityClient;
  product: Product;
  suitability: SuitabilityResult & { reasons: { ruleId: string; passed: boolean; text: LocalizedText }[] };
  deviation: DeviationOnRecord | null;
  market: MarketSnapshot | null;
  ranking: RankingShown | null;
  pitch: {
    draftId: string;
    language: Language;
    approvedVersion: number;
    finalText: PitchDraftContent;
    machineDraft: { version: number; source: PitchProvenance['source']; text: PitchDraftContent } | null;
    changes: FieldChange[];
    /** Model file hash, prompt hash, generation settings and timing of the machine draft (prompt text left out). */
    generation: Omit<PitchProvenance, 'prompt'> | null;
    disclosures: LocalizedText[];
    /** What the check still said at approval (warnings only: a blocking problem prevents approval). */
    issuesAtApproval: PitchIssueView[];
  };
}

const FIELDS: (keyof PitchDraftContent)[] = ['headline', 'body', 'keyPoints', 'risks', 'nextStep'];

/** The fields the advisor changed between the machine's draft and the approved text, in reading order. */
export function pitchChanges(machine: PitchDraftContent, final: PitchDraftContent): FieldChange[] {
  return FIELDS.filter((f) => JSON.stringify(machine[f]) !== JSON.stringify(final[f])).map((field) => ({
    field,
    machine: machine[field],
    final: final[field],
  }));
}

export interface PitchAdviceInput {
  id: string;
  at: string;
  approver: string;
  draft: PitchDraftView;
  version: number;
  client: SuitabilityClient;
  product: Product;
  facts: PitchFacts;
  verdict: SuitabilityResult;
  market: MarketSnapshot | null;
  deviation: DeviationOnRecord | null;
  ranking: RankingShown | null;
  issues: PitchIssueView[];
  review?: ReviewOnRecord | null;
}

/** The record of an approval: everything needed to show later why this text went to this client. */
export function pitchAdviceRecord(input: PitchAdviceInput): AdviceRecord {
  const approved = input.draft.versions.find((v) => v.version === input.version);
  if (!approved) throw new Error(`Pitch draft ${input.draft.id} has no version ${input.version}.`);
  // The first text a machine wrote (model or template); an advisor's edits come after it.
  const machine = input.draft.versions.find((v) => v.provenance.source !== 'advisor') ?? null;
  const { prompt: _prompt, ...generation } = machine?.provenance ?? { prompt: null };
  return {
    schema: ADVICE_RECORD_SCHEMA,
    id: input.id,
    kind: 'pitch-approved',
    createdAt: input.at,
    advisor: input.draft.versions[0]!.author,
    approver: input.approver,
    review: input.review ?? null,
    client: input.client,
    product: input.product,
    suitability: {
      ...input.verdict,
      reasons: input.verdict.checks.map((c) => ({ ruleId: c.ruleId, passed: c.passed, text: recordedText(c.reason) })),
    },
    deviation: input.deviation,
    market: input.market,
    ranking: input.ranking,
    pitch: {
      draftId: input.draft.id,
      language: input.draft.language,
      approvedVersion: approved.version,
      finalText: approved.content,
      machineDraft: machine
        ? { version: machine.version, source: machine.provenance.source, text: machine.content }
        : null,
      changes: machine ? pitchChanges(machine.content, approved.content) : [],
      generation: machine ? (generation as Omit<PitchProvenance, 'prompt'>) : null,
      disclosures: [input.facts.disclosure, input.facts.gradeStatement],
      issuesAtApproval: input.issues,
    },
  };
}
