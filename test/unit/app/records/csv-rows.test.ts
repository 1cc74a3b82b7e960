import { describe, expect, it } from 'vitest';
import { ADVICE_CSV_HEADER, csvRowsOf } from '../../../../app/records/csv-rows';

const column = (name: (typeof ADVICE_CSV_HEADER)[number]) => ADVICE_CSV_HEADER.indexOf(name);

describe('csvRowsOf', () => {
  it('gives a record that lists products one row each, with its role, suitability and reasons', () => {
    const product = (id: string) => ({ id, nameEn: `Fund ${id}`, nameZh: `基金 ${id}`, riskGrade: 'R2' });
    const rows = csvRowsOf(
      {
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
            suitability: { suitable: true, reasons: [] },
            position: 1,
            probability: 0.4,
          },
          {
            product: product('B'),
            role: 'rejected',
            suitability: {
              suitable: false,
              reasons: [
                { ruleId: 'risk-class', passed: false, text: { en: 'Risk grade R4 exceeds C2' } },
                { ruleId: 'kyc', passed: true, text: { en: 'KYC current' } },
              ],
            },
            position: null,
            probability: null,
          },
        ],
      } as never,
      'f'.repeat(64),
    );
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => [r[column('product_id')], r[column('product_role')], r[column('suitable')]])).toEqual([
      ['A', 'recommended', true],
      ['B', 'rejected', false],
    ]);
    // A rejected product's row says why it failed, not every check it passed.
    expect(rows[1]![column('suitability_reasons')]).toBe('Risk grade R4 exceeds C2');
  });

  it('refuses a kind it has no layout for rather than writing part of it', () => {
    expect(() => csvRowsOf({ kind: 'correction' }, 'f'.repeat(64))).toThrow(/kind "correction"/);
  });
});
