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
/** Slots per column (a power of two): small enough to stay in cache, large enough for the values a catalogue repeats. */
const SLOT_BITS = 10;
const SLOTS = 1 << SLOT_BITS;

// A view of a double's bits, to hash it.
const bitsOf = new Float64Array(1);
const wordsOf = new Uint32Array(bitsOf.buffer);

function slotOf(v: number): number {
  bitsOf[0] = v;
  return Math.imul(wordsOf[0]! ^ Math.imul(wordsOf[1]!, 0x85ebca6b), 0x9e3779b1) >>> (32 - SLOT_BITS);
}

/**
 * What one numeric pair column adds to a score's sums for the values it has recently taken: the encoding of a
 * value does not depend on the product, and across a catalogue the same values come back (a risk gap of 1, a
 * rate over the deposit rate, a lock-up over an horizon of 0). A value seen before then costs a hash, a comparison
 * and k + 2 additions instead of another encoding. Blocks hold [linear, squares, sums_0..k-1]; a value is encoded
 * by the encoder's own function the first time, so bins and any later change of the encoding apply as they are.
 */
export class NumericBlockCache {
  private readonly keys = new Float64Array(SLOTS).fill(NaN);
  /** One block per slot, then one for a missing value. */
  readonly blocks: Float64Array;
  private readonly missingAt: number;
  private missingReady = false;
  private readonly indices: number[] = [];
  private readonly values: number[] = [];

  constructor(
    private readonly encoding: FeatureEncoding,
    private readonly column: NumericColumn,
    private readonly k: number,
  ) {
    this.missingAt = SLOTS * (k + 2);
    this.blocks = new Float64Array(this.missingAt + k + 2);
  }

  /** Forget every block: the weights they were summed with have changed. */
  clear(): void {
    this.keys.fill(NaN);
    this.missingReady = false;
  }

  /** Where the block for value v starts in `blocks`, filling it first when v is not the value held in its slot. */
  locate(w: FastWeights, v: number): number {
    if (!Number.isFinite(v)) {
      if (!this.missingReady) {
        this.fill(w, null, this.missingAt);
        this.missingReady = true;
      }
      return this.missingAt;
    }
    const slot = slotOf(v);
    const at = slot * (this.k + 2);
    if (this.keys[slot] !== v) {
      this.keys[slot] = v;
      this.fill(w, v, at);
    }
    return at;
  }

  private fill(w: FastWeights, v: number | null, at: number): void {
    const { k, linear, latent } = w;
    const block = this.blocks;
    const indices = this.indices;
    const values = this.values;
    indices.length = 0;
    values.length = 0;
    encodeNumeric(this.encoding, this.column, v, indices, values);
    let lin = 0;
    let squares = 0;
    block.fill(0, at + 2, at + 2 + k);
    for (let j = 0; j < indices.length; j++) {
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
