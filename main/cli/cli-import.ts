import fs from 'node:fs';
import { DomainError } from '../../app/domain/domain-error';
import { DECIMAL_MARKS, IMPORT_ENTITIES, type DecimalMark, type MappingFile } from '../../app/import/column-mapping';
import { CSV_DELIMITERS, type CsvDelimiter } from '../../app/import/csv-parser';
import { EventsMappingSchema, type EventsMapping } from '../../app/import/event-table';
import { openStore } from '../db/open-store';
import { cliUser } from './cli-user';
import { storeKeyFor } from './cli-store-key';
import { checkEncodingLabel } from '../import/csv-file-source';
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
  encoding: string | undefined;
  decimal: string | undefined;
  json: boolean;
  dbPath: string;
  /** --user or $ADVISOR_DESK_USER; undefined: the store's first active administrator. */
  user?: string | undefined;
}

const IMPORT_USAGE = `advisor-desk import ${IMPORT_ENTITIES.join('|')} FILE.csv --mapping MAPPING.json [--delimiter D] [--encoding E] [--decimal .|,]`;
const EVENTS_USAGE =
  'advisor-desk import-events FILE.csv [--mapping MAPPING.json] [--delimiter D] [--encoding E] [--decimal .|,]';

function readEncoding(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (checkEncodingLabel(value) === null)
    throw usageError(
      `--encoding "${value}" is not an encoding this app knows (try utf-8, gb18030, big5 or windows-1252).`,
    );
  return value;
}

function readDecimal(value: string | undefined): DecimalMark | undefined {
  if (value === undefined) return undefined;
  if (!(DECIMAL_MARKS as readonly string[]).includes(value))
    throw usageError(`--decimal must be . or , got "${value}".`);
  return value as DecimalMark;
}

/**
 * An AbortSignal that Ctrl-C or SIGTERM aborts while the import runs: the import stops at its next step and
 * writes nothing (exit 130). A second Ctrl-C ends the process at once, which also writes nothing: the transaction
 * was never committed.
 */
function interruptSignal(io: CliIo): { signal: AbortSignal; release: () => void } {
  const controller = new AbortController();
  const release = io.onInterrupt?.(() => controller.abort()) ?? (() => undefined);
  return { signal: controller.signal, release };
}

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

export async function runImport(args: ImportArgs, io: CliIo): Promise<void> {
  const delimiter = readDelimiter(args.delimiter);
  const encoding = readEncoding(args.encoding);
  const decimal = readDecimal(args.decimal);
  const interrupt = interruptSignal(io);
  try {
    await importFile(args, io, { delimiter, encoding, decimal, signal: interrupt.signal });
  } catch (error) {
    if (error instanceof DomainError && error.code === 'cancelled')
      throw new CliError(EXIT.cancelled, 'Import cancelled: nothing was imported.');
    throw error;
  } finally {
    interrupt.release();
  }
}

async function importFile(
  args: ImportArgs,
  io: CliIo,
  options: {
    delimiter: CsvDelimiter | undefined;
    encoding: string | undefined;
    decimal: DecimalMark | undefined;
    signal: AbortSignal;
  },
): Promise<void> {
  const { delimiter, signal } = options;
  const extras = {
    signal,
    ...(options.encoding ? { encoding: options.encoding } : {}),
  };
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
    const mapping: MappingFile = {
      ...read,
      ...(delimiter ? { delimiter } : {}),
      ...(options.decimal ? { decimal: options.decimal } : {}),
    };
    const { db } = openStore(args.dbPath, { key: await storeKeyFor(io, args.dbPath) });
    try {
      const result = await importCsv(db, {
        file,
        mapping,
        actor: cliUser(db, args.user),
        now,
        onProgress: progressTo(io),
        ...extras,
      });
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
  const read: EventsMapping | undefined = args.mapping ? readMapping(args.mapping, readEventsMappingFile) : undefined;
  const mapping = options.decimal ? { ...(read ?? EventsMappingSchema.parse({})), decimal: options.decimal } : read;
  const { db } = openStore(args.dbPath, { key: await storeKeyFor(io, args.dbPath) });
  try {
    const r = await importEventsCsv(db, {
      ...extras,
      file,
      ...(mapping ? { mapping } : {}),
      ...(delimiter ? { delimiter } : {}),
      actor: cliUser(db, args.user),
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
