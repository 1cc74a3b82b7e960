import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../../app/import/csv-parser';
import { detectAttributeKind, EventsMappingSchema, readEventTable } from '../../../../app/import/event-table';
import { readOutcome } from '../../../../app/import/outcome-values';

const defaults = EventsMappingSchema.parse({});

describe('flat outcome table', () => {
  it('reads outcomes, detects numeric and categorical columns, and keeps each client attribute from its latest row', () => {
    const table = parseCsv(
      'client_id,product_id,occurred_at,outcome,client.age,client.segment,product.theme,market.rate,market.month\n' +
        'C1,P1,2026-02-01,Yes,41,gold,green,1.5,02\n' +
        'C1,P2,2026-01-01T09:00:00+08:00,0,40,silver,,1.6,01\n' +
        'C2,P1,2026-02-01,TRUE,,,tech,"1,000",02\n',
    );
    const read = readEventTable(table, defaults);
    expect(read.issues).toEqual([]);
    expect(read.columnTypes).toEqual({
      'client.age': 'numeric',
      'client.segment': 'categorical',
      'product.theme': 'categorical',
      'market.rate': 'numeric',
      'market.month': 'numeric',
    });
    expect(read.events.map((e) => [e.id, e.outcome, e.occurredAt, e.context])).toEqual([
      ['EV:C1:P1:2026-02-01T00:00:00.000Z', 'accepted', '2026-02-01T00:00:00.000Z', { rate: 1.5, month: 2 }],
      ['EV:C1:P2:2026-01-01T01:00:00.000Z', 'declined', '2026-01-01T01:00:00.000Z', { rate: 1.6, month: 1 }],
      ['EV:C2:P1:2026-02-01T00:00:00.000Z', 'accepted', '2026-02-01T00:00:00.000Z', { rate: 1000, month: 2 }],
    ]);
    // Line 3 comes later in the file but happened earlier: the February row's values win.
    expect(read.clients).toEqual(
      new Map([
        ['C1', { age: 41, segment: 'gold' }],
        ['C2', {}],
      ]),
    );
    expect(read.products).toEqual(
      new Map([
        ['P1', { theme: 'tech' }],
        ['P2', {}],
      ]),
    );
    expect(read.events[0]).toMatchObject({ channel: 'meeting', advisorId: 'import', note: '' });
  });

  it('lets the mapping rename columns, force types, ignore columns and add outcome words', () => {
    const table = parseCsv(
      '客户号;产品;日期;结果;年龄;月份;行号\nC1;P1;2026-03-01;购买;41;3;1\nC1;P1;2026-03-01;未购买;41;4;2\n',
      ';',
    );
    const mapping = EventsMappingSchema.parse({
      rename: {
        客户号: 'client_id',
        产品: 'product_id',
        日期: 'occurred_at',
        结果: 'outcome',
        年龄: 'client.age',
        月份: 'market.month',
      },
      types: { 'market.month': 'categorical' },
      ignore: ['行号'],
      outcomeValues: { 购买: 'accepted', 未购买: 'declined' },
    });
    const read = readEventTable(table, mapping);
    expect(read.issues).toEqual([]);
    expect(read.columnTypes).toEqual({ 'client.age': 'numeric', 'market.month': 'categorical' });
    expect(read.events.map((e) => [e.id, e.outcome, e.context])).toEqual([
      ['EV:C1:P1:2026-03-01T00:00:00.000Z', 'accepted', { month: '3' }],
      ['EV:C1:P1:2026-03-01T00:00:00.000Z#2', 'declined', { month: '4' }],
    ]);
  });

  it('names the line, column and reason of every bad cell and refuses unknown columns in the header', () => {
    const header = readEventTable(parseCsv('client_id,product_id,when,outcome,age\nC1,P1,2026-01-01,1,3\n'), defaults);
    expect(header.issues).toEqual([
      { line: 1, column: 'when', reason: expect.stringMatching(/^not a known column/) },
      { line: 1, column: 'age', reason: expect.stringMatching(/^not a known column/) },
      { line: 1, column: 'occurred_at', reason: expect.stringMatching(/^required column is missing/) },
    ]);
    const forced = EventsMappingSchema.parse({ types: { 'client.age': 'numeric' } });
    const rows = readEventTable(
      parseCsv(
        'client_id,product_id,occurred_at,outcome,client.age,channel\nC1,P1,2026-01-01,1,forty,call\n,P1,01/02/2026,maybe,40,fax\n',
      ),
      forced,
    );
    expect(rows.issues).toEqual([
      { line: 2, column: 'client.age', reason: '"forty" is not a number, and the mapping says this column is numeric' },
      { line: 3, column: 'client_id', reason: 'every row needs a client id' },
      { line: 3, column: 'occurred_at', reason: '"01/02/2026" is not an ISO date or date and time' },
      { line: 3, column: 'outcome', reason: '"maybe" is not an outcome: use 1/0, yes/no or true/false' },
      { line: 3, column: 'channel', reason: '"fax" is not one of meeting, call, email, branch' },
    ]);
    expect(rows.events).toEqual([]);
  });

  it('reads 1/0, yes/no and true/false in any case, and nothing else', () => {
    expect(['1', 'YES', 'True', 'yes '].map((v) => readOutcome(v, { ownWords: false }))).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'accepted',
    ]);
    expect(['0', 'No', 'FALSE'].map((v) => readOutcome(v, { ownWords: false }))).toEqual([
      'declined',
      'declined',
      'declined',
    ]);
    expect(readOutcome('interested', { ownWords: false })).toBeNull();
    expect(readOutcome('interested', { ownWords: true })).toBe('interested');
    expect(detectAttributeKind(['1', '', '2.5%'])).toBe('numeric');
    expect(detectAttributeKind(['1', 'x'])).toBe('categorical');
  });
});
