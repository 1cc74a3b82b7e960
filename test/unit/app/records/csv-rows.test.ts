import { describe, expect, it } from 'vitest';
import type { AdviceRecord } from '../../../../app/records/advice-record';
import { ADVICE_CSV_HEADER, csvRowsOf } from '../../../../app/records/csv-rows';

const column = (name: string) => ADVICE_CSV_HEADER.indexOf(name);
const suitability = (suitable: boolean, failed: string[]) => ({
  suitable,
  ruleSet: { id: 'default', version: 1 },
  deviationApplied: false,
  checks: [],
  reasons: failed.map((ruleId) => ({ ruleId, passed: false, text: { en: ruleId, zh: ruleId } })),
});

describe('csvRowsOf', () => {
  it('gives a presented ranking one row per product, with its role and the rules it failed', () => {
    const product = (id: string) => ({ id, nameEn: `Fund ${id}`, nameZh: `基金 ${id}`, riskGrade: 'R2' });
    const record = {
      id: 'AR-9',
      kind: 'ranking-presented',
      createdAt: '2026-11-28T09:00:00.000Z',
      advisor: 'adv-1',
      approver: null,
      client: { id: 'CL-1', displayName: 'Wang Fang', riskClass: 'C2' },
      products: [
        {
          product: product('A'),
          role: 'recommended',
          suitability: suitability(true, []),
          position: 1,
          probability: 0.4,
        },
        {
          product: product('B'),
          role: 'rejected',
          suitability: suitability(false, ['risk-class']),
          position: null,
          probability: null,
        },
      ],
    } as unknown as AdviceRecord;
    const rows = csvRowsOf('f'.repeat(64), record);
    expect(rows.map((r) => [r[column('product_id')], r[column('role')], r[column('suitable')]])).toEqual([
      ['A', 'recommended', true],
      ['B', 'rejected', false],
    ]);
    expect(rows[1]![column('failed_rules')]).toBe('risk-class');
  });

  it('refuses a kind it has no layout for rather than writing part of it', () => {
    expect(() => csvRowsOf('f'.repeat(64), { kind: 'review' } as unknown as AdviceRecord)).toThrow(/kind review/);
  });
});
