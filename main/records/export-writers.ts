import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { csvLine } from '../../app/csv/csv-writer';
import type { AdviceRecord } from '../../app/records/advice-record';
import {
  AdviceExportHeadSchema,
  ExportedRecordSchema,
  type AdviceExportHead,
  type ExportedRecord,
} from '../../app/records/advice-record-schema';
import { ADVICE_CSV_HEADER, csvRowsOf } from '../../app/records/csv-rows';
import type { ExportFormat } from '../../app/records/export-formats';
import { recordReportFiles } from '../pdf/record-reports';

export interface ExportedFile {
  name: string;
  bytes: number;
  sha256: string;
}

/**
 * Writes one export's files into a folder as records come, a batch at a time: `add` for each record in order,
 * `finish` once after the last, answering each file written with its size and sha256 for the manifest.
 * A writer throws to refuse a record (one that does not have the layout it promises).
 */
export interface RecordFileWriter {
  /** The writer checks each entry against the published layout itself (so the export need not check it twice). */
  readonly checksLayout: boolean;
  add(entry: ExportedRecord): void;
  finish(): ExportedFile[];
  /** Closes what is open after a failure; the caller removes the folder. */
  abort(): void;
}

export type RecordWriterFactory = (dir: string, head: AdviceExportHead) => RecordFileWriter;

/** A file written in pieces, hashed and counted as it goes. */
class HashedFile {
  private readonly fd: number;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private closed = false;

  constructor(
    private readonly dir: string,
    readonly name: string,
  ) {
    this.fd = fs.openSync(path.join(dir, name), 'wx');
  }

  write(text: string | Buffer): void {
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    fs.writeSync(this.fd, data);
    this.hash.update(data);
    this.bytes += data.length;
  }

  close(): ExportedFile {
    this.closed = true;
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
    return { name: this.name, bytes: this.bytes, sha256: this.hash.digest('hex') };
  }

  abort(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}

/** One JSON document, `advice-records.json`: the head, then each record on a line of its own, each checked first. */
const jsonWriter: RecordWriterFactory = (dir, head) => {
  const file = new HashedFile(dir, 'advice-records.json');
  const opening = JSON.stringify(AdviceExportHeadSchema.parse(head), null, 2);
  file.write(`${opening.slice(0, -2)},\n  "records": [`);
  let first = true;
  return {
    checksLayout: true,
    add(entry) {
      const parsed = ExportedRecordSchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new LayoutError(entry.record.id, `${issue?.path.join('.')}: ${issue?.message}`);
      }
      file.write(`${first ? '' : ','}\n    ${JSON.stringify(entry)}`);
      first = false;
    },
    finish() {
      file.write(`${first ? '' : '\n  '}]\n}\n`);
      return [file.close()];
    },
    abort: () => file.abort(),
  };
};

/** `advice-records.csv`: one row per product a record names (see csvRowsOf), lines ending \r\n. */
const csvWriter: RecordWriterFactory = (dir) => {
  const file = new HashedFile(dir, 'advice-records.csv');
  file.write(`${csvLine(ADVICE_CSV_HEADER)}\r\n`);
  return {
    checksLayout: false,
    add(entry) {
      for (const row of csvRowsOf(entry.contentHash, entry.record as unknown as AdviceRecord))
        file.write(`${csvLine(row)}\r\n`);
    },
    finish: () => [file.close()],
    abort: () => file.abort(),
  };
};

/** `AR-….pdf`: one suitability report per record (main/pdf), written as each record comes. */
const pdfWriter: RecordWriterFactory = (dir) => {
  const files: ExportedFile[] = [];
  return {
    checksLayout: false,
    add(entry) {
      for (const { name, body } of recordReportFiles([
        { contentHash: entry.contentHash, record: entry.record as unknown as AdviceRecord },
      ])) {
        const file = new HashedFile(dir, name);
        file.write(body);
        files.push(file.close());
      }
    },
    finish: () => files,
    abort: () => undefined,
  };
};

/** A record that does not have the layout the export promises: the export stops, naming it. */
export class LayoutError extends Error {
  constructor(
    readonly recordId: string,
    detail: string,
  ) {
    super(`advice record ${recordId} does not have the published layout (${detail}).`);
  }
}

/** Each format's writer; a format added to EXPORT_FORMATS gets its line here. */
export const EXPORT_WRITERS: Record<ExportFormat, RecordWriterFactory> = {
  json: jsonWriter,
  csv: csvWriter,
  pdf: pdfWriter,
};
