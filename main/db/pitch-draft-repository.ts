import type {
  PitchDraftContent,
  PitchDraftSummary,
  PitchIssueView,
  PitchProvenance,
  PitchVersionView,
} from '../../app/contract/pitch-channels';
import type { Language } from '../../app/domain/enums';
import type { LocalizedText } from '../../app/domain/localized-text';
import type { AdviceRecord } from '../../app/records/advice-record';
import { insertAdviceRecord } from './advice-record-repository';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import type { NewPitchReview, NewPitchVersion, StoredPitchDraft } from '../../app/ports/pitch-store';
import { awaitingReviewOf, insertReview, listReviewsOfDraft } from './pitch-review-repository';
import { cached } from './statement-cache';

/**
 * Pitch drafts and their numbered versions (tables from migration 0030). A version is never changed once written:
 * an advisor's edit, a second model draft or a template draft each add one. An approval names exactly one version
 * (pitch_approvals, migration 0110) and stays with it: drafting again adds a version beside the approved one.
 */

interface DraftRow {
  id: string;
  client_id: string;
  product_id: string;
  language: string;
  status: string;
  current_version: number;
  created_at: string;
  updated_at: string;
}

interface VersionRow {
  version: number;
  author: string;
  text: string;
  generation_json: string;
  lint_json: string;
  created_at: string;
}

/** What a version carries beside its text; stored as generation_json. */
interface StoredGeneration {
  label: LocalizedText;
  provenance: PitchProvenance;
  approvable: boolean;
}

export type { NewPitchVersion };

/**
 * The draft for this client, product and language: the one already stored, or a new one with this id. Versions are
 * numbered per draft, so drafting again in a language adds to that language's draft instead of a second "version 1".
 */
export function createPitchDraft(
  db: Db,
  draft: { id: string; clientId: string; productId: string; language: Language; at: string },
): string {
  return db.transaction((): string => {
    const existing = cached(
      db,
      'SELECT id FROM pitch_drafts WHERE client_id = ? AND product_id = ? AND language = ? ORDER BY updated_at DESC LIMIT 1',
    ).get(draft.clientId, draft.productId, draft.language) as { id: string } | undefined;
    if (existing) return existing.id;
    cached(
      db,
      `INSERT INTO pitch_drafts (id, client_id, product_id, language, status, current_version, created_at, updated_at) VALUES (?, ?, ?, ?, 'draft', 0, ?, ?)`,
    ).run(draft.id, draft.clientId, draft.productId, draft.language, draft.at, draft.at);
    return draft.id;
  })();
}

export function getPitchDraftRow(
  db: Db,
  id: string,
): { id: string; clientId: string; productId: string; language: Language; currentVersion: number } | null {
  const row = cached(db, 'SELECT * FROM pitch_drafts WHERE id = ?').get(id) as DraftRow | undefined;
  return row
    ? {
        id: row.id,
        clientId: row.client_id,
        productId: row.product_id,
        language: row.language as Language,
        currentVersion: row.current_version,
      }
    : null;
}

/** Adds the next version and returns its number; the draft goes back to 'draft' if it was approved. */
export function addPitchVersion(db: Db, draftId: string, v: NewPitchVersion): number {
  return db.transaction(() => {
    const row = cached(db, 'SELECT current_version FROM pitch_drafts WHERE id = ?').get(draftId) as
      { current_version: number } | undefined;
    if (!row) throw new Error(`No pitch draft ${draftId}`);
    const version = row.current_version + 1;
    const generation: StoredGeneration = { label: v.label, provenance: v.provenance, approvable: v.approvable };
    cached(
      db,
      'INSERT INTO pitch_draft_versions (draft_id, version, author, text, prompt_hash, generation_json, lint_json, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      draftId,
      version,
      v.author,
      JSON.stringify(v.content),
      v.provenance.promptHash,
      JSON.stringify(generation),
      JSON.stringify(v.issues),
      v.at,
    );
    cached(db, `UPDATE pitch_drafts SET current_version = ?, status = 'draft', updated_at = ? WHERE id = ?`).run(
      version,
      v.at,
      draftId,
    );
    appendAudit(db, {
      at: v.at,
      actor: v.author,
      entity: 'pitch_draft',
      entityId: draftId,
      action: `version ${version} (${v.provenance.source})`,
      before: null,
      after: { version, content: v.content, provenance: { ...v.provenance, prompt: null } },
    });
    return version;
  })();
}

interface ApprovalRow {
  version: number;
  approved_by: string;
  approved_at: string;
}

function versionView(row: VersionRow, approvals: ReadonlyMap<number, ApprovalRow>): PitchVersionView {
  const generation = JSON.parse(row.generation_json) as StoredGeneration;
  const approval = approvals.get(row.version);
  return {
    version: row.version,
    author: row.author,
    createdAt: row.created_at,
    content: JSON.parse(row.text) as PitchDraftContent,
    label: generation.label,
    provenance: generation.provenance,
    issues: JSON.parse(row.lint_json) as PitchIssueView[],
    approvable: generation.approvable,
    approval: approval ? { by: approval.approved_by, at: approval.approved_at } : null,
  };
}

/** The draft with every version, oldest first; null when there is none or it has no version yet. */
export function getPitchDraft(db: Db, id: string): StoredPitchDraft | null {
  const row = cached(db, 'SELECT * FROM pitch_drafts WHERE id = ?').get(id) as DraftRow | undefined;
  if (!row) return null;
  const approvals = new Map(
    (
      cached(
        db,
        'SELECT version, approved_by, approved_at FROM pitch_approvals WHERE draft_id = ? ORDER BY version',
      ).all(id) as ApprovalRow[]
    ).map((a) => [a.version, a]),
  );
  const versions = (
    cached(
      db,
      'SELECT version, author, text, generation_json, lint_json, created_at FROM pitch_draft_versions WHERE draft_id = ? ORDER BY version',
    ).all(id) as VersionRow[]
  ).map((v) => versionView(v, approvals));
  if (versions.length === 0) return null;
  const approvedVersion = approvals.size > 0 ? Math.max(...approvals.keys()) : null;
  const status = approvedVersion !== null ? 'approved' : 'draft';
  return {
    id: row.id,
    clientId: row.client_id,
    productId: row.product_id,
    language: row.language as Language,
    status,
    approvedVersion,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versions: versions as [PitchVersionView, ...PitchVersionView[]],
    awaitingReview: awaitingReviewOf(db, id),
    reviews: listReviewsOfDraft(db, id),
  };
}

export function listPitchDrafts(db: Db, clientId: string): PitchDraftSummary[] {
  const rows = cached(
    db,
    `SELECT d.id, d.product_id, d.language, d.current_version, d.updated_at, p.name_en, p.name_zh,
            EXISTS (SELECT 1 FROM pitch_approvals a WHERE a.draft_id = d.id) AS approved,
            EXISTS (SELECT 1 FROM pitch_review_requests q WHERE q.draft_id = d.id AND q.version = d.current_version
              AND NOT EXISTS (SELECT 1 FROM pitch_reviews r WHERE r.draft_id = q.draft_id AND r.version = q.version)
              AND NOT EXISTS (SELECT 1 FROM pitch_approvals a WHERE a.draft_id = q.draft_id AND a.version = q.version)
            ) AS awaiting
       FROM pitch_drafts d JOIN products p ON p.id = d.product_id
      WHERE d.client_id = ? AND d.current_version > 0
      ORDER BY d.updated_at DESC`,
  ).all(clientId) as {
    id: string;
    product_id: string;
    language: string;
    current_version: number;
    updated_at: string;
    name_en: string;
    name_zh: string;
    approved: number;
    awaiting: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    productId: r.product_id,
    productName: { en: r.name_en, zh: r.name_zh },
    language: r.language as Language,
    status: r.approved ? 'approved' : 'draft',
    latestVersion: r.current_version,
    updatedAt: r.updated_at,
    awaitingReview: r.awaiting === 1,
  }));
}

/**
 * Approves the latest version and stores the advice record of that approval (and the reviewer's review that made
 * it, if a reviewer approved it), together or not at all; the caller has checked that it has no blocking problem and
 * is not approved yet.
 */
export function approvePitchDraft(
  db: Db,
  id: string,
  version: number,
  meta: { at: string; actor: string },
  record?: AdviceRecord,
  review?: NewPitchReview,
): void {
  db.transaction(() => {
    if (review) insertReview(db, review);
    const recordHash = record ? insertAdviceRecord(db, record) : null;
    cached(db, 'INSERT INTO pitch_approvals (draft_id, version, approved_by, approved_at) VALUES (?, ?, ?, ?)').run(
      id,
      version,
      meta.actor,
      meta.at,
    );
    cached(db, `UPDATE pitch_drafts SET status = 'approved', updated_at = ? WHERE id = ? AND current_version = ?`).run(
      meta.at,
      id,
      version,
    );
    appendAudit(db, {
      at: meta.at,
      actor: meta.actor,
      entity: 'pitch_draft',
      entityId: id,
      action: `approve version ${version}`,
      before: null,
      after: record ? { version, adviceRecord: record.id, contentHash: recordHash } : { version },
    });
  })();
}

/** Removes a draft that never got a version (a generation that failed or was stopped before anything usable). */
export function dropEmptyPitchDraft(db: Db, id: string): void {
  cached(db, 'DELETE FROM pitch_drafts WHERE id = ? AND current_version = 0').run(id);
}
