import fs from 'node:fs';
import path from 'node:path';
import type { LoggedRanking } from '../../app/analytics/off-policy';

/**
 * The Hillstrom e-mail test (../shared/datasets/hillstrom_email, see its README): 64,000 customers randomly given a
 * men's e-mail, a women's e-mail or none, one third each. Read for the off-policy check and its figures.
 */
const ROOTS = [path.resolve(import.meta.dirname, '../..'), '/work/main'];
/** The file: $HILLSTROM_CSV, else ../shared/datasets beside the checkout (or beside /work/main); undefined when absent. */
export const HILLSTROM_CSV = [
  process.env.HILLSTROM_CSV,
  ...ROOTS.map((root) => path.resolve(root, '../shared/datasets/hillstrom_email/hillstrom.csv')),
].find((candidate): candidate is string => !!candidate && fs.existsSync(candidate));

const ARMS = { 'Mens E-Mail': 'mens', 'Womens E-Mail': 'womens', 'No E-Mail': 'none' } as const;
export type Arm = (typeof ARMS)[keyof typeof ARMS];
export interface Row {
  arm: Arm;
  mens: boolean;
  womens: boolean;
  visit: number;
  conversion: number;
}
export type Outcome = 'visit' | 'conversion';

/** One CSV line's fields; a quoted field may hold commas ("6) $750 - $1,000"). */
function fields(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(field);
      field = '';
    } else field += ch;
  }
  out.push(field);
  return out;
}

export function readHillstromRows(file: string): Row[] {
  const lines = fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.length > 0);
  const header = fields(lines[0]!);
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`hillstrom.csv has no column ${name}`);
    return i;
  };
  const [segment, mens, womens, visit, conversion] = ['segment', 'mens', 'womens', 'visit', 'conversion'].map(col);
  return lines.slice(1).map((line) => {
    const f = fields(line);
    const arm = ARMS[f[segment!] as keyof typeof ARMS];
    if (!arm) throw new Error(`unknown arm ${f[segment!]}`);
    return {
      arm,
      mens: f[mens!] === '1',
      womens: f[womens!] === '1',
      visit: Number(f[visit!]),
      conversion: Number(f[conversion!]),
    };
  });
}

/** The randomised log: each customer one ranking of one product (the e-mail sent), shown with probability 1/3. */
export function uniformLog(rows: readonly Row[], outcome: Outcome, target: (row: Row) => string): LoggedRanking[] {
  return rows.map((row) => ({
    shown: [{ action: row.arm, propensity: 1 / 3, reward: row[outcome] }],
    candidate: [{ action: target(row), logProbability: 1 / 3 }],
  }));
}
