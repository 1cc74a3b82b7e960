import { createHash } from 'node:crypto';
import { CsvChunkParser, DEFAULT_CSV_LIMITS, detectDelimiter } from '../../app/import/csv-parser';
import type { CsvRowSource } from '../../app/ports';

/** A row source over text in memory, handed to the parser in pieces of `chunk` characters as a file stream would. */
export function textRowSource(name: string, text: string, chunk = 7): CsvRowSource {
  return {
    name,
    sha256: () => createHash('sha256').update(text).digest('hex'),
    async *records({ delimiter, limits, signal }) {
      const parser = new CsvChunkParser(delimiter ?? detectDelimiter(text), { ...DEFAULT_CSV_LIMITS, ...limits });
      for (let i = 0; i < text.length; i += chunk) {
        signal?.throwIfAborted();
        await Promise.resolve();
        const records = parser.push(text.slice(i, i + chunk));
        if (records.length > 0) yield records;
      }
      yield parser.end();
    },
  };
}
