import fs from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import { buildImportedClient } from '../../app/import/client-records';
import { applyMapping, MappingFileSchema, type ImportIssue, type MappingFile } from '../../app/import/column-mapping';
import { CsvSyntaxError, parseCsv, type CsvDelimiter, type CsvTable } from '../../app/import/csv-parser';
import type { NewClient } from '../../app/domain';
import { bulkInsertClients, existingClientIds } from '../db/client-repository';
import type { Db } from '../db/connection';
import { inChunks } from './import-batch';

export class ImportRefusedError extends Error {
  constructor(
    readonly file: string,
    readonly issues: ImportIssue[],
  ) {
    const shown = issues.slice(0, 10).map((i) => `  ${file}, line ${i.line}, column "${i.column}": ${i.reason}`);
    const more = issues.length > 10 ? [`  … and ${issues.length - 10} more`] : [];
    super(
      [
        `Nothing was imported from ${file}: ${issues.length} problem${issues.length === 1 ? '' : 's'}.`,
        ...shown,
        ...more,
      ].join('\n'),
    );
    this.name = 'ImportRefusedError';
  }
}

export interface ImportProgress {
  stage: 'reading' | 'checking' | 'writing' | 'done';
  done: number;
  total: number;
}

/** Reads a CSV file whole; a syntax error refuses it with the line and character where reading stopped. */
export function readCsvTable(file: string, delimiter: CsvDelimiter | undefined): CsvTable {
  try {
    return parseCsv(fs.readFileSync(file, 'utf8'), delimiter);
  } catch (error) {
    if (error instanceof CsvSyntaxError)
      throw new ImportRefusedError(path.basename(file), [
        { line: error.line, column: `character ${error.column}`, reason: error.reason },
      ]);
    throw error;
  }
}

/** Reads and checks a mapping file, naming the file and the path of anything wrong in it. */
export function readMappingFile(file: string): MappingFile {
  return readJsonFile(file, MappingFileSchema);
}

/** Reads a JSON file and checks it against a schema, naming the file and the path of the first thing wrong in it. */
export function readJsonFile<S extends z.ZodType>(file: string, schema: S): z.output<S> {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(
      `Mapping file ${file} could not be read as JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Mapping file ${file} is not valid at ${first?.path.join('.') || 'top level'}: ${first?.message}`);
  }
  return parsed.data;
}

/**
 * Imports clients from a CSV file in one transaction: every row is checked first, and a file
 * with any bad row, or an id that already exists, imports nothing and says where each problem is.
 */
export function importClientsCsv(
  db: Db,
  options: { file: string; mapping: MappingFile; actor: string; now: Date; onProgress?: (p: ImportProgress) => void },
): { imported: number } {
  const name = path.basename(options.file);
  if (options.mapping.entity !== 'clients')
    throw new Error(`The mapping is for ${options.mapping.entity}, not clients.`);
  options.onProgress?.({ stage: 'reading', done: 0, total: 0 });
  const table = readCsvTable(options.file, options.mapping.delimiter);
  const { records, issues } = applyMapping(table, options.mapping);
  if (issues.length > 0) throw new ImportRefusedError(name, issues);

  const today = options.now.toISOString().slice(0, 10);
  const now = options.now.toISOString();
  const clients: NewClient[] = [];
  const seen = new Map<string, number>();
  const problems: ImportIssue[] = [];
  const idColumn = options.mapping.columns.find((c) => c.field === 'id')?.column ?? 'id';
  const stored = existingClientIds(
    db,
    records.map((r) => (typeof r.fields.id === 'string' ? r.fields.id.trim() : '')),
  );
  records.forEach((record, i) => {
    if (i % 5000 === 0) options.onProgress?.({ stage: 'checking', done: i, total: records.length });
    const built = buildImportedClient(record, options.mapping, today, now);
    if (!built.ok) return void problems.push(...built.issues);
    const earlier = seen.get(built.client.id);
    if (earlier !== undefined)
      problems.push({
        line: record.line,
        column: idColumn,
        reason: `id ${built.client.id} is already used on line ${earlier}`,
      });
    else if (stored.has(built.client.id))
      problems.push({
        line: record.line,
        column: idColumn,
        reason: `a client with id ${built.client.id} already exists`,
      });
    seen.set(built.client.id, record.line);
    clients.push(built.client);
  });
  if (problems.length > 0) throw new ImportRefusedError(name, problems);
  options.onProgress?.({ stage: 'writing', done: 0, total: clients.length });
  db.transaction(() =>
    inChunks(
      clients,
      5000,
      (chunk) => bulkInsertClients(db, chunk, options.actor),
      (done) => options.onProgress?.({ stage: 'writing', done, total: clients.length }),
    ),
  ).immediate();
  options.onProgress?.({ stage: 'done', done: clients.length, total: clients.length });
  return { imported: clients.length };
}
