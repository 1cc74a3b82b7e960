import { encodeNumericInto, type FeatureEncoding, type NumericColumn } from './feature-encoding';

/** The model's weights as the fast path reads them. */
export interface FastWeights {
  seen: number;
  bias: number;
  linear: Float64Array;
  latent: Float64Array;
  k: number;
}

const encodeNumeric = encodeNumericInto;
const WAYS = 4;

/**
 * What one numeric pair column added to each product's sums for the last few values it took, so a value seen
 * before for that product (a risk gap for the same class, a rate over the same deposit rate) costs a comparison
 * and k + 2 additions instead of encoding it again. Blocks hold [linear, squares, sums_0..k-1] per entry.
 * A value is encoded by the encoder's own function the first time, so bins and any future encoding apply as they are.
 */
export class NumericBlockCache {
  private readonly keys: Float64Array;
  private readonly blocks: Float64Array;
  private readonly next: Uint8Array;
  private readonly missing: Float64Array;
  private missingReady = false;
  private readonly indices: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly encoding: FeatureEncoding,
    private readonly column: NumericColumn,
    private readonly products: number,
    private readonly k: number,
  ) {
    this.keys = new Float64Array(products * WAYS).fill(NaN);
    this.blocks = new Float64Array(products * WAYS * (k + 2));
    this.next = new Uint8Array(products);
    this.missing = new Float64Array(k + 2);
  }

  /** Forget every block: the weights they were summed with have changed. */
  clear(): void {
    this.keys.fill(NaN);
    this.missingReady = false;
  }

  /** Adds what this column contributes for value v to product p's running sums. */
  add(w: FastWeights, p: number, v: number | null | undefined, lin: Float64Array, squares: Float64Array, sums: Float64Array): void {
    const k = this.k;
    let block: Float64Array;
    let at: number;
    if (v === null || v === undefined || !Number.isFinite(v)) {
      if (!this.missingReady) {
        this.fill(w, null, this.missing, 0);
        this.missingReady = true;
      }
      block = this.missing;
      at = 0;
    } else {
      const keys = this.keys;
      const first = p * WAYS;
      let slot = -1;
      for (let s = 0; s < WAYS; s++) {
        if (keys[first + s] === v) {
          slot = first + s;
          break;
        }
      }
      if (slot < 0) {
        slot = first + this.next[p]!;
        this.next[p] = (this.next[p]! + 1) % WAYS;
        keys[slot] = v;
        this.fill(w, v, this.blocks, slot * (k + 2));
      }
      block = this.blocks;
      at = slot * (k + 2);
    }
    lin[p]! += block[at]!;
    squares[p]! += block[at + 1]!;
    const base = p * k;
    for (let f = 0; f < k; f++) sums[base + f]! += block[at + 2 + f]!;
  }

  private fill(w: FastWeights, v: number | null, block: Float64Array, at: number): void {
    const { k, linear, latent } = w;
    const indices = this.indices;
    const values = this.values;
    // Emptied only now and then: setting length to 0 drops the lists' storage, and regrowing it each time costs more than the work.
    if (indices.length > 1024) {
      indices.length = 0;
      values.length = 0;
    }
    const from = indices.length;
    encodeNumeric(this.encoding, this.column, v, indices, values);
    let lin = 0;
    let squares = 0;
    block.fill(0, at + 2, at + 2 + k);
    for (let j = from; j < indices.length; j++) {
      const i = indices[j]!;
      const x = values[j]!;
      lin += linear[i]! * x;
      for (let f = 0; f < k; f++) {
        const t = latent[i * k + f]! * x;
        block[at + 2 + f]! += t;
        squares += t * t;
      }
    }
    block[at] = lin;
    block[at + 1] = squares;
  }
}
