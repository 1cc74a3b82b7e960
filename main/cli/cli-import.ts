import fs from 'node:fs';
import { IMPORT_ENTITIES, type MappingFile } from '../../app/import/column-mapping';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../app/import/csv-parser';
import type { EventsMapping } from '../../app/import/event-table';
import { openStore } from '../db/open-store';
import { readMappingFile } from '../import/import-csv';
import { importEventsCsv, readEventsMappingFile } from '../import/import-events';
import { describeProgress, throttleProgress } from '../import/import-progress';
import { importCsv } from '../import/import-records';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';

export interface ImportArgs {
  command: 'import' | 'import-events';
  positionals: readonly string[];
  mapping: string | undefined;
  delimiter: string | undefined;
  json: boolean;
  dbPath: string;
}

const IMPORT_USAGE = `advisor-desk import ${IMPORT_ENTITIES.join('|')} FILE.csv --mapping MAPPING.json [--delimiter D]`;
const EVENTS_USAGE = 'advisor-desk import-events FILE.csv [--mapping MAPPING.json] [--delimiter D]';

/** `--delimiter` takes the character itself, or `tab` for a tab, which is awkward to type in a shell. */
function readDelimiter(value: string | undefined): CsvDelimiter | undefined {
  if (value === undefined) return undefined;
  const d = value === 'tab' || value === '\\t' ? '\t' : value;
  if (!(CSV_DELIMITERS as readonly string[]).includes(d))
    throw usageError(`--delimiter must be one of , ; | or tab, got "${value}".`);
  return d as CsvDelimiter;
}

/** A mapping that cannot be read refuses the input (exit 5), like a bad CSV: the user fixes a file either way. */
function readMapping<T>(file: string, read: (file: string) => T): T {
  if (!fs.existsSync(file)) throw usageError(`No mapping file at ${file}.`);
  try {
    return read(file);
  } catch (error) {
    throw new CliError(EXIT.inputRefused, error instanceof Error ? error.message : String(error));
  }
}

/** Progress goes to stderr, so `--json` output on stdout stays one clean document. */
function progressTo(io: CliIo) {
  return throttleProgress((p) => io.stderr(`${describeProgress(p)}\n`));
}

export function runImport(args: ImportArgs, io: CliIo): void {
  const delimiter = readDelimiter(args.delimiter);
  const now = io.now ? io.now() : new Date();
  if (args.command === 'import') {
    const [entity, file, ...extra] = args.positionals;
    if (!entity || !(IMPORT_ENTITIES as readonly string[]).includes(entity))
      throw usageError(`What to import? Usage: ${IMPORT_USAGE}`);
    if (!file || !args.mapping) throw usageError(`Which file and mapping? Usage: ${IMPORT_USAGE}`);
    if (extra.length > 0) throw usageError(`Unexpected argument "${extra[0]}". Usage: ${IMPORT_USAGE}`);
    if (!fs.existsSync(file)) throw usageError(`No file at ${file}.`);
    const read = readMapping(args.mapping, readMappingFile);
    if (read.entity !== entity)
      throw new CliError(EXIT.inputRefused, `The mapping ${args.mapping} is for ${read.entity}, not ${entity}.`);
    const mapping: MappingFile = delimiter ? { ...read, delimiter } : read;
    const { db } = openStore(args.dbPath);
    try {
      const result = importCsv(db, { file, mapping, actor: 'cli-import', now, onProgress: progressTo(io) });
      const replaced = result.updated > 0 ? ` (${result.updated} replaced what was stored)` : '';
      const noun = entity === 'market' ? 'market days' : entity;
      io.stdout(
        args.json
          ? `${JSON.stringify({ ...result, file })}\n`
          : `Imported ${result.imported} ${noun} from ${file} into ${args.dbPath}${replaced}.\n`,
      );
    } finally {
      db.close();
    }
    return;
  }

  const [file, ...extra] = args.positionals;
  if (!file) throw usageError(`Which file? Usage: ${EVENTS_USAGE}`);
  if (extra.length > 0) throw usageError(`Unexpected argument "${extra[0]}". Usage: ${EVENTS_USAGE}`);
  if (!fs.existsSync(file)) throw usageError(`No file at ${file}.`);
  const mapping: EventsMapping | undefined = args.mapping
    ? readMapping(args.mapping, readEventsMappingFile)
    : undefined;
  const { db } = openStore(args.dbPath);
  try {
    const r = importEventsCsv(db, {
      file,
      ...(mapping ? { mapping } : {}),
      ...(delimiter ? { delimiter } : {}),
      actor: 'cli-import',
      now,
      onProgress: progressTo(io),
    });
    if (args.json) io.stdout(`${JSON.stringify({ ...r, file })}\n`);
    else {
      io.stdout(`Imported ${r.imported} outcomes from ${file} into ${args.dbPath}.\n`);
      io.stdout(
        `Clients: ${r.clientsCreated} created as placeholders, ${r.clientsUpdated} updated. Products: ${r.productsCreated} created as placeholders, ${r.productsUpdated} updated.\n`,
      );
      const types = Object.entries(r.columnTypes).map(([c, t]) => `${c} ${t}`);
      if (types.length > 0) io.stdout(`Columns: ${types.join(', ')}.\n`);
    }
  } finally {
    db.close();
  }
}
