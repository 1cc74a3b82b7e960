import path from 'node:path';
import {
  applyMapping,
  columnFor,
  type ImportIssue,
  type MappedRecord,
  type MappingFile,
} from '../../app/import/column-mapping';
import {
  buildImportedHolding,
  buildImportedInteraction,
  buildImportedSnapshot,
} from '../../app/import/history-records';
import { buildImportedProduct } from '../../app/import/product-records';
import type { Holding, Interaction, MarketSnapshot, Product } from '../../app/domain';
import { existingClientIds } from '../db/client-repository';
import type { Db } from '../db/connection';
import { existingHoldingIds, insertHoldings } from '../db/holding-repository';
import { existingInteractionIds, insertInteractions } from '../db/interaction-repository';
import { existingSnapshotDates, upsertMarketSnapshots } from '../db/market-repository';
import { existingProductIds, importProducts } from '../db/product-repository';
import { auditImportBatch, inChunks } from './import-batch';
import { importClientsCsv, ImportRefusedError, readCsvTable, type ImportProgress } from './import-csv';

export interface ImportOptions {
  file: string;
  mapping: MappingFile;
  actor: string;
  now: Date;
  onProgress?: (p: ImportProgress) => void;
}

/** What an import did; `updated` counts catalogue entries or market days that a row replaced. */
export interface ImportSummary {
  entity: MappingFile['entity'];
  imported: number;
  created: number;
  updated: number;
}

/** Parses and maps the whole file, refusing it with every problem found so far. */
function mappedRecords(options: ImportOptions): MappedRecord[] {
  options.onProgress?.({ stage: 'reading', done: 0, total: 0 });
  const table = readCsvTable(options.file, options.mapping.delimiter);
  const { records, issues } = applyMapping(table, options.mapping);
  if (issues.length > 0) throw new ImportRefusedError(path.basename(options.file), issues);
  return records;
}

/** Builds every row, collecting all problems; `key` finds rows that say the same thing twice. */
function buildAll<T>(
  records: readonly MappedRecord[],
  options: ImportOptions,
  build: (r: MappedRecord) => { ok: true; value: T } | { ok: false; issues: ImportIssue[] },
  key: (v: T) => string,
  keyField: string,
  what: string,
) {
  const built: { record: MappedRecord; value: T }[] = [];
  const problems: ImportIssue[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    if (i % 5000 === 0) options.onProgress?.({ stage: 'checking', done: i, total: records.length });
    const result = build(record);
    if (!result.ok) return void problems.push(...result.issues);
    const k = key(result.value);
    const earlier = seen.get(k);
    if (earlier !== undefined)
      problems.push({
        line: record.line,
        column: columnFor(options.mapping, keyField),
        reason: `${what} ${k} is already on line ${earlier}`,
      });
    seen.set(k, record.line);
    built.push({ record, value: result.value });
  });
  return { built, problems };
}

/** Rows must name clients and products the store has: a history row about nobody cannot be kept. */
function checkReferences(
  db: Db,
  rows: readonly { record: MappedRecord; value: { clientId: string; productId: string } }[],
  mapping: MappingFile,
  problems: ImportIssue[],
): void {
  const clients = existingClientIds(db, new Set(rows.map((r) => r.value.clientId)));
  const products = existingProductIds(db, new Set(rows.map((r) => r.value.productId)));
  for (const { record, value } of rows) {
    if (!clients.has(value.clientId))
      problems.push({
        line: record.line,
        column: columnFor(mapping, 'clientId'),
        reason: `no client with id ${value.clientId} (import clients first)`,
      });
    if (!products.has(value.productId))
      problems.push({
        line: record.line,
        column: columnFor(mapping, 'productId'),
        reason: `no product with id ${value.productId} (import products first)`,
      });
  }
}

function refuseIf(options: ImportOptions, problems: ImportIssue[]): void {
  if (problems.length > 0)
    throw new ImportRefusedError(
      path.basename(options.file),
      problems.sort((a, b) => a.line - b.line),
    );
}

/** Catalogue entries: new ids are added, known ids replaced (a corrected catalogue wins), each with an audit entry. */
export function importProductsCsv(db: Db, options: ImportOptions): ImportSummary {
  const now = options.now.toISOString();
  const { built, problems } = buildAll<Product>(
    mappedRecords(options),
    options,
    (r) => {
      const b = buildImportedProduct(r, options.mapping, now);
      return b.ok ? { ok: true, value: b.product } : b;
    },
    (p) => p.id,
    'id',
    'product',
  );
  refuseIf(options, problems);
  options.onProgress?.({ stage: 'writing', done: 0, total: built.length });
  const { created, updated } = db
    .transaction(() =>
      importProducts(
        db,
        built.map((b) => b.value),
        { at: now, actor: options.actor },
      ),
    )
    .immediate();
  options.onProgress?.({ stage: 'done', done: built.length, total: built.length });
  return { entity: 'products', imported: built.length, created, updated };
}

export function importHoldingsCsv(db: Db, options: ImportOptions): ImportSummary {
  const now = options.now.toISOString();
  const { built, problems } = buildAll<Holding>(
    mappedRecords(options),
    options,
    (r) => buildImportedHolding(r, options.mapping),
    (h) => h.id,
    'id',
    'holding',
  );
  checkReferences(db, built, options.mapping, problems);
  const stored = existingHoldingIds(
    db,
    built.map((b) => b.value.id),
  );
  for (const { record, value } of built)
    if (stored.has(value.id))
      problems.push({
        line: record.line,
        column: columnFor(options.mapping, 'id'),
        reason: `a holding with id ${value.id} already exists`,
      });
  refuseIf(options, problems);
  const holdings = built.map((b) => b.value);
  db.transaction(() => {
    inChunks(
      holdings,
      5000,
      (chunk) => insertHoldings(db, chunk),
      (done) => options.onProgress?.({ stage: 'writing', done, total: holdings.length }),
    );
    auditImportBatch(db, {
      file: options.file,
      kind: 'holdings',
      at: now,
      actor: options.actor,
      summary: { rows: holdings.length },
    });
  }).immediate();
  options.onProgress?.({ stage: 'done', done: holdings.length, total: holdings.length });
  return { entity: 'holdings', imported: holdings.length, created: holdings.length, updated: 0 };
}

/** Market days: a date already stored is replaced by the file's figures (a corrected feed wins), as the demo loader does. */
export function importMarketCsv(db: Db, options: ImportOptions): ImportSummary {
  const now = options.now.toISOString();
  const { built, problems } = buildAll<MarketSnapshot>(
    mappedRecords(options),
    options,
    (r) => buildImportedSnapshot(r, options.mapping),
    (s) => s.asOf,
    'asOf',
    'date',
  );
  refuseIf(options, problems);
  const snapshots = built.map((b) => b.value);
  const replaced = existingSnapshotDates(
    db,
    snapshots.map((s) => s.asOf),
  ).size;
  db.transaction(() => {
    inChunks(
      snapshots,
      5000,
      (chunk) => upsertMarketSnapshots(db, chunk),
      (done) => options.onProgress?.({ stage: 'writing', done, total: snapshots.length }),
    );
    auditImportBatch(db, {
      file: options.file,
      kind: 'market',
      at: now,
      actor: options.actor,
      summary: { rows: snapshots.length, replaced },
    });
  }).immediate();
  options.onProgress?.({ stage: 'done', done: snapshots.length, total: snapshots.length });
  return { entity: 'market', imported: snapshots.length, created: snapshots.length - replaced, updated: replaced };
}

/**
 * Interactions name stored clients and products. A row without an id gets `EV:client:product:time` (with `#2`… for
 * repeats in the file), so importing the same file twice is refused instead of doubling the history.
 */
export function importInteractionsCsv(db: Db, options: ImportOptions): ImportSummary {
  const now = options.now.toISOString();
  const repeats = new Map<string, number>();
  const { built, problems } = buildAll<Interaction>(
    mappedRecords(options),
    options,
    (r) => {
      const b = buildImportedInteraction(r, options.mapping);
      if (!b.ok) return b;
      let id = b.value.id;
      if (id === null) {
        const key = `EV:${b.value.clientId}:${b.value.productId}:${b.value.occurredAt}`;
        const n = (repeats.get(key) ?? 0) + 1;
        repeats.set(key, n);
        id = n === 1 ? key : `${key}#${n}`;
      }
      const { context, ...rest } = b.value;
      return { ok: true, value: { ...rest, id, ...(Object.keys(context).length > 0 ? { context } : {}) } };
    },
    (i) => i.id,
    'id',
    'interaction',
  );
  checkReferences(db, built, options.mapping, problems);
  const stored = existingInteractionIds(
    db,
    built.map((b) => b.value.id),
  );
  for (const { record, value } of built)
    if (stored.has(value.id))
      problems.push({
        line: record.line,
        column: columnFor(options.mapping, 'id'),
        reason: `interaction ${value.id} is already stored (was this file imported before?)`,
      });
  refuseIf(options, problems);
  const interactions = built.map((b) => b.value);
  db.transaction(() => {
    inChunks(
      interactions,
      5000,
      (chunk) => insertInteractions(db, chunk),
      (done) => options.onProgress?.({ stage: 'writing', done, total: interactions.length }),
    );
    auditImportBatch(db, {
      file: options.file,
      kind: 'interactions',
      at: now,
      actor: options.actor,
      summary: { rows: interactions.length },
    });
  }).immediate();
  options.onProgress?.({ stage: 'done', done: interactions.length, total: interactions.length });
  return { entity: 'interactions', imported: interactions.length, created: interactions.length, updated: 0 };
}

/** `advisor-desk import <entity>`: the mapping file says which kind of record the CSV holds. */
export function importCsv(db: Db, options: ImportOptions): ImportSummary {
  switch (options.mapping.entity) {
    case 'clients': {
      const { imported } = importClientsCsv(db, options);
      return { entity: 'clients', imported, created: imported, updated: 0 };
    }
    case 'products':
      return importProductsCsv(db, options);
    case 'holdings':
      return importHoldingsCsv(db, options);
    case 'market':
      return importMarketCsv(db, options);
    case 'interactions':
      return importInteractionsCsv(db, options);
  }
}
