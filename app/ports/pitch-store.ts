import type {
  PitchDraftContent,
  PitchDraftSummary,
  PitchDraftView,
  PitchIssueView,
  PitchProvenance,
} from '../contract/pitch-channels';
import type { MarketSnapshot, Product } from '../domain';
import type { ReviewDecision, ReviewPolicy, ReviewRubric } from '../domain/desk-users';
import type { Language } from '../domain/enums';
import type { LocalizedText } from '../domain/localized-text';
import type { AdviceRecord, DeviationOnRecord, RankingShown } from '../records/advice-record';
import type { SuitabilityClient, SuitabilityResult } from '../suitability';

export interface PitchDraftRecord {
  id: string;
  clientId: string;
  productId: string;
  language: Language;
  currentVersion: number;
}

export interface NewPitchVersion {
  author: string;
  at: string;
  content: PitchDraftContent;
  label: LocalizedText;
  provenance: PitchProvenance;
  issues: PitchIssueView[];
  approvable: boolean;
}

/** Pitch drafts and their numbered versions; a version is never changed once written. */
export interface PitchStore {
  /**
   * The draft for the client, product and language: the one stored, else a new one with this id. Returns its id; one
   * draft per language keeps the version numbers one sequence.
   */
  createDraft(draft: {
    id: string;
    clientId: string;
    productId: string;
    language: Language;
    at: string;
  }): Promise<string>;
  draft(id: string): Promise<PitchDraftRecord | null>;
  /** Adds the next version and returns its number. */
  addVersion(draftId: string, version: NewPitchVersion): Promise<number>;
  /** Removes a draft that never got a version (a generation that produced nothing usable). */
  dropIfEmpty(draftId: string): Promise<void>;
  list(clientId: string): Promise<PitchDraftSummary[]>;
  view(draftId: string): Promise<StoredPitchDraft | null>;
  /**
   * Approves the version and stores its advice record with it (and the reviewer's review, when a reviewer approved
   * it), in one transaction: never one without the other.
   */
  approve(
    draftId: string,
    version: number,
    meta: { at: string; actor: string },
    record: AdviceRecord,
    review?: NewPitchReview,
  ): Promise<void>;
}

/** A draft as stored: whether review is required depends on the policy in force, which the use-case applies. */
export type StoredPitchDraft = Omit<PitchDraftView, 'reviewRequired'>;

export interface NewPitchReview {
  id: string;
  draftId: string;
  version: number;
  reviewerId: string;
  decision: ReviewDecision;
  rubric: ReviewRubric;
  comment: string;
  submittedBy: string;
  submittedAt: string;
  reviewedAt: string;
}

/** Four-eyes review: the institution's policy, submissions for review and reviews sent back. */
export interface PitchReviewStore {
  policy(): Promise<ReviewPolicy>;
  submit(submission: { draftId: string; version: number; by: string; at: string }): Promise<void>;
  /** Stores a review that sends the version back; the version stays unapproved. */
  sendBack(review: NewPitchReview): Promise<void>;
  /** A user's display name, for the record; null for an id that names no user. */
  userName(id: string): Promise<string | null>;
}

/** What a pitch is written from: the client, the product, the suitability verdict the ranking reaches, the market. */
export interface PitchSubject {
  client: SuitabilityClient;
  product: Product;
  verdict: SuitabilityResult;
  market: MarketSnapshot | null;
}

/** What an advice record adds to the subject: read once, at approval, never on a lint while the advisor types. */
export interface AdviceContext {
  /** The client-requested deviation recorded for this product, if any (the verdict says whether it applied). */
  deviation: DeviationOnRecord | null;
  /** Where the product stood in the last ranking shown for the client, if it was shown in one. */
  ranking: RankingShown | null;
}

export interface PitchSubjects {
  /** Throws a not_found DomainError when the client or the product does not exist. */
  subjectOf(clientId: string, productId: string): Promise<PitchSubject>;
  /** Absent where no records are kept (a test of drafting alone): the record then carries neither. */
  adviceContextOf?(clientId: string, productId: string): Promise<AdviceContext>;
}
