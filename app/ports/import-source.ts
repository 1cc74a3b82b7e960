import type { CsvDelimiter, CsvLimits, CsvRecord } from '../import/csv-parser';

/**
 * Where an import's rows come from: a file read in pieces by the adapter (never whole), parsed as it arrives.
 * Problems in the text itself (a broken quote, a byte that is not in the file's encoding, a field past a limit)
 * are thrown as `CsvSourceError`, naming the line.
 */
export interface CsvRowSource {
  /** The file's name as problems show it (no folder: the folder may say who the client is). */
  readonly name: string;
  /**
   * The header (line 1), then each record, in batches as the text arrives. Stops with `DomainError('cancelled')`
   * as soon as `signal` aborts.
   */
  records(options: {
    delimiter?: CsvDelimiter;
    limits?: Partial<CsvLimits>;
    signal?: AbortSignal;
  }): AsyncIterable<CsvRecord[]>;
  /** SHA-256 (hex) of every byte read, once `records` has been read to the end: the audit entry names the file by it. */
  sha256(): string;
}

/** A problem in a file's text, found before any row is checked: where reading stopped, and why. */
export class CsvSourceError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: string,
    readonly reason: string,
  ) {
    super(`${file}, line ${line}: ${reason}`);
    this.name = 'CsvSourceError';
  }
}
