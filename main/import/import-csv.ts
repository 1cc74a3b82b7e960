import fs from 'node:fs';
import type { z } from 'zod';
import { MappingFileSchema, type MappingFile } from '../../app/import/column-mapping';
import type { CsvDelimiter, CsvLimits } from '../../app/import/csv-parser';
import { type ImportProgress } from '../../app/import/import-refused';
import type { Clock, EventSink } from '../../app/ports';
import { createImportUseCases, type ImportUseCases } from '../../app/use-cases/import-records';
import type { Db } from '../db/connection';
import { sqliteStores } from '../db/sqlite-stores';
import { csvFileSource } from './csv-file-source';

export { ImportRefusedError, type ImportProgress } from '../../app/import/import-refused';

/** What every file import takes besides its mapping. */
export interface ImportFileOptions {
  file: string;
  actor: string;
  now: Date;
  onProgress?: (p: ImportProgress) => void;
  /** Stops the import; nothing is written unless it finishes first. */
  signal?: AbortSignal;
  delimiter?: CsvDelimiter;
  /** A WHATWG encoding label; overrides the mapping's. */
  encoding?: string;
  limits?: Partial<CsvLimits>;
  /** Where "data changed" goes; nowhere by default (the CLI has no windows to tell). */
  events?: EventSink;
}

const fixedClock = (now: Date): Clock => ({
  nowIso: () => now.toISOString(),
  today: () => now.toISOString().slice(0, 10),
});

/** The import use-cases over one SQLite connection, at a fixed time. */
export function importUseCasesFor(
  db: Db,
  options: Pick<ImportFileOptions, 'actor' | 'now' | 'events'>,
): ImportUseCases {
  return createImportUseCases({
    stores: sqliteStores(db),
    clock: fixedClock(options.now),
    events: options.events ?? { emit: () => undefined },
    actor: options.actor,
  });
}

/** The file as a streamed row source, and how the use-case should run over it. */
export function fileRun(options: ImportFileOptions, mapping: { encoding?: string | undefined }) {
  const encoding = options.encoding ?? mapping.encoding;
  return {
    source: csvFileSource(options.file, encoding ? { encoding } : {}),
    run: {
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    },
  };
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
export async function importClientsCsv(
  db: Db,
  options: ImportFileOptions & { mapping: MappingFile },
): Promise<{ imported: number }> {
  if (options.mapping.entity !== 'clients')
    throw new Error(`The mapping is for ${options.mapping.entity}, not clients.`);
  const { source, run } = fileRun(options, options.mapping);
  const { imported } = await importUseCasesFor(db, options).importRecords(source, options.mapping, run);
  return { imported };
}
