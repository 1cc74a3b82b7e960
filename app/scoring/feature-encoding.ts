import type { RawFeatures } from './scoring-context';

/** A feature vector with few non-zero entries: the indices that are set and their values, same length. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface NumericColumn {
  name: string;
  index: number;
  /** Set to 1 when the value is missing, so "unknown" can carry its own weight instead of pretending to be average. */
  missingIndex: number;
  mean: number;
  std: number;
}

export interface CategoricalColumn {
  name: string;
  values: Record<string, number>;
  /** Values not in the vocabulary (new at scoring time, or too rare in training) share this bucket. */
  unseenIndex: number;
  missingIndex: number;
}

/**
 * Everything needed to turn raw features into the model's vector, as plain JSON: stored with each model
 * version so a score can be reproduced later even if new attributes or categories have appeared since.
 */
export interface FeatureEncoding {
  version: 1;
  dimension: number;
  /** Standardised values are clipped to ±clipZ so one extreme number cannot swamp a score. */
  clipZ: number;
  numeric: NumericColumn[];
  categorical: CategoricalColumn[];
  /** A readable name per index, for explanations ("objective × category: growth|equity_index_fund"). */
  names: string[];
}

export interface EncodingOptions {
  clipZ?: number;
  /** Values seen fewer times than this in training go to the unseen bucket: one-off ids teach nothing. */
  minCount?: number;
  /** The most values kept per categorical feature, most frequent first; the rest share the unseen bucket. */
  maxValuesPerFeature?: number;
}

/**
 * A custom attribute arrives both as a number (when it parses as one) and as text. It is numeric only when every
 * training row that has it has a number, so a column mixing "12" and "n/a" stays categorical.
 */
function numericCustomAttributes(rows: readonly RawFeatures[]): Set<string> {
  const seen = new Set<string>();
  const notNumeric = new Set<string>();
  for (const row of rows) {
    for (const [name, values] of Object.entries(row.categorical)) {
      if (!name.includes('.custom.') || values.length === 0) continue;
      seen.add(name);
      const n = row.numeric[name];
      if (n === null || n === undefined) notNumeric.add(name);
    }
    for (const [name, n] of Object.entries(row.numeric)) if (name.includes('.custom.') && n !== null) seen.add(name);
  }
  return new Set([...seen].filter((name) => !notNumeric.has(name)));
}

/** Fits means, deviations and vocabularies on training rows only, so test rows never leak into the encoding. */
export function fitEncoding(rows: readonly RawFeatures[], options: EncodingOptions = {}): FeatureEncoding {
  const clipZ = options.clipZ ?? 5;
  const minCount = options.minCount ?? 2;
  const maxValues = options.maxValuesPerFeature ?? 2000;
  const numericCustom = numericCustomAttributes(rows);
  const sums = new Map<string, { n: number; sum: number; sumSq: number }>();
  const counts = new Map<string, Map<string, number>>();

  for (const row of rows) {
    for (const [name, v] of Object.entries(row.numeric)) {
      if (name.includes('.custom.') && !numericCustom.has(name)) continue;
      let s = sums.get(name);
      if (!s) sums.set(name, (s = { n: 0, sum: 0, sumSq: 0 }));
      if (v !== null && Number.isFinite(v)) {
        s.n++;
        s.sum += v;
        s.sumSq += v * v;
      }
    }
    for (const [name, values] of Object.entries(row.categorical)) {
      if (numericCustom.has(name)) continue;
      let c = counts.get(name);
      if (!c) counts.set(name, (c = new Map()));
      for (const value of values) c.set(value, (c.get(value) ?? 0) + 1);
    }
  }

  const names: string[] = [];
  const next = (name: string): number => names.push(name) - 1;
  const numeric: NumericColumn[] = [...sums.keys()].sort().map((name) => {
    const s = sums.get(name)!;
    const mean = s.n > 0 ? s.sum / s.n : 0;
    const variance = s.n > 1 ? Math.max(0, s.sumSq / s.n - mean * mean) : 0;
    const std = Math.sqrt(variance);
    // A constant column would divide by zero; std 1 keeps its standardised value at 0.
    return { name, index: next(name), missingIndex: next(`${name} missing`), mean, std: std > 1e-9 ? std : 1 };
  });
  const categorical: CategoricalColumn[] = [...counts.keys()].sort().map((name) => {
    const kept = [...counts.get(name)!.entries()]
      .filter(([, n]) => n >= minCount)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, maxValues)
      .map(([value]) => value)
      .sort();
    const values: Record<string, number> = {};
    for (const value of kept) values[value] = next(`${name}: ${value}`);
    return { name, values, unseenIndex: next(`${name}: other`), missingIndex: next(`${name} missing`) };
  });
  return { version: 1, dimension: names.length, clipZ, numeric, categorical, names };
}

/**
 * One numeric column's entries for one value, appended to indices/values: the missing flag, or the clipped
 * standardised value (left out when it is 0). The one place a number becomes features, so the full encoder and
 * a fast scoring path agree bit for bit.
 */
export function encodeNumericInto(encoding: FeatureEncoding, column: NumericColumn, value: number | null | undefined, indices: number[], values: number[]): void {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    indices.push(column.missingIndex);
    values.push(1);
    return;
  }
  const z = (value - column.mean) / column.std;
  // (v - mean) can overflow to ±Infinity for values near the float limit; clipping still gives a finite value.
  const clipped = Number.isNaN(z) ? 0 : Math.max(-encoding.clipZ, Math.min(encoding.clipZ, z));
  if (clipped !== 0) {
    indices.push(column.index);
    values.push(clipped);
  }
}

/** Raw features to the model's sparse vector. Every value written is finite whatever the input. */
export function encodeFeatures(encoding: FeatureEncoding, raw: RawFeatures): SparseVector {
  const indices: number[] = [];
  const values: number[] = [];
  for (const col of encoding.numeric) encodeNumericInto(encoding, col, raw.numeric[col.name], indices, values);
  for (const col of encoding.categorical) {
    const present = raw.categorical[col.name];
    if (!present || present.length === 0) {
      indices.push(col.missingIndex);
      values.push(1);
      continue;
    }
    // A repeated value (or two unseen ones) is counted once: the same index must not appear twice.
    const seen = new Set<number>();
    for (const value of present) {
      const index = Object.prototype.hasOwnProperty.call(col.values, value) ? col.values[value]! : col.unseenIndex;
      if (seen.has(index)) continue;
      seen.add(index);
      indices.push(index);
      values.push(1);
    }
  }
  return { indices: Int32Array.from(indices), values: Float64Array.from(values) };
}
