import type { ReviewDecision, ReviewRubric } from '../../app/domain/desk-users';
import type { Language } from '../../app/domain/enums';
import { originOf, type ScoredReview, type VersionProvenance } from '../../app/reviews/review-scores';
import type { Db } from './connection';
import { cached } from './statement-cache';

/**
 * Reviews with what the reviewed text was written by, read for the review scores: each review (pitch_reviews,
 * migration 0160) with its draft's language, and the provenance of every version of the reviewed drafts so an
 * advisor's edit can be followed back to the draft it was edited from. No client text leaves this function.
 */
export function listScoredReviews(db: Db, filter: { from?: string; to?: string }): ScoredReview[] {
  const reviews = cached(
    db,
    `SELECT r.draft_id, r.version, r.reviewer_id, r.decision, r.rubric_json, r.reviewed_at, d.language
       FROM pitch_reviews r JOIN pitch_drafts d ON d.id = r.draft_id
      WHERE (@from IS NULL OR r.reviewed_at >= @from) AND (@to IS NULL OR r.reviewed_at < @to)
      ORDER BY r.reviewed_at, r.rowid`,
  ).all({ from: filter.from ?? null, to: filter.to ?? null }) as {
    draft_id: string;
    version: number;
    reviewer_id: string;
    decision: ReviewDecision;
    rubric_json: string;
    reviewed_at: string;
    language: Language;
  }[];
  const versionRows = cached(
    db,
    `SELECT v.draft_id, v.version, v.generation_json FROM pitch_draft_versions v
      WHERE v.draft_id IN (SELECT draft_id FROM pitch_reviews)`,
  ).all() as { draft_id: string; version: number; generation_json: string }[];
  const versions = new Map<string, VersionProvenance[]>();
  for (const row of versionRows) {
    const list = versions.get(row.draft_id) ?? [];
    list.push({ version: row.version, ...provenanceOf(row.generation_json) });
    versions.set(row.draft_id, list);
  }
  return reviews.map((r) => ({
    draftId: r.draft_id,
    version: r.version,
    language: r.language,
    reviewerId: r.reviewer_id,
    decision: r.decision,
    rubric: JSON.parse(r.rubric_json) as ReviewRubric,
    reviewedAt: r.reviewed_at,
    origin: originOf(versions.get(r.draft_id) ?? [], r.version),
  }));
}

/** The parts of a version's stored generation that say what wrote it; an unreadable one counts as the advisor's. */
function provenanceOf(json: string): Omit<VersionProvenance, 'version'> {
  const unknown = { source: 'advisor' as const, modelSha256: null, modelFile: null, settings: {} };
  try {
    const p = (JSON.parse(json) as { provenance?: Partial<VersionProvenance> }).provenance;
    if (!p || (p.source !== 'model' && p.source !== 'template' && p.source !== 'advisor')) return unknown;
    return {
      source: p.source,
      modelSha256: typeof p.modelSha256 === 'string' ? p.modelSha256 : null,
      modelFile: typeof p.modelFile === 'string' ? p.modelFile : null,
      settings: p.settings && typeof p.settings === 'object' ? p.settings : {},
    };
  } catch {
    return unknown;
  }
}
