// Training rows and encoded vectors as typed arrays on shared memory, for the threads of training-pool.ts: one copy
// of 40,000 rows serves every thread, where a structured clone would copy megabytes of objects to each.
import type { FeatureEncoding, SparseVector } from '../../app/scoring/feature-encoding';
import type { RawFeatures } from '../../app/scoring/scoring-context';
import type { LabelledRow } from '../../app/scoring/training-rows';

/** A row's number in one column: absent (0, no such key), null, or a number (NaN and infinities kept as they are). */
const NULL = 1;
const NUMBER = 2;

export interface PackedNumericColumn {
  name: string;
  values: Float64Array;
  state: Uint8Array;
}

/** Each row's list of words in one column: codes into `words`, row r's from ends[r - 1] to ends[r]. */
export interface PackedCategoricalColumn {
  name: string;
  words: string[];
  codes: Int32Array;
  ends: Int32Array;
  /** 0 where the row has no such key (an empty list is present, with no codes). */
  present: Uint8Array;
}

/** What every training task reads of its rows: label and time. */
export interface PackedRows {
  labels: Uint8Array;
  times: string[];
}

/** The rows' raw features, column by column, for the tasks that read them (trees, or an encoding still to fit). */
export interface PackedRaw {
  numeric: PackedNumericColumn[];
  categorical: PackedCategoricalColumn[];
}

export interface PackedVectors {
  count: number;
  indices: Int32Array;
  values: Float64Array;
  ends: Int32Array;
}

export type Pack =
  | { id: number; kind: 'rows'; rows: PackedRows }
  | { id: number; kind: 'raw'; raw: PackedRaw }
  | { id: number; kind: 'vectors'; vectors: PackedVectors }
  | { id: number; kind: 'encoding'; encoding: FeatureEncoding };

function shared<T extends Int32Array | Float64Array | Uint8Array>(
  make: new (buffer: SharedArrayBuffer) => T,
  bytesPer: number,
  length: number,
): T {
  return new make(new SharedArrayBuffer(Math.max(1, length) * bytesPer));
}

export function packRows(rows: readonly LabelledRow[]): PackedRows {
  const labels = shared(Uint8Array, 1, rows.length);
  rows.forEach((row, r) => (labels[r] = row.label));
  return { labels, times: rows.map((row) => row.interaction.occurredAt) };
}

export function packRaw(rows: readonly LabelledRow[]): PackedRaw {
  const n = rows.length;
  const numericNames = new Set<string>();
  const categoricalNames = new Set<string>();
  for (const row of rows) {
    for (const name in row.raw.numeric) numericNames.add(name);
    for (const name in row.raw.categorical) categoricalNames.add(name);
  }
  const numeric = [...numericNames].map((name): PackedNumericColumn => {
    const values = shared(Float64Array, 8, n);
    const state = shared(Uint8Array, 1, n);
    for (let r = 0; r < n; r++) {
      const numbers = rows[r]!.raw.numeric;
      const v = numbers[name];
      if (v === undefined && !Object.hasOwn(numbers, name)) continue;
      if (v === null || v === undefined) state[r] = NULL;
      else {
        state[r] = NUMBER;
        values[r] = v;
      }
    }
    return { name, values, state };
  });
  const categorical = [...categoricalNames].map((name): PackedCategoricalColumn => {
    const wordCodes = new Map<string, number>();
    let codes = new Int32Array(Math.max(16, n));
    let used = 0;
    const ends = shared(Int32Array, 4, n);
    const present = shared(Uint8Array, 1, n);
    for (let r = 0; r < n; r++) {
      const list = rows[r]!.raw.categorical[name];
      if (list !== undefined || Object.hasOwn(rows[r]!.raw.categorical, name)) {
        present[r] = 1;
        for (const word of list ?? []) {
          let code = wordCodes.get(word);
          if (code === undefined) wordCodes.set(word, (code = wordCodes.size));
          if (used === codes.length) {
            const grown = new Int32Array(codes.length * 2);
            grown.set(codes);
            codes = grown;
          }
          codes[used++] = code;
        }
      }
      ends[r] = used;
    }
    const packed = shared(Int32Array, 4, used);
    packed.set(codes.subarray(0, used));
    return { name, words: [...wordCodes.keys()], codes: packed, ends, present };
  });
  return { numeric, categorical };
}

const NO_RAW: RawFeatures = Object.freeze({ numeric: Object.freeze({}), categorical: Object.freeze({}) });

/**
 * The rows as training reads them: label, the interaction's time, and, when `raw` is given, raw features equal to
 * the packed ones (the same keys, values and lists; a list of one word is one array shared by every row that has
 * it, which nothing in training changes). Without `raw` every row has empty raw features: for tasks that read only
 * the vectors. The rest of a LabelledRow (the client, product and market) does not travel.
 */
export function unpackRows(packed: PackedRows, raw?: PackedRaw): LabelledRow[] {
  const n = packed.times.length;
  const raws: RawFeatures[] = raw ? Array.from({ length: n }, () => ({ numeric: {}, categorical: {} })) : [];
  for (const column of raw?.numeric ?? [])
    for (let r = 0; r < n; r++) {
      const state = column.state[r];
      if (state === NULL) raws[r]!.numeric[column.name] = null;
      else if (state === NUMBER) raws[r]!.numeric[column.name] = column.values[r]!;
    }
  for (const column of raw?.categorical ?? []) {
    const single = column.words.map((word) => [word]);
    const none: string[] = [];
    for (let r = 0; r < n; r++) {
      if (!column.present[r]) continue;
      const from = r === 0 ? 0 : column.ends[r - 1]!;
      const to = column.ends[r]!;
      const list =
        to === from
          ? none
          : to === from + 1
            ? single[column.codes[from]!]!
            : Array.from(column.codes.subarray(from, to), (code) => column.words[code]!);
      raws[r]!.categorical[column.name] = list;
    }
  }
  return Array.from(
    { length: n },
    (_, r) =>
      ({
        raw: raw ? raws[r]! : NO_RAW,
        label: packed.labels[r] as 0 | 1,
        interaction: { occurredAt: packed.times[r]! },
      }) as unknown as LabelledRow,
  );
}

/** Vectors from encodeRows (or any), as three shared arrays. */
export function packVectors(vectors: readonly SparseVector[]): PackedVectors {
  let total = 0;
  for (const x of vectors) total += x.indices.length;
  const indices = shared(Int32Array, 4, total);
  const values = shared(Float64Array, 8, total);
  const ends = shared(Int32Array, 4, vectors.length);
  let used = 0;
  vectors.forEach((x, r) => {
    indices.set(x.indices, used);
    values.set(x.values, used);
    used += x.indices.length;
    ends[r] = used;
  });
  return { count: vectors.length, indices, values, ends };
}

/** The vectors again, as views into the shared arrays (as encodeRows gives them, views into two arrays). */
export function unpackVectors(packed: PackedVectors): SparseVector[] {
  return Array.from({ length: packed.count }, (_, r) => {
    const from = r === 0 ? 0 : packed.ends[r - 1]!;
    const end = packed.ends[r]!;
    return { indices: packed.indices.subarray(from, end), values: packed.values.subarray(from, end) };
  });
}
