import path from 'node:path';
import type { ImportIssue } from '../../app/import/column-mapping';
import {
  EventsMappingSchema,
  readEventTable,
  type AttributeKind,
  type EventsMapping,
} from '../../app/import/event-table';
import { placeholderClient, placeholderProduct } from '../../app/import/placeholder-records';
import type { CsvDelimiter } from '../../app/import/csv-parser';
import type { CustomAttributes, Interaction } from '../../app/domain';
import { bulkInsertClients, existingClientIds, mergeClientCustomAttributes } from '../db/client-repository';
import type { Db } from '../db/connection';
import { existingInteractionIds, insertInteractions } from '../db/interaction-repository';
import { existingProductIds, importProducts, mergeProductCustomAttributes } from '../db/product-repository';
import { auditImportBatch, inChunks } from './import-batch';
import { ImportRefusedError, readCsvTable, readJsonFile, type ImportProgress } from './import-csv';

export interface EventImportSummary {
  imported: number;
  clientsCreated: number;
  clientsUpdated: number;
  productsCreated: number;
  productsUpdated: number;
  columnTypes: Record<string, AttributeKind>;
}

export function readEventsMappingFile(file: string): EventsMapping {
  return readJsonFile(file, EventsMappingSchema);
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
 * `advisor-desk import-events`: a flat outcome table in one transaction. Clients and products the store does not
 * know are created as placeholders (see app/import/placeholder-records.ts); known ones get the file's attributes
 * merged into their custom attributes. Every row becomes an interaction whose context is its market columns.
 * A bad cell anywhere, or a row imported before, imports nothing.
 */
export function importEventsCsv(
  db: Db,
  options: {
    file: string;
    mapping?: EventsMapping;
    delimiter?: CsvDelimiter;
    actor: string;
    now: Date;
    onProgress?: (p: ImportProgress) => void;
  },
): EventImportSummary {
  const name = path.basename(options.file);
  const mapping = options.mapping ?? EventsMappingSchema.parse({});
  const now = options.now.toISOString();
  options.onProgress?.({ stage: 'reading', done: 0, total: 0 });
  const table = readCsvTable(options.file, options.delimiter ?? mapping.delimiter);
  const read = readEventTable(table, mapping, {
    onProgress: (done, total) => options.onProgress?.({ stage: 'checking', done, total }),
  });
  if (read.issues.length > 0) throw new ImportRefusedError(name, read.issues);

  const stored = existingInteractionIds(
    db,
    read.events.map((e) => e.id),
  );
  if (stored.size > 0) {
    const issues: ImportIssue[] = read.events
      .filter((e) => stored.has(e.id))
      .map((e) => ({
        line: e.line,
        column: 'client_id',
        reason: `client ${e.clientId}, product ${e.productId} at ${e.occurredAt} is already stored (was this file imported before?)`,
      }));
    throw new ImportRefusedError(name, issues);
  }
  const clients = split(read.clients, existingClientIds(db, read.clients.keys()));
  const products = split(read.products, existingProductIds(db, read.products.keys()));
  const source = { file: name, now };
  const meta = { at: now, actor: options.actor };
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
  options.onProgress?.({ stage: 'writing', done: 0, total });
  const summary = db
    .transaction(() => {
      bulkInsertClients(
        db,
        [...clients.create].map(([id, attrs]) => placeholderClient(id, attrs, source)),
        options.actor,
      );
      const clientsUpdated = mergeClientCustomAttributes(db, clients.merge, meta);
      importProducts(
        db,
        [...products.create].map(([id, attrs]) =>
          placeholderProduct(id, attrs, mapping.newProducts.family, mapping.newProducts.category, source),
        ),
        meta,
      );
      const productsUpdated = mergeProductCustomAttributes(db, products.merge, meta);
      inChunks(
        interactions,
        5000,
        (chunk) => insertInteractions(db, chunk),
        (done) => options.onProgress?.({ stage: 'writing', done, total }),
      );
      const result: EventImportSummary = {
        imported: total,
        clientsCreated: clients.create.size,
        clientsUpdated,
        productsCreated: products.create.size,
        productsUpdated,
        columnTypes: read.columnTypes,
      };
      auditImportBatch(db, {
        file: options.file,
        kind: 'events',
        at: now,
        actor: options.actor,
        summary: { rows: total, ...result },
      });
      return result;
    })
    .immediate();
  options.onProgress?.({ stage: 'done', done: total, total });
  return summary;
}
