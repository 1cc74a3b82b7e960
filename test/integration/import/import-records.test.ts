import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MappingFileSchema } from '../../../app/import/column-mapping';
import { listAuditEntries } from '../../../main/db/audit-log';
import { insertClient } from '../../../main/db/client-repository';
import { openDatabase, type Db } from '../../../main/db/connection';
import { listHoldings } from '../../../main/db/holding-repository';
import { countInteractions, listInteractions } from '../../../main/db/interaction-repository';
import { listMarketSnapshots } from '../../../main/db/market-repository';
import { migrate } from '../../../main/db/migrate';
import { getProduct } from '../../../main/db/product-repository';
import { ImportRefusedError } from '../../../main/import/import-csv';
import { importCsv } from '../../../main/import/import-records';
import { profile } from '../../fixtures/client-profile';

let dir: string;
let db: Db;
const now = new Date('2026-11-28T10:00:00Z');

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

async function refusal(run: () => Promise<unknown>): Promise<ImportRefusedError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof ImportRefusedError) return error;
    throw error;
  }
  throw new Error('the import should have been refused');
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-import-'));
  db = openDatabase(path.join(dir, 'store.sqlite'));
  migrate(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const products = MappingFileSchema.parse({
  entity: 'products',
  columns: [
    { column: '产品代码', field: 'id', required: true },
    { column: '产品名称', field: 'nameZh', required: true },
    { column: 'Name', field: 'nameEn' },
    { column: '大类', field: 'family', values: { 存款: 'deposit', 基金: 'fund', 理财: 'fund' } },
    { column: '类别', field: 'category' },
    { column: '风险等级', field: 'riskGrade' },
    { column: '预期收益', field: 'rateMin', type: 'number' },
    { column: '起购金额', field: 'minimumAmount', type: 'number' },
    { column: '期限(月)', field: 'termMonths', type: 'integer' },
    { column: '赎回', field: 'liquidity' },
  ],
});

function importProducts(text: string) {
  return importCsv(db, {
    file: write(
      'products.csv',
      `\uFEFF产品代码,产品名称,Name,大类,类别,风险等级,预期收益,起购金额,期限(月),赎回,渠道\n${text}`,
    ),
    mapping: products,
    actor: 'test',
    now,
  });
}

describe('product CSV import', () => {
  it('fills a valid product from the columns given and cautious defaults, quoting and all', async () => {
    const result = await importProducts(
      'DP-01,三个月定期存款,"3-Month Time Deposit, CNY",存款,time_deposit,R1,1.35,50,3,at_maturity,手机银行\nFD-09,"稳健""债基""",,基金,bond_fund,R2,3.5%,"1,000",,,柜台\n',
    );
    expect(result).toEqual({ entity: 'products', imported: 2, created: 2, updated: 0 });
    expect(getProduct(db, 'DP-01')).toMatchObject({
      nameEn: '3-Month Time Deposit, CNY',
      family: 'deposit',
      rateKind: 'fixed_rate',
      rateMin: 1.35,
      rateMax: 1.35,
      termMonths: 3,
      liquidity: 'at_maturity',
      currency: 'CNY',
      complex: false,
      customAttributes: { 渠道: '手机银行' },
      eligibility: { clientKinds: ['individual'], minAge: 18 },
    });
    expect(getProduct(db, 'DP-01')?.riskDisclosureEn).toMatch(/deposit insurance/);
    // A name in one language serves both; no liquidity column means no redemption, the cautious reading.
    expect(getProduct(db, 'FD-09')).toMatchObject({
      nameZh: '稳健"债基"',
      nameEn: '稳健"债基"',
      rateKind: 'expected_return',
      rateMin: 3.5,
      minimumAmount: 1000,
      liquidity: 'none',
    });
    expect(listAuditEntries(db, { entity: 'product' }).map((e) => e.action)).toEqual(['create', 'create']);
  });

  it('replaces a known product and refuses a file with an unknown family, grade or category', async () => {
    await importProducts('DP-01,定期,,存款,time_deposit,R1,1.35,50,3,at_maturity,\n');
    expect(await importProducts('DP-01,定期存款,,存款,time_deposit,R1,1.5,50,3,at_maturity,\n')).toMatchObject({
      created: 0,
      updated: 1,
    });
    expect(getProduct(db, 'DP-01')).toMatchObject({ nameZh: '定期存款', rateMin: 1.5 });
    const error = await refusal(() =>
      importProducts('X1,甲,,股票,equity,R3,,,,,\nX2,乙,,基金,bond_fund,R9,,,,,\nX3,丙,,基金,crypto,R5,,,,,\n'),
    );
    expect(error.issues).toEqual([
      {
        line: 2,
        column: '大类',
        reason: '"股票" is not one of deposit, fund, security, insurance, consumer_credit, business_finance',
      },
      { line: 3, column: '风险等级', reason: expect.stringMatching(/^"R9" is not valid/) },
      {
        line: 4,
        column: 'riskDisclosureEn',
        reason: 'there is no standard risk disclosure for category "crypto": map a column to riskDisclosureEn',
      },
    ]);
    expect(getProduct(db, 'X1')).toBeNull();
  });
});

const history = {
  holdings: MappingFileSchema.parse({
    entity: 'holdings',
    delimiter: ';',
    columns: [
      { column: 'client', field: 'clientId', required: true },
      { column: 'product', field: 'productId', required: true },
      { column: 'amount', field: 'amount', type: 'number', required: true },
      { column: 'since', field: 'acquiredOn', type: 'date', required: true },
    ],
  }),
  market: MappingFileSchema.parse({
    entity: 'market',
    columns: [
      { column: 'date', field: 'asOf', type: 'date', required: true },
      { column: 'policy', field: 'policyRate', type: 'number' },
      { column: 'deposit1y', field: 'depositRate1y', type: 'number' },
      { column: 'cpi', field: 'inflation', type: 'number' },
      { column: 'index', field: 'equityIndex', type: 'number' },
      { column: 'trend', field: 'equityTrend3m', type: 'number' },
      { column: 'bond10y', field: 'bondYield10y', type: 'number' },
      { column: 'flags', field: 'regulatoryFlags', type: 'list' },
    ],
  }),
  interactions: MappingFileSchema.parse({
    entity: 'interactions',
    delimiter: '\t',
    columns: [
      { column: 'client', field: 'clientId', required: true },
      { column: 'product', field: 'productId', required: true },
      { column: 'when', field: 'occurredAt', type: 'datetime', required: true },
      { column: 'how', field: 'channel', values: { 电话: 'call', 面谈: 'meeting' } },
      { column: 'result', field: 'outcome' },
      { column: 'note', field: 'note' },
    ],
  }),
};

async function seedBook(): Promise<void> {
  insertClient(
    db,
    {
      id: 'K1',
      profile: profile(),
      riskClass: 'C3',
      questionnaire: null,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
    },
    'test',
  );
  await importProducts('P1,定期,,存款,time_deposit,R1,1.35,50,3,at_maturity,\n');
}

describe('holdings, market and interaction CSV import', () => {
  it('imports holdings that name stored clients and products, and names the ones that do not exist', async () => {
    await seedBook();
    const ok = write('holdings.csv', 'client;product;amount;since\nK1;P1;"50,000";2025-03-01\n');
    expect(await importCsv(db, { file: ok, mapping: history.holdings, actor: 'test', now })).toMatchObject({
      imported: 1,
    });
    expect(listHoldings(db)).toEqual([
      { id: 'K1/P1/2025-03-01', clientId: 'K1', productId: 'P1', amount: 50000, acquiredOn: '2025-03-01' },
    ]);
    const bad = write(
      'holdings-bad.csv',
      'client;product;amount;since\nK1;P1;100;2025-04-01\nK9;P1;100;2025-04-01\nK1;P7;-5;2025-04-01\n',
    );
    expect(
      (await refusal(() => importCsv(db, { file: bad, mapping: history.holdings, actor: 'test', now }))).issues,
    ).toEqual([
      { line: 3, column: 'client', reason: 'no client with id K9 (import clients first)' },
      { line: 4, column: 'amount', reason: 'the amount -5 is not above zero' },
    ]);
    expect(listHoldings(db)).toHaveLength(1);
  });

  it('imports market days with extra columns as indicators, replacing a stored day', async () => {
    const file = write(
      'market.csv',
      'date,policy,deposit1y,cpi,index,trend,bond10y,flags,pmi\n2026-01-02,1.5,1.3,0.8,3500,2.1,2.2,property_curbs|fx_watch,50.2\n2026-01-03,1.5,1.3,0.8,3510,2.3,2.2,,49.8\n',
    );
    expect(await importCsv(db, { file, mapping: history.market, actor: 'test', now })).toMatchObject({
      imported: 2,
      created: 2,
      updated: 0,
    });
    expect(await importCsv(db, { file, mapping: history.market, actor: 'test', now })).toMatchObject({
      imported: 2,
      created: 0,
      updated: 2,
    });
    expect(listMarketSnapshots(db)[0]).toMatchObject({
      asOf: '2026-01-02',
      equityIndex: 3500,
      regulatoryFlags: ['property_curbs', 'fx_watch'],
      indicators: { pmi: 50.2 },
    });
    const missing = write(
      'market-bad.csv',
      'date,policy,deposit1y,cpi,index,trend,bond10y,flags,pmi\n2026-01-04,1.5,,0.8,3500,2.1,2.2,,high\n',
    );
    expect(
      (await refusal(() => importCsv(db, { file: missing, mapping: history.market, actor: 'test', now }))).issues,
    ).toEqual([
      { line: 2, column: 'deposit1y', reason: 'depositRate1y is required and must be a number' },
      {
        line: 2,
        column: 'pmi',
        reason:
          '"high" is not a number: market indicators are numbers (or set "otherColumns": "ignore" in the mapping)',
      },
    ]);
  });

  it('imports tab-separated interactions with outcomes, channels, notes with line breaks and extra columns as context', async () => {
    await seedBook();
    const file = write(
      'interactions.tsv',
      'client\tproduct\twhen\thow\tresult\tnote\tmarket_mood\nK1\tP1\t2026-01-02 10:30\t电话\tyes\t"客户说:\n下月再谈"\tcalm\nK1\tP1\t2026-01-05\t面谈\t\t\t\n',
    );
    expect(await importCsv(db, { file, mapping: history.interactions, actor: 'test', now })).toMatchObject({
      entity: 'interactions',
      imported: 2,
    });
    const [first, second] = listInteractions(db);
    expect(first).toMatchObject({
      id: 'EV:K1:P1:2026-01-02T10:30:00.000Z',
      channel: 'call',
      outcome: 'accepted',
      note: '客户说:\n下月再谈',
      policy: 'imported',
      context: { market_mood: 'calm' },
    });
    expect(second).toMatchObject({ channel: 'meeting', outcome: null });
    // The same file again would double the history: it is refused, naming the rows.
    const again = await refusal(() => importCsv(db, { file, mapping: history.interactions, actor: 'test', now }));
    expect(again.issues[0]).toEqual({
      line: 2,
      column: 'id',
      reason: 'interaction EV:K1:P1:2026-01-02T10:30:00.000Z is already stored (was this file imported before?)',
    });
    expect(countInteractions(db)).toBe(2);
    expect(listAuditEntries(db, { entity: 'import' })).toHaveLength(1);
  });

  it('refuses interactions that name a client or product the store does not have', async () => {
    await seedBook();
    const file = write(
      'interactions-bad.tsv',
      'client\tproduct\twhen\thow\tresult\tnote\nK1\tP1\t2026-01-02\t电话\tno\t\nK1\tNOPE\t2026-01-03\t电话\tmaybe\t\n',
    );
    expect(
      (await refusal(() => importCsv(db, { file, mapping: history.interactions, actor: 'test', now }))).issues,
    ).toEqual([
      {
        line: 3,
        column: 'result',
        reason: '"maybe" is not an outcome (interested, accepted, declined, no_response, 1/0, yes/no, true/false)',
      },
    ]);
    const unknown = write(
      'interactions-unknown.tsv',
      'client\tproduct\twhen\thow\tresult\tnote\nK1\tNOPE\t2026-01-03\t电话\tno\t\n',
    );
    expect(
      (await refusal(() => importCsv(db, { file: unknown, mapping: history.interactions, actor: 'test', now }))).issues,
    ).toEqual([{ line: 2, column: 'product', reason: 'no product with id NOPE (import products first)' }]);
    expect(countInteractions(db)).toBe(0);
  });
});
