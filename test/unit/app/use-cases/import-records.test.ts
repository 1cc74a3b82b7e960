import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../../app/domain/domain-error';
import { MappingFileSchema } from '../../../../app/import/column-mapping';
import { EventsMappingSchema } from '../../../../app/import/event-table';
import { ImportRefusedError } from '../../../../app/import/import-refused';
import type { EventName } from '../../../../app/contract/events';
import { createImportUseCases } from '../../../../app/use-cases/import-records';
import { inMemoryImports } from '../../../fakes/in-memory-imports';
import { textRowSource } from '../../../fakes/text-row-source';

const clock = { nowIso: () => '2026-03-01T09:00:00.000Z', today: () => '2026-03-01' };

function setUp() {
  const book = inMemoryImports();
  const emitted: EventName[] = [];
  const imports = createImportUseCases({
    stores: book.stores,
    clock,
    events: { emit: (event) => void emitted.push(event) },
    actor: 'test',
  });
  return { book, imports, emitted };
}

const events = EventsMappingSchema.parse({});
const rows = (n: number) =>
  `client_id,product_id,occurred_at,outcome,client.age,market.rate\n${Array.from(
    { length: n },
    (_, i) =>
      `C${i % 7},P${i % 3},2025-01-${String(1 + (i % 28)).padStart(2, '0')}T10:${String(i % 60).padStart(2, '0')}:00Z,${i % 2},${30 + (i % 7)},1.${i % 9}`,
  ).join('\n')}\n`;

describe('import as a use-case over ports', () => {
  it('creates placeholder clients and products, writes every outcome and one audit entry naming the file by its hash', async () => {
    const { book, imports, emitted } = setUp();
    const source = textRowSource('events.csv', rows(40));
    const summary = await imports.importEvents(source, events);
    expect(summary).toMatchObject({ imported: 40, clientsCreated: 7, productsCreated: 3 });
    expect(summary.columnTypes).toEqual({ 'client.age': 'numeric', 'market.rate': 'numeric' });
    const state = book.state();
    expect(state.interactions.size).toBe(40);
    expect(state.clients.get('C3')?.profile.customAttributes).toEqual({ age: 33 });
    expect(state.audit).toEqual([
      expect.objectContaining({ file: 'events.csv', sha256: source.sha256(), kind: 'events' }),
    ]);
    expect(emitted).toEqual(['data:changed']);
  });

  it('writes nothing when the signal aborts between two steps of the write', async () => {
    const { book, imports, emitted } = setUp();
    const controller = new AbortController();
    book.betweenSteps((n) => {
      if (n === 2) controller.abort();
    });
    const attempt = imports.importEvents(textRowSource('events.csv', rows(12_000), 4096), events, {
      signal: controller.signal,
    });
    await expect(attempt).rejects.toThrow(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'cancelled' });
    expect(book.steps()).toBe(2);
    expect(book.state().interactions.size).toBe(0);
    expect(book.state().clients.size).toBe(0);
    expect(emitted).toEqual([]);
  });

  it('writes nothing when the signal aborts while the file is still being read', async () => {
    const { book, imports } = setUp();
    const controller = new AbortController();
    const attempt = imports.importEvents(textRowSource('events.csv', rows(500), 64), events, {
      signal: controller.signal,
      onProgress: (p) => {
        if (p.stage === 'reading' && p.done > 100) controller.abort();
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'cancelled' });
    expect(book.state().interactions.size).toBe(0);
  });

  it('refuses a second import of the same file with the rows it repeats, not a driver error', async () => {
    const { book, imports } = setUp();
    await imports.importEvents(textRowSource('events.csv', rows(5)), events);
    const again = imports.importEvents(textRowSource('events.csv', rows(5)), events);
    await expect(again).rejects.toThrow(ImportRefusedError);
    await expect(again).rejects.toThrow(
      /line 2, column "client_id": .* is already stored \(was this file imported before\?\)/,
    );
    expect(book.state().interactions.size).toBe(5);
  });

  it('refuses a file with one bad cell, naming the line and column, and writes nothing', async () => {
    const { book, imports } = setUp();
    const text = `${rows(30)}C1,P1,2999-01-01,1,40,1.5\n`;
    await expect(imports.importEvents(textRowSource('events.csv', text), events)).rejects.toThrow(
      /events\.csv, line 32, column "occurred_at": "2999-01-01" is outside the years 1900–2100/,
    );
    expect(book.state().interactions.size).toBe(0);
  });

  it('imports clients through the mapping and refuses ids already stored or hiding invisible characters', async () => {
    const { book, imports } = setUp();
    const mapping = MappingFileSchema.parse({
      entity: 'clients',
      columns: [
        { column: 'id', field: 'id', required: true },
        { column: 'name', field: 'displayName', required: true },
        { column: 'born', field: 'birthDate', type: 'date' },
      ],
      otherColumns: 'ignore',
    });
    await imports.importRecords(textRowSource('c.csv', 'id,name,born\nX1,Wang,1980-01-01\n'), mapping);
    expect(book.state().clients.has('X1')).toBe(true);
    const refused = imports.importRecords(
      textRowSource('c.csv', 'id,name,born\nX1,Li,1980-01-01\nX1\u200B,Li,1980-01-01\n'),
      mapping,
    );
    await expect(refused).rejects.toThrow(/line 2, column "id": a client with id X1 already exists/);
    await expect(refused).rejects.toThrow(
      /line 3, column "id": the id holds an invisible or control character \(U\+200B/,
    );
    expect(book.state().clients.size).toBe(1);
  });
});
