/**
 * A CSV reader for files as they arrive from other systems: RFC 4180 quoting ("" inside quotes),
 * line breaks inside quoted fields, CRLF, LF or CR-only line endings, a UTF-8 byte-order mark, and comma,
 * semicolon, tab or pipe as the delimiter. It never guesses past a malformed line: it stops and says which
 * line and column went wrong, because an import must be all or nothing.
 *
 * It reads text in pieces (`CsvChunkParser.push`), so a file is never held as one string, and builds each field
 * from slices of the text rather than a character at a time. Every field, row and header is bounded by
 * `CsvLimits`; a file past a limit is refused with the limit named.
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

/** What one file may hold; each is documented in the README's import section. Lengths are in characters. */
export interface CsvLimits {
  /** Characters in one field, quoted or not. */
  maxFieldLength: number;
  /** Characters in one record, all its fields together. */
  maxRowLength: number;
  /** Columns in the header (and so in every record). */
  maxColumns: number;
  /** Bytes in the whole file, as read from disk. */
  maxFileBytes: number;
}

export const DEFAULT_CSV_LIMITS: CsvLimits = {
  maxFieldLength: 1024 * 1024,
  maxRowLength: 16 * 1024 * 1024,
  maxColumns: 1_000_000,
  maxFileBytes: 512 * 1024 * 1024,
};

const BOM = '\uFEFF';

/** Picks the delimiter that splits the header line into the most columns, ignoring quoted text. */
export function detectDelimiter(text: string): CsvDelimiter {
  const firstLine = stripBom(text).split(/\r\n|\n|\r/, 1)[0] ?? '';
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

function printable(delimiter: CsvDelimiter): string {
  return delimiter === '\t' ? '\\t' : delimiter;
}

const enum State {
  /** Between records: blank lines are skipped here. */
  RecordStart,
  FieldStart,
  Unquoted,
  Quoted,
  /** A quote inside a quoted field: either the first of "" or the closing quote. */
  QuoteInQuoted,
  /** A CR ended the record: a LF right after it belongs to the same line break. */
  AfterCr,
}

/**
 * Parses CSV text handed over in pieces of any size. `push` returns the records completed by that piece; `end`
 * returns the last one. The first record is the header. Lines are counted across LF, CRLF and CR alone.
 */
export class CsvChunkParser {
  private state = State.RecordStart;
  private line = 1;
  /** Absolute character offset of the current line's start, and of the current piece's start. */
  private lineStart = 0;
  private offset = 0;
  private recordLine = 1;
  private fields: string[] = [];
  private pieces: string[] = [];
  private fieldLength = 0;
  private rowLength = 0;
  /** Where the quoted field started, for "never closed". */
  private quoteLine = 0;
  private quoteColumn = 0;
  private first = true;
  private crEnded = false;

  constructor(
    private readonly delimiter: CsvDelimiter,
    private readonly limits: CsvLimits = DEFAULT_CSV_LIMITS,
  ) {}

  /** The line the parser has reached: for errors found outside it (a bad byte in the next piece). */
  get currentLine(): number {
    return this.line;
  }

  push(input: string): CsvRecord[] {
    let text = input;
    if (this.first) {
      this.first = false;
      if (text.startsWith(BOM)) {
        text = text.slice(1);
        this.offset = 1;
        this.lineStart = 1;
      }
    }
    const out: CsvRecord[] = [];
    // A NUL is never text: the records before it are read (for the line number), then the file is refused.
    const nul = text.indexOf('\u0000');
    const n = nul === -1 ? text.length : nul;
    const d = this.delimiter;
    const dc = d.charCodeAt(0);
    let i = 0;
    while (i < n) {
      switch (this.state) {
        case State.AfterCr: {
          this.state = State.RecordStart;
          if (text.charCodeAt(i) === 10) {
            i++;
            this.lineStart = this.offset + i;
          }
          break;
        }
        case State.RecordStart: {
          const c = text.charCodeAt(i);
          if (c === 10 || c === 13) {
            // A blank line between records.
            i++;
            this.line++;
            this.lineStart = this.offset + i;
            if (c === 13) this.state = State.AfterCr;
            break;
          }
          this.recordLine = this.line;
          this.rowLength = 0;
          this.state = State.FieldStart;
          break;
        }
        case State.FieldStart: {
          this.pieces = [];
          this.fieldLength = 0;
          if (text.charCodeAt(i) === 34) {
            this.quoteLine = this.line;
            this.quoteColumn = this.offset + i - this.lineStart + 1;
            i++;
            this.state = State.Quoted;
          } else this.state = State.Unquoted;
          break;
        }
        case State.Unquoted: {
          const start = i;
          while (i < n) {
            const c = text.charCodeAt(i);
            if (c === 10 || c === 13 || c === dc) break;
            if (c === 34)
              throw new CsvSyntaxError(
                this.line,
                this.offset + i - this.lineStart + 1,
                'a quote inside an unquoted field (quote the whole field and double the quote)',
              );
            i++;
          }
          this.addPiece(text, start, i);
          if (i === n) break;
          this.endField();
          i = this.afterField(text, i, out);
          break;
        }
        case State.Quoted: {
          const quote = text.indexOf('"', i);
          const stop = quote === -1 ? n : quote;
          this.countLines(text, i, stop);
          this.addPiece(text, i, stop);
          i = stop;
          if (quote !== -1) {
            i++;
            this.state = State.QuoteInQuoted;
          }
          break;
        }
        case State.QuoteInQuoted: {
          const ch = text[i];
          if (ch === '"') {
            this.addPiece(text, i, i + 1);
            i++;
            this.state = State.Quoted;
            break;
          }
          if (ch !== d && ch !== '\n' && ch !== '\r')
            throw new CsvSyntaxError(
              this.line,
              this.offset + i - this.lineStart + 1,
              `unexpected text after a closing quote (expected "${printable(d)}" or end of line)`,
            );
          this.endField();
          i = this.afterField(text, i, out);
          break;
        }
      }
    }
    if (nul !== -1)
      throw new CsvSyntaxError(
        this.line,
        this.offset + nul - this.lineStart + 1,
        'a NUL character: this is not CSV text (a binary file, or text in UTF-16: name its encoding)',
      );
    this.offset += n;
    return out;
  }

  /** Finishes the text: the last record if the file does not end with a line break. */
  end(): CsvRecord[] {
    switch (this.state) {
      case State.Quoted:
        throw new CsvSyntaxError(this.quoteLine, this.quoteColumn, 'a quoted field is never closed (missing ")');
      case State.Unquoted:
      case State.QuoteInQuoted:
        this.endField();
        this.state = State.RecordStart;
        return [this.endRecord()];
      case State.FieldStart:
        // The file ends right after a delimiter: the record's last field is empty.
        this.fields.push('');
        this.state = State.RecordStart;
        return [this.endRecord()];
      default:
        return [];
    }
  }

  private addPiece(text: string, start: number, stop: number): void {
    if (stop <= start) return;
    const length = stop - start;
    this.fieldLength += length;
    this.rowLength += length;
    if (this.fieldLength > this.limits.maxFieldLength)
      throw new CsvSyntaxError(
        this.recordLine,
        this.fields.length + 1,
        `field ${this.fields.length + 1} is longer than the limit of ${this.limits.maxFieldLength.toLocaleString('en-US')} characters per field`,
      );
    if (this.rowLength > this.limits.maxRowLength)
      throw new CsvSyntaxError(
        this.recordLine,
        this.fields.length + 1,
        `the record is longer than the limit of ${this.limits.maxRowLength.toLocaleString('en-US')} characters per row`,
      );
    this.pieces.push(text.slice(start, stop));
  }

  private endField(): void {
    const { pieces } = this;
    this.fields.push(pieces.length === 0 ? '' : pieces.length === 1 ? (pieces[0] as string) : pieces.join(''));
    this.pieces = [];
    if (this.fields.length > this.limits.maxColumns)
      throw new CsvSyntaxError(
        this.recordLine,
        this.fields.length,
        `more than the limit of ${this.limits.maxColumns.toLocaleString('en-US')} columns`,
      );
  }

  /** At the delimiter or line break after a field: the next field, or the end of the record. */
  private afterField(text: string, i: number, out: CsvRecord[]): number {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(this.endRecord());
      this.line++;
      this.lineStart = this.offset + i + 1;
      this.state = c === 13 ? State.AfterCr : State.RecordStart;
      return i + 1;
    }
    this.state = State.FieldStart;
    return i + 1;
  }

  private endRecord(): CsvRecord {
    const record = { line: this.recordLine, fields: this.fields };
    this.fields = [];
    return record;
  }

  /** Line breaks inside a quoted field still count, so later errors name the right line. */
  private countLines(text: string, start: number, stop: number): void {
    // A CRLF split between two pieces is one line break, counted at its CR.
    if (this.crEnded && start < stop && text.charCodeAt(start) === 10) {
      start++;
      this.lineStart = this.offset + start;
    }
    this.crEnded = false;
    for (let i = start; i < stop; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 && i + 1 === text.length) this.crEnded = true;
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
        this.line++;
        this.lineStart = this.offset + i + 1;
      }
    }
  }
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: string[];
  records: CsvRecord[];
}

/**
 * Checks the header (names present and distinct) and that every record has the header's width, as records arrive.
 * The header's names are looked up in a Map, so a header of a million columns is checked in one pass.
 */
export class CsvTableBuilder {
  private header: string[] | null = null;
  readonly records: CsvRecord[] = [];

  constructor(readonly delimiter: CsvDelimiter) {}

  add(record: CsvRecord): void {
    if (this.header === null) {
      const header = record.fields.map((h) => h.trim());
      const seen = new Map<string, number>();
      header.forEach((name, index) => {
        if (name === '') throw new CsvSyntaxError(1, index + 1, `column ${index + 1} has no name in the header`);
        if (seen.has(name)) throw new CsvSyntaxError(1, index + 1, `column "${name}" appears twice in the header`);
        seen.set(name, index);
      });
      this.header = header;
      return;
    }
    if (record.fields.length !== this.header.length)
      throw new CsvSyntaxError(
        record.line,
        1,
        `expected ${this.header.length} fields like the header, found ${record.fields.length}`,
      );
    this.records.push(record);
  }

  table(): CsvTable {
    if (this.header === null)
      throw new CsvSyntaxError(1, 1, 'the file is empty: a header line naming the columns is required');
    return { delimiter: this.delimiter, header: this.header, records: this.records };
  }
}

/**
 * Yields records one at a time from text already in memory (tests, small inputs).
 * Blank lines between records are skipped; a record's line number is where it starts.
 */
export function* readCsvRecords(
  input: string,
  delimiter: CsvDelimiter = detectDelimiter(input),
  limits: CsvLimits = DEFAULT_CSV_LIMITS,
): Generator<CsvRecord> {
  const parser = new CsvChunkParser(delimiter, limits);
  yield* parser.push(input);
  yield* parser.end();
}

/** Reads text already in memory: header names trimmed, every record checked to have the header's width. */
export function parseCsv(input: string, delimiter?: CsvDelimiter, limits: CsvLimits = DEFAULT_CSV_LIMITS): CsvTable {
  const used = delimiter ?? detectDelimiter(input);
  const builder = new CsvTableBuilder(used);
  for (const record of readCsvRecords(input, used, limits)) builder.add(record);
  return builder.table();
}
