import { describe, expect, it } from 'vitest';
import { csvCell, csvText } from '../../../../app/csv/csv-writer';
import { parseCsv } from '../../../../app/import/csv-parser';

describe('the shared CSV writer', () => {
  it('writes cells a spreadsheet would run as formulas as text, prefixed with a quote', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${start}HYPERLINK("http://x","y")`).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
  });

  it('leaves ordinary text and the numbers the app computed as they are', () => {
    expect(csvCell('C001')).toBe('C001');
    expect(csvCell(-0.25)).toBe('-0.25');
    expect(csvCell('王芳')).toBe('王芳');
  });

  it('quotes what needs quoting, so the file reads back to the same cells', () => {
    const text = csvText(
      ['id', 'note'],
      [
        ['C1', 'said "yes", then\nleft'],
        ['=cmd|calc', '-5'],
      ],
    );
    expect(parseCsv(text, ',').records.map((r) => r.fields)).toEqual([
      ['C1', 'said "yes", then\nleft'],
      ["'=cmd|calc", "'-5"],
    ]);
  });
});
