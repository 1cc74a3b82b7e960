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
  /**
   * Cut points between quantile bins, ascending: a value falls in bin b when exactly b edges are at or below it.
   * The bins let a straight weight per bin draw thresholds and U-shapes (age, balance, days since contact) that
   * one standardised slope cannot. Empty for a column with too few distinct values to cut.
   */
  binEdges: number[];
  /** The index of bin 0; bin b is binIndex + b. Unused (-1) when binEdges is empty. */
  binIndex: number;
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
  version: 2;
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
  /** Quantile bins per numeric column (one-hot beside the standardised value); 0 or 1 turns bins off. */
  numericBins?: number;
  /** The fewest training rows a bin may hold, so a bin's weight is estimated from enough outcomes. */
  minBinRows?: number;
  /**
   * A whole-number column with at most this many distinct values (a region or channel code, a count, an age in
   * years) gets a bin per value that has minBinRows rows, since neighbouring codes need not behave alike.
   */
  codeValues?: number;
}

/** Sixteen bins of at least 30 rows, and a bin per value for whole-number codes: chosen on the synthetic sets in test/quality, not the demo. */
export const DEFAULT_NUMERIC_BINS = 16;
export const DEFAULT_MIN_BIN_ROWS = 30;
export const DEFAULT_CODE_VALUES = 200;

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

/**
 * Cut points that split the sorted training values into bins of about n / bins rows, never splitting equal
 * values and never leaving a bin under minRows. A point mass of at least n / bins rows (balance 0, "days since
 * contact" -1) gets a bin of its own; a two-valued flag gets two bins; a constant column gets none.
 */
export function quantileEdges(values: readonly number[], bins: number, minRows: number, codeValues = 0): number[] {
  const floor = Math.max(1, minRows);
  if (bins < 2 || values.length < 2 * floor) return [];
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  let distinct = 1;
  let whole = Number.isInteger(sorted[0]!);
  for (let i = 1; i < n; i++) {
    if (sorted[i] !== sorted[i - 1]) distinct++;
    if (!Number.isInteger(sorted[i]!)) whole = false;
  }
  const codes = whole && distinct <= codeValues;
  const target = codes ? floor : Math.max(floor, n / bins);
  const edges: number[] = [];
  let binStart = 0;
  for (let i = 0; i < n; ) {
    let j = i + 1;
    while (j < n && sorted[j] === sorted[i]) j++;
    if (j < n && j - binStart >= target && n - j >= floor) {
      const lo = sorted[j - 1]!;
      const hi = sorted[j]!;
      // Halves first so two huge values cannot overflow; if rounding lands on lo, the upper value is the cut.
      const mid = lo / 2 + hi / 2;
      edges.push(mid > lo && mid <= hi ? mid : hi);
      binStart = j;
    }
    i = j;
  }
  return edges;
}

/** Which bin a finite value falls in: the number of edges at or below it. */
export function binOf(edges: readonly number[], value: number): number {
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Fits means, deviations, bins and vocabularies on training rows only, so test rows never leak into the encoding. */
export function fitEncoding(rows: readonly RawFeatures[], options: EncodingOptions = {}): FeatureEncoding {
  const clipZ = options.clipZ ?? 5;
  const minCount = options.minCount ?? 2;
  const maxValues = options.maxValuesPerFeature ?? 2000;
  const bins = options.numericBins ?? DEFAULT_NUMERIC_BINS;
  const minBinRows = options.minBinRows ?? DEFAULT_MIN_BIN_ROWS;
  const numericCustom = numericCustomAttributes(rows);
  const seenValues = new Map<string, number[]>();
  const counts = new Map<string, Map<string, number>>();

  for (const row of rows) {
    for (const [name, v] of Object.entries(row.numeric)) {
      if (name.includes('.custom.') && !numericCustom.has(name)) continue;
      let list = seenValues.get(name);
      if (!list) seenValues.set(name, (list = []));
      if (v !== null && Number.isFinite(v)) list.push(v);
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
  const numeric: NumericColumn[] = [...seenValues.keys()].sort().map((name) => {
    const list = seenValues.get(name)!;
    let sum = 0;
    for (const v of list) sum += v;
    const mean = list.length > 0 ? sum / list.length : 0;
    // Two passes: the one-pass sum of squares loses everything to cancellation on large amounts.
    let squares = 0;
    for (const v of list) squares += (v - mean) * (v - mean);
    const std = list.length > 1 && Number.isFinite(squares) ? Math.sqrt(squares / list.length) : 0;
    const binEdges = quantileEdges(list, bins, minBinRows, options.codeValues ?? DEFAULT_CODE_VALUES);
    const index = next(name);
    const missingIndex = next(`${name} missing`);
    const binIndex = binEdges.length > 0 ? names.length : -1;
    if (binEdges.length > 0) {
      for (let b = 0; b <= binEdges.length; b++) {
        const from = b === 0 ? '' : `≥${formatEdge(binEdges[b - 1]!)}`;
        const to = b === binEdges.length ? '' : `<${formatEdge(binEdges[b]!)}`;
        next(`${name} ${[from, to].filter(Boolean).join(' ')}`);
      }
    }
    // A constant column would divide by zero; std 1 keeps its standardised value at 0.
    return { name, index, missingIndex, mean: Number.isFinite(mean) ? mean : 0, std: std > 1e-9 ? std : 1, binEdges, binIndex };
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
  return { version: 2, dimension: names.length, clipZ, numeric, categorical, names };
}

function formatEdge(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/**
 * One numeric column's entries for one value, appended to indices/values: the missing flag, or the clipped
 * standardised value (left out when it is 0) and the one-hot bin. The one place a number becomes features, so
 * the full encoder and any fast scoring path agree bit for bit.
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
  if (column.binEdges.length > 0) {
    indices.push(column.binIndex + binOf(column.binEdges, value));
    values.push(1);
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

/**
 * A stored encoding, checked before use. Version 1 (no bins) is read as version 2 without bins, so models saved
 * before bins existed still score as they did; any other version is refused rather than misread.
 */
export function encodingFromJSON(json: unknown): FeatureEncoding {
  const e = json as Partial<Omit<FeatureEncoding, 'version'>> & { version?: unknown };
  if (typeof e !== 'object' || e === null) throw new Error('feature encoding is not an object');
  if (e.version !== 1 && e.version !== 2) {
    throw new Error(`feature encoding version ${String(e.version)} is not one this Advisor Desk can read (it reads 1 and 2): retrain the model, or update Advisor Desk`);
  }
  if (!Array.isArray(e.numeric) || !Array.isArray(e.categorical) || !Array.isArray(e.names) || typeof e.dimension !== 'number' || e.names.length !== e.dimension) {
    throw new Error('feature encoding is incomplete: numeric, categorical, names and dimension must agree');
  }
  const numeric: NumericColumn[] = e.numeric.map((c: Partial<NumericColumn> & Omit<NumericColumn, 'binEdges' | 'binIndex'>) => ({ ...c, binEdges: Array.isArray(c.binEdges) ? c.binEdges : [], binIndex: typeof c.binIndex === 'number' ? c.binIndex : -1 }));
  for (const c of numeric) {
    const last = c.binIndex + c.binEdges.length;
    if (c.binEdges.length > 0 && (c.binIndex < 0 || last >= e.dimension)) throw new Error(`feature encoding: bins of ${c.name} fall outside its ${e.dimension} features`);
  }
  return { version: 2, dimension: e.dimension, clipZ: typeof e.clipZ === 'number' ? e.clipZ : 5, numeric, categorical: e.categorical, names: e.names };
}
