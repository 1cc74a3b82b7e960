import { describe, expect, it } from 'vitest';
import { chineseNumeralValue, extractNumbers } from '../../../../app/pitch';

const read = (text: string) => extractNumbers(text).map((n) => [n.text, n.unit, n.value]);

describe('figures in English and Chinese', () => {
  it('reads percentages in their written forms', () => {
    expect(read('3.5%, 3.5 %, 3.5 per cent, 百分之三点五, 25 bp')).toEqual([
      ['3.5%', 'percent', 3.5],
      ['3.5 %', 'percent', 3.5],
      ['3.5 per cent', 'percent', 3.5],
      ['百分之三点五', 'percent', 3.5],
      ['25 bp', 'percent', 0.25],
    ]);
  });

  it('reads amounts with separators, currencies and 万/亿', () => {
    expect(read('1,000,000 and CNY 50,000; 100万, 1.5 万元, 3亿, 2 million')).toEqual([
      ['1,000,000', 'plain', 1_000_000],
      ['50,000', 'money', 50_000],
      ['100万', 'money', 1_000_000],
      ['1.5 万元', 'money', 15_000],
      ['3亿', 'money', 300_000_000],
      ['2 million', 'money', 2_000_000],
    ]);
  });

  it('reads terms in months, whatever unit they are written in', () => {
    expect(read('5年, 12 个月, three months, 1-year, 20-Year, 一年期, 十年, 90-day')).toEqual([
      ['5年', 'months', 60],
      ['12 个月', 'months', 12],
      ['three months', 'months', 3],
      ['1-year', 'months', 12],
      ['20-Year', 'months', 240],
      ['一年', 'months', 12],
      ['十年', 'months', 120],
      ['90-day', 'months', (90 * 12) / 365],
    ]);
  });

  it('gives the first figure of a range the unit of the second', () => {
    expect(read('1 to 3 years; 3 至 24 个月; 55 至 80 岁')).toEqual([
      ['1', 'months', 12],
      ['3 years', 'months', 36],
      ['3', 'months', 3],
      ['24 个月', 'months', 24],
      ['55', 'age', 55],
      ['80 岁', 'age', 80],
    ]);
  });

  it('reads a dash as a minus only where it cannot join a range', () => {
    expect(read('-15% to 20%; 1.2%-3.4%')).toEqual([
      ['-15%', 'percent', -15],
      ['20%', 'percent', 20],
      ['1.2%', 'percent', 1.2],
      ['3.4%', 'percent', 3.4],
    ]);
  });

  it('skips codes, words and calendar years are plain figures', () => {
    expect(read('R3 and C5, QDII, 10y, T+3, 一次性, 一站式, 万无一失')).toEqual([['3', 'plain', 3]]);
    expect(read('2045 年, 2026-01-01, 2026年1月1日')).toEqual([
      ['2045 年', 'plain', 2045],
      ['2026-01-01', 'date', 20260101],
      ['2026年1月1日', 'date', 20260101],
    ]);
  });

  it('converts Chinese numerals', () => {
    expect([
      chineseNumeralValue('三点五'),
      chineseNumeralValue('十二'),
      chineseNumeralValue('一百二十'),
      chineseNumeralValue('两万'),
      chineseNumeralValue('x'),
    ]).toEqual([3.5, 12, 120, 20_000, null]);
  });
});
