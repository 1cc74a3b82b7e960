import { describe, expect, it } from 'vitest';
import { encodeFeatures, encodeRows, fitEncoding, fitEncodings } from '../../../../app/scoring/feature-encoding';
import { encodeTraining, InterestModel } from '../../../../app/scoring/interest-model';
import { labelledRows } from '../../../../app/scoring/training-rows';
import type { RawFeatures } from '../../../../app/scoring/scoring-context';
import { demo, demoBook } from './scoring-fixtures';

const rows = labelledRows(demo().interactions.slice(0, 3000), demoBook(demo()));
const raws = rows.map((r) => r.raw);

function plain(x: { indices: ArrayLike<number>; values: ArrayLike<number> }): { indices: number[]; values: number[] } {
  return { indices: Array.from(x.indices), values: Array.from(x.values) };
}

describe('encoding many rows at once (training)', () => {
  it('gives every row exactly the vector encodeFeatures gives it', () => {
    const encoding = fitEncoding(raws);
    const batch = encodeRows(encoding, raws);
    expect(batch).toHaveLength(raws.length);
    raws.forEach((raw, r) => expect(plain(batch[r]!)).toEqual(plain(encodeFeatures(encoding, raw))));
  });

  it('fits several encodings from one pass over the rows exactly as it fits each alone', () => {
    // The settings choice tallies its rows once for all the encodings its candidates ask for.
    const settings = [{}, { numericBins: 0 }, { identityMinCount: 3 }];
    expect(fitEncodings(raws, settings)).toEqual(settings.map((o) => fitEncoding(raws, o)));
  });

  it('trains the same model from rows encoded once and shared as from the raw rows', () => {
    const sub = rows.slice(0, 1200);
    const shared = encodeTraining(sub, { numericBins: 0 });
    const options = { encoding: { numericBins: 0 }, model: { seed: 5 } };
    expect(InterestModel.train(sub, options, shared).toJSON()).toEqual(InterestModel.train(sub, options).toJSON());
  });

  it('fits the same encoding whatever order the rows list their names in', () => {
    // The fit remembers where each name sat in the previous row; rows that list names differently must not confuse it.
    const shuffled = raws.map((raw, r): RawFeatures => {
      if (r % 3 !== 0) return raw;
      const numeric = Object.fromEntries(Object.entries(raw.numeric).reverse());
      const categorical = Object.fromEntries(Object.entries(raw.categorical).reverse());
      return { numeric, categorical };
    });
    expect(fitEncoding(shuffled)).toEqual(fitEncoding(raws));
  });

  it('reads vocabulary words that are also object property names as ordinary values', () => {
    const words = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
    const odd: RawFeatures[] = Array.from({ length: 40 }, (_, i) => ({
      numeric: { 'client.age': 30 + (i % 9) },
      categorical: { 'client.sector': [words[i % words.length]!] },
    }));
    const encoding = fitEncoding(odd);
    const sector = encoding.categorical.find((c) => c.name === 'client.sector')!;
    expect(Object.keys(sector.values).sort()).toEqual([...words].sort());
    for (const word of words) {
      const x = encodeFeatures(encoding, { numeric: {}, categorical: { 'client.sector': [word] } });
      expect(Array.from(x.indices)).toContain(sector.values[word]);
      expect(Array.from(x.indices)).not.toContain(sector.unseenIndex);
    }
    const unseen = encodeFeatures(encoding, { numeric: {}, categorical: { 'client.sector': ['isPrototypeOf'] } });
    expect(Array.from(unseen.indices)).toContain(sector.unseenIndex);
  });

  it('counts a value repeated in one row once and keeps a row of many values whole', () => {
    const many: RawFeatures[] = Array.from({ length: 30 }, (_, i) => ({
      numeric: {},
      categorical: { 'client.objective': ['growth', 'income', 'preservation', `x${i % 3}`] },
    }));
    const encoding = fitEncoding(many);
    const objective = encoding.categorical.find((c) => c.name === 'client.objective')!;
    const long = Array.from({ length: 500 }, (_, i) => (i % 2 ? 'growth' : `new-${i}`));
    const [x] = encodeRows(encoding, [{ numeric: {}, categorical: { 'client.objective': long } }]);
    // 'new-0' comes first (the unseen bucket), then 'growth'; the other 498 repeat one of the two.
    expect(Array.from(x!.indices)).toEqual([objective.unseenIndex, objective.values['growth']]);
  });
});
