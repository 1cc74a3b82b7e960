import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { csvLine } from '../../app/csv/csv-writer';
import { parseCsv } from '../../app/import/csv-parser';
import type { AdviceRecord, RecordedSuitability } from '../../app/records/advice-record';
import { ADVICE_EXPORT_SCHEMA, AdviceExportSchema, AdviceRecordSchema } from '../../app/records/advice-record-schema';
import { trailHead } from '../db/audit-anchor';
import type { Db } from '../db/connection';

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_SCHEMA = 'advisor-desk/export-manifest@1';

export interface ExportRequest {
  from: string;
  to: string;
  client: string | null;
  advisor: string | null;
  format: 'json' | 'csv';
  outDir: string;
  now: Date;
  appVersion: string;
}

export interface ExportManifest {
  schema: typeof MANIFEST_SCHEMA;
  generatedAt: string;
  appVersion: string;
  format: 'json' | 'csv';
  period: { from: string; to: string };
  filters: { client: string | null; advisor: string | null };
  recordCount: number;
  /** The audit trail's head when the export was made: the records are those the trail vouched for then. */
  auditChain: { seq: number; hash: string; entries: number };
  files: { name: string; bytes: number; sha256: string }[];
}

/** An export refused: a record failed its own hash or the layout it promises. Nothing is left in the folder. */
export class ExportRefusedError extends Error {}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

const CSV_HEADER = [
  'record_id',
  'kind',
  'created_at',
  'client_id',
  'client_name',
  'risk_class',
  'role',
  'product_id',
  'product_name_en',
  'product_name_zh',
  'risk_grade',
  'suitable',
  'failed_rules',
  'deviation',
  'ranking_position',
  'probability',
  'advisor',
  'approver',
  'language',
  'approved_version',
  'changed_fields',
  'corrects',
  'content_hash',
];

type Cell = string | number | boolean | null;

/**
 * One CSV row per product a record speaks of: the pitched product of an approval; every recommended and every
 * rejected product of a presented ranking; a correction has one row naming the record it corrects.
 */
export function csvRowsOf(hash: string, r: AdviceRecord): Cell[][] {
  const client = r.client as { id: string; displayName?: string; riskClass?: string | null };
  const head = (role: string): Cell[] => [
    r.id,
    r.kind,
    r.createdAt,
    client.id,
    client.displayName ?? '',
    client.riskClass ?? '',
    role,
  ];
  const tail = (language: string | null, version: number | null, changed: string, corrects: string | null): Cell[] => [
    r.advisor,
    r.approver,
    language,
    version,
    changed,
    corrects,
    hash,
  ];
  const failed = (s: RecordedSuitability) =>
    s.reasons
      .filter((x) => !x.passed)
      .map((x) => x.ruleId)
      .join(' ');
  switch (r.kind) {
    case 'pitch-approved':
      return [
        [
          ...head('pitched'),
          r.product.id,
          r.product.nameEn,
          r.product.nameZh,
          r.product.riskGrade,
          r.suitability.suitable,
          failed(r.suitability),
          r.deviation !== null,
          r.ranking?.position ?? null,
          r.ranking?.probability ?? null,
          ...tail(r.pitch.language, r.pitch.approvedVersion, r.pitch.changes.map((c) => c.field).join(' '), null),
        ],
      ];
    case 'ranking-presented':
      return r.products.map((p) => [
        ...head(p.role),
        p.product.id,
        p.product.nameEn,
        p.product.nameZh,
        p.product.riskGrade,
        p.suitability.suitable,
        failed(p.suitability),
        p.suitability.deviationApplied,
        p.position,
        p.probability,
        ...tail(null, null, '', null),
      ]);
    case 'correction':
      return [
        [
          ...head('correction'),
          null,
          null,
          null,
          null,
          null,
          '',
          null,
          null,
          null,
          ...tail(null, null, '', r.corrects.id),
        ],
      ];
    default: {
      const unknown: never = r;
      throw new Error(`No CSV layout for advice records of kind ${(unknown as { kind: string }).kind}.`);
    }
  }
}

/** The distinct record ids in an export's CSV text (first column), read with the app's own CSV reader. */
function csvRecordIds(text: string): Set<string> {
  const table = parseCsv(text, ',');
  return new Set(table.records.map((record) => record.fields[0]!));
}

/**
 * Writes the advice records of a period (by the day they were made, both ends included) as one JSON or CSV file
 * and a manifest with each file's sha256, the record count and the audit trail's head. Every record is checked
 * against its stored hash and the published layout first; one that fails stops the export, naming it.
 */
export function exportAdviceRecords(db: Db, request: ExportRequest): ExportManifest {
  if (fs.existsSync(request.outDir) && fs.readdirSync(request.outDir).length > 0)
    throw new ExportRefusedError(`${request.outDir} is not empty; export into a new folder.`);
  const where = ['substr(created_at, 1, 10) BETWEEN ? AND ?'];
  const params: string[] = [request.from, request.to];
  if (request.client) {
    where.push('client_id = ?');
    params.push(request.client);
  }
  if (request.advisor) {
    where.push('advisor_id = ?');
    params.push(request.advisor);
  }
  const rows = db
    .prepare(
      `SELECT id, record_json, content_hash FROM advice_records WHERE ${where.join(' AND ')} ORDER BY created_at, rowid`,
    )
    .all(...params) as { id: string; record_json: string; content_hash: string }[];
  const records = rows.map((row) => {
    if (sha256(row.record_json) !== row.content_hash)
      throw new ExportRefusedError(
        `advice record ${row.id} no longer matches its hash: it was changed outside the app. Nothing was exported; run advisor-desk audit verify.`,
      );
    const parsed = AdviceRecordSchema.safeParse(JSON.parse(row.record_json));
    if (!parsed.success)
      throw new ExportRefusedError(
        `advice record ${row.id} does not have the published layout (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}).`,
      );
    return { contentHash: row.content_hash, record: JSON.parse(row.record_json) as AdviceRecord };
  });

  const generatedAt = request.now.toISOString();
  const period = { from: request.from, to: request.to };
  const filters = { client: request.client, advisor: request.advisor };
  let name: string;
  let body: string;
  if (request.format === 'json') {
    const document = { schema: ADVICE_EXPORT_SCHEMA, generatedAt, period, filters, records };
    AdviceExportSchema.parse(document);
    name = 'advice-records.json';
    body = `${JSON.stringify(document, null, 2)}\n`;
  } else {
    name = 'advice-records.csv';
    const lines = [csvLine(CSV_HEADER)];
    for (const r of records) for (const row of csvRowsOf(r.contentHash, r.record)) lines.push(csvLine(row));
    body = `${lines.join('\r\n')}\r\n`;
  }
  fs.mkdirSync(request.outDir, { recursive: true });
  const file = path.join(request.outDir, name);
  fs.writeFileSync(file, body);
  const manifest: ExportManifest = {
    schema: MANIFEST_SCHEMA,
    generatedAt,
    appVersion: request.appVersion,
    format: request.format,
    period,
    filters,
    recordCount: records.length,
    auditChain: trailHead(db),
    files: [{ name, bytes: Buffer.byteLength(body), sha256: sha256(body) }],
  };
  // The manifest last: a folder without one is an export that did not finish.
  fs.writeFileSync(path.join(request.outDir, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
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
    const text = data.toString('utf8');
    if (f.name.endsWith('.json')) {
      // Hashes are checked on the text as read, not on the schema's parse of it (which may reorder or drop keys).
      const raw = JSON.parse(text) as { records: { contentHash: string; record: { id: string } }[] };
      if (!AdviceExportSchema.safeParse(raw).success) problems.push(`${f.name} does not have the published layout.`);
      else {
        if (raw.records.length !== manifest.recordCount)
          problems.push(`${f.name} holds ${raw.records.length} records; the manifest says ${manifest.recordCount}.`);
        for (const r of raw.records)
          if (sha256(JSON.stringify(r.record)) !== r.contentHash)
            problems.push(`record ${r.record.id} does not match its content hash.`);
      }
    } else {
      let ids: Set<string> | null = null;
      try {
        ids = csvRecordIds(text);
      } catch (error) {
        problems.push(`${f.name} cannot be read as CSV (${error instanceof Error ? error.message : String(error)}).`);
      }
      if (ids && ids.size !== manifest.recordCount)
        problems.push(`${f.name} holds ${ids.size} records; the manifest says ${manifest.recordCount}.`);
    }
  }
  return { ok: problems.length === 0, recordCount: manifest.recordCount ?? 0, problems };
}
