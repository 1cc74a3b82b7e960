import { z } from 'zod';
import type { CsvTable } from './csv-parser';

/**
 * A declarative mapping from a CSV file's columns to the fields of one kind of record.
 * It is a JSON file the user writes once per source system, so the same export can be
 * imported every month without editing the CSV.
 */
export const COLUMN_TYPES = ['string', 'number', 'integer', 'boolean', 'date', 'datetime', 'list'] as const;
export type ColumnType = (typeof COLUMN_TYPES)[number];

export const IMPORT_ENTITIES = ['clients', 'products', 'holdings', 'market', 'interactions'] as const;
export type ImportEntity = (typeof IMPORT_ENTITIES)[number];

const ColumnMappingSchema = z
  .object({
    column: z.string().min(1),
    field: z.string().min(1),
    type: z.enum(COLUMN_TYPES).default('string'),
    required: z.boolean().default(false),
    /** Source values rewritten before the type check, e.g. {"Y": "true", "保守型": "C1"}. */
    values: z.record(z.string(), z.string()).optional(),
    /** Separator for `list` columns. */
    separator: z.string().min(1).default('|'),
  })
  .strict();
export type ColumnMapping = z.output<typeof ColumnMappingSchema>;

export const DECIMAL_MARKS = ['.', ','] as const;
export type DecimalMark = (typeof DECIMAL_MARKS)[number];

export const MappingFileSchema = z
  .object({
    entity: z.enum(IMPORT_ENTITIES),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
    /** The file's decimal mark. Without it, "1,5" is refused as ambiguous rather than read as 15 or 1.5. */
    decimal: z.enum(DECIMAL_MARKS).optional(),
    /** The file's text encoding, as a WHATWG label (utf-8, gb18030, big5, windows-1252…); UTF-8 when absent. */
    encoding: z.string().min(1).optional(),
    columns: z.array(ColumnMappingSchema).min(1),
    /** What to do with columns the mapping does not name: keep them as custom attributes, ignore them, or refuse the file. */
    otherColumns: z.enum(['custom-attributes', 'ignore', 'error']).default('custom-attributes'),
    /** Forced types for custom attributes; others are detected from the whole column. */
    customAttributeTypes: z.record(z.string(), z.enum(['number', 'string', 'boolean'])).default({}),
  })
  .strict();
export type MappingFile = z.output<typeof MappingFileSchema>;

export interface ImportIssue {
  /** 1-based line in the file; 1 is the header. */
  line: number;
  column: string;
  reason: string;
}

export interface MappedRecord {
  line: number;
  fields: Record<string, unknown>;
  customAttributes: Record<string, string | number | boolean | null>;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2})?$/;
const TRUE = new Set(['true', 'yes', 'y', '1', '是']);
const FALSE = new Set(['false', 'no', 'n', '0', '否']);

function isRealDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * The domain's bounds on what an import may hold: a figure past them is a typo or an attack, not a client's wealth.
 * Each error names the bound.
 */
export const IMPORT_BOUNDS = {
  /** Largest absolute amount, rate or count a number cell may hold. */
  maxAbsNumber: 1e15,
  /** Dates and times from this year… */
  minYear: 1900,
  /** …to this year, inclusive. */
  maxYear: 2100,
  /** Custom attributes one client or product may carry. */
  maxCustomAttributes: 1000,
} as const;

type NumberReading = { value: number } | { problem: string };

const GROUPED = (sep: string) => new RegExp(`^\\d{1,3}(\\${sep}\\d{3})+$`);
const COMMA_GROUPS = GROUPED(',');
const DOT_GROUPS = GROUPED('.');

/**
 * Reads a number as people export them: a trailing percent sign, spaces or underscores between digits, and thousands
 * separators in groups of exactly three ("300,000"). A comma followed by other than three digits ("1,5", "2,25") is
 * a decimal comma in a file whose mapping does not say so: refused as ambiguous unless the mapping names the
 * decimal mark, never read as 15. With `decimal: ","` the roles swap: "1.234,5" is 1234.5.
 */
function readNumber(raw: string, decimal: DecimalMark | undefined): NumberReading | null {
  let text = raw.replace(/[\s_]/g, '').replace(/%$/, '');
  const sign = /^[+-]/.test(text) ? (text[0] as string) : '';
  if (sign) text = text.slice(1);
  const mark = decimal ?? '.';
  const other = mark === '.' ? ',' : '.';
  const [whole = '', fraction, ...rest] = text.split(mark);
  if (rest.length > 0) return null;
  let digits = whole;
  if (whole.includes(other)) {
    const groups = other === ',' ? COMMA_GROUPS : DOT_GROUPS;
    if (groups.test(whole)) digits = whole.split(other).join('');
    // "1,5" or "1,25": a decimal comma in a file whose mapping does not say so. Refused, never read as 15.
    else if (decimal === undefined && fraction === undefined && /^\d+,\d+$/.test(whole))
      return {
        problem: `"${raw}" is ambiguous: a decimal comma or a thousands separator? Name the file's decimal mark ("decimal": "," or ".")`,
      };
    else return null;
  }
  const normal = `${sign}${digits}${fraction === undefined ? '' : `.${fraction}`}`;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(normal)) return null;
  const value = Number(normal);
  if (!Number.isFinite(value) || Math.abs(value) > IMPORT_BOUNDS.maxAbsNumber)
    return {
      problem: `"${raw}" is outside the bound of ±${IMPORT_BOUNDS.maxAbsNumber.toExponential()} for an amount, rate or count`,
    };
  return { value };
}

/** A number, or one refused for being ambiguous or out of bounds: either way the column is numeric. */
export function looksNumeric(raw: string, decimal?: DecimalMark): boolean {
  return readNumber(raw.trim(), decimal) !== null;
}

function yearProblem(text: string, year: number): string | null {
  return year < IMPORT_BOUNDS.minYear || year > IMPORT_BOUNDS.maxYear
    ? `"${text}" is outside the years ${IMPORT_BOUNDS.minYear}–${IMPORT_BOUNDS.maxYear} an import accepts`
    : null;
}

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

/**
 * Converts one cell to its column's type; an empty cell is null (required is checked by the caller). Text is
 * normalised to NFC, so the same name typed on two systems is the same name.
 */
export function coerceCell(raw: string, type: ColumnType, separator = '|', decimal?: DecimalMark): Coerced {
  const text = raw.trim().normalize('NFC');
  if (text === '') return { ok: true, value: null };
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      const read = readNumber(text, decimal);
      if (read && 'problem' in read) return { ok: false, reason: read.problem };
      return read === null ? { ok: false, reason: `"${text}" is not a number` } : { ok: true, value: read.value };
    }
    case 'integer': {
      const read = readNumber(text, decimal);
      if (read && 'problem' in read) return { ok: false, reason: read.problem };
      return read === null || !Number.isInteger(read.value)
        ? { ok: false, reason: `"${text}" is not a whole number` }
        : { ok: true, value: read.value };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, reason: `"${text}" is not yes/no, true/false or 1/0` };
    }
    case 'date': {
      if (!DATE.test(text) || !isRealDate(text))
        return { ok: false, reason: `"${text}" is not a date written YYYY-MM-DD` };
      const outside = yearProblem(text, Number(text.slice(0, 4)));
      return outside ? { ok: false, reason: outside } : { ok: true, value: text };
    }
    case 'datetime': {
      if (DATE.test(text) || DATETIME.test(text)) {
        const outside = yearProblem(text, Number(text.slice(0, 4)));
        if (outside) return { ok: false, reason: outside };
      }
      if (DATE.test(text) && isRealDate(text)) return { ok: true, value: `${text}T00:00:00.000Z` };
      if (!DATETIME.test(text)) return { ok: false, reason: `"${text}" is not an ISO date or date and time` };
      // A time without a zone is read as UTC, so the same file imports the same instants on every machine.
      const iso = text.replace(' ', 'T');
      const parsed = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(iso) ? iso : `${iso}Z`);
      return Number.isNaN(parsed.getTime())
        ? { ok: false, reason: `"${text}" is not a real date and time` }
        : { ok: true, value: parsed.toISOString() };
    }
    case 'list':
      return {
        ok: true,
        value: text
          .split(separator)
          .map((s) => s.trim())
          .filter((s) => s.length > 0),
      };
  }
}

/** Detects a custom attribute's type from every value in its column: numeric only if all non-empty cells are numbers. */
export function detectAttributeType(values: readonly string[], decimal?: DecimalMark): 'number' | 'boolean' | 'string' {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return 'string';
  if (present.every((v) => looksNumeric(v, decimal))) return 'number';
  if (present.every((v) => TRUE.has(v.toLowerCase()) || FALSE.has(v.toLowerCase()))) return 'boolean';
  return 'string';
}

export interface MappingOutcome {
  records: MappedRecord[];
  issues: ImportIssue[];
}

/**
 * Applies a mapping to a parsed file. Every problem is collected (up to `maxIssues`) with its
 * line, column and reason, so the user can fix the file in one go; the caller imports nothing
 * unless `issues` is empty.
 */
export function applyMapping(table: CsvTable, mapping: MappingFile, maxIssues = 50): MappingOutcome {
  const issues: ImportIssue[] = [];
  const index = new Map(table.header.map((name, i) => [name, i]));
  for (const column of mapping.columns) {
    if (!index.has(column.column) && column.required)
      issues.push({ line: 1, column: column.column, reason: 'required column is missing from the header' });
  }
  const mappedColumns = new Set(mapping.columns.map((c) => c.column));
  const others = table.header.filter((name) => !mappedColumns.has(name));
  if (mapping.otherColumns === 'error')
    for (const name of others) issues.push({ line: 1, column: name, reason: 'column is not named in the mapping' });
  if (mapping.otherColumns === 'custom-attributes' && others.length > IMPORT_BOUNDS.maxCustomAttributes)
    issues.push({
      line: 1,
      column: others[IMPORT_BOUNDS.maxCustomAttributes] as string,
      reason: `${others.length.toLocaleString('en-US')} columns would become custom attributes, past the bound of ${IMPORT_BOUNDS.maxCustomAttributes} per record (ignore some in the mapping)`,
    });
  if (issues.length > 0) return { records: [], issues };

  const attributeTypes = new Map<string, 'number' | 'boolean' | 'string'>();
  if (mapping.otherColumns === 'custom-attributes') {
    for (const name of others) {
      const i = index.get(name) as number;
      attributeTypes.set(
        name,
        mapping.customAttributeTypes[name] ??
          detectAttributeType(
            table.records.map((r) => r.fields[i] ?? ''),
            mapping.decimal,
          ),
      );
    }
  }

  const records: MappedRecord[] = [];
  for (const record of table.records) {
    const fields: Record<string, unknown> = {};
    for (const column of mapping.columns) {
      const i = index.get(column.column);
      const raw = i === undefined ? '' : (record.fields[i] ?? '');
      const translated = column.values?.[raw.trim()] ?? raw;
      const coerced = coerceCell(translated, column.type, column.separator, mapping.decimal);
      if (!coerced.ok) issues.push({ line: record.line, column: column.column, reason: coerced.reason });
      else if (coerced.value === null && column.required)
        issues.push({ line: record.line, column: column.column, reason: 'a value is required' });
      else fields[column.field] = coerced.value;
    }
    const customAttributes: MappedRecord['customAttributes'] = {};
    for (const [name, type] of attributeTypes) {
      const coerced = coerceCell(record.fields[index.get(name) as number] ?? '', type, '|', mapping.decimal);
      if (!coerced.ok) issues.push({ line: record.line, column: name, reason: coerced.reason });
      else customAttributes[name] = coerced.value as string | number | boolean | null;
    }
    if (issues.length >= maxIssues) break;
    records.push({ line: record.line, fields, customAttributes });
  }
  return { records, issues: issues.slice(0, maxIssues) };
}

/** The file's own name for a field, so a problem points at the column the user can fix. */
export function columnFor(mapping: MappingFile, field: string): string {
  return mapping.columns.find((c) => c.field === field)?.column ?? field;
}

/** Reports mapped fields the record kind does not have: a typo in the mapping should not vanish silently. */
export function unknownFieldIssues(
  record: MappedRecord,
  mapping: MappingFile,
  known: ReadonlySet<string>,
  kind: string,
): ImportIssue[] {
  const issues: ImportIssue[] = [];
  for (const field of Object.keys(record.fields)) {
    if (!known.has(field))
      issues.push({
        line: record.line,
        column: columnFor(mapping, field),
        reason: `the mapping sends this column to "${field}", which ${kind} do not have`,
      });
  }
  return issues;
}

/** Characters an id may not hold: controls (NUL, tab, line breaks…) and invisible format characters (zero-width space, joiners, direction marks, BOM). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * Reads an id cell: NFC-normalised and trimmed, at most 64 characters, and refused if it holds a control or an
 * invisible character, which would make "X1" and "X1" plus a zero-width space two different clients.
 */
export function readImportedId(raw: string): { ok: true; id: string } | { ok: false; reason: string } {
  const id = raw.trim().normalize('NFC');
  if (id.length > 64) return { ok: false, reason: 'an id may have at most 64 characters' };
  const bad = INVISIBLE.exec(id);
  if (bad)
    return {
      ok: false,
      reason: `the id holds an invisible or control character (U+${(bad[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} at position ${bad.index + 1}); ids may hold only visible characters`,
    };
  return { ok: true, id };
}
