import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EventsMappingSchema } from '../../../app/import/event-table';
import { labelledRows } from '../../../app/scoring/training-rows';
import { listAuditEntries } from '../../../main/db/audit-log';
import { countClients, getClient, insertClient } from '../../../main/db/client-repository';
import { openDatabase, type Db } from '../../../main/db/connection';
import { countInteractions, listInteractions } from '../../../main/db/interaction-repository';
import { migrate } from '../../../main/db/migrate';
import { countProducts, getProduct, listProducts } from '../../../main/db/product-repository';
import { ImportRefusedError } from '../../../main/import/import-csv';
import { importEventsCsv } from '../../../main/import/import-events';
import { profile } from '../../fixtures/client-profile';

let dir: string;
let db: Db;
const now = new Date('2026-11-28T10:00:00Z');

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-events-'));
  db = openDatabase(path.join(dir, 'store.sqlite'));
  migrate(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('import-events: a flat outcome table', () => {
  it('creates placeholder clients and products, merges attributes into known ones and keeps market columns per outcome', async () => {
    insertClient(
      db,
      {
        id: 'K1',
        profile: profile({ customAttributes: { branch: 'Pudong' } }),
        riskClass: 'C3',
        questionnaire: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
      'test',
    );
    const file = write(
      'events.csv',
      '\uFEFFclient_id,product_id,occurred_at,outcome,client.segment,client.年龄,product.theme,market.rate,market.month\n' +
        'K1,P-绿色,2026-02-01,yes,gold,41,"green, low carbon",1.5,02\n' +
        'N7,P-绿色,2026-02-02T09:30:00+08:00,0,,35,,1.6,02\n',
    );
    const summary = await importEventsCsv(db, {
      file,
      mapping: EventsMappingSchema.parse({ types: { 'market.month': 'categorical' } }),
      actor: 'test',
      now,
    });
    expect(summary).toEqual({
      imported: 2,
      clientsCreated: 1,
      clientsUpdated: 1,
      productsCreated: 1,
      productsUpdated: 0,
      columnTypes: {
        'client.segment': 'categorical',
        'client.年龄': 'numeric',
        'product.theme': 'categorical',
        'market.rate': 'numeric',
        'market.month': 'categorical',
      },
    });
    expect(getClient(db, 'K1')).toMatchObject({
      riskClass: 'C3',
      revision: 2,
      customAttributes: { branch: 'Pudong', segment: 'gold', 年龄: 41 },
    });
    // A placeholder cannot be advised on: no KYC review, no risk class, and it says so.
    expect(getClient(db, 'N7')).toMatchObject({
      displayName: 'Imported client N7',
      kind: 'individual',
      kycReviewedAt: null,
      riskClass: null,
      customAttributes: { 年龄: 35 },
    });
    expect(getClient(db, 'N7')?.notes).toMatch(/^Placeholder created by import-events/);
    expect(getProduct(db, 'P-绿色')).toMatchObject({
      family: 'fund',
      category: 'unclassified',
      riskGrade: 'R5',
      complex: true,
      active: false,
      customAttributes: { theme: 'green, low carbon' },
    });

    const interactions = listInteractions(db);
    expect(interactions.map((i) => [i.clientId, i.outcome, i.occurredAt, i.channel, i.policy, i.context])).toEqual([
      ['K1', 'accepted', '2026-02-01T00:00:00.000Z', 'meeting', 'imported', { rate: 1.5, month: '02' }],
      ['N7', 'declined', '2026-02-02T01:30:00.000Z', 'meeting', 'imported', { rate: 1.6, month: '02' }],
    ]);
    // The model sees the recorded market state as market.custom.<name>.
    const clients = ['K1', 'N7'].map((id) => getClient(db, id)!);
    const [row] = labelledRows(interactions, {
      clients,
      products: listProducts(db, { search: '', family: null }),
      marketSnapshots: [],
    });
    expect(row?.raw.numeric['market.custom.rate']).toBe(1.5);
    expect(row?.raw.categorical['market.custom.month']).toEqual(['02']);
    expect(row?.raw.categorical['client.custom.segment']).toEqual(['gold']);

    const batch = listAuditEntries(db, { entity: 'import' });
    expect(batch).toHaveLength(1);
    expect(batch[0]?.after).toMatchObject({
      file: 'events.csv',
      rows: 2,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
  });

  it('refuses the same file twice instead of doubling the history', async () => {
    const file = write(
      'events.csv',
      'client_id,product_id,occurred_at,outcome\nC1,P1,2026-01-01,1\nC1,P1,2026-01-01,1\n',
    );
    expect((await importEventsCsv(db, { file, actor: 'test', now })).imported).toBe(2);
    await expect(importEventsCsv(db, { file, actor: 'test', now })).rejects.toThrow(
      /events\.csv, line 2, column "client_id": client C1, product P1 at 2026-01-01T00:00:00.000Z is already stored/,
    );
    expect(countInteractions(db)).toBe(2);
  });

  it('imports nothing from a large file with one bad row in the middle, and names file, line, column and reason', async () => {
    const lines = ['client_id;product_id;occurred_at;outcome;client.age;market.rate'];
    for (let i = 0; i < 20_000; i++)
      lines.push(
        `C${i % 500};P${i % 20};2026-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z;${i % 3 === 0 ? 'yes' : 'no'};${30 + (i % 40)};${(1 + (i % 7) / 10).toFixed(1)}`,
      );
    lines[10_001] = 'C1;P1;2026-01-05T10:00:00Z;maybe;40;1.5';
    const file = write('big.csv', `${lines.join('\n')}\n`);
    let error: unknown;
    try {
      await importEventsCsv(db, { file, actor: 'test', now });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect((error as ImportRefusedError).message).toContain(
      'big.csv, line 10002, column "outcome": "maybe" is not an outcome: use 1/0, yes/no or true/false',
    );
    expect([countInteractions(db), countClients(db), countProducts(db)]).toEqual([0, 0, 0]);
  });

  it('refuses a broken quoted field with the line and character', async () => {
    const file = write(
      'broken.csv',
      'client_id,product_id,occurred_at,outcome,client.note\nC1,P1,2026-01-01,1,"unclosed\n',
    );
    await expect(importEventsCsv(db, { file, actor: 'test', now })).rejects.toThrow(
      /broken\.csv, line 2, column "character 20": a quoted field is never closed/,
    );
  });
});
