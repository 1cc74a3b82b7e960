import { describe, expect, it } from 'vitest';
import {
  binOf,
  encodeFeatures,
  encodingFromJSON,
  fitEncoding,
  quantileEdges,
} from '../../../../app/scoring/feature-encoding';
import type { RawFeatures } from '../../../../app/scoring/scoring-context';

const rows: RawFeatures[] = Array.from({ length: 400 }, (_, i) => ({
  numeric: {
    'client.custom.balance': i % 3 === 0 ? 0 : i * 37.5,
    'client.custom.flag': i % 4 === 0 ? 1 : 0,
    'client.custom.same': 3,
    'client.custom.region': i % 7,
  },
  categorical: {},
}));

describe('quantile bins for numeric columns', () => {
  it('cuts at quantiles, gives a point mass its own bin, a flag two and a constant none', () => {
    const enc = fitEncoding(rows, { numericBins: 4, minBinRows: 30 });
    const col = (name: string) => enc.numeric.find((c) => c.name === `client.custom.${name}`)!;
    expect(col('balance').binEdges.length).toBeGreaterThanOrEqual(3);
    expect(binOf(col('balance').binEdges, 0)).toBe(0);
    expect(binOf(col('balance').binEdges, 37.5)).toBe(1);
    expect(col('flag').binEdges).toEqual([0.5]);
    expect(col('same').binEdges).toEqual([]);
    // A whole-number code with few values gets a bin per value.
    expect(col('region').binEdges).toHaveLength(6);
  });

  it('encodes a value as its standardised number plus one bin, and missing as its own index only', () => {
    const enc = fitEncoding(rows, { numericBins: 4 });
    const col = enc.numeric.find((c) => c.name === 'client.custom.balance')!;
    const x = encodeFeatures(enc, { numeric: { 'client.custom.balance': 1e9 }, categorical: {} });
    expect(Array.from(x.indices)).toEqual(expect.arrayContaining([col.index, col.binIndex + col.binEdges.length]));
    const missing = encodeFeatures(enc, { numeric: { 'client.custom.balance': NaN }, categorical: {} });
    expect(
      Array.from(missing.indices).filter((i) => i >= col.index && i <= col.binIndex + col.binEdges.length),
    ).toEqual([col.missingIndex]);
    for (const v of [Infinity, -Infinity, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324]) {
      const e = encodeFeatures(enc, { numeric: { 'client.custom.balance': v }, categorical: {} });
      expect(e.values.every((n) => Number.isFinite(n))).toBe(true);
      expect(e.indices.every((i) => i >= 0 && i < enc.dimension)).toBe(true);
    }
  });

  it('never splits equal values and keeps edges finite for huge numbers', () => {
    expect(quantileEdges([1, 1, 1, 1, 2, 2, 2, 2], 4, 2)).toEqual([1.5]);
    const huge = quantileEdges([Number.MAX_VALUE, -Number.MAX_VALUE, Number.MAX_VALUE, -Number.MAX_VALUE], 2, 1);
    expect(huge.every(Number.isFinite)).toBe(true);
  });

  it('round-trips through JSON, reads version 1 without bins and refuses an unknown version by name', () => {
    const enc = fitEncoding(rows);
    expect(encodingFromJSON(JSON.parse(JSON.stringify(enc)))).toEqual(enc);
    const v1 = { ...fitEncoding(rows, { numericBins: 0 }), version: 1 };
    const read = encodingFromJSON(JSON.parse(JSON.stringify(v1)));
    expect(read.version).toBe(2);
    expect(read.numeric.every((c) => c.binEdges.length === 0)).toBe(true);
    expect(() => encodingFromJSON({ ...enc, version: 3 })).toThrow(/feature encoding version 3 .*reads 1 and 2/);
  });
});
