import fs from 'node:fs/promises';

/**
 * Walks a GGUF header's own length fields (texts, arrays, tensor dimensions) and checks that each fits in the
 * file, before node-llama-cpp's reader sees it. That reader trusts the lengths: one changed byte in a text's
 * length makes it ask Node for a read of gigabytes, and Node aborts the whole process on a read length past 2^31.
 * Nothing here interprets the values; it only proves the layout can be read.
 */

/** What makes a header unreadable, for the message: where it is, and what it claims. */
export interface LayoutProblem {
  /** Byte offset of the length field that cannot be right. */
  at: number;
  what: 'text' | 'array' | 'dimensions' | 'count' | 'type' | 'version';
  /** The value the header states there. */
  stated: bigint;
}

/**
 * Lengths no model's header has: longer texts than this are not keys, tokens or chat templates, and no vocabulary
 * or tensor table is this long. A length past the end of the file but under these is what a file cut short shows
 * ('cut'); past these, the length itself is damaged.
 */
const MAX_TEXT_BYTES = 64 * 1024 * 1024;
const MAX_ARRAY_ENTRIES = 2n ** 26n;
const MAX_ENTRIES = 2n ** 24n;
/** GGML tensors have at most this many dimensions. */
const MAX_DIMENSIONS = 8;
const CHUNK = 1024 * 1024;

/** Size in bytes of a fixed-width GGUF value type; strings (8) and arrays (9) have none. */
const FIXED_SIZE: Record<number, number> = { 0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8 };

class Reader {
  private buffer = Buffer.alloc(0);
  private bufferStart = 0;
  at = 0;

  constructor(
    private readonly handle: fs.FileHandle,
    readonly size: number,
  ) {}

  /** Makes `n` bytes from the current offset available; false when the file ends first. */
  private async ensure(n: number): Promise<boolean> {
    if (this.at + n > this.size) return false;
    if (this.at >= this.bufferStart && this.at + n <= this.bufferStart + this.buffer.length) return true;
    const length = Math.min(Math.max(n, CHUNK), this.size - this.at);
    const next = Buffer.alloc(length);
    const { bytesRead } = await this.handle.read(next, 0, length, this.at);
    this.buffer = next.subarray(0, bytesRead);
    this.bufferStart = this.at;
    return bytesRead >= n;
  }

  async u32(): Promise<number | null> {
    if (!(await this.ensure(4))) return null;
    const value = this.buffer.readUInt32LE(this.at - this.bufferStart);
    this.at += 4;
    return value;
  }

  async u64(): Promise<bigint | null> {
    if (!(await this.ensure(8))) return null;
    const value = this.buffer.readBigUInt64LE(this.at - this.bufferStart);
    this.at += 8;
    return value;
  }

  remaining(): number {
    return this.size - this.at;
  }

  skip(n: number): void {
    this.at += n;
  }
}

type Step = LayoutProblem | 'cut' | null;

/**
 * Checks the layout of the header at `filePath`. Returns null when every length fits (the file may still be cut
 * short: the caller's parser reports that), 'cut' when the file ends inside the header, or the first length that
 * cannot be right.
 */
export async function checkGgufLayout(filePath: string): Promise<LayoutProblem | 'cut' | null> {
  const handle = await fs.open(filePath, 'r');
  try {
    const { size } = await handle.stat();
    const r = new Reader(handle, size);
    r.skip(4); // magic, checked by the caller
    const version = await r.u32();
    if (version === null) return 'cut';
    if (version < 1 || version > 3) return { at: 4, what: 'version', stated: BigInt(version) };
    const wide = version >= 2;
    const count = async (): Promise<bigint | null> => toBig(wide ? await r.u64() : await r.u32());
    const tensorsAt = r.at;
    const tensorCount = await count();
    const kvAt = r.at;
    const kvCount = await count();
    if (tensorCount === null || kvCount === null) return 'cut';
    if (tensorCount > MAX_ENTRIES) return { at: tensorsAt, what: 'count', stated: tensorCount };
    if (kvCount > MAX_ENTRIES) return { at: kvAt, what: 'count', stated: kvCount };
    // Every tensor entry and every key takes at least a dozen bytes.
    if ((tensorCount + kvCount) * 12n > BigInt(r.remaining())) return 'cut';

    const text = async (): Promise<Step> => {
      const at = r.at;
      const length = await count();
      if (length === null) return 'cut';
      if (length > BigInt(MAX_TEXT_BYTES)) return { at, what: 'text', stated: length };
      if (length > BigInt(r.remaining())) return 'cut';
      r.skip(Number(length));
      return null;
    };
    const value = async (type: number, depth: number): Promise<Step> => {
      const fixed = FIXED_SIZE[type];
      if (fixed !== undefined) {
        if (fixed > r.remaining()) return 'cut';
        r.skip(fixed);
        return null;
      }
      if (type === 8) return text();
      if (type !== 9 || depth > 2) return { at: r.at - 4, what: 'type', stated: BigInt(type) };
      const elementType = await r.u32();
      if (elementType === null) return 'cut';
      const at = r.at;
      const length = await count();
      if (length === null) return 'cut';
      const least = BigInt(FIXED_SIZE[elementType] ?? 8);
      if (length > MAX_ARRAY_ENTRIES) return { at, what: 'array', stated: length };
      if (length * least > BigInt(r.remaining())) return 'cut';
      if (FIXED_SIZE[elementType] !== undefined) {
        r.skip(Number(length) * FIXED_SIZE[elementType]!);
        return null;
      }
      for (let i = 0n; i < length; i++) {
        const step = await value(elementType, depth + 1);
        if (step) return step;
      }
      return null;
    };

    for (let i = 0n; i < kvCount; i++) {
      const key = await text();
      if (key) return key;
      const type = await r.u32();
      if (type === null) return 'cut';
      const step = await value(type, 0);
      if (step) return step;
    }
    for (let i = 0n; i < tensorCount; i++) {
      const name = await text();
      if (name) return name;
      const at = r.at;
      const dimensions = await r.u32();
      if (dimensions === null) return 'cut';
      if (dimensions < 1 || dimensions > MAX_DIMENSIONS) return { at, what: 'dimensions', stated: BigInt(dimensions) };
      // Each dimension, the tensor's type and its data offset.
      const rest = dimensions * 8 + 4 + 8;
      if (rest > r.remaining()) return 'cut';
      r.skip(rest);
    }
    return null;
  } finally {
    await handle.close();
  }
}

function toBig(value: bigint | number | null): bigint | null {
  return value === null ? null : BigInt(value);
}
