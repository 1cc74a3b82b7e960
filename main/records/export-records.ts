import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { AdviceRecord } from '../../app/records/advice-record';
import {
  ADVICE_EXPORT_SCHEMA,
  AdviceRecordSchema,
  type AdviceExportHead,
  type ExportedRecord,
} from '../../app/records/advice-record-schema';
import { NAMED_ONLY_FORMATS, type ExportFormat } from '../../app/records/export-formats';
import { pseudonymizeRecord } from '../../app/records/pseudonymize';
import { adviceRecordBatch, countAdviceRecords, type AdviceRecordFilter } from '../db/advice-record-repository';
import { trailHead } from '../db/audit-anchor';
import type { Db } from '../db/connection';
import { EXPORT_WRITERS, LayoutError, type ExportedFile, type RecordFileWriter } from './export-writers';
import { pseudonymFor, pseudonymKey } from './pseudonym-key';

export { verifyExport } from './verify-export';
export type { ExportFormat } from '../../app/records/export-formats';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SCHEMA = 'advisor-desk/export-manifest@1';

export interface ExportRequest {
  from: string;
  to: string;
  /** A client id, or part of a client's name. */
  client: string | null;
  advisor: string | null;
  kind?: string | null;
  format: ExportFormat;
  /** Clients pseudonymized (see app/records/pseudonymize.ts). */
  pseudonymize?: boolean;
  outDir: string;
  now: Date;
  appVersion: string;
}

export interface ExportManifest {
  schema: typeof MANIFEST_SCHEMA;
  generatedAt: string;
  appVersion: string;
  format: ExportFormat;
  period: { from: string; to: string };
  filters: { client: string | null; advisor: string | null; kind: string | null };
  pseudonymized: boolean;
  recordCount: number;
  /** The audit trail's head when the export was made: the records are those the trail vouched for then. */
  auditChain: { seq: number; hash: string; entries: number };
  files: ExportedFile[];
}

/** How far an export is: records written of those the filter found. */
export interface ExportProgress {
  phase: 'counting' | 'writing' | 'finishing';
  done: number;
  total: number;
}

export interface ExportRun {
  onProgress?: (progress: ExportProgress) => void;
  /** Checked between batches: once aborted, the export stops and removes what it wrote. */
  signal?: AbortSignal;
  /** Records read and written per batch. */
  batchSize?: number;
}

/** An export refused: a record failed its own hash or the layout it promises. Nothing is left in the folder. */
export class ExportRefusedError extends Error {}

/** An export stopped on request; nothing is left in the folder. */
export class ExportCancelledError extends Error {
  constructor() {
    super('The export was cancelled; nothing was kept.');
  }
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A fresh sibling folder the export is written in, renamed to its place only once the manifest is in it. */
function stagingFolder(outDir: string): string {
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0)
    throw new ExportRefusedError(`${outDir} is not empty; export into a new folder.`);
  const parent = path.dirname(outDir);
  fs.mkdirSync(parent, { recursive: true });
  const staging = path.join(parent, `.${path.basename(outDir)}.partial-${randomBytes(4).toString('hex')}`);
  fs.mkdirSync(staging);
  return staging;
}

/** The stored record, checked against its stored hash and the published layout; a failure names the record. */
function checkedRecord(row: { id: string; json: string; contentHash: string }, checkLayout: boolean): AdviceRecord {
  if (sha256(row.json) !== row.contentHash)
    throw new ExportRefusedError(
      `advice record ${row.id} no longer matches its hash: it was changed outside the app. Nothing was exported; run advisor-desk audit verify.`,
    );
  const record = JSON.parse(row.json) as AdviceRecord;
  if (!checkLayout) return record;
  const parsed = AdviceRecordSchema.safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ExportRefusedError(
      `advice record ${row.id} does not have the published layout (${issue?.path.join('.')}: ${issue?.message}). Nothing was exported.`,
    );
  }
  return record;
}

/**
 * Writes the advice records of a period (by the day they were made, both ends included) in one format, then a
 * manifest with each file's sha256, the record count and the audit trail's head. Records are read, checked (against
 * their stored hash and the published layout) and written in batches, oldest first; progress is reported after each
 * batch and the signal is checked between them. The export is written in a hidden sibling folder and moved to
 * `outDir` only when complete: a refused, failed or cancelled export leaves nothing, and a process killed half-way
 * leaves only a `.NAME.partial-…` folder without a manifest.
 */
export async function exportAdviceRecords(
  db: Db,
  request: ExportRequest,
  run: ExportRun = {},
): Promise<ExportManifest> {
  const batchSize = run.batchSize ?? 250;
  const pseudonymized = request.pseudonymize ?? false;
  const filter: AdviceRecordFilter = {
    from: request.from,
    to: request.to,
    client: request.client,
    advisor: request.advisor,
    kind: request.kind ?? null,
  };
  const generatedAt = request.now.toISOString();
  const period = { from: request.from, to: request.to };
  const filters = { client: request.client, advisor: request.advisor, kind: request.kind ?? null };
  const stop = () => {
    if (run.signal?.aborted) throw new ExportCancelledError();
  };

  if (pseudonymized && NAMED_ONLY_FORMATS.includes(request.format))
    throw new ExportRefusedError(
      `${request.format.toUpperCase()} reports are written for the client and name them; pseudonymize a JSON or CSV export instead.`,
    );
  run.onProgress?.({ phase: 'counting', done: 0, total: 0 });
  const total = countAdviceRecords(db, filter);
  const auditChain = trailHead(db);
  const key = pseudonymized ? pseudonymKey(db) : null;
  const staging = stagingFolder(request.outDir);
  let writer: RecordFileWriter | null = null;
  try {
    const head: AdviceExportHead = {
      schema: ADVICE_EXPORT_SCHEMA,
      generatedAt,
      period,
      filters,
      pseudonymized,
    };
    writer = EXPORT_WRITERS[request.format](staging, head);
    let done = 0;
    let after: { createdAt: string; rowid: number } | null = null;
    run.onProgress?.({ phase: 'writing', done, total });
    // Up to the count taken with the trail's head: a record approved while the export runs belongs to the next one.
    while (done < total) {
      stop();
      const batch = adviceRecordBatch(db, filter, after, Math.min(batchSize, total - done));
      if (batch.length === 0) break;
      for (const row of batch) {
        // The stored layout is checked here unless the writer checks what it writes (a pseudonymized record is new).
        const record = checkedRecord(row, !writer.checksLayout);
        let entry: ExportedRecord;
        if (key) {
          const pseudonymous = pseudonymizeRecord(record, pseudonymFor(key, record.client.id));
          entry = {
            contentHash: sha256(JSON.stringify(pseudonymous)),
            storedHash: row.contentHash,
            record: pseudonymous as unknown as ExportedRecord['record'],
          };
        } else entry = { contentHash: row.contentHash, record: record as unknown as ExportedRecord['record'] };
        try {
          writer.add(entry);
        } catch (error) {
          if (error instanceof LayoutError) throw new ExportRefusedError(`${error.message} Nothing was exported.`);
          throw error;
        }
      }
      done += batch.length;
      const last = batch[batch.length - 1]!;
      after = { createdAt: last.createdAt, rowid: last.rowid };
      run.onProgress?.({ phase: 'writing', done, total });
      // Let a cancel request (or any other request to this backend) in between two batches.
      await nextTurn();
    }
    stop();
    run.onProgress?.({ phase: 'finishing', done, total });
    const files = writer.finish();
    writer = null;
    const manifest: ExportManifest = {
      schema: MANIFEST_SCHEMA,
      generatedAt,
      appVersion: request.appVersion,
      format: request.format,
      period,
      filters,
      pseudonymized,
      recordCount: done,
      auditChain,
      files,
    };
    // The manifest last: a folder without one is an export that did not finish.
    writeDurably(path.join(staging, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    stop();
    if (fs.existsSync(request.outDir)) fs.rmdirSync(request.outDir);
    fs.renameSync(staging, request.outDir);
    return manifest;
  } catch (error) {
    writer?.abort();
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

function writeDurably(file: string, text: string): void {
  const fd = fs.openSync(file, 'wx');
  try {
    fs.writeSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
