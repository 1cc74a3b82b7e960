import type { PitchDraftContent, PitchDraftView, PitchIssueView, PitchProvenance } from '../contract/pitch-channels';
import type { MarketSnapshot, Product } from '../domain';
import type { Language } from '../domain/enums';
import { recordedText, type LocalizedText } from '../domain/localized-text';
import type { ScoreReason } from '../domain/ranking';
import type { PitchFacts } from '../pitch/pitch-facts';
import type { SuitabilityClient, SuitabilityResult } from '../suitability';

/** The version of the record's layout: an export names it, and a reader refuses a layout it does not know. */
export const ADVICE_RECORD_SCHEMA = 'advisor-desk/advice-record@1';

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
export interface PitchAdviceRecord {
  schema: typeof ADVICE_RECORD_SCHEMA;
  id: string;
  kind: 'pitch-approved';
  createdAt: string;
  advisor: string;
  approver: string;
  client: SuitabilityClient;
  product: Product;
  suitability: RecordedSuitability;
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

/** Every kind of advice record: a pitch approved, a ranking presented without a pitch, a correction of either. */
export type AdviceRecord = PitchAdviceRecord | RankingPresentedRecord | CorrectionRecord;
export type AdviceRecordKind = AdviceRecord['kind'];

/** How a product stood in a presented ranking: recommended (with its place) or rejected by suitability. */
export interface PresentedProduct {
  product: Product;
  role: 'recommended' | 'rejected';
  /** Place in the ranking as shown; null for a rejected product. */
  position: number | null;
  probability: number | null;
  reasons: ScoreReason[];
  movedForDiversity: boolean;
  suitability: RecordedSuitability;
}

/** A suitability verdict as a record keeps it: the rules' own words in both languages, not message keys. */
export type RecordedSuitability = SuitabilityResult & {
  reasons: { ruleId: string; passed: boolean; text: LocalizedText }[];
};

/**
 * A ranking the advisor marked as presented to the client without a pitch: every product shown with its place, score
 * and reasons, every product suitability rejected with the rules that rejected it, and what produced the ranking.
 */
export interface RankingPresentedRecord {
  schema: typeof ADVICE_RECORD_SCHEMA;
  id: string;
  kind: 'ranking-presented';
  createdAt: string;
  advisor: string;
  approver: null;
  client: SuitabilityClient;
  market: MarketSnapshot | null;
  presentation: {
    impressionId: string;
    shownAt: string;
    shownTo: string;
    surface: string;
    modelVersion: number | null;
    ruleSet: { id: string; version: number };
    languageModel: { file: string; sha256: string; used: boolean; reason: string | null } | null;
    /** The advisor's note on how it was presented (may be empty). */
    note: string;
    /** Products whose suitability now differs from what the ranking showed (the client or rules changed since). */
    changedSinceShown: string[];
  };
  products: PresentedProduct[];
  deviations: DeviationOnRecord[];
}

/** One statement of an earlier record that a correction puts right. */
export interface CorrectedField {
  field: string;
  was: string;
  now: string;
}

/**
 * A correction: a new record naming the one it corrects, why, and what it puts right. The corrected record is never
 * changed; a reader shows it together with its corrections.
 */
export interface CorrectionRecord {
  schema: typeof ADVICE_RECORD_SCHEMA;
  id: string;
  kind: 'correction';
  createdAt: string;
  advisor: string;
  approver: null;
  client: { id: string };
  corrects: { id: string; kind: 'pitch-approved' | 'ranking-presented'; contentHash: string };
  reason: string;
  changes: CorrectedField[];
}

/** The product an advice record is about, where it is about one. */
export function recordProduct(record: AdviceRecord): Product | null {
  return record.kind === 'pitch-approved' ? record.product : null;
}

/** Keeps a verdict with each rule's words in both languages, as a record must (message keys may change later). */
export function recordedSuitability(verdict: SuitabilityResult): RecordedSuitability {
  return {
    ...verdict,
    reasons: verdict.checks.map((c) => ({ ruleId: c.ruleId, passed: c.passed, text: recordedText(c.reason) })),
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
}

/** The record of an approval: everything needed to show later why this text went to this client. */
export function pitchAdviceRecord(input: PitchAdviceInput): PitchAdviceRecord {
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
    client: input.client,
    product: input.product,
    suitability: recordedSuitability(input.verdict),
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
