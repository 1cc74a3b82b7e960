import { describe, expect, it } from 'vitest';
import { encodeFeatures, fitEncoding } from '../../../../app/scoring/feature-encoding';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook } from './scoring-fixtures';

const book = demoBook(demo());
const rows = labelledRows(demo().interactions.slice(0, 1500), book);
const encoding = fitEncoding(rows.map((r) => r.raw));

function allFinite(values: Float64Array): boolean {
  return values.every((v) => Number.isFinite(v));
}

describe('feature encoding', () => {
  it('is plain JSON that encodes the same after a round trip', () => {
    const restored = JSON.parse(JSON.stringify(encoding));
    const x = encodeFeatures(encoding, rows[0]!.raw);
    const y = encodeFeatures(restored, rows[0]!.raw);
    expect(Array.from(y.indices)).toEqual(Array.from(x.indices));
    expect(Array.from(y.values)).toEqual(Array.from(x.values));
  });

  it('computes the crosses the domain names', () => {
    const { context, raw } = rows.find((r) => r.context.client.riskClass !== null && r.context.market)!;
    const gap = Number(context.product.riskGrade.slice(1)) - Number(context.client.riskClass!.slice(1));
    expect(raw.numeric['cross.riskGap']).toBe(gap);
    expect(raw.categorical['cross.objectiveXCategory']).toEqual(
      context.client.objectives.map((o) => `${o}|${context.product.category}`),
    );
    expect(raw.categorical['cross.kindXFamily']).toEqual([`${context.client.kind}|${context.product.family}`]);
  });

  it('uses the missing indicator for absent numbers and the unseen bucket for new categories', () => {
    const base = rows[0]!.context;
    const raw = rawFeatures({
      ...base,
      client: { ...base.client, id: 'never-seen', creditScore: null, objectives: [] },
      market: null,
    });
    const x = encodeFeatures(encoding, raw);
    const indices = new Set(x.indices);
    const col = (name: string) => encoding.categorical.find((c) => c.name === name)!;
    const num = (name: string) => encoding.numeric.find((c) => c.name === name)!;
    expect(indices.has(col('client.id').unseenIndex)).toBe(true);
    expect(indices.has(col('client.objective').missingIndex)).toBe(true);
    expect(indices.has(num('client.creditScore').missingIndex)).toBe(true);
    expect(indices.has(num('market.depositRate1y').missingIndex)).toBe(true);
    expect(allFinite(x.values)).toBe(true);
  });

  it('clips extreme and non-finite numbers to finite values', () => {
    const base = rows[0]!.context;
    const raw = rawFeatures({
      ...base,
      client: {
        ...base.client,
        investableAssets: 1e308,
        totalAssets: Number.MAX_VALUE,
        horizonYears: 1e300,
        dependents: -1e300,
      },
    });
    raw.numeric['client.age'] = Infinity;
    raw.numeric['product.rateMid'] = NaN;
    const x = encodeFeatures(encoding, raw);
    expect(allFinite(x.values)).toBe(true);
    expect(Math.max(...x.values.map(Math.abs))).toBeLessThanOrEqual(encoding.clipZ);
  });

  it('detects numeric and categorical custom attributes from the training data', () => {
    const withCustom = rows.slice(0, 40).map((r, i) =>
      rawFeatures({
        ...r.context,
        client: {
          ...r.context.client,
          customAttributes: { segment: i % 2 ? 'gold' : 'silver', tenureYears: String(i % 7), vip: i % 3 === 0 },
        },
      }),
    );
    const enc = fitEncoding(withCustom);
    expect(enc.numeric.map((c) => c.name)).toEqual(
      expect.arrayContaining(['client.custom.tenureYears', 'client.custom.vip']),
    );
    expect(enc.categorical.find((c) => c.name === 'client.custom.segment')?.values).toHaveProperty('gold');
    expect(enc.categorical.some((c) => c.name === 'client.custom.tenureYears')).toBe(false);
  });
});
