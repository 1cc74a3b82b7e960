import {
  CHANNELS,
  HoldingSchema,
  IsoDateTimeSchema,
  MarketSnapshotSchema,
  type Holding,
  type InteractionChannel,
  type MarketSnapshot,
  type Outcome,
} from '../domain';
import {
  columnFor,
  unknownFieldIssues,
  type ImportIssue,
  type MappedRecord,
  type MappingFile,
  readImportedId,
} from './column-mapping';
import { readOutcome } from './outcome-values';

/**
 * Holdings, market snapshots and interactions from mapped CSV records. Each builder checks one row on its own;
 * whether the client or product it names exists, and whether the id is new, is for the caller, which sees the store.
 */

type Build<T> = { ok: true; value: T } | { ok: false; issues: ImportIssue[] };

const text = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim() : null);
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

function requireId(
  record: MappedRecord,
  mapping: MappingFile,
  field: string,
  what: string,
  issues: ImportIssue[],
): string {
  const id = text(record.fields[field]) ?? '';
  if (!id)
    issues.push({ line: record.line, column: columnFor(mapping, field), reason: `every row needs a ${what} id` });
  else {
    const checked = readImportedId(id);
    if (!checked.ok)
      issues.push({ line: record.line, column: columnFor(mapping, field), reason: `${what} id: ${checked.reason}` });
  }
  return id;
}

const HOLDING_FIELDS = new Set(['id', 'clientId', 'productId', 'amount', 'acquiredOn']);

/** A holding without an id column gets `client/product/date`; two such rows alike need an id column to tell them apart. */
export function buildImportedHolding(record: MappedRecord, mapping: MappingFile): Build<Holding> {
  const issues = unknownFieldIssues(record, mapping, HOLDING_FIELDS, 'holdings');
  const f = record.fields;
  const clientId = requireId(record, mapping, 'clientId', 'client', issues);
  const productId = requireId(record, mapping, 'productId', 'product', issues);
  const amount = num(f.amount);
  if (amount === null || !(amount > 0))
    issues.push({
      line: record.line,
      column: columnFor(mapping, 'amount'),
      reason: amount === null ? 'an amount is required' : `the amount ${amount} is not above zero`,
    });
  const acquiredOn = text(f.acquiredOn);
  if (!acquiredOn)
    issues.push({
      line: record.line,
      column: columnFor(mapping, 'acquiredOn'),
      reason: 'the date acquired (YYYY-MM-DD) is required',
    });
  if (issues.length > 0) return { ok: false, issues };
  const holding = {
    id: text(f.id) ?? `${clientId}/${productId}/${acquiredOn}`,
    clientId,
    productId,
    amount,
    acquiredOn,
  };
  const checked = HoldingSchema.safeParse(holding);
  return checked.success
    ? { ok: true, value: checked.data }
    : {
        ok: false,
        issues: [
          {
            line: record.line,
            column: columnFor(mapping, 'acquiredOn'),
            reason: checked.error.issues[0]?.message ?? 'not a valid holding',
          },
        ],
      };
}

const MARKET_NUMBERS = [
  'policyRate',
  'depositRate1y',
  'inflation',
  'equityIndex',
  'equityTrend3m',
  'bondYield10y',
] as const;
const MARKET_FIELDS = new Set<string>(['asOf', 'regulatoryFlags', ...MARKET_NUMBERS]);

/** The six headline figures are required; other columns become numeric indicators the model sees as `market.<name>`. */
export function buildImportedSnapshot(record: MappedRecord, mapping: MappingFile): Build<MarketSnapshot> {
  const issues = unknownFieldIssues(record, mapping, MARKET_FIELDS, 'market snapshots');
  const f = record.fields;
  const asOf = text(f.asOf);
  if (!asOf)
    issues.push({ line: record.line, column: columnFor(mapping, 'asOf'), reason: 'the date (YYYY-MM-DD) is required' });
  const figures: Record<string, number> = {};
  for (const field of MARKET_NUMBERS) {
    const value = num(f[field]);
    if (value === null)
      issues.push({
        line: record.line,
        column: columnFor(mapping, field),
        reason: `${field} is required and must be a number`,
      });
    else figures[field] = value;
  }
  const indicators: Record<string, number> = {};
  for (const [name, value] of Object.entries(record.customAttributes)) {
    if (typeof value === 'number') indicators[name] = value;
    else if (value !== null)
      issues.push({
        line: record.line,
        column: name,
        reason: `"${String(value)}" is not a number: market indicators are numbers (or set "otherColumns": "ignore" in the mapping)`,
      });
  }
  if (issues.length > 0) return { ok: false, issues };
  const snapshot = {
    asOf,
    ...figures,
    regulatoryFlags: Array.isArray(f.regulatoryFlags) ? f.regulatoryFlags : [],
    indicators,
  };
  const checked = MarketSnapshotSchema.safeParse(snapshot);
  return checked.success
    ? { ok: true, value: checked.data }
    : {
        ok: false,
        issues: [
          {
            line: record.line,
            column: columnFor(mapping, 'asOf'),
            reason: checked.error.issues[0]?.message ?? 'not a valid snapshot',
          },
        ],
      };
}

/** An interaction before its id is settled: the caller numbers rows that have no id column. */
export interface ImportedInteraction {
  id: string | null;
  clientId: string;
  productId: string;
  occurredAt: string;
  channel: InteractionChannel;
  policy: string;
  score: number | null;
  outcome: Outcome | null;
  advisorId: string;
  note: string;
  context: Record<string, string | number | boolean>;
}

const INTERACTION_FIELDS = new Set([
  'id',
  'clientId',
  'productId',
  'occurredAt',
  'channel',
  'policy',
  'score',
  'outcome',
  'advisorId',
  'note',
]);

/**
 * Channel defaults to 'meeting', policy to 'imported', advisor to 'import'. Outcome is one of ours or 1/0, yes/no,
 * true/false (accepted/declined); empty means the client has not reacted yet. Unmapped columns are the market state
 * recorded with the interaction (its context).
 */
export function buildImportedInteraction(record: MappedRecord, mapping: MappingFile): Build<ImportedInteraction> {
  const issues = unknownFieldIssues(record, mapping, INTERACTION_FIELDS, 'interactions');
  const f = record.fields;
  const clientId = requireId(record, mapping, 'clientId', 'client', issues);
  const productId = requireId(record, mapping, 'productId', 'product', issues);
  const occurredAt = text(f.occurredAt);
  if (!occurredAt)
    issues.push({
      line: record.line,
      column: columnFor(mapping, 'occurredAt'),
      reason: 'the date or time it happened is required (map it with type "datetime")',
    });
  else if (!IsoDateTimeSchema.safeParse(occurredAt).success)
    issues.push({
      line: record.line,
      column: columnFor(mapping, 'occurredAt'),
      reason: `"${occurredAt}" is not a date and time: give this column type "datetime" in the mapping`,
    });
  const channel = text(f.channel) ?? 'meeting';
  if (!(CHANNELS as readonly string[]).includes(channel))
    issues.push({
      line: record.line,
      column: columnFor(mapping, 'channel'),
      reason: `"${channel}" is not one of ${CHANNELS.join(', ')}`,
    });
  const rawOutcome = text(f.outcome);
  const outcome = rawOutcome === null ? null : readOutcome(rawOutcome, { ownWords: true });
  if (rawOutcome !== null && outcome === null)
    issues.push({
      line: record.line,
      column: columnFor(mapping, 'outcome'),
      reason: `"${rawOutcome}" is not an outcome (interested, accepted, declined, no_response, 1/0, yes/no, true/false)`,
    });
  if (issues.length > 0 || !occurredAt) return { ok: false, issues };
  const context: ImportedInteraction['context'] = {};
  for (const [name, value] of Object.entries(record.customAttributes)) if (value !== null) context[name] = value;
  return {
    ok: true,
    value: {
      id: text(f.id),
      clientId,
      productId,
      occurredAt,
      channel: channel as InteractionChannel,
      policy: text(f.policy) ?? 'imported',
      score: num(f.score),
      outcome,
      advisorId: text(f.advisorId) ?? 'import',
      note: text(f.note) ?? '',
      context,
    },
  };
}
