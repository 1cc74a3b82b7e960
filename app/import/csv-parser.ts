/**
 * A CSV reader for files as they arrive from other systems: RFC 4180 quoting ("" inside quotes),
 * line breaks inside quoted fields, CRLF or LF, a UTF-8 byte-order mark, and comma, semicolon,
 * tab or pipe as the delimiter. It never guesses past a malformed line: it stops and says which
 * line and column went wrong, because an import must be all or nothing.
 */

export const CSV_DELIMITERS = [',', ';', '\t', '|'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface CsvRecord {
  /** 1-based line of the file where this record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly column: number,
    readonly reason: string,
  ) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'CsvSyntaxError';
  }
}

const BOM = '\uFEFF';

/** Picks the delimiter that splits the header line into the most columns, ignoring quoted text. */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = stripBom(text).split(/\r?\n/, 1)[0] ?? '';
  const unquoted = firstLine.replace(/"[^"]*"/g, '');
  let best: CsvDelimiter = ',';
  let bestCount = 0;
  for (const d of CSV_DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

/**
 * Yields records one at a time so a 100,000-row file can be checked and reported on as it goes.
 * Blank lines between records are skipped; a record's line number is where it starts.
 */
export function* readCsvRecords(input: string, delimiter: CsvDelimiter = detectDelimiter(input)): Generator<CsvRecord> {
  const text = stripBom(input);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    // Skip empty lines between records.
    if (text[i] === '\n') {
      i++;
      line++;
      continue;
    }
    if (text[i] === '\r' && text[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    const startLine = line;
    const fields: string[] = [];
    let lineStart = i;
    for (;;) {
      // One field.
      if (text[i] === '"') {
        const column = i - lineStart + 1;
        i++;
        let value = '';
        let closed = false;
        while (i < n) {
          const ch = text[i] as string;
          if (ch === '"') {
            if (text[i + 1] === '"') {
              value += '"';
              i += 2;
              continue;
            }
            closed = true;
            i++;
            break;
          }
          if (ch === '\n') {
            line++;
            lineStart = i + 1;
          }
          value += ch;
          i++;
        }
        if (!closed) throw new CsvSyntaxError(startLine, column, 'a quoted field is never closed (missing ")');
        const next = text[i];
        if (next !== undefined && next !== delimiter && next !== '\n' && next !== '\r') {
          throw new CsvSyntaxError(
            line,
            i - lineStart + 1,
            `unexpected text after a closing quote (expected "${printable(delimiter)}" or end of line)`,
          );
        }
        fields.push(value);
      } else {
        const start = i;
        while (i < n && text[i] !== delimiter && text[i] !== '\n' && !(text[i] === '\r' && text[i + 1] === '\n')) {
          if (text[i] === '"')
            throw new CsvSyntaxError(
              line,
              i - lineStart + 1,
              'a quote inside an unquoted field (quote the whole field and double the quote)',
            );
          i++;
        }
        fields.push(text.slice(start, i));
      }
      if (text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') {
      i++;
      line++;
    }
    yield { line: startLine, fields };
  }
}

function printable(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: string[];
  records: CsvRecord[];
}

/** Reads a whole file: header names trimmed, every record checked to have the header's width. */
export function parseCsv(input: string, delimiter?: CsvDelimiter): CsvTable {
  const used = delimiter ?? detectDelimiter(input);
  const iterator = readCsvRecords(input, used);
  const first = iterator.next();
  if (first.done) throw new CsvSyntaxError(1, 1, 'the file is empty: a header line naming the columns is required');
  const header = first.value.fields.map((h) => h.trim());
  const seen = new Set<string>();
  header.forEach((name, index) => {
    if (name === '') throw new CsvSyntaxError(1, index + 1, `column ${index + 1} has no name in the header`);
    if (seen.has(name)) throw new CsvSyntaxError(1, index + 1, `column "${name}" appears twice in the header`);
    seen.add(name);
  });
  const records: CsvRecord[] = [];
  for (const record of iterator) {
    if (record.fields.length !== header.length) {
      throw new CsvSyntaxError(
        record.line,
        1,
        `expected ${header.length} fields like the header, found ${record.fields.length}`,
      );
    }
    records.push(record);
  }
  return { delimiter: used, header, records };
}
