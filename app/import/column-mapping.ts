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

export const MappingFileSchema = z
  .object({
    entity: z.enum(IMPORT_ENTITIES),
    delimiter: z.enum([',', ';', '\t', '|']).optional(),
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

/** Reads a number written with thousands separators or a trailing percent sign as people export them. */
function toNumber(raw: string): number | null {
  const cleaned = raw.replace(/[,\s_]/g, '').replace(/%$/, '');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : null;
}

export type Coerced = { ok: true; value: unknown } | { ok: false; reason: string };

/** Converts one cell to its column's type; an empty cell is null (required is checked by the caller). */
export function coerceCell(raw: string, type: ColumnType, separator = '|'): Coerced {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  switch (type) {
    case 'string':
      return { ok: true, value: text };
    case 'number': {
      const value = toNumber(text);
      return value === null ? { ok: false, reason: `"${text}" is not a number` } : { ok: true, value };
    }
    case 'integer': {
      const value = toNumber(text);
      return value === null || !Number.isInteger(value)
        ? { ok: false, reason: `"${text}" is not a whole number` }
        : { ok: true, value };
    }
    case 'boolean': {
      const lower = text.toLowerCase();
      if (TRUE.has(lower)) return { ok: true, value: true };
      if (FALSE.has(lower)) return { ok: true, value: false };
      return { ok: false, reason: `"${text}" is not yes/no, true/false or 1/0` };
    }
    case 'date':
      return DATE.test(text) && isRealDate(text)
        ? { ok: true, value: text }
        : { ok: false, reason: `"${text}" is not a date written YYYY-MM-DD` };
    case 'datetime': {
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
export function detectAttributeType(values: readonly string[]): 'number' | 'boolean' | 'string' {
  const present = values.map((v) => v.trim()).filter((v) => v !== '');
  if (present.length === 0) return 'string';
  if (present.every((v) => toNumber(v) !== null)) return 'number';
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
  if (issues.length > 0) return { records: [], issues };

  const attributeTypes = new Map<string, 'number' | 'boolean' | 'string'>();
  if (mapping.otherColumns === 'custom-attributes') {
    for (const name of others) {
      const i = index.get(name) as number;
      attributeTypes.set(
        name,
        mapping.customAttributeTypes[name] ?? detectAttributeType(table.records.map((r) => r.fields[i] ?? '')),
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
      const coerced = coerceCell(translated, column.type, column.separator);
      if (!coerced.ok) issues.push({ line: record.line, column: column.column, reason: coerced.reason });
      else if (coerced.value === null && column.required)
        issues.push({ line: record.line, column: column.column, reason: 'a value is required' });
      else fields[column.field] = coerced.value;
    }
    const customAttributes: MappedRecord['customAttributes'] = {};
    for (const [name, type] of attributeTypes) {
      const coerced = coerceCell(record.fields[index.get(name) as number] ?? '', type);
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
