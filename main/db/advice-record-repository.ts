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

/** The columns a summary shows beyond the table's own: the product, how many were recommended, the corrections. */
const SUMMARY_COLUMNS = `r.id, r.kind, r.created_at, r.advisor_id, r.approver_id, r.pitch_draft_id, r.content_hash, r.corrects_id,
  json_extract(r.record_json, '$.product.id') AS product_id,
  json_extract(r.record_json, '$.product.nameEn') AS name_en,
  json_extract(r.record_json, '$.product.nameZh') AS name_zh,
  (SELECT count(*) FROM json_each(r.record_json, '$.products') p
    WHERE json_extract(p.value, '$.role') = 'recommended') AS recommended,
  (SELECT group_concat(c.id, ' ') FROM (SELECT id FROM advice_records
    WHERE corrects_id = r.id ORDER BY created_at, rowid) c) AS corrected_by`;

/** What the summary queries select. */
interface SummaryRow {
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
}

/** A client's records, newest first. */
export function listAdviceRecords(db: Db, clientId: string): AdviceRecordSummary[] {
  const rows = cached(
    db,
    `SELECT ${SUMMARY_COLUMNS}
       FROM advice_records r WHERE r.client_id = ? ORDER BY r.created_at DESC, r.rowid DESC`,
  ).all(clientId) as SummaryRow[];
  return rows.map(summaryOf);
}

/** A summary row as the client page and the Compliance page show it. */
function summaryOf(r: SummaryRow): AdviceRecordSummary {
  return {
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
  };
}

/** Which records (see RecordFilterSchema): each part optional, the period by the day a record was made (UTC). */
export interface AdviceRecordFilter {
  from: string | null;
  to: string | null;
  /** A client id, or part of the client's name as the record names them. */
  client: string | null;
  advisor: string | null;
  kind: string | null;
}

function whereOf(filter: AdviceRecordFilter): { sql: string; params: (string | number)[] } {
  const where: string[] = [];
  const params: (string | number)[] = [];
  // created_at is an ISO time: a range on it uses the index, and covers whole days.
  if (filter.from) {
    where.push('created_at >= ?');
    params.push(filter.from);
  }
  if (filter.to) {
    where.push('created_at < ?');
    params.push(`${filter.to}T99`);
  }
  if (filter.client) {
    where.push(
      `(client_id = ? OR instr(lower(coalesce(json_extract(record_json, '$.client.displayName'), '')), lower(?)) > 0)`,
    );
    params.push(filter.client, filter.client);
  }
  if (filter.advisor) {
    where.push('(advisor_id = ? OR approver_id = ?)');
    params.push(filter.advisor, filter.advisor);
  }
  if (filter.kind) {
    where.push('kind = ?');
    params.push(filter.kind);
  }
  return { sql: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

export function countAdviceRecords(db: Db, filter: AdviceRecordFilter): number {
  const { sql, params } = whereOf(filter);
  return (db.prepare(`SELECT count(*) AS n FROM advice_records ${sql}`).get(...params) as { n: number }).n;
}

export interface ComplianceRow extends AdviceRecordSummary {
  clientId: string;
  clientName: string;
}

/** A page of the records matching a filter, newest first (by time, then by insertion). */
export function searchAdviceRecords(
  db: Db,
  filter: AdviceRecordFilter,
  page: { offset: number; limit: number },
): { total: number; rows: ComplianceRow[] } {
  const { sql, params } = whereOf(filter);
  const rows = db
    .prepare(
      `SELECT ${SUMMARY_COLUMNS}, r.client_id,
              json_extract(r.record_json, '$.client.displayName') AS client_name
         FROM (SELECT rowid AS rid, * FROM advice_records ${sql}) r ORDER BY r.created_at DESC, r.rid DESC LIMIT ? OFFSET ?`,
    )
    .all(...params, page.limit, page.offset) as (SummaryRow & { client_id: string; client_name: string | null })[];
  return {
    total: countAdviceRecords(db, filter),
    rows: rows.map((r) => ({
      ...summaryOf(r),
      clientId: r.client_id,
      clientName: r.client_name ?? r.client_id,
    })),
  };
}

/** Everyone named as advisor or approver on a record, in order. */
export function adviceRecordPeople(db: Db): string[] {
  const rows = db
    .prepare(
      `SELECT advisor_id AS who FROM advice_records UNION SELECT approver_id FROM advice_records
        WHERE approver_id IS NOT NULL ORDER BY 1`,
    )
    .all() as { who: string }[];
  return rows.map((r) => r.who);
}

/** A record as stored, for an export to check and write. */
export interface StoredRecordRow {
  id: string;
  json: string;
  contentHash: string;
  createdAt: string;
  rowid: number;
}

/**
 * The next `limit` records of a filter in the order they were made (oldest first), after the one given: an export
 * reads a period this way in batches, never holding all of it in memory.
 */
export function adviceRecordBatch(
  db: Db,
  filter: AdviceRecordFilter,
  after: { createdAt: string; rowid: number } | null,
  limit: number,
): StoredRecordRow[] {
  const { sql, params } = whereOf(filter);
  const cursor = after ? `${sql ? `${sql} AND` : 'WHERE'} (created_at, rowid) > (?, ?)` : sql;
  const rows = db
    .prepare(
      `SELECT rowid, id, record_json, content_hash, created_at FROM advice_records ${cursor}
        ORDER BY created_at, rowid LIMIT ?`,
    )
    .all(...params, ...(after ? [after.createdAt, after.rowid] : []), limit) as {
    rowid: number;
    id: string;
    record_json: string;
    content_hash: string;
    created_at: string;
  }[];
  return rows.map((r) => ({
    id: r.id,
    json: r.record_json,
    contentHash: r.content_hash,
    createdAt: r.created_at,
    rowid: r.rowid,
  }));
}
