import fs from 'node:fs';

/**
 * Generators for CSV files of awkward shapes, sizes and encodings, as a careless export or an attacker
 * would produce them. Each writes to disk in pieces, so a generator never holds a whole large file in memory.
 */

const EVENT_COLUMNS = 'client_id,product_id,occurred_at,outcome';

/** An outcome table whose header has `columns` client attribute columns, and `rows` rows under it. */
export function writeWideEventsCsv(file: string, columns: number, rows = 2): void {
  const fd = fs.openSync(file, 'w');
  try {
    const names: string[] = [];
    for (let i = 0; i < columns; i++) names.push(`client.a${i}`);
    fs.writeSync(fd, `${EVENT_COLUMNS},${names.join(',')}\n`);
    for (let r = 0; r < rows; r++) {
      const cells: string[] = [];
      for (let i = 0; i < columns; i++) cells.push(String((r + i) % 97));
      fs.writeSync(fd, `CL${r},PR${r},2025-01-0${1 + (r % 9)},yes,${cells.join(',')}\n`);
    }
  } finally {
    fs.closeSync(fd);
  }
}

/** An outcome table with one row whose quoted note is `bytes` long, with doubled quotes and line breaks inside. */
export function writeHugeQuotedFieldCsv(file: string, bytes: number): void {
  const fd = fs.openSync(file, 'w');
  try {
    fs.writeSync(fd, `${EVENT_COLUMNS},note\nCL1,PR1,2025-01-01,yes,"`);
    const piece = 'a long note, with ""quotes"" and a\nline break. '.repeat(20_000);
    for (let written = 0; written < bytes; written += piece.length)
      fs.writeSync(fd, written + piece.length <= bytes ? piece : piece.slice(0, bytes - written));
    fs.writeSync(fd, '"\n');
  } finally {
    fs.closeSync(fd);
  }
}

/** A small valid outcome table, with the line ending and delimiter asked for. */
export function eventsCsv(rows: readonly string[][], options: { eol?: string; delimiter?: string } = {}): string {
  const d = options.delimiter ?? ',';
  const eol = options.eol ?? '\n';
  return [EVENT_COLUMNS.split(',').join(d), ...rows.map((r) => r.join(d))].join(eol) + eol;
}
