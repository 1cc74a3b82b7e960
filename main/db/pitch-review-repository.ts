import {
  DEFAULT_REVIEW_POLICY,
  ReviewPolicySchema,
  type PitchReview,
  type ReviewPolicy,
  type ReviewRubric,
} from '../../app/domain/desk-users';
import type { WaitingReview } from '../../app/contract/user-channels';
import type { NewPitchReview } from '../../app/ports/pitch-store';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { readInstitutionSetting, writeInstitutionSetting } from './institution-setting';
import { cached } from './statement-cache';

/**
 * Four-eyes review (tables from migration 0160): a version handed to a reviewer, and the reviewer's decision with
 * its rubric. Neither is ever changed; each is audited in the transaction that writes it.
 */

interface ReviewRow {
  id: string;
  draft_id: string;
  version: number;
  reviewer_id: string;
  reviewer_name: string | null;
  decision: 'approved' | 'sent-back';
  rubric_json: string;
  comment: string;
  submitted_by: string;
  submitted_at: string;
  reviewed_at: string;
}

const fromRow = (r: ReviewRow): PitchReview => ({
  id: r.id,
  draftId: r.draft_id,
  version: r.version,
  reviewerId: r.reviewer_id,
  reviewerName: r.reviewer_name ?? r.reviewer_id,
  decision: r.decision,
  rubric: JSON.parse(r.rubric_json) as ReviewRubric,
  comment: r.comment,
  submittedBy: r.submitted_by,
  submittedAt: r.submitted_at,
  reviewedAt: r.reviewed_at,
});

const SELECT_REVIEWS = `SELECT r.*, u.display_name AS reviewer_name FROM pitch_reviews r
  LEFT JOIN users u ON u.id = r.reviewer_id`;

export function getReviewPolicy(db: Db): ReviewPolicy {
  return readInstitutionSetting(
    db,
    'reviewRequiredFor',
    (value) => {
      const parsed = ReviewPolicySchema.safeParse(value);
      return parsed.success ? parsed.data : null;
    },
    DEFAULT_REVIEW_POLICY,
  );
}

/** The institution's review policy, changed with an audit entry naming who changed it from what. */
export function setReviewPolicy(db: Db, policy: ReviewPolicy, meta: { at: string; actor: string }): ReviewPolicy {
  writeInstitutionSetting(
    db,
    {
      key: 'reviewRequiredFor',
      entityId: 'review',
      action: 'set review policy',
      before: () => getReviewPolicy(db),
    },
    policy,
    meta,
  );
  return policy;
}

export function submitForReview(db: Db, s: { draftId: string; version: number; by: string; at: string }): void {
  db.transaction(() => {
    cached(
      db,
      'INSERT INTO pitch_review_requests (draft_id, version, submitted_by, submitted_at) VALUES (?, ?, ?, ?)',
    ).run(s.draftId, s.version, s.by, s.at);
    appendAudit(db, {
      at: s.at,
      actor: s.by,
      entity: 'pitch_draft',
      entityId: s.draftId,
      action: `submit version ${s.version} for review`,
      before: null,
      after: { version: s.version },
    });
  })();
}

/** Stores a review; call it inside the transaction of the approval it makes, or alone to send a version back. */
export function insertReview(db: Db, r: NewPitchReview): void {
  const run = () => {
    cached(
      db,
      `INSERT INTO pitch_reviews (id, draft_id, version, reviewer_id, decision, rubric_json, comment, submitted_by,
         submitted_at, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      r.id,
      r.draftId,
      r.version,
      r.reviewerId,
      r.decision,
      JSON.stringify(r.rubric),
      r.comment,
      r.submittedBy,
      r.submittedAt,
      r.reviewedAt,
    );
    const { id: _id, ...after } = r;
    appendAudit(db, {
      at: r.reviewedAt,
      actor: r.reviewerId,
      entity: 'pitch_review',
      entityId: r.id,
      action: r.decision === 'approved' ? `approve version ${r.version}` : `send back version ${r.version}`,
      before: null,
      after,
    });
  };
  db.transaction(run)();
}

export function listReviewsOfDraft(db: Db, draftId: string): PitchReview[] {
  return (
    cached(db, `${SELECT_REVIEWS} WHERE r.draft_id = ? ORDER BY r.reviewed_at, r.rowid`).all(draftId) as ReviewRow[]
  ).map(fromRow);
}

/** Reviews decided in [from, to] (ISO instants or days; either bound may be left open), newest first. */
export function listReviews(db: Db, filter: { from?: string; to?: string }): PitchReview[] {
  return (
    cached(
      db,
      `${SELECT_REVIEWS} WHERE (@from IS NULL OR r.reviewed_at >= @from) AND (@to IS NULL OR r.reviewed_at < @to)
        ORDER BY r.reviewed_at DESC, r.rowid DESC`,
    ).all({ from: filter.from ?? null, to: filter.to ?? null }) as ReviewRow[]
  ).map(fromRow);
}

/** The hand-over of the draft's latest version, if it waits for a decision. */
export function awaitingReviewOf(db: Db, draftId: string): { version: number; by: string; at: string } | null {
  const row = cached(
    db,
    `SELECT q.version, q.submitted_by AS by, q.submitted_at AS at
       FROM pitch_review_requests q JOIN pitch_drafts d ON d.id = q.draft_id AND d.current_version = q.version
      WHERE q.draft_id = ? AND NOT EXISTS (SELECT 1 FROM pitch_reviews r WHERE r.draft_id = q.draft_id AND r.version = q.version)
        AND NOT EXISTS (SELECT 1 FROM pitch_approvals a WHERE a.draft_id = q.draft_id AND a.version = q.version)`,
  ).get(draftId) as { version: number; by: string; at: string } | undefined;
  return row ?? null;
}

/** Every version waiting for a reviewer, oldest hand-over first. */
export function listWaitingReviews(db: Db): WaitingReview[] {
  const rows = cached(
    db,
    `SELECT q.draft_id, q.version, q.submitted_by, q.submitted_at, d.client_id, c.display_name AS client_name,
            d.product_id, p.name_en, p.name_zh, u.display_name AS submitted_by_name
       FROM pitch_review_requests q
       JOIN pitch_drafts d ON d.id = q.draft_id AND d.current_version = q.version
       JOIN clients c ON c.id = d.client_id
       JOIN products p ON p.id = d.product_id
       LEFT JOIN users u ON u.id = q.submitted_by
      WHERE NOT EXISTS (SELECT 1 FROM pitch_reviews r WHERE r.draft_id = q.draft_id AND r.version = q.version)
        AND NOT EXISTS (SELECT 1 FROM pitch_approvals a WHERE a.draft_id = q.draft_id AND a.version = q.version)
      ORDER BY q.submitted_at, q.draft_id`,
  ).all() as {
    draft_id: string;
    version: number;
    submitted_by: string;
    submitted_at: string;
    client_id: string;
    client_name: string;
    product_id: string;
    name_en: string;
    name_zh: string;
    submitted_by_name: string | null;
  }[];
  return rows.map((r) => ({
    draftId: r.draft_id,
    version: r.version,
    clientId: r.client_id,
    clientName: r.client_name,
    productId: r.product_id,
    productName: { en: r.name_en, zh: r.name_zh },
    submittedBy: r.submitted_by,
    submittedByName: r.submitted_by_name ?? r.submitted_by,
    submittedAt: r.submitted_at,
  }));
}
