import type { MappingFile } from '../../app/import/column-mapping';
import type { ImportSummary } from '../../app/use-cases/import-records';
import type { Db } from '../db/connection';
import { fileRun, importUseCasesFor, type ImportFileOptions } from './import-csv';

export type { ImportSummary } from '../../app/use-cases/import-records';

export interface ImportOptions extends ImportFileOptions {
  mapping: MappingFile;
}

/** `advisor-desk import <entity>`: the mapping file says which kind of record the CSV holds (see app/use-cases). */
export function importCsv(db: Db, options: ImportOptions): Promise<ImportSummary> {
  const { source, run } = fileRun(options, options.mapping);
  return importUseCasesFor(db, options).importRecords(source, options.mapping, run);
}

const only =
  (entity: MappingFile['entity']) =>
  (db: Db, options: ImportOptions): Promise<ImportSummary> => {
    if (options.mapping.entity !== entity)
      throw new Error(`The mapping is for ${options.mapping.entity}, not ${entity}.`);
    return importCsv(db, options);
  };

export const importProductsCsv = only('products');
export const importHoldingsCsv = only('holdings');
export const importMarketCsv = only('market');
export const importInteractionsCsv = only('interactions');
