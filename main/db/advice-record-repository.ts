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
  productId: string;
  productNameEn: string;
  productNameZh: string;
  pitchDraftId: string | null;
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
       content_hash, kind) VALUES (?, ?, ?, ?, ?, 'final', ?, ?, ?, ?)`,
  ).run(
    record.id,
    record.client.id,
    record.createdAt,
    record.advisor,
    record.approver,
    record.pitch.draftId,
    json,
    contentHash,
    record.kind,
  );
  return contentHash;
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
    `SELECT id, kind, created_at, advisor_id, approver_id, pitch_draft_id, content_hash,
            json_extract(record_json, '$.product.id') AS product_id,
            json_extract(record_json, '$.product.nameEn') AS name_en,
            json_extract(record_json, '$.product.nameZh') AS name_zh
       FROM advice_records WHERE client_id = ? ORDER BY created_at DESC, rowid DESC`,
  ).all(clientId) as {
    id: string;
    kind: string;
    created_at: string;
    advisor_id: string;
    approver_id: string | null;
    pitch_draft_id: string | null;
    content_hash: string;
    product_id: string;
    name_en: string | null;
    name_zh: string | null;
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
    pitchDraftId: r.pitch_draft_id,
    contentHash: r.content_hash,
  }));
}
