import { EventsMappingSchema, type EventsMapping } from '../../app/import/event-table';
import type { EventImportSummary } from '../../app/use-cases/import-records';
import type { Db } from '../db/connection';
import { fileRun, importUseCasesFor, readJsonFile, type ImportFileOptions } from './import-csv';

export type { EventImportSummary } from '../../app/use-cases/import-records';

export function readEventsMappingFile(file: string): EventsMapping {
  return readJsonFile(file, EventsMappingSchema);
}

/** `advisor-desk import-events`: a flat outcome table, all or nothing (see app/use-cases/import-records.ts). */
export function importEventsCsv(
  db: Db,
  options: ImportFileOptions & { mapping?: EventsMapping },
): Promise<EventImportSummary> {
  const mapping = options.mapping ?? EventsMappingSchema.parse({});
  const { source, run } = fileRun(options, mapping);
  return importUseCasesFor(db, options).importEvents(source, mapping, run);
}
