import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../db/open-store';
import { APP_VERSION } from '../app-version';
import { EXPORT_FORMATS, ExportFormatSchema } from '../../app/records/export-formats';
import {
  exportAdviceRecords,
  ExportCancelledError,
  ExportRefusedError,
  verifyExport,
  type ExportProgress,
} from '../records/export-records';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';
import { exportTrainingPairs } from '../records/export-training';
import { storeKeyFor } from './cli-store-key';

export const RECORDS_USAGE = `advisor-desk records export --from YYYY-MM-DD --to YYYY-MM-DD [--client ID] [--advisor ID] --format ${EXPORT_FORMATS.join('|')} --out DIR [--pseudonymize] | records verify-export DIR | records export-training --out FILE.jsonl [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--include-unreviewed]`;

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface RecordsRequest {
  sub: string | undefined;
  rest: readonly string[];
  dbPath: string;
  json: boolean;
  from?: string | undefined;
  to?: string | undefined;
  client?: string | undefined;
  advisor?: string | undefined;
  format?: string | undefined;
  out?: string | undefined;
  pseudonymize?: boolean | undefined;
  includeUnreviewed?: boolean;
}

/** "writing 4,000 of 10,000 records (40%)", rewritten in place on a terminal. */
function progressLine(p: ExportProgress): string {
  if (p.phase !== 'writing' || p.total === 0) return `${p.phase}…`;
  return `writing ${p.done.toLocaleString('en-US')} of ${p.total.toLocaleString('en-US')} records (${Math.floor((p.done / p.total) * 100)}%)`;
}

/**
 * `records export`: a period's advice records as JSON or CSV with a manifest (file hashes, count, audit trail head);
 * `records verify-export DIR`: re-checks such a folder. Exit 8 when a record or a file was altered.
 */
export async function runRecords(io: CliIo, request: RecordsRequest): Promise<void> {
  if (request.sub === 'verify-export') {
    const [dir, ...extra] = request.rest;
    if (!dir || extra.length > 0) throw usageError(`Usage: ${RECORDS_USAGE}`);
    const result = verifyExport(dir);
    if (request.json) io.stdout(`${JSON.stringify(result)}\n`);
    else if (result.ok) io.stdout(`The export in ${dir} is complete and unaltered: ${result.recordCount} records.\n`);
    else for (const p of result.problems) io.stdout(`${p}\n`);
    if (!result.ok) throw new CliError(EXIT.tampered, `the export in ${dir} does not check out (listed above).`);
    return;
  }
  if (request.sub === 'export-training') return exportTraining(io, request);
  if (request.sub !== 'export') throw usageError(`Usage: ${RECORDS_USAGE}`);
  if (request.rest.length > 0) throw usageError(`Unexpected argument "${request.rest[0]}". Usage: ${RECORDS_USAGE}`);
  const { from, to, format, out } = request;
  if (!from || !DAY.test(from) || !to || !DAY.test(to) || from > to)
    throw usageError(`--from and --to must be days (YYYY-MM-DD), from no later than to. Usage: ${RECORDS_USAGE}`);
  const parsedFormat = ExportFormatSchema.safeParse(format);
  if (!parsedFormat.success)
    throw usageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}. Usage: ${RECORDS_USAGE}`);
  if (!out) throw usageError(`--out DIR is required. Usage: ${RECORDS_USAGE}`);
  if (!fs.existsSync(request.dbPath)) throw new CliError(EXIT.database, `No database at ${request.dbPath}.`);
  const { db } = openStore(request.dbPath, { key: await storeKeyFor(io, request.dbPath) });
  const stop = new AbortController();
  const unlisten = io.onInterrupt?.(() => stop.abort());
  // Progress only where someone watches a terminal: a script reading stderr gets errors alone.
  const onProgress = io.stderrIsTerminal
    ? (p: ExportProgress) => io.stderr(`\r${progressLine(p)}\x1b[K${p.phase === 'finishing' ? '\n' : ''}`)
    : undefined;
  try {
    const manifest = await exportAdviceRecords(
      db,
      {
        from,
        to,
        client: request.client ?? null,
        advisor: request.advisor ?? null,
        format: parsedFormat.data,
        pseudonymize: request.pseudonymize ?? false,
        outDir: path.resolve(out),
        now: io.now?.() ?? new Date(),
        appVersion: APP_VERSION,
      },
      { signal: stop.signal, ...(onProgress ? { onProgress } : {}) },
    );
    if (request.json) io.stdout(`${JSON.stringify(manifest)}\n`);
    else
      io.stdout(
        `Exported ${manifest.recordCount} advice records (${from} to ${to}${manifest.pseudonymized ? ', clients pseudonymized' : ''}) to ${out}: ${filesSaid(manifest.files)} and manifest.json.\n`,
      );
  } catch (error) {
    if (error instanceof ExportRefusedError) throw new CliError(EXIT.tampered, error.message);
    if (error instanceof ExportCancelledError) throw new CliError(EXIT.cancelled, error.message);
    throw error;
  } finally {
    unlisten?.();
    db.close();
  }
}

/** The files an export wrote, named; a PDF export's reports (one per record) counted instead. */
function filesSaid(files: { name: string }[]): string {
  const reports = files.filter((f) => f.name.endsWith('.pdf')).length;
  return reports > 0 ? `${reports} PDF reports` : files.map((f) => f.name).join(', ');
}

/** `records export-training`: approved pitches as prompt/response pairs without personal data, one JSON per line. */
async function exportTraining(io: CliIo, request: RecordsRequest): Promise<void> {
  if (request.rest.length > 0) throw usageError(`Unexpected argument "${request.rest[0]}". Usage: ${RECORDS_USAGE}`);
  const { from, to, out } = request;
  if ((from && !DAY.test(from)) || (to && !DAY.test(to)) || (from && to && from > to))
    throw usageError(`--from and --to must be days (YYYY-MM-DD), from no later than to. Usage: ${RECORDS_USAGE}`);
  if (!out) throw usageError(`--out FILE.jsonl is required. Usage: ${RECORDS_USAGE}`);
  if (!fs.existsSync(request.dbPath)) throw new CliError(EXIT.database, `No database at ${request.dbPath}.`);
  const { db } = openStore(request.dbPath, { key: await storeKeyFor(io, request.dbPath) });
  try {
    const result = exportTrainingPairs(db, {
      out,
      from: from ?? null,
      to: to ?? null,
      reviewedOnly: request.includeUnreviewed !== true,
    });
    if (request.json) io.stdout(`${JSON.stringify(result)}\n`);
    else {
      const s = result.skipped;
      io.stdout(
        `Wrote ${result.written} prompt/response pairs to ${out} (left out: ${s.notReviewed} not reviewed by a second person, ${s.corrected} corrected later, ${s.noText} without text).\n`,
      );
    }
  } finally {
    db.close();
  }
}
