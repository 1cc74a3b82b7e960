import { z } from 'zod';
import { CHANNELS, ProductFamilySchema, type CustomAttributes, type InteractionChannel } from '../domain';
import {
  coerceCell,
  DECIMAL_MARKS,
  IMPORT_BOUNDS,
  looksNumeric,
  readImportedId,
  type DecimalMark,
  type ImportIssue,
} from './column-mapping';
import { CSV_DELIMITERS, type CsvTable } from './csv-parser';
import { readOutcome } from './outcome-values';

/**
 * A flat outcome table, as real data often arrives: one row per product shown to a client, with
 * `client_id`, `product_id`, `occurred_at` and `outcome`, plus any number of `client.<name>`,
 * `product.<name>` and `market.<name>` columns. Those become custom attributes of the client or product,
 * or the market state recorded with that row. The optional mapping renames columns, forces a type,
 * ignores columns and adds outcome words.
 */
export const ATTRIBUTE_KINDS = ['numeric', 'categorical'] as const;
export type AttributeKind = (typeof ATTRIBUTE_KINDS)[number];

export const EventsMappingSchema = z
  .object({
    entity: z.literal('events').default('events'),
    delimiter: z.enum(CSV_DELIMITERS).optional(),
    /** The file's decimal mark. Without it, "1,5" is refused as ambiguous rather than read as 15 or 1.5. */
    decimal: z.enum(DECIMAL_MARKS).optional(),
    /** The file's text encoding, as a WHATWG label (utf-8, gb18030, big5, windows-1252…); UTF-8 when absent. */
    encoding: z.string().min(1).optional(),
    /** File column → our name, e.g. {"客户号": "client_id", "年龄": "client.age"}. */
    rename: z.record(z.string(), z.string().min(1)).default({}),
    /** Forced attribute types by our name; others are numeric when every non-empty value is a number. */
    types: z.record(z.string(), z.enum(ATTRIBUTE_KINDS)).default({}),
    /** Columns to leave out (by their name in the file). */
    ignore: z.array(z.string()).default([]),
    /** More words for the outcome column, e.g. {"购买": "accepted", "未购买": "declined"}. */
    outcomeValues: z.record(z.string(), z.enum(['accepted', 'declined'])).default({}),
    /** How the products were presented, where the file has no `channel` column. */
    channel: z.enum(CHANNELS).default('meeting'),
    /** Family and category given to products the store does not know yet (see README). */
    newProducts: z
      .object({
        family: ProductFamilySchema.default('fund'),
        category: z.string().min(1).max(64).default('unclassified'),
      })
      .strict()
      .default({ family: 'fund', category: 'unclassified' }),
  })
  .strict();
export type EventsMapping = z.output<typeof EventsMappingSchema>;

export const REQUIRED_EVENT_COLUMNS = ['client_id', 'product_id', 'occurred_at', 'outcome'] as const;
const OPTIONAL_EVENT_COLUMNS = ['channel', 'advisor_id', 'note'] as const;
const ATTRIBUTE_COLUMN = /^(client|product|market)\.(.+)$/;

export interface OutcomeEvent {
  /** `EV:client:product:time`, with `#2`, `#3`… for repeats in one file: importing the same file twice is refused, not doubled. */
  id: string;
  line: number;
  clientId: string;
  productId: string;
  occurredAt: string;
  outcome: 'accepted' | 'declined';
  channel: InteractionChannel;
  advisorId: string;
  note: string;
  context: CustomAttributes;
}

export interface EventTable {
  events: OutcomeEvent[];
  /** Every client named, with its attributes: for each, the value from its latest row that has one. */
  clients: Map<string, CustomAttributes>;
  products: Map<string, CustomAttributes>;
  /** Each attribute column (by our name) and how it was read. */
  columnTypes: Record<string, AttributeKind>;
  issues: ImportIssue[];
}

interface AttributeColumn {
  index: number;
  /** The name in the file, for error messages. */
  column: string;
  owner: 'client' | 'product' | 'market';
  name: string;
  kind: AttributeKind;
}

/** Numeric when every non-empty value parses as a number (thousands separators and % allowed), else categorical. */
export function detectAttributeKind(values: Iterable<string>, decimal?: DecimalMark): AttributeKind {
  let any = false;
  for (const raw of values) {
    if (raw.trim() === '') continue;
    any = true;
    // An ambiguous or out-of-bounds number still makes the column numeric, so the cell is refused, not kept as text.
    if (!looksNumeric(raw, decimal)) return 'categorical';
  }
  return any ? 'numeric' : 'categorical';
}

function readHeader(table: CsvTable, mapping: EventsMapping) {
  const issues: ImportIssue[] = [];
  const roles = new Map<string, number>();
  const attributes: AttributeColumn[] = [];
  // Sets and maps, not array searches: a header of 100,000 columns is read in one pass.
  const inFile = new Set(table.header);
  const ignored = new Set(mapping.ignore);
  const attributeNames = new Set<string>();
  const ours = table.header.map((name) => mapping.rename[name] ?? name);
  for (const from of Object.keys(mapping.rename))
    if (!inFile.has(from))
      issues.push({
        line: 1,
        column: from,
        reason: 'the mapping renames this column, but the file has no column by that name',
      });
  const wanted: { index: number; column: string; owner: AttributeColumn['owner']; name: string }[] = [];
  ours.forEach((name, index) => {
    const column = table.header[index] as string;
    if (ignored.has(column)) return;
    if (roles.has(name) || attributeNames.has(name))
      return void issues.push({ line: 1, column, reason: `two columns are both called "${name}" after renaming` });
    if (
      (REQUIRED_EVENT_COLUMNS as readonly string[]).includes(name) ||
      (OPTIONAL_EVENT_COLUMNS as readonly string[]).includes(name)
    )
      return void roles.set(name, index);
    const match = ATTRIBUTE_COLUMN.exec(name);
    if (!match)
      return void issues.push({
        line: 1,
        column,
        reason: `not a known column: use client_id, product_id, occurred_at, outcome, channel, advisor_id, note or client.<name>, product.<name>, market.<name> (rename or ignore it in the mapping)`,
      });
    const attribute = (match[2] as string).trim();
    if (attribute.length === 0 || attribute.length > 64)
      return void issues.push({
        line: 1,
        column,
        reason: 'an attribute name needs 1 to 64 characters after the prefix',
      });
    attributeNames.add(name);
    wanted.push({ index, column, owner: match[1] as AttributeColumn['owner'], name: attribute });
  });
  for (const owner of ['client', 'product', 'market'] as const) {
    const count = wanted.filter((w) => w.owner === owner).length;
    if (count > IMPORT_BOUNDS.maxCustomAttributes)
      issues.push({
        line: 1,
        column: `${owner}.*`,
        reason: `${count.toLocaleString('en-US')} ${owner}. columns, past the bound of ${IMPORT_BOUNDS.maxCustomAttributes} attributes per ${owner} (ignore some in the mapping)`,
      });
  }
  // Types are detected from the whole column only once the header is known to be usable.
  if (issues.length === 0)
    for (const w of wanted) {
      const kind =
        mapping.types[`${w.owner}.${w.name}`] ??
        detectAttributeKind(
          table.records.map((r) => r.fields[w.index] ?? ''),
          mapping.decimal,
        );
      attributes.push({ ...w, kind });
    }
  for (const required of REQUIRED_EVENT_COLUMNS)
    if (!roles.has(required))
      issues.push({
        line: 1,
        column: required,
        reason: 'required column is missing from the header (or rename one to it in the mapping)',
      });
  for (const name of Object.keys(mapping.types)) {
    if (!attributeNames.has(name))
      issues.push({
        line: 1,
        column: name,
        reason:
          'the mapping gives a type for this column, but the file has no client., product. or market. column by that name',
      });
  }
  return { issues, roles, attributes };
}

function readId(raw: string | undefined, line: number, column: string, what: string, issues: ImportIssue[]): string {
  const checked = readImportedId(raw ?? '');
  if (!checked.ok) {
    issues.push({ line, column, reason: `${what} id: ${checked.reason}` });
    return '';
  }
  if (!checked.id) issues.push({ line, column, reason: `every row needs a ${what} id` });
  return checked.id;
}

/** Keeps, per owner and attribute, the value from the latest row (ties: the later line) that has one. */
function keepLatest(
  target: Map<string, Map<string, { value: string | number; at: string }>>,
  id: string,
  name: string,
  value: string | number,
  at: string,
): void {
  let attrs = target.get(id);
  if (!attrs) target.set(id, (attrs = new Map()));
  const current = attrs.get(name);
  if (!current || current.at <= at) attrs.set(name, { value, at });
}

function flatten(
  source: Map<string, Map<string, { value: string | number; at: string }>>,
  ids: Iterable<string>,
): Map<string, CustomAttributes> {
  const out = new Map<string, CustomAttributes>();
  for (const id of ids)
    out.set(
      id,
      Object.fromEntries(
        [...(source.get(id) ?? new Map<string, { value: string | number }>())].map(([k, v]) => [k, v.value]),
      ),
    );
  return out;
}

/** Checks every cell and returns the events, or every problem (up to `maxIssues`) with line, column and reason. */
export function readEventTable(
  table: CsvTable,
  mapping: EventsMapping,
  options: { maxIssues?: number; onProgress?: (done: number, total: number) => void } = {},
): EventTable {
  const maxIssues = options.maxIssues ?? 50;
  const { issues, roles, attributes } = readHeader(table, mapping);
  const columnTypes = Object.fromEntries(attributes.map((a) => [`${a.owner}.${a.name}`, a.kind]));
  const empty = { events: [], clients: new Map(), products: new Map(), columnTypes };
  if (issues.length > 0) return { ...empty, issues };

  const nameOf = (role: string) => table.header[roles.get(role) as number] as string;
  const cell = (fields: string[], role: string) => (roles.has(role) ? (fields[roles.get(role) as number] ?? '') : '');
  const events: OutcomeEvent[] = [];
  const clientAttrs = new Map<string, Map<string, { value: string | number; at: string }>>();
  const productAttrs = new Map<string, Map<string, { value: string | number; at: string }>>();
  const clientIds = new Set<string>();
  const productIds = new Set<string>();
  const repeats = new Map<string, number>();

  // Exports repeat the same dates and times many times over; reading each distinct one once saves a third of the time.
  const times = new Map<string, ReturnType<typeof coerceCell>>();
  table.records.forEach((record, i) => {
    if (issues.length >= maxIssues) return;
    if (i % 5000 === 0) options.onProgress?.(i, table.records.length);
    const { line, fields } = record;
    const before = issues.length;
    const clientId = readId(cell(fields, 'client_id'), line, nameOf('client_id'), 'client', issues);
    const productId = readId(cell(fields, 'product_id'), line, nameOf('product_id'), 'product', issues);
    const rawWhen = cell(fields, 'occurred_at');
    let when = times.get(rawWhen);
    if (!when) times.set(rawWhen, (when = coerceCell(rawWhen, 'datetime')));
    if (!when.ok) issues.push({ line, column: nameOf('occurred_at'), reason: when.reason });
    else if (when.value === null)
      issues.push({ line, column: nameOf('occurred_at'), reason: 'a date or time is required' });
    const rawOutcome = cell(fields, 'outcome').trim();
    const outcome = readOutcome(rawOutcome, { ownWords: false, extra: mapping.outcomeValues });
    if (outcome !== 'accepted' && outcome !== 'declined')
      issues.push({
        line,
        column: nameOf('outcome'),
        reason: rawOutcome
          ? `"${rawOutcome}" is not an outcome: use 1/0, yes/no or true/false`
          : 'an outcome is required',
      });
    const rawChannel = cell(fields, 'channel').trim();
    if (rawChannel && !(CHANNELS as readonly string[]).includes(rawChannel))
      issues.push({ line, column: nameOf('channel'), reason: `"${rawChannel}" is not one of ${CHANNELS.join(', ')}` });

    const values: { a: AttributeColumn; value: string | number }[] = [];
    for (const a of attributes) {
      const raw = (fields[a.index] ?? '').trim();
      if (raw === '') continue;
      if (a.kind === 'categorical') values.push({ a, value: raw.normalize('NFC') });
      else {
        const n = coerceCell(raw, 'number', '|', mapping.decimal);
        if (n.ok && typeof n.value === 'number') values.push({ a, value: n.value });
        else
          issues.push({
            line,
            column: a.column,
            reason: looksNumeric(raw, mapping.decimal)
              ? (n as { reason: string }).reason
              : `"${raw}" is not a number, and the mapping says this column is numeric`,
          });
      }
    }
    if (issues.length > before || !when.ok || typeof when.value !== 'string') return;

    const occurredAt = when.value;
    const key = `EV:${clientId}:${productId}:${occurredAt}`;
    const n = (repeats.get(key) ?? 0) + 1;
    repeats.set(key, n);
    const context: CustomAttributes = {};
    for (const { a, value } of values) {
      if (a.owner === 'market') context[a.name] = value;
      else
        keepLatest(
          a.owner === 'client' ? clientAttrs : productAttrs,
          a.owner === 'client' ? clientId : productId,
          a.name,
          value,
          occurredAt,
        );
    }
    clientIds.add(clientId);
    productIds.add(productId);
    events.push({
      id: n === 1 ? key : `${key}#${n}`,
      line,
      clientId,
      productId,
      occurredAt,
      outcome: outcome as 'accepted' | 'declined',
      channel: (rawChannel || mapping.channel) as InteractionChannel,
      advisorId: cell(fields, 'advisor_id').trim().normalize('NFC') || 'import',
      note: cell(fields, 'note').trim().normalize('NFC'),
      context,
    });
  });
  if (issues.length > 0) return { ...empty, issues: issues.slice(0, maxIssues) };
  return {
    events,
    clients: flatten(clientAttrs, clientIds),
    products: flatten(productAttrs, productIds),
    columnTypes,
    issues: [],
  };
}
