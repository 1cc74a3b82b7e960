import { createHash } from 'node:crypto';
import type { AdviceRecord } from '../../app/records/advice-record';
import type { Db } from './connection';
import { cached } from './statement-cache';

export interface StoredAdviceRecord {
  record: AdviceRecord;
  contentHash: string;
  /** The stored text still hashes to the stored hash. */
  intact: boolean;
}

export interface AdviceRecordSummary {
  id: string;
  kind: string;
  createdAt: string;
  advisor: string;
  approver: string | null;
  /** The product a pitch record is about; null for a presented ranking (many products) or a correction. */
  productId: string | null;
  productNameEn: string | null;
  productNameZh: string | null;
  /** Products a presented ranking recommended; 0 for other kinds. */
  recommendedCount: number;
  pitchDraftId: string | null;
  /** The record a correction corrects. */
  correctsId: string | null;
  /** Corrections made to this record, oldest first. */
  correctedBy: string[];
  contentHash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Stores a record as JSON text with its sha256; call it inside the transaction of the act it records. */
export function insertAdviceRecord(db: Db, record: AdviceRecord): string {
  const json = JSON.stringify(record);
  const contentHash = sha256(json);
  cached(
    db,
    `INSERT INTO advice_records (id, client_id, created_at, advisor_id, approver_id, status, pitch_draft_id, record_json,
       content_hash, kind, impression_id, corrects_id) VALUES (?, ?, ?, ?, ?, 'final', ?, ?, ?, ?, ?, ?)`,
  ).run(
    record.id,
    record.client.id,
    record.createdAt,
    record.advisor,
    record.approver,
    record.kind === 'pitch-approved' ? record.pitch.draftId : null,
    json,
    contentHash,
    record.kind,
    record.kind === 'ranking-presented' ? record.presentation.impressionId : null,
    record.kind === 'correction' ? record.corrects.id : null,
  );
  return contentHash;
}

/** The presented-ranking record already made for an impression, if any. */
export function recordForImpression(db: Db, impressionId: string): string | null {
  const row = cached(db, `SELECT id FROM advice_records WHERE impression_id = ? AND kind = 'ranking-presented'`).get(
    impressionId,
  ) as { id: string } | undefined;
  return row?.id ?? null;
}

export function getAdviceRecord(db: Db, id: string): StoredAdviceRecord | null {
  const row = cached(db, 'SELECT record_json, content_hash FROM advice_records WHERE id = ?').get(id) as
    { record_json: string; content_hash: string } | undefined;
  if (!row) return null;
  return {
    record: JSON.parse(row.record_json) as AdviceRecord,
    contentHash: row.content_hash,
    intact: sha256(row.record_json) === row.content_hash,
  };
}

/** A client's records, newest first. */
export function listAdviceRecords(db: Db, clientId: string): AdviceRecordSummary[] {
  const rows = cached(
    db,
    `SELECT r.id, r.kind, r.created_at, r.advisor_id, r.approver_id, r.pitch_draft_id, r.content_hash, r.corrects_id,
            json_extract(r.record_json, '$.product.id') AS product_id,
            json_extract(r.record_json, '$.product.nameEn') AS name_en,
            json_extract(r.record_json, '$.product.nameZh') AS name_zh,
            (SELECT count(*) FROM json_each(r.record_json, '$.products') p
              WHERE json_extract(p.value, '$.role') = 'recommended') AS recommended,
            (SELECT group_concat(c.id, ' ') FROM (SELECT id FROM advice_records
              WHERE corrects_id = r.id ORDER BY created_at, rowid) c) AS corrected_by
       FROM advice_records r WHERE r.client_id = ? ORDER BY r.created_at DESC, r.rowid DESC`,
  ).all(clientId) as {
    id: string;
    kind: string;
    created_at: string;
    advisor_id: string;
    approver_id: string | null;
    pitch_draft_id: string | null;
    content_hash: string;
    corrects_id: string | null;
    product_id: string | null;
    name_en: string | null;
    name_zh: string | null;
    recommended: number;
    corrected_by: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    createdAt: r.created_at,
    advisor: r.advisor_id,
    approver: r.approver_id,
    productId: r.product_id,
    productNameEn: r.name_en ?? r.product_id,
    productNameZh: r.name_zh ?? r.product_id,
    recommendedCount: r.recommended,
    pitchDraftId: r.pitch_draft_id,
    correctsId: r.corrects_id,
    correctedBy: r.corrected_by ? r.corrected_by.split(' ') : [],
    contentHash: r.content_hash,
  }));
}
