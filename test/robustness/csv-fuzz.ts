import fs from 'node:fs';
import path from 'node:path';
import { mulberry32 } from '../../app/random/mulberry32';
import { runCli } from '../../main/cli/cli-commands';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { captureCliIo } from '../integration/cli/run-cli';

/**
 * Outcome tables mutated the way exports go wrong (a byte changed, a row cut, a cell doubled, a quote or delimiter
 * dropped in, bytes of another encoding, enormous or impossible values), each imported through the real CLI into
 * a fresh SQLite file. A case survives when the import either succeeds and stores exactly what it reports, or is
 * refused with a documented exit code and a message naming the file, with nothing written. Anything else (an
 * internal failure, a partial write, a damaged file, a leaked stack) is lost.
 */

const HEADER = ['client_id', 'product_id', 'occurred_at', 'outcome', 'client.age', 'client.segment', 'note'];

/** The honest table the mutations start from: `rows` outcomes of a few clients and products. */
export function honestEventsCsv(seed: number, rows = 40): string {
  const random = mulberry32(seed);
  const lines = [HEADER.join(',')];
  for (let i = 0; i < rows; i++) {
    const day = String(1 + Math.floor(random() * 28)).padStart(2, '0');
    const month = String(1 + Math.floor(random() * 12)).padStart(2, '0');
    lines.push(
      [
        `CL${Math.floor(random() * 12)}`,
        `PR${Math.floor(random() * 6)}`,
        `2025-${month}-${day}`,
        random() < 0.3 ? 'yes' : 'no',
        String(20 + Math.floor(random() * 60)),
        random() < 0.5 ? 'retail' : '"private, premier"',
        random() < 0.2 ? '"said ""later"""' : '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** Bytes that break parsers and decoders: separators, quotes, NUL, a lone UTF-8 lead byte, a BOM piece. */
const NASTY = [0x00, 0x22, 0x2c, 0x3b, 0x0a, 0x0d, 0x09, 0xff, 0xc3, 0xe2, 0x80, 0xef, 0xbb, 0xbf, 0x3d, 0x2d];
const HUGE_VALUES = ['1e308', '-1e308', 'NaN', 'Infinity', '99999999999999999999', '2999-01-01', '0000-00-00', ''];

export function mutateCsv(text: string, seed: number, index: number): { name: string; bytes: Buffer } {
  const random = mulberry32(seed * 65_537 + index);
  const bytes = Buffer.from(text, 'utf8');
  const lines = text.split('\n');
  const at = (n: number) => Math.floor(random() * n);
  switch (index % 8) {
    case 0: {
      const count = 1 + at(6);
      for (let i = 0; i < count; i++) bytes[at(bytes.length)] = NASTY[at(NASTY.length)]!;
      return { name: `${count} byte(s) replaced`, bytes };
    }
    case 1: {
      const length = at(bytes.length);
      return { name: `cut at byte ${length}`, bytes: bytes.subarray(0, length) };
    }
    case 2: {
      const line = 1 + at(lines.length - 2);
      lines.splice(line, 0, lines[line]!, lines[line]!);
      return { name: `line ${line + 1} repeated`, bytes: Buffer.from(lines.join('\n')) };
    }
    case 3: {
      const line = 1 + at(lines.length - 2);
      const cells = lines[line]!.split(',');
      cells.splice(at(cells.length + 1), 0, random() < 0.5 ? 'extra' : '"');
      lines[line] = cells.join(',');
      return { name: `line ${line + 1} with a cell too many`, bytes: Buffer.from(lines.join('\n')) };
    }
    case 4: {
      const line = 1 + at(lines.length - 2);
      const cells = lines[line]!.split(',');
      const column = [2, 4][at(2)]!;
      const value = HUGE_VALUES[at(HUGE_VALUES.length)]!;
      cells[column] = value;
      lines[line] = cells.join(',');
      return { name: `line ${line + 1} ${HEADER[column]} = "${value}"`, bytes: Buffer.from(lines.join('\n')) };
    }
    case 5: {
      // The header itself damaged: a name repeated, dropped or changed.
      const cells = HEADER.slice();
      const which = at(3);
      if (which === 0) cells[at(cells.length)] = cells[at(cells.length)]!;
      else if (which === 1) cells.splice(at(cells.length), 1);
      else cells[at(cells.length)] = `col${at(1000)}`;
      lines[0] = cells.join(',');
      return { name: `header ${lines[0]}`, bytes: Buffer.from(lines.join('\n')) };
    }
    case 6: {
      // Latin-1 or GB18030 bytes dropped into an otherwise UTF-8 file.
      const line = 1 + at(lines.length - 2);
      const foreign = random() < 0.5 ? Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72]) : Buffer.from([0xd5, 0xc5]);
      const before = Buffer.from(`${lines.slice(0, line).join('\n')}\n`);
      const cells = lines[line]!.split(',');
      const rest = Buffer.from(`,${cells.slice(1).join(',')}\n${lines.slice(line + 1).join('\n')}`);
      return { name: `line ${line + 1} with bytes of another encoding`, bytes: Buffer.concat([before, foreign, rest]) };
    }
    default: {
      // Line endings mixed within the file.
      const eols = ['\n', '\r\n', '\r'];
      const joined = lines.map((l) => l + eols[at(eols.length)]!).join('');
      return { name: 'mixed line endings', bytes: Buffer.from(joined) };
    }
  }
}

export type CsvOutcome =
  { kind: 'imported'; rows: number } | { kind: 'refused'; code: number; text: string } | { kind: 'lost'; why: string };

const LEAKED = /undefined|Cannot read prop|is not a function|\bat .*\.(ts|js|mjs):\d+|SQLITE_|RangeError|TypeError/;

const counts = (dbFile: string) => {
  const db = openDatabase(dbFile);
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const interactions = db.prepare('SELECT count(*) FROM interactions').pluck().get() as number;
    return { integrity, interactions };
  } finally {
    db.close();
  }
};

/** Imports `bytes` as `name` into a fresh copy of `templateDb` and says how it ended. */
export async function tryCsvImport(dir: string, templateDb: string, index: number, bytes: Buffer): Promise<CsvOutcome> {
  const file = path.join(dir, `events-${index}.csv`);
  const dbFile = path.join(dir, `desk-${index}.sqlite`);
  fs.writeFileSync(file, bytes);
  fs.copyFileSync(templateDb, dbFile);
  try {
    const run = captureCliIo();
    const code = await runCli(['import-events', file, '--db', dbFile, '--json'], run.io);
    const after = counts(dbFile);
    if (after.integrity !== 'ok') return { kind: 'lost', why: `integrity check: ${String(after.integrity)}` };
    if (code === 0) {
      const reported = (JSON.parse(run.out().trim().split('\n').pop()!) as { imported: number }).imported;
      if (reported !== after.interactions)
        return { kind: 'lost', why: `reported ${reported} imported but ${after.interactions} stored` };
      return { kind: 'imported', rows: reported };
    }
    const text = run.err();
    if (code !== 2 && code !== 5) return { kind: 'lost', why: `exit ${code}: ${text.slice(0, 300)}` };
    if (LEAKED.test(text)) return { kind: 'lost', why: `leaked: ${text.slice(0, 300)}` };
    if (!text.includes(path.basename(file)))
      return { kind: 'lost', why: `does not name the file: ${text.slice(0, 300)}` };
    if (after.interactions !== 0) return { kind: 'lost', why: `refused yet ${after.interactions} rows stored` };
    return { kind: 'refused', code, text };
  } finally {
    fs.rmSync(file, { force: true });
    for (const suffix of ['', '-wal', '-shm']) fs.rmSync(dbFile + suffix, { force: true });
  }
}

export interface CsvTally {
  tried: number;
  imported: number;
  refused: number;
  lost: { name: string; why: string }[];
}

export async function csvSweep(dir: string, options: { seed: number; count: number }): Promise<CsvTally> {
  const templateDb = path.join(dir, 'template.sqlite');
  const db = openDatabase(templateDb);
  migrate(db);
  db.close();
  const honest = honestEventsCsv(options.seed);
  const tally: CsvTally = { tried: 0, imported: 0, refused: 0, lost: [] };
  for (let i = 0; i < options.count; i++) {
    const { name, bytes } = mutateCsv(honest, options.seed, i);
    const outcome = await tryCsvImport(dir, templateDb, i, bytes);
    tally.tried++;
    if (outcome.kind === 'lost') tally.lost.push({ name: `#${i} ${name}`, why: outcome.why });
    else if (outcome.kind === 'refused') tally.refused++;
    else tally.imported++;
  }
  return tally;
}
