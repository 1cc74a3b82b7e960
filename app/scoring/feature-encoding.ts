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
  /**
   * Values not in the vocabulary (new at scoring time, or too rare in training) share this bucket; -1 when such a
   * value adds nothing (an identity column fitted with identityMinCount: a new client is scored by attributes alone).
   */
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
  /**
   * Client and product identities (client.id, product.id) as features of their own only where seen at least this
   * often in training, up to identityMaxValues each, with no shared bucket for the rest: an id seen less often, or
   * never, adds nothing, so the score falls back to the attributes without a penalty. Unset: ids are categories
   * like any other (minCount, maxValuesPerFeature, an "other" bucket).
   */
  identityMinCount?: number;
  identityMaxValues?: number;
}

/** The identity columns identityMinCount applies to. */
export const IDENTITY_COLUMNS: readonly string[] = ['client.id', 'product.id'];

/** Sixteen bins of at least 30 rows, and a bin per value for whole-number codes: chosen on the synthetic sets in test/quality, not the demo. */
export const DEFAULT_NUMERIC_BINS = 16;
export const DEFAULT_MIN_BIN_ROWS = 30;
export const DEFAULT_CODE_VALUES = 200;

/**
 * Cut points that split the sorted training values into bins of about n / bins rows, never splitting equal
 * values and never leaving a bin under minRows. A point mass of at least n / bins rows (balance 0, "days since
 * contact" -1) gets a bin of its own; a two-valued flag gets two bins; a constant column gets none.
 */
export function quantileEdges(
  values: readonly number[] | Float64Array,
  bins: number,
  minRows: number,
  codeValues = 0,
): number[] {
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
  for (let i = 0; i < n;) {
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

/** One numeric name's finite training values, in row order (the first `count`), and whether it is a custom attribute. */
interface NumericTally {
  custom: boolean;
  /** A name appears at most once per row, so one array of the row count holds them without regrowing. */
  values: Float64Array;
  count: number;
}

/** One categorical name's values: a slot per distinct value, and the count per slot. */
interface CategoricalTally {
  custom: boolean;
  slots: Map<string, number>;
  counts: number[];
}

/**
 * One pass over the training rows: finite values per numeric name, value counts per categorical name, and which
 * custom attributes are numbers. A custom attribute arrives both as a number (when it parses as one) and as text;
 * it is numeric only when every training row that has it has a number, so a column mixing "12" and "n/a" stays
 * categorical.
 *
 * Rows built by the same code list their names in the same order, so the tally for the name at a position is
 * remembered per position and a name is looked up in a map only when the order differs: 100,000 rows of ~75
 * names would otherwise cost millions of map look-ups and the per-row arrays Object.entries allocates.
 */
function tallyColumns(rows: readonly RawFeatures[]): {
  numericByName: Map<string, NumericTally>;
  countsByName: Map<string, CategoricalTally>;
  numericCustom: Set<string>;
} {
  const numericByName = new Map<string, NumericTally>();
  const countsByName = new Map<string, CategoricalTally>();
  const customSeen = new Set<string>();
  const customNotNumeric = new Set<string>();
  const numericAt: { name: string; tally: NumericTally }[] = [];
  const categoricalAt: { name: string; tally: CategoricalTally }[] = [];
  for (const row of rows) {
    const num = row.numeric;
    let position = 0;
    for (const name in num) {
      const hint = numericAt[position];
      let tally: NumericTally;
      if (hint !== undefined && hint.name === name) tally = hint.tally;
      else {
        let known = numericByName.get(name);
        if (!known)
          numericByName.set(
            name,
            (known = { custom: name.includes('.custom.'), values: new Float64Array(rows.length), count: 0 }),
          );
        tally = known;
        numericAt[position] = { name, tally };
      }
      position++;
      const v = num[name];
      if (tally.custom) {
        if (v !== null) customSeen.add(name);
      }
      if (v !== null && v !== undefined && Number.isFinite(v)) tally.values[tally.count++] = v;
    }
    const cat = row.categorical;
    position = 0;
    for (const name in cat) {
      const hint = categoricalAt[position];
      let tally: CategoricalTally;
      if (hint !== undefined && hint.name === name) tally = hint.tally;
      else {
        let known = countsByName.get(name);
        if (!known)
          countsByName.set(name, (known = { custom: name.includes('.custom.'), slots: new Map(), counts: [] }));
        tally = known;
        categoricalAt[position] = { name, tally };
      }
      position++;
      const values = cat[name]!;
      if (tally.custom && values.length > 0) {
        customSeen.add(name);
        const n = num[name];
        if (n === null || n === undefined) customNotNumeric.add(name);
      }
      for (let j = 0; j < values.length; j++) {
        const value = values[j]!;
        const slot = tally.slots.get(value);
        if (slot === undefined) {
          tally.slots.set(value, tally.counts.length);
          tally.counts.push(1);
        } else tally.counts[slot]!++;
      }
    }
  }
  const numericCustom = new Set([...customSeen].filter((name) => !customNotNumeric.has(name)));
  return { numericByName, countsByName, numericCustom };
}

/** Fits means, deviations, bins and vocabularies on training rows only, so test rows never leak into the encoding. */
export function fitEncoding(rows: readonly RawFeatures[], options: EncodingOptions = {}): FeatureEncoding {
  return encodingFromTally(tallyColumns(rows), options);
}

/**
 * fitEncoding for several option sets on the same rows, one encoding each in the same order: the pass over the rows
 * (most of the cost) is made once for all of them, which are what fitEncoding would give one by one.
 */
export function fitEncodings(rows: readonly RawFeatures[], options: readonly EncodingOptions[]): FeatureEncoding[] {
  const tally = tallyColumns(rows);
  return options.map((o) => encodingFromTally(tally, o));
}

/** The encoding for one set of options from the rows' tally, which it reads and leaves as it was. */
function encodingFromTally(
  { numericByName, countsByName, numericCustom }: ReturnType<typeof tallyColumns>,
  options: EncodingOptions,
): FeatureEncoding {
  const clipZ = options.clipZ ?? 5;
  const minCount = options.minCount ?? 2;
  const maxValues = options.maxValuesPerFeature ?? 2000;
  const bins = options.numericBins ?? DEFAULT_NUMERIC_BINS;
  const minBinRows = options.minBinRows ?? DEFAULT_MIN_BIN_ROWS;

  const names: string[] = [];
  const next = (name: string): number => names.push(name) - 1;
  const numericNames = [...numericByName.keys()].filter(
    (name) => !name.includes('.custom.') || numericCustom.has(name),
  );
  const numeric: NumericColumn[] = numericNames.sort().map((name) => {
    const tally = numericByName.get(name)!;
    const list = tally.values.subarray(0, tally.count);
    let sum = 0;
    for (let j = 0; j < list.length; j++) sum += list[j]!;
    const mean = list.length > 0 ? sum / list.length : 0;
    // Two passes: the one-pass sum of squares loses everything to cancellation on large amounts.
    let squares = 0;
    for (let j = 0; j < list.length; j++) squares += (list[j]! - mean) * (list[j]! - mean);
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
    return {
      name,
      index,
      missingIndex,
      mean: Number.isFinite(mean) ? mean : 0,
      std: std > 1e-9 ? std : 1,
      binEdges,
      binIndex,
    };
  });
  const categoricalNames = [...countsByName.keys()].filter((name) => !numericCustom.has(name));
  const categorical: CategoricalColumn[] = categoricalNames.sort().map((name) => {
    const { slots, counts } = countsByName.get(name)!;
    const identity = options.identityMinCount !== undefined && IDENTITY_COLUMNS.includes(name);
    const least = identity ? options.identityMinCount! : minCount;
    const kept = [...slots.entries()]
      .map(([value, slot]): [string, number] => [value, counts[slot]!])
      .filter(([, n]) => n >= least)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, identity ? (options.identityMaxValues ?? 20_000) : maxValues)
      .map(([value]) => value)
      .sort();
    // fromEntries defines each word as an own property, so a value such as "__proto__" is a word like any other.
    const values: Record<string, number> = Object.fromEntries(kept.map((value) => [value, next(`${name}: ${value}`)]));
    const unseenIndex = identity ? -1 : next(`${name}: other`);
    return { name, values, unseenIndex, missingIndex: next(`${name} missing`) };
  });
  return { version: 2, dimension: names.length, clipZ, numeric, categorical, names };
}

function formatEdge(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(4)));
}

/** A finite value's standardised value, clipped to ±clipZ: the number the column's own feature carries. */
export function clippedZ(encoding: FeatureEncoding, column: NumericColumn, value: number): number {
  const z = (value - column.mean) / column.std;
  // (v - mean) can overflow to ±Infinity for values near the float limit; clipping still gives a finite value.
  return Number.isNaN(z) ? 0 : Math.max(-encoding.clipZ, Math.min(encoding.clipZ, z));
}

/**
 * One numeric column's entries for one value, appended to indices/values: the missing flag, or the clipped
 * standardised value (left out when it is 0) and the one-hot bin. The one place a number becomes features, so
 * the full encoder and any fast scoring path agree bit for bit.
 */
export function encodeNumericInto(
  encoding: FeatureEncoding,
  column: NumericColumn,
  value: number | null | undefined,
  indices: number[],
  values: number[],
): void {
  const n = writeNumeric(encoding, column, value, numericIndices, numericValues, 0);
  for (let j = 0; j < n; j++) {
    indices.push(numericIndices[j]!);
    values.push(numericValues[j]!);
  }
}

const numericIndices = new Int32Array(2);
const numericValues = new Float64Array(2);

/** encodeNumericInto writing from position `at` on and returning the position after its entries (at most two). */
function writeNumeric(
  encoding: FeatureEncoding,
  column: NumericColumn,
  value: number | null | undefined,
  indices: Int32Array,
  values: Float64Array,
  at: number,
): number {
  if (value === null || value === undefined || !Number.isFinite(value)) {
    indices[at] = column.missingIndex;
    values[at] = 1;
    return at + 1;
  }
  const clipped = clippedZ(encoding, column, value);
  if (clipped !== 0) {
    indices[at] = column.index;
    values[at] = clipped;
    at++;
  }
  if (column.binEdges.length > 0) {
    indices[at] = column.binIndex + binOf(column.binEdges, value);
    values[at] = 1;
    at++;
  }
  return at;
}

// Reused between calls: encoding allocates only what it returns.
let scratchIndices = new Int32Array(256);
let scratchValues = new Float64Array(256);

function growScratch(needed: number): void {
  if (needed <= scratchIndices.length) return;
  const size = Math.max(needed, scratchIndices.length * 2);
  const indices = new Int32Array(size);
  indices.set(scratchIndices);
  const values = new Float64Array(size);
  values.set(scratchValues);
  scratchIndices = indices;
  scratchValues = values;
}

/**
 * A categorical column's vocabulary as a Map, made once per vocabulary object. Looking a value up in the
 * stored object means turning each value string into a property key first, which dominated encoding.
 * Vocabularies are read as immutable, as the stored encoding is.
 */
const vocabularies = new WeakMap<Record<string, number>, Map<string, number>>();

function vocabularyOf(column: CategoricalColumn): Map<string, number> {
  let map = vocabularies.get(column.values);
  if (!map) {
    map = new Map();
    for (const value of Object.keys(column.values)) map.set(value, column.values[value]!);
    vocabularies.set(column.values, map);
  }
  return map;
}

/** One row's entries into the scratch arrays from position 0; returns how many. */
function encodeToScratch(encoding: FeatureEncoding, raw: RawFeatures): number {
  const numeric = encoding.numeric;
  const categorical = encoding.categorical;
  growScratch(2 * numeric.length + categorical.length);
  let indices = scratchIndices;
  let values = scratchValues;
  let n = 0;
  for (let c = 0; c < numeric.length; c++) {
    const col = numeric[c]!;
    n = writeNumeric(encoding, col, raw.numeric[col.name], indices, values, n);
  }
  for (let c = 0; c < categorical.length; c++) {
    const col = categorical[c]!;
    const present = raw.categorical[col.name];
    if (!present || present.length === 0) {
      indices[n] = col.missingIndex;
      values[n++] = 1;
      continue;
    }
    // Room for this column's values and one entry for each column after it.
    if (n + present.length + (categorical.length - c) > indices.length) {
      growScratch(n + present.length + (categorical.length - c));
      indices = scratchIndices;
      values = scratchValues;
    }
    const vocabulary = vocabularyOf(col);
    // A repeated value (or two unseen ones) is counted once: the same index must not appear twice.
    const from = n;
    for (let j = 0; j < present.length; j++) {
      const index = vocabulary.get(present[j]!) ?? col.unseenIndex;
      if (index < 0) continue;
      let repeated = false;
      for (let u = from; u < n; u++) if (indices[u] === index) repeated = true;
      if (repeated) continue;
      indices[n] = index;
      values[n++] = 1;
    }
  }
  return n;
}

/** Raw features to the model's sparse vector. Every value written is finite whatever the input. */
export function encodeFeatures(encoding: FeatureEncoding, raw: RawFeatures): SparseVector {
  const n = encodeToScratch(encoding, raw);
  return { indices: scratchIndices.slice(0, n), values: scratchValues.slice(0, n) };
}

/**
 * Many rows at once, each exactly as encodeFeatures gives it. The vectors are views into two shared arrays:
 * 100,000 rows as 200,000 arrays of their own kept the collector busy for seconds of a training run.
 */
export function encodeRows(encoding: FeatureEncoding, rows: readonly RawFeatures[]): SparseVector[] {
  const ends = new Int32Array(rows.length);
  // Each numeric column writes at most two entries and a categorical one usually one: rarely regrown.
  let indices = new Int32Array(Math.max(16, rows.length * (2 * encoding.numeric.length + encoding.categorical.length)));
  let values = new Float64Array(indices.length);
  let used = 0;
  for (let r = 0; r < rows.length; r++) {
    const n = encodeToScratch(encoding, rows[r]!);
    if (used + n > indices.length) {
      const size = Math.max(indices.length * 2, used + n);
      const grownIndices = new Int32Array(size);
      grownIndices.set(indices);
      indices = grownIndices;
      const grownValues = new Float64Array(size);
      grownValues.set(values);
      values = grownValues;
    }
    const fromIndices = scratchIndices;
    const fromValues = scratchValues;
    for (let j = 0; j < n; j++, used++) {
      indices[used] = fromIndices[j]!;
      values[used] = fromValues[j]!;
    }
    ends[r] = used;
  }
  const vectors: SparseVector[] = new Array(rows.length);
  for (let r = 0; r < rows.length; r++) {
    const from = r === 0 ? 0 : ends[r - 1]!;
    vectors[r] = { indices: indices.subarray(from, ends[r]), values: values.subarray(from, ends[r]) };
  }
  return vectors;
}

/**
 * A stored encoding, checked before use. Version 1 (no bins) is read as version 2 without bins, so models saved
 * before bins existed still score as they did; any other version is refused rather than misread.
 */
export function encodingFromJSON(json: unknown): FeatureEncoding {
  const e = json as Partial<Omit<FeatureEncoding, 'version'>> & { version?: unknown };
  if (typeof e !== 'object' || e === null) throw new Error('feature encoding is not an object');
  if (e.version !== 1 && e.version !== 2) {
    throw new Error(
      `feature encoding version ${String(e.version)} is not one this Advisor Desk can read (it reads 1 and 2): retrain the model, or update Advisor Desk`,
    );
  }
  if (
    !Array.isArray(e.numeric) ||
    !Array.isArray(e.categorical) ||
    !Array.isArray(e.names) ||
    typeof e.dimension !== 'number' ||
    e.names.length !== e.dimension
  ) {
    throw new Error('feature encoding is incomplete: numeric, categorical, names and dimension must agree');
  }
  const numeric: NumericColumn[] = e.numeric.map(
    (c: Partial<NumericColumn> & Omit<NumericColumn, 'binEdges' | 'binIndex'>) => ({
      ...c,
      binEdges: Array.isArray(c.binEdges) ? c.binEdges : [],
      binIndex: typeof c.binIndex === 'number' ? c.binIndex : -1,
    }),
  );
  for (const c of numeric) {
    const last = c.binIndex + c.binEdges.length;
    if (c.binEdges.length > 0 && (c.binIndex < 0 || last >= e.dimension))
      throw new Error(`feature encoding: bins of ${c.name} fall outside its ${e.dimension} features`);
  }
  return {
    version: 2,
    dimension: e.dimension,
    clipZ: typeof e.clipZ === 'number' ? e.clipZ : 5,
    numeric,
    categorical: e.categorical,
    names: e.names,
  };
}
