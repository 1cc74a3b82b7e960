import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, parseCsv, readCsvRecords } from '../../../../app/import/csv-parser';

describe('CSV reader', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks inside', () => {
    const table = parseCsv('id,name,note\r\nC1,"Wang, Fang","said ""yes""\nthen left"\r\nC2,王芳,\r\n');
    expect(table.header).toEqual(['id', 'name', 'note']);
    expect(table.records).toEqual([
      { line: 2, fields: ['C1', 'Wang, Fang', 'said "yes"\nthen left'] },
      { line: 4, fields: ['C2', '王芳', ''] },
    ]);
  });

  it('drops a UTF-8 byte-order mark so the first column keeps its name', () => {
    expect(parseCsv('\uFEFFclient_id;outcome\nC1;1\n').header).toEqual(['client_id', 'outcome']);
  });

  it('detects semicolon, tab and pipe delimiters, and ignores delimiters inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2')).toBe('\t');
    expect(detectDelimiter('a|b\n1|2')).toBe('|');
    expect(detectDelimiter('"x;y;z",b\n1,2')).toBe(',');
    expect(parseCsv('a\tb\n"1\t2"\t3\n').records[0]?.fields).toEqual(['1\t2', '3']);
  });

  it('skips blank lines and keeps counting lines for error messages', () => {
    const records = [...readCsvRecords('a,b\n\n1,2\n\n3,4', ',')];
    expect(records.map((r) => r.line)).toEqual([1, 3, 5]);
  });

  it('names the line and column of an unclosed quote', () => {
    expect(() => parseCsv('a,b\n1,2\n3,"open\n')).toThrow(
      new CsvSyntaxError(3, 3, 'a quoted field is never closed (missing ")'),
    );
  });

  it('refuses a stray quote in an unquoted field and text after a closing quote', () => {
    expect(() => parseCsv('a,b\n1,ab"c\n')).toThrow(/line 2, column 5: a quote inside an unquoted field/);
    expect(() => parseCsv('a,b\n"x"y,2\n')).toThrow(/line 2, column 4: unexpected text after a closing quote/);
  });

  it('refuses rows whose width differs from the header, naming the row', () => {
    expect(() => parseCsv('a,b,c\n1,2,3\n4,5\n')).toThrow(
      /line 3, column 1: expected 3 fields like the header, found 2/,
    );
  });

  it('refuses an empty file, unnamed or repeated header columns', () => {
    expect(() => parseCsv('')).toThrow(/the file is empty/);
    expect(() => parseCsv('a,,c\n')).toThrow(/column 2 has no name/);
    expect(() => parseCsv('a,b,a\n')).toThrow(/column "a" appears twice/);
  });

  it('reads 100,000 rows in one pass', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `C${i},客户${i},"note, ${i}"`).join('\n');
    const table = parseCsv(`id,name,note\n${rows}\n`);
    expect(table.records).toHaveLength(100_000);
    expect(table.records[99_999]).toEqual({ line: 100_001, fields: ['C99999', '客户99999', 'note, 99999'] });
  });
});
