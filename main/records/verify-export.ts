import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseCsv } from '../../app/import/csv-parser';
import { AdviceExportSchema, PseudonymousClientSchema } from '../../app/records/advice-record-schema';
import type { ExportManifest } from './export-records';

const MANIFEST_FILE = 'manifest.json';
const MANIFEST_SCHEMA = 'advisor-desk/export-manifest@1';

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

/** The records in a JSON export: layout, count, each record's hash, and in a pseudonymized one, no client shown. */
function checkJson(name: string, text: string, manifest: ExportManifest, problems: string[]): void {
  let raw: { pseudonymized?: boolean; records: { contentHash: string; record: { id: string; client: unknown } }[] };
  try {
    raw = JSON.parse(text);
  } catch {
    problems.push(`${name} cannot be read as JSON.`);
    return;
  }
  // Hashes are checked on the text as read, not on the schema's parse of it (which may reorder or drop keys).
  if (!AdviceExportSchema.safeParse(raw).success) {
    problems.push(`${name} does not have the published layout.`);
    return;
  }
  if (raw.records.length !== manifest.recordCount)
    problems.push(`${name} holds ${raw.records.length} records; the manifest says ${manifest.recordCount}.`);
  if ((raw.pseudonymized ?? false) !== (manifest.pseudonymized ?? false))
    problems.push(`${name} and the manifest disagree on whether clients are pseudonymized.`);
  for (const r of raw.records) {
    if (sha256(JSON.stringify(r.record)) !== r.contentHash)
      problems.push(`record ${r.record.id} does not match its content hash.`);
    if (manifest.pseudonymized && !PseudonymousClientSchema.safeParse(r.record.client).success)
      problems.push(`record ${r.record.id} names its client in an export that says clients are pseudonymized.`);
  }
}

/** The rows of a CSV export: as many different records as the manifest counts (a record may have several rows). */
function checkCsv(name: string, text: string, manifest: ExportManifest, problems: string[]): void {
  let rows: string[][];
  try {
    rows = parseCsv(text, ',').records.map((record) => record.fields);
  } catch (error) {
    problems.push(`${name} cannot be read as CSV (${error instanceof Error ? error.message : String(error)}).`);
    return;
  }
  const ids = new Set(rows.map((fields) => fields[0]!));
  if (ids.size !== manifest.recordCount)
    problems.push(`${name} holds rows of ${ids.size} records; the manifest says ${manifest.recordCount}.`);
  if (manifest.pseudonymized) {
    const header = text.slice(0, text.indexOf('\r\n')).split(',');
    const idColumn = header.indexOf('client_id');
    const nameColumn = header.indexOf('client_name');
    if (rows.some((fields) => !/^PS-[0-9a-f]{16}$/.test(fields[idColumn] ?? '') || (fields[nameColumn] ?? '') !== ''))
      problems.push(`${name} names a client in an export that says clients are pseudonymized.`);
  }
}

/** Re-checks an export folder against its manifest: each file's size and hash, and the records inside. */
export function verifyExport(dir: string): { ok: boolean; recordCount: number; problems: string[] } {
  const problems: string[] = [];
  const manifestPath = path.join(dir, MANIFEST_FILE);
  if (!fs.existsSync(manifestPath))
    return { ok: false, recordCount: 0, problems: [`${MANIFEST_FILE} is missing: this is not a finished export.`] };
  let manifest: ExportManifest;
  try {
    manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8')) as ExportManifest;
  } catch {
    return { ok: false, recordCount: 0, problems: [`${MANIFEST_FILE} cannot be read as JSON.`] };
  }
  if (manifest.schema !== MANIFEST_SCHEMA) problems.push(`${MANIFEST_FILE} is not an Advisor Desk export manifest.`);
  const listed = new Set((manifest.files ?? []).map((f) => path.basename(f.name)));
  for (const extra of fs.readdirSync(dir))
    if (extra !== MANIFEST_FILE && !listed.has(extra)) problems.push(`${extra} is not part of the export.`);
  for (const f of manifest.files ?? []) {
    const p = path.join(dir, path.basename(f.name));
    if (!fs.existsSync(p)) {
      problems.push(`${f.name} is missing.`);
      continue;
    }
    const data = fs.readFileSync(p);
    if (data.length !== f.bytes || sha256(data) !== f.sha256) {
      problems.push(`${f.name} was changed after the export: its sha256 is not the manifest's.`);
      continue;
    }
    if (f.name.endsWith('.pdf')) {
      if (!data.subarray(0, 5).equals(Buffer.from('%PDF-'))) problems.push(`${f.name} is not a PDF.`);
    } else if (f.name.endsWith('.json')) checkJson(f.name, data.toString('utf8'), manifest, problems);
    else if (f.name.endsWith('.csv')) checkCsv(f.name, data.toString('utf8'), manifest, problems);
  }
  const reports = (manifest.files ?? []).filter((f) => f.name.endsWith('.pdf')).length;
  if (manifest.format === 'pdf' && reports !== manifest.recordCount)
    problems.push(`The manifest lists ${reports} reports for ${manifest.recordCount} records.`);
  return { ok: problems.length === 0, recordCount: manifest.recordCount ?? 0, problems };
}
