import type { PitchDraftContent, PitchDraftView, PitchIssueView } from '../../contract/pitch-channels';
import { DomainError } from '../../domain/domain-error';
import { recordedText } from '../../domain/localized-text';
import { message } from '../../messages';
import type { ReviewRubric } from '../../domain/desk-users';
import type { NewPitchReview, PitchReviewStore, PitchStore, PitchSubjects } from '../../ports/pitch-store';
import { pitchAdviceRecord, type ReviewOnRecord } from '../../records/advice-record';
import { assertNotAuthor, assertReviewComplete, reviewRequired, selfApprovalRefusal } from '../../users/review-rules';
import { factsOf, lintPitch } from './pitch-checks';

const EDIT_LABEL = message('pitchJob.editLabel');

export interface ReviewPitchDeps {
  store: PitchStore;
  subjects: PitchSubjects;
  clock: { nowIso(): string; today(): string };
  ids: { randomId(): string };
  /** The signed-in user: read at each act (it changes when someone else signs in). */
  readonly actor: string;
  reviews: PitchReviewStore;
}

/**
 * Reading, linting, editing and approving drafts. Every check uses the client's profile and rules as they are
 * now, so an edit or an approval is judged against what holds today, not when the draft was written.
 */
export function createPitchReview(deps: ReviewPitchDeps) {
  async function draftOf(draftId: string) {
    const row = await deps.store.draft(draftId);
    if (!row) throw new DomainError('not_found', `No pitch draft ${draftId}.`);
    return row;
  }

  async function get(draftId: string): Promise<PitchDraftView> {
    const view = await deps.store.view(draftId);
    if (!view) throw new DomainError('not_found', `No pitch draft ${draftId}.`);
    return { ...view, reviewRequired: reviewRequired(await deps.reviews.policy(), view.versions) };
  }

  /** The latest version, refused unless it is `version` and not approved yet. */
  function latestUnapproved(view: PitchDraftView, version: number, act: string) {
    const latest = view.versions[view.versions.length - 1]!;
    if (latest.version !== version)
      throw new DomainError(
        'conflict',
        `Only the latest version (${latest.version}) of a pitch can be ${act}, not version ${version}.`,
      );
    if (latest.approval) throw new DomainError('conflict', `Version ${version} of this pitch is already approved.`);
    return latest;
  }

  /** The version linted against the client and rules as they are now; refused while a problem blocks it. */
  async function freshCheck(view: PitchDraftView, content: PitchDraftContent, version: number, act: string) {
    const subject = await deps.subjects.subjectOf(view.clientId, view.productId);
    const facts = factsOf(subject, deps.clock.today());
    const fresh = lintPitch(content, facts, view.language, subject.verdict);
    if (!fresh.approvable) {
      const blocking = fresh.issues.filter((i) => i.severity === 'blocking').map((i) => i.message.en);
      throw new DomainError(
        'validation',
        `Version ${version} cannot be ${act} while it has a blocking problem: ${blocking.join('; ')}`,
      );
    }
    return { subject, facts, fresh };
  }

  /** Approves the version and makes its advice record, with the reviewer's review when a reviewer approved it. */
  async function approveWith(
    view: PitchDraftView,
    version: number,
    approver: string,
    review: { row: NewPitchReview; onRecord: ReviewOnRecord } | null,
  ): Promise<PitchDraftView> {
    const latest = view.versions[view.versions.length - 1]!;
    // Linted again now: the client's profile or the rule set may have changed since the version was written.
    const { subject, facts, fresh } = await freshCheck(view, latest.content, version, 'approved');
    const at = review?.row.reviewedAt ?? deps.clock.nowIso();
    const context = (await deps.subjects.adviceContextOf?.(view.clientId, view.productId)) ?? null;
    const record = pitchAdviceRecord({
      id: `AR-${deps.ids.randomId().slice(0, 16).toUpperCase()}`,
      at,
      approver,
      draft: view,
      version,
      client: subject.client,
      product: subject.product,
      facts,
      verdict: subject.verdict,
      market: subject.market,
      deviation: context?.deviation ?? null,
      ranking: context?.ranking ?? null,
      issues: fresh.issues,
      review: review?.onRecord ?? null,
    });
    await deps.store.approve(view.id, version, { at, actor: approver }, record, review?.row);
    return get(view.id);
  }

  async function lint(
    draftId: string,
    content: PitchDraftContent,
  ): Promise<{ issues: PitchIssueView[]; approvable: boolean }> {
    const row = await draftOf(draftId);
    const subject = await deps.subjects.subjectOf(row.clientId, row.productId);
    return lintPitch(content, factsOf(subject, deps.clock.today()), row.language, subject.verdict);
  }

  return {
    list: (clientId: string) => deps.store.list(clientId),
    get,
    lint,

    /** The facts the pitch was written from, as they stand today, for a reviewer to check the text against. */
    async facts(draftId: string) {
      const row = await draftOf(draftId);
      const subject = await deps.subjects.subjectOf(row.clientId, row.productId);
      const facts = factsOf(subject, deps.clock.today());
      return {
        facts: facts.facts
          .filter((f) => !f.freeText)
          .map((f) => ({ key: f.key, label: f.label, value: f.value, quotable: f.quotable })),
        disclosure: facts.disclosure,
      };
    },

    async save(draftId: string, baseVersion: number, content: PitchDraftContent): Promise<PitchDraftView> {
      const row = await draftOf(draftId);
      if (row.currentVersion !== baseVersion) {
        throw new DomainError(
          'conflict',
          `Pitch draft ${draftId} has a newer version (${row.currentVersion}) than the one edited (${baseVersion}). Open the latest version and edit that.`,
        );
      }
      const checked = await lint(draftId, content);
      await deps.store.addVersion(draftId, {
        author: deps.actor,
        at: deps.clock.nowIso(),
        content,
        label: recordedText(EDIT_LABEL),
        provenance: {
          source: 'advisor',
          modelSha256: null,
          modelFile: null,
          promptHash: null,
          prompt: null,
          settings: { basedOn: baseVersion },
          droppedFacts: [],
          generatedTokens: null,
          millis: null,
        },
        ...checked,
      });
      return get(draftId);
    },

    /** The author's own approval: refused when the review policy asks for a reviewer. */
    async approve(draftId: string, version: number): Promise<PitchDraftView> {
      const view = await get(draftId);
      latestUnapproved(view, version, 'approved');
      if (view.reviewRequired) throw selfApprovalRefusal(await deps.reviews.policy());
      return approveWith(view, version, deps.actor, null);
    },

    /** Hands the latest version to a reviewer; it must be free of blocking problems, as an approval would. */
    async submitForReview(draftId: string, version: number): Promise<PitchDraftView> {
      const view = await get(draftId);
      const latest = latestUnapproved(view, version, 'submitted for review');
      if (view.awaitingReview?.version === version)
        throw new DomainError('conflict', `Version ${version} of this pitch is already waiting for review.`);
      if (view.reviews.some((r) => r.version === version && r.decision === 'sent-back'))
        throw new DomainError(
          'conflict',
          `Version ${version} was sent back by its reviewer: edit it (that makes a new version) and submit that.`,
        );
      await freshCheck(view, latest.content, version, 'submitted for review');
      await deps.reviews.submit({ draftId, version, by: deps.actor, at: deps.clock.nowIso() });
      return get(draftId);
    },

    /**
     * A reviewer's decision on the version waiting for review. Approving makes the approval and its advice record,
     * carrying the review; sending back stores the review and leaves the version unapproved.
     */
    async review(
      draftId: string,
      version: number,
      decision: 'approve' | 'send-back',
      rubric: ReviewRubric,
      comment: string,
    ): Promise<PitchDraftView> {
      const view = await get(draftId);
      const reviewer = deps.actor;
      assertNotAuthor(view.versions, reviewer);
      latestUnapproved(view, version, 'reviewed');
      const waiting = view.awaitingReview;
      if (!waiting || waiting.version !== version)
        throw new DomainError('conflict', `Version ${version} of this pitch is not waiting for review.`);
      assertReviewComplete(decision, rubric, comment);
      const reviewedAt = deps.clock.nowIso();
      const row: NewPitchReview = {
        id: `RV-${deps.ids.randomId().slice(0, 16).toUpperCase()}`,
        draftId,
        version,
        reviewerId: reviewer,
        decision: decision === 'approve' ? 'approved' : 'sent-back',
        rubric,
        comment: comment.trim(),
        submittedBy: waiting.by,
        submittedAt: waiting.at,
        reviewedAt,
      };
      if (decision === 'send-back') {
        await deps.reviews.sendBack(row);
        return get(draftId);
      }
      const onRecord: ReviewOnRecord = {
        reviewer: { id: reviewer, name: (await deps.reviews.userName(reviewer)) ?? reviewer },
        rubric,
        comment: row.comment,
        submittedBy: waiting.by,
        submittedAt: waiting.at,
        reviewedAt,
      };
      return approveWith(view, version, reviewer, { row, onRecord });
    },
  };
}

export type PitchReview = ReturnType<typeof createPitchReview>;
