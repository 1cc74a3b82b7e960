/**
 * The one place the app writes CSV. Every cell is quoted where the format needs it, and a cell a spreadsheet would
 * run as a formula (one starting with =, +, -, @, a tab or a carriage return) is prefixed with ', which spreadsheets
 * show as text: a client id such as "=HYPERLINK(...)" in an export stays an id, not a link someone clicks.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised against formula injection, then quoted if it holds a quote, comma or line break. */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  // Numbers the app computed are written as they are: a negative score is data, not a formula.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const raw = String(value);
  const text = FORMULA_START.test(raw) ? `'${raw}` : raw;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line of cells, without the line break. */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells.map(csvCell).join(',');
}

/** A whole file: a header and rows, each line ending in \n. */
export function csvText(
  header: readonly string[],
  rows: Iterable<readonly (string | number | boolean | null | undefined)[]>,
): string {
  const lines = [csvLine(header)];
  for (const row of rows) lines.push(csvLine(row));
  return `${lines.join('\n')}\n`;
}
