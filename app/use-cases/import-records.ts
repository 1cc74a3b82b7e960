import type { CustomAttributes, Holding, Interaction, MarketSnapshot, NewClient, Product } from '../domain';
import { DomainError } from '../domain/domain-error';
import { buildImportedClient } from '../import/client-records';
import {
  applyMapping,
  columnFor,
  type ImportIssue,
  type MappedRecord,
  type MappingFile,
} from '../import/column-mapping';
import {
  CsvSyntaxError,
  CsvTableBuilder,
  type CsvDelimiter,
  type CsvLimits,
  type CsvTable,
} from '../import/csv-parser';
import { readEventTable, type AttributeKind, type EventsMapping } from '../import/event-table';
import { buildImportedHolding, buildImportedInteraction, buildImportedSnapshot } from '../import/history-records';
import { ImportRefusedError, type ImportProgress } from '../import/import-refused';
import { placeholderClient, placeholderProduct } from '../import/placeholder-records';
import { buildImportedProduct } from '../import/product-records';
import { CsvSourceError, type Clock, type CsvRowSource, type EventSink, type ImportStore, type Stores } from '../ports';

export interface ImportDeps {
  stores: Pick<Stores, 'imports' | 'transactions'>;
  clock: Clock;
  events: EventSink;
  actor: string;
}

/** How one import runs: where its progress goes, what stops it, and the file's delimiter and limits. */
export interface ImportRun {
  signal?: AbortSignal;
  onProgress?: (p: ImportProgress) => void;
  delimiter?: CsvDelimiter;
  limits?: Partial<CsvLimits>;
}

/** What an import did; `updated` counts catalogue entries or market days that a row replaced. */
export interface ImportSummary {
  entity: MappingFile['entity'];
  imported: number;
  created: number;
  updated: number;
}

export interface EventImportSummary {
  imported: number;
  clientsCreated: number;
  clientsUpdated: number;
  productsCreated: number;
  productsUpdated: number;
  columnTypes: Record<string, AttributeKind>;
}

/** Rows written per step of the write transaction: between steps a Ctrl-C or another request is handled. */
const WRITE_CHUNK = 5000;

const cancelled = () => new DomainError('cancelled', 'The import was cancelled; nothing was imported.');

function stopIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw cancelled();
}

/** Reads the whole file through the source, checking the header and each record's width as records arrive. */
async function readTable(source: CsvRowSource, run: ImportRun): Promise<CsvTable> {
  run.onProgress?.({ stage: 'reading', done: 0, total: 0 });
  let builder: CsvTableBuilder | null = null;
  try {
    for await (const batch of source.records({
      ...(run.delimiter ? { delimiter: run.delimiter } : {}),
      ...(run.limits ? { limits: run.limits } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
    })) {
      stopIfAborted(run.signal);
      builder ??= new CsvTableBuilder(run.delimiter ?? ',');
      for (const record of batch) builder.add(record);
      if (builder.records.length > 0) run.onProgress?.({ stage: 'reading', done: builder.records.length, total: 0 });
    }
    return (builder ?? new CsvTableBuilder(run.delimiter ?? ',')).table();
  } catch (error) {
    // However the source stopped (an AbortError, a destroyed stream), a cancel is a cancel.
    if (run.signal?.aborted) throw cancelled();
    if (error instanceof CsvSyntaxError)
      throw new ImportRefusedError(source.name, [
        { line: error.line, column: `character ${error.column}`, reason: error.reason },
      ]);
    if (error instanceof CsvSourceError)
      throw new ImportRefusedError(source.name, [{ line: error.line, column: error.column, reason: error.reason }]);
    throw error;
  }
}

function refuseIf(file: string, problems: ImportIssue[]): void {
  if (problems.length > 0)
    throw new ImportRefusedError(
      file,
      [...problems].sort((a, b) => a.line - b.line),
    );
}

/** Writes `items` in chunks, one step each, reporting how far it has got. */
async function inSteps<T>(
  items: readonly T[],
  step: () => Promise<void>,
  write: (chunk: readonly T[]) => void,
  progress?: (done: number) => void,
): Promise<void> {
  for (let start = 0; start < items.length; start += WRITE_CHUNK) {
    await step();
    write(items.slice(start, start + WRITE_CHUNK));
    progress?.(Math.min(items.length, start + WRITE_CHUNK));
  }
}

/** Builds every row, collecting all problems; `key` finds rows that say the same thing twice. */
function buildAll<T>(
  records: readonly MappedRecord[],
  mapping: MappingFile,
  run: ImportRun,
  build: (r: MappedRecord) => { ok: true; value: T } | { ok: false; issues: ImportIssue[] },
  key: (v: T) => string,
  what: string,
) {
  const built: { record: MappedRecord; value: T }[] = [];
  const problems: ImportIssue[] = [];
  const seen = new Map<string, number>();
  records.forEach((record, i) => {
    if (i % 5000 === 0) run.onProgress?.({ stage: 'checking', done: i, total: records.length });
    const result = build(record);
    if (!result.ok) return void problems.push(...result.issues);
    const k = key(result.value);
    const earlier = seen.get(k);
    if (earlier !== undefined)
      problems.push({
        line: record.line,
        column: columnFor(mapping, what === 'date' ? 'asOf' : 'id'),
        reason: `${what} ${k} is already on line ${earlier}`,
      });
    seen.set(k, record.line);
    built.push({ record, value: result.value });
  });
  return { built, problems };
}

/** Rows must name clients and products the store has: a history row about nobody cannot be kept. */
function referenceProblems(
  store: ImportStore,
  rows: readonly { record: MappedRecord; value: { clientId: string; productId: string } }[],
  mapping: MappingFile,
): ImportIssue[] {
  const problems: ImportIssue[] = [];
  const clients = store.existingClientIds(new Set(rows.map((r) => r.value.clientId)));
  const products = store.existingProductIds(new Set(rows.map((r) => r.value.productId)));
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
  return problems;
}

/** Ids the store already holds, each a problem: checked inside the write, so a second import of one file fails here. */
function storedProblems<T extends { id: string }>(
  rows: readonly { record: MappedRecord; value: T }[],
  stored: ReadonlySet<string>,
  column: string,
  reason: (id: string) => string,
): ImportIssue[] {
  return rows
    .filter((r) => stored.has(r.value.id))
    .map((r) => ({ line: r.record.line, column, reason: reason(r.value.id) }));
}

/** Splits the attributes the file gives per id into those for ids the store has (to merge) and the rest (to create). */
function split(seen: ReadonlyMap<string, CustomAttributes>, stored: ReadonlySet<string>) {
  const create = new Map<string, CustomAttributes>();
  const merge = new Map<string, CustomAttributes>();
  for (const [id, attrs] of seen) {
    if (!stored.has(id)) create.set(id, attrs);
    else if (Object.keys(attrs).length > 0) merge.set(id, attrs);
  }
  return { create, merge };
}

/**
 * Importing CSV files into the store, all or nothing. The file is read through a `CsvRowSource` (the adapter streams
 * it from disk), every row is checked, and then everything is written in one transaction that checks what is already
 * stored first and writes in chunks: a cancel at any point, a problem in any row, or an id already stored leaves the
 * store as it was.
 */
export function createImportUseCases(deps: ImportDeps) {
  const { imports: store, transactions } = deps.stores;

  async function write<T>(run: ImportRun, work: (step: () => Promise<void>) => Promise<T>): Promise<T> {
    stopIfAborted(run.signal);
    const result = await transactions.writeInSteps(work, run.signal, () =>
      run.onProgress?.({ stage: 'waiting', done: 0, total: 0 }),
    );
    deps.events.emit('data:changed', { entity: 'all' });
    return result;
  }

  async function mapped(source: CsvRowSource, mapping: MappingFile, run: ImportRun): Promise<MappedRecord[]> {
    const table = await readTable(source, {
      ...run,
      ...(mapping.delimiter && !run.delimiter ? { delimiter: mapping.delimiter } : {}),
    });
    stopIfAborted(run.signal);
    const { records, issues } = applyMapping(table, mapping);
    refuseIf(source.name, issues);
    return records;
  }

  const meta = (now: string) => ({ at: now, actor: deps.actor });

  async function importClients(source: CsvRowSource, mapping: MappingFile, run: ImportRun): Promise<ImportSummary> {
    const records = await mapped(source, mapping, run);
    const now = deps.clock.nowIso();
    const today = deps.clock.today();
    const { built, problems } = buildAll<NewClient>(
      records,
      mapping,
      run,
      (r) => {
        const b = buildImportedClient(r, mapping, today, now);
        return b.ok ? { ok: true, value: b.client } : b;
      },
      (c) => c.id,
      'id',
    );
    // The old message for a repeated client id, kept for the people who know it.
    for (const p of problems)
      p.reason = p.reason.replace(/^id (.+) is already on line (\d+)$/, 'id $1 is already used on line $2');
    const clients = built.map((b) => b.value);
    const stored = () =>
      storedProblems(
        built,
        store.existingClientIds(clients.map((c) => c.id)),
        columnFor(mapping, 'id'),
        (id) => `a client with id ${id} already exists`,
      );
    // Checked before the write to list every problem at once, and again inside it, where the answer cannot change.
    refuseIf(source.name, [...problems, ...stored()]);
    return write(run, async (step) => {
      refuseIf(source.name, stored());
      run.onProgress?.({ stage: 'writing', done: 0, total: clients.length });
      await inSteps(
        clients,
        step,
        (chunk) => store.insertClients(chunk, deps.actor),
        (done) => run.onProgress?.({ stage: 'writing', done, total: clients.length }),
      );
      await step();
      run.onProgress?.({ stage: 'done', done: clients.length, total: clients.length });
      return { entity: 'clients' as const, imported: clients.length, created: clients.length, updated: 0 };
    });
  }

  async function importProducts(source: CsvRowSource, mapping: MappingFile, run: ImportRun): Promise<ImportSummary> {
    const records = await mapped(source, mapping, run);
    const now = deps.clock.nowIso();
    const { built, problems } = buildAll<Product>(
      records,
      mapping,
      run,
      (r) => {
        const b = buildImportedProduct(r, mapping, now);
        return b.ok ? { ok: true, value: b.product } : b;
      },
      (p) => p.id,
      'product',
    );
    refuseIf(source.name, problems);
    const products = built.map((b) => b.value);
    return write(run, async (step) => {
      run.onProgress?.({ stage: 'writing', done: 0, total: products.length });
      let created = 0;
      let updated = 0;
      await inSteps(products, step, (chunk) => {
        const r = store.putProducts(chunk, meta(now));
        created += r.created;
        updated += r.updated;
      });
      await step();
      run.onProgress?.({ stage: 'done', done: products.length, total: products.length });
      return { entity: 'products' as const, imported: products.length, created, updated };
    });
  }

  async function importHoldings(source: CsvRowSource, mapping: MappingFile, run: ImportRun): Promise<ImportSummary> {
    const records = await mapped(source, mapping, run);
    const now = deps.clock.nowIso();
    const { built, problems } = buildAll<Holding>(
      records,
      mapping,
      run,
      (r) => buildImportedHolding(r, mapping),
      (h) => h.id,
      'holding',
    );
    const holdings = built.map((b) => b.value);
    const stored = () => [
      ...referenceProblems(store, built, mapping),
      ...storedProblems(
        built,
        store.existingHoldingIds(holdings.map((h) => h.id)),
        columnFor(mapping, 'id'),
        (id) => `a holding with id ${id} already exists`,
      ),
    ];
    refuseIf(source.name, [...problems, ...stored()]);
    return write(run, async (step) => {
      refuseIf(source.name, stored());
      await inSteps(
        holdings,
        step,
        (chunk) => store.insertHoldings(chunk),
        (done) => run.onProgress?.({ stage: 'writing', done, total: holdings.length }),
      );
      await step();
      store.auditBatch({
        file: source.name,
        sha256: source.sha256(),
        kind: 'holdings',
        summary: { rows: holdings.length },
        ...meta(now),
      });
      run.onProgress?.({ stage: 'done', done: holdings.length, total: holdings.length });
      return { entity: 'holdings' as const, imported: holdings.length, created: holdings.length, updated: 0 };
    });
  }

  async function importMarket(source: CsvRowSource, mapping: MappingFile, run: ImportRun): Promise<ImportSummary> {
    const records = await mapped(source, mapping, run);
    const now = deps.clock.nowIso();
    const { built, problems } = buildAll<MarketSnapshot>(
      records,
      mapping,
      run,
      (r) => buildImportedSnapshot(r, mapping),
      (s) => s.asOf,
      'date',
    );
    refuseIf(source.name, problems);
    const snapshots = built.map((b) => b.value);
    return write(run, async (step) => {
      const replaced = store.existingMarketDates(snapshots.map((s) => s.asOf)).size;
      await inSteps(
        snapshots,
        step,
        (chunk) => store.putMarketSnapshots(chunk),
        (done) => run.onProgress?.({ stage: 'writing', done, total: snapshots.length }),
      );
      await step();
      store.auditBatch({
        file: source.name,
        sha256: source.sha256(),
        kind: 'market',
        summary: { rows: snapshots.length, replaced },
        ...meta(now),
      });
      run.onProgress?.({ stage: 'done', done: snapshots.length, total: snapshots.length });
      return {
        entity: 'market' as const,
        imported: snapshots.length,
        created: snapshots.length - replaced,
        updated: replaced,
      };
    });
  }

  /**
   * A row without an id gets `EV:client:product:time` (with `#2`… for repeats in the file), so importing the same file
   * twice is refused instead of doubling the history.
   */
  async function importInteractions(
    source: CsvRowSource,
    mapping: MappingFile,
    run: ImportRun,
  ): Promise<ImportSummary> {
    const records = await mapped(source, mapping, run);
    const now = deps.clock.nowIso();
    const repeats = new Map<string, number>();
    const { built, problems } = buildAll<Interaction>(
      records,
      mapping,
      run,
      (r) => {
        const b = buildImportedInteraction(r, mapping);
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
      'interaction',
    );
    const interactions = built.map((b) => b.value);
    const stored = () => [
      ...referenceProblems(store, built, mapping),
      ...storedProblems(
        built,
        store.existingInteractionIds(interactions.map((i) => i.id)),
        columnFor(mapping, 'id'),
        (id) => `interaction ${id} is already stored (was this file imported before?)`,
      ),
    ];
    refuseIf(source.name, [...problems, ...stored()]);
    return write(run, async (step) => {
      refuseIf(source.name, stored());
      await inSteps(
        interactions,
        step,
        (chunk) => store.insertInteractions(chunk),
        (done) => run.onProgress?.({ stage: 'writing', done, total: interactions.length }),
      );
      await step();
      store.auditBatch({
        file: source.name,
        sha256: source.sha256(),
        kind: 'interactions',
        summary: { rows: interactions.length },
        ...meta(now),
      });
      run.onProgress?.({ stage: 'done', done: interactions.length, total: interactions.length });
      return {
        entity: 'interactions' as const,
        imported: interactions.length,
        created: interactions.length,
        updated: 0,
      };
    });
  }

  return {
    /** `advisor-desk import <entity>`: the mapping says which kind of record the file holds. */
    importRecords(source: CsvRowSource, mapping: MappingFile, run: ImportRun = {}): Promise<ImportSummary> {
      switch (mapping.entity) {
        case 'clients':
          return importClients(source, mapping, run);
        case 'products':
          return importProducts(source, mapping, run);
        case 'holdings':
          return importHoldings(source, mapping, run);
        case 'market':
          return importMarket(source, mapping, run);
        case 'interactions':
          return importInteractions(source, mapping, run);
      }
    },

    /**
     * `advisor-desk import-events`: a flat outcome table. Clients and products the store does not know are created
     * as placeholders (see app/import/placeholder-records.ts); known ones get the file's attributes merged into their
     * custom attributes. Every row becomes an interaction whose context is its market columns. A bad cell anywhere,
     * or a row imported before, imports nothing.
     */
    async importEvents(source: CsvRowSource, mapping: EventsMapping, run: ImportRun = {}): Promise<EventImportSummary> {
      const table = await readTable(source, {
        ...run,
        ...(mapping.delimiter && !run.delimiter ? { delimiter: mapping.delimiter } : {}),
      });
      stopIfAborted(run.signal);
      const read = readEventTable(table, mapping, {
        onProgress: (done, total) => run.onProgress?.({ stage: 'checking', done, total }),
      });
      refuseIf(source.name, read.issues);
      const now = deps.clock.nowIso();
      const source_ = { file: source.name, now };
      const interactions: Interaction[] = read.events.map((e) => ({
        id: e.id,
        clientId: e.clientId,
        productId: e.productId,
        occurredAt: e.occurredAt,
        channel: e.channel,
        policy: 'imported',
        score: null,
        outcome: e.outcome,
        advisorId: e.advisorId,
        note: e.note,
        ...(Object.keys(e.context).length > 0 ? { context: e.context } : {}),
      }));
      const total = interactions.length;
      return write(run, async (step) => {
        // Inside the write: two imports of one file at once cannot both find nothing stored.
        const stored = store.existingInteractionIds(interactions.map((i) => i.id));
        if (stored.size > 0)
          refuseIf(
            source.name,
            read.events
              .filter((e) => stored.has(e.id))
              .map((e) => ({
                line: e.line,
                column: 'client_id',
                reason: `client ${e.clientId}, product ${e.productId} at ${e.occurredAt} is already stored (was this file imported before?)`,
              })),
          );
        const clients = split(read.clients, store.existingClientIds(read.clients.keys()));
        const products = split(read.products, store.existingProductIds(read.products.keys()));
        run.onProgress?.({ stage: 'writing', done: 0, total });
        const newClients = [...clients.create].map(([id, attrs]) => placeholderClient(id, attrs, source_));
        await inSteps(newClients, step, (chunk) => store.insertClients(chunk, deps.actor));
        await step();
        const clientsUpdated = store.mergeClientAttributes(clients.merge, meta(now));
        const newProducts = [...products.create].map(([id, attrs]) =>
          placeholderProduct(id, attrs, mapping.newProducts.family, mapping.newProducts.category, source_),
        );
        await inSteps(newProducts, step, (chunk) => store.putProducts(chunk, meta(now)));
        await step();
        const productsUpdated = store.mergeProductAttributes(products.merge, meta(now));
        await inSteps(
          interactions,
          step,
          (chunk) => store.insertInteractions(chunk),
          (done) => run.onProgress?.({ stage: 'writing', done, total }),
        );
        await step();
        const result: EventImportSummary = {
          imported: total,
          clientsCreated: clients.create.size,
          clientsUpdated,
          productsCreated: products.create.size,
          productsUpdated,
          columnTypes: read.columnTypes,
        };
        store.auditBatch({
          file: source.name,
          sha256: source.sha256(),
          kind: 'events',
          summary: { rows: total, ...result },
          ...meta(now),
        });
        run.onProgress?.({ stage: 'done', done: total, total });
        return result;
      });
    },
  };
}

export type ImportUseCases = ReturnType<typeof createImportUseCases>;
