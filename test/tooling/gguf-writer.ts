import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { buildTestVocabulary, type TestVocabulary } from './test-vocabulary';

/**
 * Writes a random-weight llama-architecture GGUF v3 of a real shape. No weights can be downloaded on the
 * machines the app is built and tested on, and such a file loads, tokenizes, generates, embeds and obeys grammars
 * like a trained model at the same compute cost, so tests, benchmarks and `advisor-desk models make-test-model`
 * use it. The tensor data is streamed in chunks (a 0.5B-shaped Q8_0 file is about 421 MiB) into a temporary file
 * that is renamed into place only when complete, and the same seed always gives the same bytes.
 */

export type TestModelPreset = 'tiny' | '0.5b';
export type TestModelType = 'f16' | 'q8_0';

export interface TestModelOptions {
  preset: TestModelPreset;
  type: TestModelType;
  seed?: number;
  /** false writes a "plain" model without `tokenizer.chat_template`; default true (ChatML). */
  chatTemplate?: boolean;
  /** `llama.context_length`; default 2048 (tiny) or 32768 (0.5b). */
  contextLength?: number;
  /** Header keys to leave out, to make the broken files the app must refuse before loading (tests only). */
  omitKeys?: string[];
  /**
   * Whole-number header values to state instead of the true ones while the tensors keep the real shape (tests
   * only): a header that disagrees with its own tensor table, as crafted files do.
   */
  headerLies?: Record<string, number>;
}

export interface TestModelShape {
  embedding: number;
  layers: number;
  feedForward: number;
  heads: number;
  kvHeads: number;
  vocabulary: number;
  contextLength: number;
}

export const TEST_MODEL_SHAPES: Record<TestModelPreset, TestModelShape> = {
  tiny: { embedding: 256, layers: 4, feedForward: 768, heads: 4, kvHeads: 2, vocabulary: 1024, contextLength: 2048 },
  '0.5b': {
    embedding: 896,
    layers: 24,
    feedForward: 4864,
    heads: 14,
    kvHeads: 2,
    vocabulary: 32000,
    contextLength: 32768,
  },
};

export const CHATML_TEMPLATE =
  "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>' + '\\n'}}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}";

const ALIGNMENT = 32;
const GGML = { f32: 0, f16: 1, q8_0: 8 } as const;
/** llama_ftype: all-F16 and mostly-Q8_0. */
const FILE_TYPE: Record<TestModelType, number> = { f16: 1, q8_0: 7 };
const VALUE = { uint32: 4, float32: 6, bool: 7, string: 8, array: 9, uint64: 10 } as const;

type KvValue =
  | { type: 'u32'; value: number }
  | { type: 'f32'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'strings'; value: string[] }
  | { type: 'f32s'; value: number[] }
  | { type: 'i32s'; value: number[] };

interface TensorSpec {
  name: string;
  /** ggml order: ne0 first. */
  dims: number[];
  ggmlType: number;
  bytes: number;
  offset: number;
  /** 'ones' writes every element as 1.0 (norm weights); otherwise random weights. */
  fill?: 'ones';
}

/** Random weights uniform in ±AMPLITUDE: about the 0.02 spread trained small models start from. */
const AMPLITUDE = 0.035;
const CHUNK_BYTES = 4 * 1024 * 1024;

export async function writeTestModel(
  outPath: string,
  options: TestModelOptions,
): Promise<{ path: string; sizeBytes: number; shape: TestModelShape }> {
  const base = TEST_MODEL_SHAPES[options.preset];
  if (!base) throw new Error(`Unknown test model preset "${String(options.preset)}"; use tiny or 0.5b.`);
  if (options.type !== 'f16' && options.type !== 'q8_0')
    throw new Error(`Unknown test model type "${String(options.type)}"; use f16 or q8_0.`);
  const contextLength = options.contextLength ?? base.contextLength;
  if (!Number.isInteger(contextLength) || contextLength < 16)
    throw new Error(`contextLength must be a whole number of at least 16, got ${contextLength}.`);
  const shape: TestModelShape = { ...base, contextLength };
  const vocabulary = buildTestVocabulary(shape.vocabulary);
  const header = encodeGguf(modelKv(shape, vocabulary, options), tensorList(shape, options.type));
  const written = await writeGguf(outPath, header, options.seed ?? 1);
  return { ...written, shape };
}

export interface TestLoraOptions {
  /** The base model shape the adapter is made for. */
  preset: TestModelPreset;
  /** Rank of the low-rank pair (the inner dimension of lora_a · lora_b). */
  rank: number;
  /** adapter.lora.alpha; llama.cpp scales the product by alpha / rank. Default: the rank (a scale of one). */
  alpha?: number;
  /** Tensor type of lora_a and lora_b; default f16. */
  type?: 'f16' | 'f32';
  seed?: number;
  /** general.architecture; default llama (another value makes an adapter for another family). */
  architecture?: string;
}

/**
 * Writes a random-weight LoRA adapter GGUF for a test model shape, as llama.cpp's convert_lora_to_gguf writes one:
 * general.type "adapter", adapter.type "lora", adapter.lora.alpha, and for the query and value weights of every
 * layer a pair `<base>.lora_a` [ne0 of the base, rank] and `<base>.lora_b` [rank, ne1 of the base] (ggml order), the
 * shapes llama_adapter_lora_init checks against the base model.
 */
export async function writeTestLora(
  outPath: string,
  options: TestLoraOptions,
): Promise<{ path: string; sizeBytes: number }> {
  const shape = TEST_MODEL_SHAPES[options.preset];
  if (!shape) throw new Error(`Unknown test model preset "${String(options.preset)}"; use tiny or 0.5b.`);
  if (!Number.isInteger(options.rank) || options.rank < 1)
    throw new Error(`rank must be a whole number of at least 1, got ${options.rank}.`);
  const type = options.type ?? 'f16';
  if (type !== 'f16' && type !== 'f32')
    throw new Error(`Unknown adapter tensor type "${String(type)}"; use f16 or f32.`);
  const kv: [string, KvValue][] = [
    ['general.architecture', { type: 'string', value: options.architecture ?? 'llama' }],
    ['general.type', { type: 'string', value: 'adapter' }],
    ['general.name', { type: 'string', value: `advisor-desk-test-lora-${options.preset}-r${options.rank}` }],
    ['general.alignment', { type: 'u32', value: ALIGNMENT }],
    ['adapter.type', { type: 'string', value: 'lora' }],
    ['adapter.lora.alpha', { type: 'f32', value: options.alpha ?? options.rank }],
  ];
  const kvDim = shape.kvHeads * (shape.embedding / shape.heads);
  const tensors: Omit<TensorSpec, 'offset'>[] = [];
  for (let layer = 0; layer < shape.layers; layer++) {
    for (const [target, outWidth] of [
      ['attn_q', shape.embedding],
      ['attn_v', kvDim],
    ] as const) {
      const name = `blk.${layer}.${target}.weight`;
      tensors.push(tensorSpec(`${name}.lora_a`, [shape.embedding, options.rank], GGML[type]));
      tensors.push(tensorSpec(`${name}.lora_b`, [options.rank, outWidth], GGML[type]));
    }
  }
  return writeGguf(outPath, encodeGguf(kv, tensors), options.seed ?? 1);
}

/** Streams header and tensor data into a temporary file, renamed into place only when complete. */
async function writeGguf(
  outPath: string,
  header: EncodedGguf,
  seed: number,
): Promise<{ path: string; sizeBytes: number }> {
  const target = path.resolve(outPath);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const temporary = `${target}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const file = await fs.open(temporary, 'wx');
  let written = 0;
  try {
    await file.write(header.bytes);
    written = header.bytes.length;
    const random = seededRandom(seed);
    const halfTable = uniformHalfTable();
    for (const tensor of header.tensors) {
      const pad = header.dataStart + tensor.offset - written;
      if (pad > 0) {
        await file.write(Buffer.alloc(pad));
        written += pad;
      }
      written += await writeTensorData(file, tensor, random, halfTable);
    }
    await file.sync();
  } catch (error) {
    await file.close().catch(() => undefined);
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await file.close();
  await fs.rename(temporary, target);
  return { path: target, sizeBytes: written };
}

function tensorSpec(name: string, dims: number[], ggmlType: number, fill?: 'ones'): Omit<TensorSpec, 'offset'> {
  const count = dims.reduce((a, b) => a * b, 1);
  const bytes = ggmlType === GGML.f32 ? count * 4 : ggmlType === GGML.f16 ? count * 2 : (count / 32) * 34;
  return { name, dims, ggmlType, bytes, ...(fill ? { fill } : {}) };
}

function tensorList(shape: TestModelShape, type: TestModelType): Omit<TensorSpec, 'offset'>[] {
  const headDim = shape.embedding / shape.heads;
  const kvDim = shape.kvHeads * headDim;
  const weightType = GGML[type];
  const list: Omit<TensorSpec, 'offset'>[] = [];
  // F32 tensors of a model are its norm weights: RMS norm scales of one, as a freshly initialised model has.
  const add = (name: string, dims: number[], ggmlType: number): void =>
    void list.push(tensorSpec(name, dims, ggmlType, ggmlType === GGML.f32 ? 'ones' : undefined));
  add('token_embd.weight', [shape.embedding, shape.vocabulary], weightType);
  for (let layer = 0; layer < shape.layers; layer++) {
    const blk = `blk.${layer}`;
    add(`${blk}.attn_norm.weight`, [shape.embedding], GGML.f32);
    add(`${blk}.attn_q.weight`, [shape.embedding, shape.embedding], weightType);
    add(`${blk}.attn_k.weight`, [shape.embedding, kvDim], weightType);
    add(`${blk}.attn_v.weight`, [shape.embedding, kvDim], weightType);
    add(`${blk}.attn_output.weight`, [shape.embedding, shape.embedding], weightType);
    add(`${blk}.ffn_norm.weight`, [shape.embedding], GGML.f32);
    add(`${blk}.ffn_gate.weight`, [shape.embedding, shape.feedForward], weightType);
    add(`${blk}.ffn_up.weight`, [shape.embedding, shape.feedForward], weightType);
    add(`${blk}.ffn_down.weight`, [shape.feedForward, shape.embedding], weightType);
  }
  add('output_norm.weight', [shape.embedding], GGML.f32);
  add('output.weight', [shape.embedding, shape.vocabulary], weightType);
  return list;
}

function modelKv(shape: TestModelShape, vocabulary: TestVocabulary, options: TestModelOptions): [string, KvValue][] {
  const withChat = options.chatTemplate !== false;
  const kv: [string, KvValue][] = [
    ['general.architecture', { type: 'string', value: 'llama' }],
    ['general.name', { type: 'string', value: `advisor-desk-test-${options.preset}${withChat ? '' : '-plain'}` }],
    ['general.file_type', { type: 'u32', value: FILE_TYPE[options.type] }],
    ['general.alignment', { type: 'u32', value: ALIGNMENT }],
    ['llama.context_length', { type: 'u32', value: shape.contextLength }],
    ['llama.embedding_length', { type: 'u32', value: shape.embedding }],
    ['llama.block_count', { type: 'u32', value: shape.layers }],
    ['llama.feed_forward_length', { type: 'u32', value: shape.feedForward }],
    ['llama.attention.head_count', { type: 'u32', value: shape.heads }],
    ['llama.attention.head_count_kv', { type: 'u32', value: shape.kvHeads }],
    ['llama.attention.layer_norm_rms_epsilon', { type: 'f32', value: 1e-6 }],
    ['llama.rope.dimension_count', { type: 'u32', value: shape.embedding / shape.heads }],
    ['llama.vocab_size', { type: 'u32', value: shape.vocabulary }],
    ['tokenizer.ggml.model', { type: 'string', value: 'llama' }],
    ['tokenizer.ggml.tokens', { type: 'strings', value: vocabulary.tokens }],
    ['tokenizer.ggml.scores', { type: 'f32s', value: vocabulary.scores }],
    ['tokenizer.ggml.token_type', { type: 'i32s', value: vocabulary.types }],
    ['tokenizer.ggml.bos_token_id', { type: 'u32', value: vocabulary.bosId }],
    // A chat model ends its turn with <|im_end|>, as ChatML-trained models do; a plain one with </s>.
    ['tokenizer.ggml.eos_token_id', { type: 'u32', value: withChat ? vocabulary.imEndId : vocabulary.eosId }],
    ['tokenizer.ggml.unknown_token_id', { type: 'u32', value: vocabulary.unknownId }],
    ['tokenizer.ggml.add_bos_token', { type: 'bool', value: true }],
    ['tokenizer.ggml.add_eos_token', { type: 'bool', value: false }],
  ];
  if (withChat) kv.push(['tokenizer.chat_template', { type: 'string', value: CHATML_TEMPLATE }]);
  for (const [key, value] of Object.entries(options.headerLies ?? {})) {
    const entry = kv.find(([name]) => name === key);
    if (!entry || entry[1].type !== 'u32') throw new Error(`headerLies: ${key} is not a whole-number header key.`);
    entry[1] = { type: 'u32', value };
  }
  const omitted = new Set(options.omitKeys ?? []);
  return kv.filter(([key]) => !omitted.has(key));
}

interface EncodedGguf {
  bytes: Buffer;
  tensors: TensorSpec[];
  dataStart: number;
}

/** The GGUF v3 header of a key/value list and a tensor list, padded to where the aligned tensor data starts. */
function encodeGguf(keptKv: readonly [string, KvValue][], specs: readonly Omit<TensorSpec, 'offset'>[]): EncodedGguf {
  const tensors: TensorSpec[] = [];
  let offset = 0;
  for (const spec of specs) {
    tensors.push({ ...spec, offset });
    offset = alignUp(offset + spec.bytes);
  }

  const parts: Buffer[] = [];
  const u32 = (n: number): void => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    parts.push(b);
  };
  const u64 = (n: number): void => {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    parts.push(b);
  };
  const str = (s: string): void => {
    const bytes = Buffer.from(s, 'utf8');
    u64(bytes.length);
    parts.push(bytes);
  };
  parts.push(Buffer.from('GGUF', 'ascii'));
  u32(3);
  u64(tensors.length);
  u64(keptKv.length);
  for (const [key, entry] of keptKv) {
    str(key);
    switch (entry.type) {
      case 'u32':
        u32(VALUE.uint32);
        u32(entry.value);
        break;
      case 'f32': {
        u32(VALUE.float32);
        const b = Buffer.alloc(4);
        b.writeFloatLE(entry.value);
        parts.push(b);
        break;
      }
      case 'bool':
        u32(VALUE.bool);
        parts.push(Buffer.from([entry.value ? 1 : 0]));
        break;
      case 'string':
        u32(VALUE.string);
        str(entry.value);
        break;
      case 'strings':
        u32(VALUE.array);
        u32(VALUE.string);
        u64(entry.value.length);
        for (const s of entry.value) str(s);
        break;
      case 'f32s': {
        u32(VALUE.array);
        u32(VALUE.float32);
        u64(entry.value.length);
        const b = Buffer.alloc(entry.value.length * 4);
        entry.value.forEach((v, i) => b.writeFloatLE(v, i * 4));
        parts.push(b);
        break;
      }
      case 'i32s': {
        u32(VALUE.array);
        u32(5); // INT32
        u64(entry.value.length);
        const b = Buffer.alloc(entry.value.length * 4);
        entry.value.forEach((v, i) => b.writeInt32LE(v, i * 4));
        parts.push(b);
        break;
      }
    }
  }
  for (const tensor of tensors) {
    str(tensor.name);
    u32(tensor.dims.length);
    for (const d of tensor.dims) u64(d);
    u32(tensor.ggmlType);
    u64(tensor.offset);
  }
  const unpadded = Buffer.concat(parts);
  const dataStart = alignUp(unpadded.length);
  return { bytes: Buffer.concat([unpadded, Buffer.alloc(dataStart - unpadded.length)]), tensors, dataStart };
}

async function writeTensorData(
  file: fs.FileHandle,
  tensor: TensorSpec,
  random: () => number,
  halfTable: Uint16Array,
): Promise<number> {
  if (tensor.ggmlType === GGML.f32) {
    const b = Buffer.alloc(tensor.bytes);
    for (let i = 0; i < tensor.bytes; i += 4)
      b.writeFloatLE(tensor.fill === 'ones' ? 1 : ((random() / 0x100000000) * 2 - 1) * AMPLITUDE, i);
    await file.write(b);
    return b.length;
  }
  let remaining = tensor.bytes;
  // Whole blocks per chunk: 34-byte Q8_0 blocks or 2-byte halves.
  const unit = tensor.ggmlType === GGML.q8_0 ? 34 : 4;
  const chunk = Buffer.alloc(Math.floor(CHUNK_BYTES / unit) * unit);
  const q8Scale = halfFromFloat(AMPLITUDE / 127);
  while (remaining > 0) {
    const size = Math.min(chunk.length, remaining);
    const view = chunk.subarray(0, size);
    if (tensor.ggmlType === GGML.q8_0) {
      for (let block = 0; block < size; block += 34) {
        view.writeUInt16LE(q8Scale, block);
        for (let j = 2; j < 34; j += 4) {
          const r = random();
          // Four int8 quants in -127..127 from one 32-bit draw.
          view[block + j] = ((r & 0xff) % 255) - 127;
          view[block + j + 1] = (((r >>> 8) & 0xff) % 255) - 127;
          view[block + j + 2] = (((r >>> 16) & 0xff) % 255) - 127;
          view[block + j + 3] = (((r >>> 24) & 0xff) % 255) - 127;
        }
      }
    } else {
      for (let i = 0; i + 3 < size; i += 4) {
        const r = random();
        view.writeUInt16LE(halfTable[r & 0xffff]!, i);
        view.writeUInt16LE(halfTable[r >>> 16]!, i + 2);
      }
      if (size % 4 === 2) view.writeUInt16LE(halfTable[random() & 0xffff]!, size - 2);
    }
    await file.write(view);
    remaining -= size;
  }
  return tensor.bytes;
}

function alignUp(n: number): number {
  return Math.ceil(n / ALIGNMENT) * ALIGNMENT;
}

/** mulberry32: small, fast and the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  };
}

/** 65,536 half-precision values spread evenly over ±AMPLITUDE, indexed by 16 random bits. */
function uniformHalfTable(): Uint16Array {
  const table = new Uint16Array(65536);
  for (let i = 0; i < table.length; i++)
    table[i] = halfFromFloat(((i + 0.5) / table.length) * 2 * AMPLITUDE - AMPLITUDE);
  return table;
}

/** IEEE 754 half from a float in the normal half range (weights here are small; subnormals flush to zero). */
function halfFromFloat(value: number): number {
  const f32 = new Float32Array([value]);
  const bits = new Uint32Array(f32.buffer)[0]!;
  const sign = (bits >>> 16) & 0x8000;
  const exponent = ((bits >>> 23) & 0xff) - 127 + 15;
  const mantissa = bits & 0x7fffff;
  if (exponent <= 0) return sign;
  if (exponent >= 31) return sign | 0x7c00;
  return sign | (exponent << 10) | (mantissa >>> 13);
}
