import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AdviceRecord, PitchAdviceRecord } from '../../app/records/advice-record';
import { trainingPair } from '../../app/records/training-pairs';
import { findAuditKey } from '../db/audit-key';
import type { Db } from '../db/connection';

export interface TrainingExportRequest {
  out: string;
  from: string | null;
  to: string | null;
  /** Only pitches a second person reviewed (four eyes); otherwise every approved pitch. */
  reviewedOnly: boolean;
}

export interface TrainingExportResult {
  written: number;
  skipped: { notReviewed: number; corrected: number; noText: number };
  out: string;
}

/** Whether a reviewer other than the author approved it (records made before review existed carry none). */
function reviewedOf(record: PitchAdviceRecord): boolean {
  const review = (record as { review?: { reviewer?: unknown } | null }).review;
  return typeof review?.reviewer === 'string' && review.reviewer !== record.advisor;
}

/**
 * Approved pitches as prompt/response pairs in JSON Lines, for institutions that fine-tune their own model. A record
 * that was corrected later is left out (its text may be what the correction put right). Written to a temporary file
 * and renamed, so a stopped export never leaves half a file under the name asked for.
 */
export function exportTrainingPairs(db: Db, request: TrainingExportRequest): TrainingExportResult {
  const rows = db
    .prepare(
      `SELECT r.id, r.record_json,
              EXISTS (SELECT 1 FROM advice_records c WHERE c.corrects_id = r.id) AS corrected
         FROM advice_records r
        WHERE r.kind = 'pitch-approved'
          AND (@from IS NULL OR substr(r.created_at, 1, 10) >= @from)
          AND (@to IS NULL OR substr(r.created_at, 1, 10) <= @to)
        ORDER BY r.created_at, r.rowid`,
    )
    .all({ from: request.from, to: request.to }) as { id: string; record_json: string; corrected: number }[];
  // The pseudonym of a record is keyed with the store's audit key: stable for this store, meaningless without it
  // (a store without a key gets pseudonyms for this export only).
  const key = findAuditKey(db) ?? randomBytes(32);
  const ref = (id: string) => createHmac('sha256', key).update(`training:${id}`).digest('hex').slice(0, 20);
  const skipped = { notReviewed: 0, corrected: 0, noText: 0 };
  const lines: string[] = [];
  for (const row of rows) {
    if (row.corrected) {
      skipped.corrected++;
      continue;
    }
    const record = JSON.parse(row.record_json) as AdviceRecord;
    if (record.kind !== 'pitch-approved') continue;
    const reviewed = reviewedOf(record);
    if (request.reviewedOnly && !reviewed) {
      skipped.notReviewed++;
      continue;
    }
    const pair = trainingPair(record, ref(row.id), reviewed);
    if (!pair) {
      skipped.noText++;
      continue;
    }
    lines.push(JSON.stringify(pair));
  }
  const out = path.resolve(request.out);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const partial = `${out}.partial`;
  fs.writeFileSync(partial, lines.length > 0 ? `${lines.join('\n')}\n` : '', { mode: 0o600 });
  fs.renameSync(partial, out);
  return { written: lines.length, skipped, out };
}
