// Training rows and encoded vectors as typed arrays on shared memory, for the threads of training-pool.ts: one copy
// of 40,000 rows serves every thread, where a structured clone would copy megabytes of objects to each.
import type { FeatureEncoding, SparseVector } from '../../app/scoring/feature-encoding';
import type { RawFeatures } from '../../app/scoring/scoring-context';
import type { LabelledRow } from '../../app/scoring/training-rows';

/** A row's number in one column: absent (no such key), null, or a number (NaN and infinities kept as they are). */
const ABSENT = 0;
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

/** What a training task reads of its rows: label, time and raw features. */
export interface PackedRows {
  labels: Uint8Array;
  times: string[];
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
  const n = rows.length;
  const labels = shared(Uint8Array, 1, n);
  const times: string[] = new Array<string>(n);
  const numericNames = new Map<string, number>();
  const categoricalNames = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const row = rows[r]!;
    labels[r] = row.label;
    times[r] = row.interaction.occurredAt;
    for (const name of Object.keys(row.raw.numeric))
      if (!numericNames.has(name)) numericNames.set(name, numericNames.size);
    for (const name of Object.keys(row.raw.categorical))
      if (!categoricalNames.has(name)) categoricalNames.set(name, categoricalNames.size);
  }
  const numeric = [...numericNames.keys()].map((name): PackedNumericColumn => {
    const values = shared(Float64Array, 8, n);
    const state = shared(Uint8Array, 1, n);
    for (let r = 0; r < n; r++) {
      const numbers = rows[r]!.raw.numeric;
      if (!Object.hasOwn(numbers, name)) continue;
      const v = numbers[name];
      if (v === null || v === undefined) state[r] = NULL;
      else {
        state[r] = NUMBER;
        values[r] = v;
      }
    }
    return { name, values, state };
  });
  const categorical = [...categoricalNames.keys()].map((name): PackedCategoricalColumn => {
    const wordCodes = new Map<string, number>();
    const codes: number[] = [];
    const ends = shared(Int32Array, 4, n);
    const present = shared(Uint8Array, 1, n);
    for (let r = 0; r < n; r++) {
      const lists = rows[r]!.raw.categorical;
      if (Object.hasOwn(lists, name)) {
        present[r] = 1;
        for (const word of lists[name]!) {
          let code = wordCodes.get(word);
          if (code === undefined) wordCodes.set(word, (code = wordCodes.size));
          codes.push(code);
        }
      }
      ends[r] = codes.length;
    }
    const packed = shared(Int32Array, 4, codes.length);
    packed.set(codes);
    return { name, words: [...wordCodes.keys()], codes: packed, ends, present };
  });
  return { labels, times, numeric, categorical };
}

/**
 * The rows as training reads them: label, the interaction's time, and raw features equal to the packed ones (the
 * same keys, values and lists). The rest of a LabelledRow (the client, product and market) does not travel.
 */
export function unpackRows(packed: PackedRows): LabelledRow[] {
  const n = packed.times.length;
  const raws: RawFeatures[] = Array.from({ length: n }, () => ({ numeric: {}, categorical: {} }));
  for (const column of packed.numeric)
    for (let r = 0; r < n; r++) {
      const state = column.state[r];
      if (state === NULL) raws[r]!.numeric[column.name] = null;
      else if (state === NUMBER) raws[r]!.numeric[column.name] = column.values[r]!;
    }
  for (const column of packed.categorical)
    for (let r = 0; r < n; r++) {
      if (!column.present[r]) continue;
      const list: string[] = [];
      for (let j = r === 0 ? 0 : column.ends[r - 1]!; j < column.ends[r]!; j++) list.push(column.words[column.codes[j]!]!);
      raws[r]!.categorical[column.name] = list;
    }
  return raws.map(
    (raw, r) =>
      ({ raw, label: packed.labels[r] as 0 | 1, interaction: { occurredAt: packed.times[r]! } }) as unknown as LabelledRow,
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
