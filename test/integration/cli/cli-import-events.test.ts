import fs from 'node:fs';
import { captureCliIo } from './run-cli';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli-commands';
import { tempDir } from '../db/temp-db';

const capture = captureCliIo;

describe('advisor-desk import products|holdings|market|interactions and import-events', () => {
  let dir: string;
  let db: string;
  const file = (name: string, text: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, text);
    return p;
  };
  beforeEach(() => {
    dir = tempDir('ad-cli-events-');
    db = path.join(dir, 'desk.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports an outcome table with --json on stdout and progress on stderr, then the new client is listed', async () => {
    const rows = ['client_id\tproduct_id\toccurred_at\toutcome\tclient.城市\tmarket.rate'];
    for (let i = 0; i < 300; i++)
      rows.push(`C${i % 30}\tP${i % 4}\t2026-03-${String((i % 28) + 1).padStart(2, '0')}\t${i % 2}\t上海\t1.${i % 9}`);
    const csv = file('events.tsv', `${rows.join('\n')}\n`);
    const run = capture();
    expect(await runCli(['import-events', csv, '--delimiter', 'tab', '--db', db, '--json'], run.io)).toBe(0);
    expect(JSON.parse(run.out())).toMatchObject({
      imported: 300,
      clientsCreated: 30,
      productsCreated: 4,
      columnTypes: { 'client.城市': 'categorical', 'market.rate': 'numeric' },
      file: csv,
    });
    expect(run.err()).toMatch(/writing 300 of 300 rows \(100%\)/);
    const list = capture();
    expect(await runCli(['clients', 'list', '--db', db, '--search', 'imported client c29', '--json'], list.io)).toBe(0);
    expect(JSON.parse(list.out()).rows.map((r: { id: string }) => r.id)).toEqual(['C29']);
  });

  it('exits 5 and imports nothing when a row is bad, naming file, line, column and reason', async () => {
    const csv = file(
      'events.csv',
      'client_id,product_id,occurred_at,outcome\nC1,P1,2026-01-01,yes\nC2,P1,yesterday,no\n',
    );
    const run = capture();
    expect(await runCli(['import-events', csv, '--db', db], run.io)).toBe(5);
    expect(run.err()).toContain('Nothing was imported from events.csv: 1 problem.');
    expect(run.err()).toContain(
      'events.csv, line 3, column "occurred_at": "yesterday" is not an ISO date or date and time',
    );
    const list = capture();
    await runCli(['clients', 'list', '--db', db, '--json'], list.io);
    expect(JSON.parse(list.out()).total).toBe(0);
  });

  it('imports products then interactions with semicolons, and refuses an interaction about an unknown product', async () => {
    const productMap = file(
      'products.json',
      JSON.stringify({
        entity: 'products',
        columns: [
          { column: 'code', field: 'id', required: true },
          { column: 'name', field: 'nameEn', required: true },
          { column: 'family', field: 'family' },
          { column: 'category', field: 'category' },
          { column: 'grade', field: 'riskGrade' },
        ],
      }),
    );
    const products = file('products.csv', 'code;name;family;category;grade\nMM-1;Cash Plus;fund;money_market;R1\n');
    const run = capture();
    expect(
      await runCli(['import', 'products', products, '--mapping', productMap, '--delimiter', ';', '--db', db], run.io),
    ).toBe(0);
    expect(run.out()).toMatch(/^Imported 1 products from .*products\.csv/);
    await runCli(
      ['import-events', file('e.csv', 'client_id,product_id,occurred_at,outcome\nC1,MM-1,2026-01-01,1\n'), '--db', db],
      capture().io,
    );

    const interactionMap = file(
      'interactions.json',
      JSON.stringify({
        entity: 'interactions',
        columns: [
          { column: 'client', field: 'clientId', required: true },
          { column: 'product', field: 'productId', required: true },
          { column: 'at', field: 'occurredAt', type: 'datetime', required: true },
        ],
      }),
    );
    const bad = capture();
    expect(
      await runCli(
        [
          'import',
          'interactions',
          file('i.csv', 'client;product;at\nC1;MM-1;2026-02-01\nC1;NOPE;2026-02-02\n'),
          '--mapping',
          interactionMap,
          '--db',
          db,
        ],
        bad.io,
      ),
    ).toBe(5);
    expect(bad.err()).toContain('i.csv, line 3, column "product": no product with id NOPE (import products first)');
  });

  it('tells a usage error (exit 2) from a refused mapping (exit 5)', async () => {
    const csv = file('x.csv', 'a\n1\n');
    expect(await runCli(['import', 'widgets', csv, '--mapping', csv, '--db', db], capture().io)).toBe(2);
    expect(await runCli(['import', 'products', csv, '--db', db], capture().io)).toBe(2);
    expect(await runCli(['import-events', csv, '--delimiter', 'x', '--db', db], capture().io)).toBe(2);
    expect(await runCli(['import-events', path.join(dir, 'missing.csv'), '--db', db], capture().io)).toBe(2);
    const wrongEntity = file('m.json', JSON.stringify({ entity: 'market', columns: [{ column: 'd', field: 'asOf' }] }));
    const run = capture();
    expect(await runCli(['import', 'holdings', csv, '--mapping', wrongEntity, '--db', db], run.io)).toBe(5);
    expect(run.err()).toMatch(/is for market, not holdings/);
    const badEvents = file('ev.json', JSON.stringify({ types: { 'client.age': 'number' } }));
    expect(await runCli(['import-events', csv, '--mapping', badEvents, '--db', db], capture().io)).toBe(5);
  });
});
