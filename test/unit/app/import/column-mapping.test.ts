import { describe, expect, it } from 'vitest';
import {
  applyMapping,
  coerceCell,
  detectAttributeType,
  MappingFileSchema,
} from '../../../../app/import/column-mapping';
import { parseCsv } from '../../../../app/import/csv-parser';

const mapping = MappingFileSchema.parse({
  entity: 'clients',
  columns: [
    { column: 'Client No', field: 'id', required: true },
    { column: 'Name', field: 'displayName', required: true },
    { column: 'Income', field: 'annualIncome', type: 'number' },
    { column: 'Born', field: 'birthDate', type: 'date' },
    { column: 'Pro', field: 'professionalInvestor', type: 'boolean' },
    { column: 'Goals', field: 'objectives', type: 'list', values: { 'growth only': 'growth' } },
    { column: '风险等级', field: 'riskClass', values: { 保守型: 'C1', 稳健型: 'C2' } },
  ],
});

describe('column mapping', () => {
  it('maps named columns to typed fields and keeps the rest as detected custom attributes', () => {
    const table = parseCsv(
      'Client No,Name,Income,Born,Pro,Goals,风险等级,segment,branch_score\nA1,王芳,"1,250,000",1980-02-29,yes,income|growth,稳健型,mass,7\nA2,Ben,,1975-12-01,否,growth only,保守型,,8.5\n',
    );
    const { records, issues } = applyMapping(table, mapping);
    expect(issues).toEqual([]);
    expect(records[0]).toEqual({
      line: 2,
      fields: {
        id: 'A1',
        displayName: '王芳',
        annualIncome: 1_250_000,
        birthDate: '1980-02-29',
        professionalInvestor: true,
        objectives: ['income', 'growth'],
        riskClass: 'C2',
      },
      customAttributes: { segment: 'mass', branch_score: 7 },
    });
    expect(records[1]?.fields).toMatchObject({
      annualIncome: null,
      professionalInvestor: false,
      objectives: ['growth'],
      riskClass: 'C1',
    });
    expect(records[1]?.customAttributes).toEqual({ segment: null, branch_score: 8.5 });
  });

  it('collects every bad cell with its line, column and reason instead of importing part of the file', () => {
    const table = parseCsv(
      'Client No,Name,Income,Born,Pro,Goals,风险等级\nA1,,12k,1980-02-30,maybe,,\nA2,Ok,5,2000-01-01,no,,\n',
    );
    const { issues } = applyMapping(table, mapping);
    expect(issues).toEqual([
      { line: 2, column: 'Name', reason: 'a value is required' },
      { line: 2, column: 'Income', reason: '"12k" is not a number' },
      { line: 2, column: 'Born', reason: '"1980-02-30" is not a date written YYYY-MM-DD' },
      { line: 2, column: 'Pro', reason: '"maybe" is not yes/no, true/false or 1/0' },
    ]);
  });

  it('refuses a file missing a required column, or with unmapped columns when told to', () => {
    expect(applyMapping(parseCsv('Name\nX\n'), mapping).issues).toEqual([
      { line: 1, column: 'Client No', reason: 'required column is missing from the header' },
    ]);
    const strict = MappingFileSchema.parse({ ...mapping, otherColumns: 'error' });
    expect(applyMapping(parseCsv('Client No,Name,extra\nA,B,C\n'), strict).issues).toEqual([
      { line: 1, column: 'extra', reason: 'column is not named in the mapping' },
    ]);
  });

  it('refuses a malformed mapping file with the path of the problem', () => {
    const result = MappingFileSchema.safeParse({
      entity: 'clients',
      columns: [{ column: 'a', field: 'b', type: 'money' }],
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['columns', 0, 'type']);
  });

  it('converts dates and times to one ISO form and reads numbers as exported', () => {
    expect(coerceCell('2026-03-01 09:30', 'datetime')).toEqual({
      ok: true,
      value: new Date('2026-03-01T09:30').toISOString(),
    });
    expect(coerceCell('2026-03-01', 'datetime')).toEqual({ ok: true, value: '2026-03-01T00:00:00.000Z' });
    expect(coerceCell('3.5%', 'number')).toEqual({ ok: true, value: 3.5 });
    expect(coerceCell('2.5', 'integer').ok).toBe(false);
    expect(detectAttributeType(['1', '', '2.5'])).toBe('number');
    expect(detectAttributeType(['yes', 'no'])).toBe('boolean');
    expect(detectAttributeType(['1', 'gold'])).toBe('string');
  });
});
