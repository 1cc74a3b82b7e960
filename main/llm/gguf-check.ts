import fs from 'node:fs/promises';
import type { GgufFileInfo } from 'node-llama-cpp';
import { checkGgufLayout } from './gguf-layout';
import { message, renderMessage, type Message, type MessageParam } from '../../app/messages';
import { probeModelFile } from './file-probe';

/**
 * Reads a GGUF file's header without loading it and says whether llama.cpp can load it. Every check runs
 * before any load because some broken files do not fail politely: a llama file without a head count or FFN length
 * aborts the whole process inside ggml instead of throwing. The problem texts say what is wrong and what to do,
 * in English and Chinese.
 */

export type GgufProblemKind =
  | 'unreadable'
  | 'not-gguf'
  | 'truncated'
  | 'unsupported-architecture'
  | 'missing-keys'
  | 'inconsistent'
  | 'crashed-engine'
  /** A LoRA adapter offered where a whole model is needed. */
  | 'adapter-not-model';

export interface GgufProblem {
  kind: GgufProblemKind;
  text: Message;
}

export interface GgufHeaderSummary {
  sizeBytes: number;
  architecture: string | null;
  parameterCount: number | null;
  quantization: string | null;
  contextLength: number | null;
  hasChatTemplate: boolean;
  totalLayers: number;
  /**
   * Set when the header says general.type "adapter": the file changes a base model rather than being one, so the
   * base-model checks (block count, heads, tokenizer) do not apply to it. `type` is adapter.type ("lora").
   */
  adapter: { type: string | null } | null;
  /** Present only when the header was read; the fit estimate needs it. */
  info: GgufFileInfo | null;
  problem: GgufProblem | null;
}

const GGUF_MAGIC = Buffer.from('GGUF', 'ascii');

/** Architectures that keep no attention state per token (no head count, often no FFN length). */
const RECURRENT_WITHOUT_ATTENTION = new Set(['mamba', 'mamba2', 'rwkv6', 'rwkv6qwen2', 'rwkv7', 'arwkv7']);

/** ggml block size and bytes per block, for the tensor types files in the wild use. */
const GGML_BLOCKS: Record<number, [elements: number, bytes: number]> = {
  0: [1, 4], // F32
  1: [1, 2], // F16
  2: [32, 18], // Q4_0
  3: [32, 20], // Q4_1
  6: [32, 22], // Q5_0
  7: [32, 24], // Q5_1
  8: [32, 34], // Q8_0
  9: [32, 36], // Q8_1
  10: [256, 84], // Q2_K
  11: [256, 110], // Q3_K
  12: [256, 144], // Q4_K
  13: [256, 176], // Q5_K
  14: [256, 210], // Q6_K
  15: [256, 292], // Q8_K
  16: [256, 66], // IQ2_XXS
  17: [256, 74], // IQ2_XS
  18: [256, 98], // IQ3_XXS
  19: [256, 50], // IQ1_S
  20: [32, 18], // IQ4_NL
  21: [256, 110], // IQ3_S
  22: [256, 82], // IQ2_S
  23: [256, 136], // IQ4_XS
  24: [1, 1], // I8
  25: [1, 2], // I16
  26: [1, 4], // I32
  27: [1, 8], // I64
  28: [1, 8], // F64
  29: [256, 56], // IQ1_M
  30: [1, 2], // BF16
};

export function problemText(
  kind: GgufProblemKind,
  detail: { fileName: string; why?: MessageParam; architecture?: string; keys?: string; how?: string },
): Message {
  const file = detail.fileName;
  switch (kind) {
    case 'unreadable':
      return message('modelFile.unreadable', { file, why: detail.why ?? '?' });
    case 'not-gguf':
      return message('modelFile.notGguf', { file });
    case 'truncated':
      return message('modelFile.truncated', { file, why: detail.why ?? '?' });
    case 'unsupported-architecture':
      return message('modelFile.unsupportedArchitecture', { file, architecture: detail.architecture ?? '?' });
    case 'missing-keys':
      return message('modelFile.missingKeys', { file, keys: detail.keys ?? '' });
    case 'inconsistent':
      return message('modelFile.inconsistent', { file, why: detail.why ?? '?' });
    case 'crashed-engine':
      return message('modelFile.crashedEngine', { file, how: detail.how ?? '?' });
    case 'adapter-not-model':
      return message('lora.isAdapterNotModel', { file, architecture: detail.architecture ?? '?' });
  }
}

function mib(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1048576).toFixed(1)} MiB`;
}

/** Reads and checks the header; never throws for a bad file, only reports its problem. */
export async function readGgufHeader(filePath: string, fileName: string): Promise<GgufHeaderSummary> {
  const empty = (sizeBytes: number, problem: GgufProblem): GgufHeaderSummary => ({
    sizeBytes,
    architecture: null,
    parameterCount: null,
    quantization: null,
    contextLength: null,
    hasChatTemplate: false,
    totalLayers: 0,
    adapter: null,
    info: null,
    problem,
  });

  let sizeBytes = 0;
  try {
    const stat = await fs.stat(filePath);
    if (!stat.isFile())
      return empty(0, {
        kind: 'unreadable',
        text: problemText('unreadable', { fileName, why: message('modelFile.notAFile') }),
      });
    sizeBytes = stat.size;
    const handle = await fs.open(filePath, 'r');
    try {
      const head = Buffer.alloc(4);
      const { bytesRead } = await handle.read(head, 0, 4, 0);
      if (bytesRead < 4 || !head.equals(GGUF_MAGIC))
        return empty(sizeBytes, { kind: 'not-gguf', text: problemText('not-gguf', { fileName }) });
    } finally {
      await handle.close();
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return empty(sizeBytes, {
      kind: 'unreadable',
      text: problemText('unreadable', { fileName, why: code }),
    });
  }

  // node-llama-cpp's reader trusts the header's lengths; a length no file could hold aborts the process in Node.
  const layout = await checkGgufLayout(filePath).catch(() => 'cut' as const);
  if (layout === 'cut')
    return empty(sizeBytes, {
      kind: 'truncated',
      text: problemText('truncated', { fileName, why: message('modelFile.headerCut', { size: mib(sizeBytes) }) }),
    });
  if (layout)
    return empty(sizeBytes, {
      kind: 'inconsistent',
      text: problemText('inconsistent', {
        fileName,
        why: message(`modelFile.layout.${layout.what}`, { at: layout.at, stated: layout.stated.toString() }),
      }),
    });

  // Imported when first needed (about 0.8 s): a backend that never reads a model file never pays for it.
  const { GgufFileType, readGgufFileInfo } = await import('node-llama-cpp');
  let info: GgufFileInfo;
  try {
    info = await readGgufFileInfo(filePath, {
      sourceType: 'filesystem',
      readTensorInfo: true,
      logWarnings: false,
      spliceSplitFiles: false,
    });
  } catch {
    // The magic is right, so a header that cannot be parsed is almost always one cut short.
    return empty(sizeBytes, {
      kind: 'truncated',
      text: problemText('truncated', {
        fileName,
        why: message('modelFile.headerCut', { size: mib(sizeBytes) }),
      }),
    });
  }

  const headerEnd = info.infoEndOffset ?? 0;
  if (headerEnd > sizeBytes) {
    // The parser reads past a short file without failing; its own end offset says the header did not fit.
    return empty(sizeBytes, {
      kind: 'truncated',
      text: problemText('truncated', {
        fileName,
        why: message('modelFile.headerCut', { size: mib(sizeBytes) }),
      }),
    });
  }

  const architecture =
    typeof info.metadata.general?.architecture === 'string' ? String(info.metadata.general.architecture) : null;
  const arch = (info.architectureMetadata ?? {}) as Record<string, unknown>;
  const contextLength = typeof arch.context_length === 'number' ? arch.context_length : null;
  const fileType = info.metadata.general?.file_type;
  const quantization =
    typeof fileType === 'number' ? (GgufFileType[fileType]?.replace(/^MOSTLY_|^ALL_/, '') ?? `type ${fileType}`) : null;
  const hasChatTemplate =
    typeof info.metadata.tokenizer?.chat_template === 'string' && info.metadata.tokenizer.chat_template.length > 0;
  const blockCount = typeof arch.block_count === 'number' ? arch.block_count : 0;
  const tensors = info.fullTensorInfo ?? info.tensorInfo ?? [];
  const parameterCount =
    tensors.length > 0
      ? tensors.reduce((sum, t) => sum + t.dimensions.reduce<number>((n, d) => n * Number(d), 1), 0)
      : null;
  const base = {
    sizeBytes,
    architecture,
    parameterCount,
    quantization,
    contextLength,
    hasChatTemplate,
    totalLayers: blockCount > 0 ? blockCount + 1 : 0,
    adapter: null,
    info,
  };

  // Tensor data shorter than the tensor infos declare.
  let dataEnd = 0;
  for (const tensor of tensors) {
    const block = GGML_BLOCKS[tensor.ggmlType];
    const elements = tensor.dimensions.reduce<number>((n, d) => n * Number(d), 1);
    const bytes = block ? Math.ceil(elements / block[0]) * block[1] : 1;
    dataEnd = Math.max(dataEnd, Number(tensor.fileOffset) + bytes);
  }
  if (dataEnd > sizeBytes) {
    return {
      ...base,
      problem: {
        kind: 'truncated',
        text: problemText('truncated', {
          fileName,
          why: message('modelFile.tensorsCut', { needed: mib(dataEnd), size: mib(sizeBytes) }),
        }),
      },
    };
  }

  const general = info.metadata.general as Record<string, unknown> | undefined;
  if (general?.type === 'adapter') {
    const adapterMeta = (info.metadata as Record<string, unknown>).adapter as Record<string, unknown> | undefined;
    const adapter = { type: typeof adapterMeta?.type === 'string' ? adapterMeta.type : null };
    return {
      ...base,
      adapter,
      problem: architecture
        ? null
        : { kind: 'missing-keys', text: problemText('missing-keys', { fileName, keys: 'general.architecture' }) },
    };
  }

  if (!architecture) {
    return {
      ...base,
      problem: { kind: 'missing-keys', text: problemText('missing-keys', { fileName, keys: 'general.architecture' }) },
    };
  }
  const required = ['embedding_length', 'block_count'];
  if (!RECURRENT_WITHOUT_ATTENTION.has(architecture)) required.push('attention.head_count', 'feed_forward_length');
  const missing = required.filter((key) => !hasPositiveValue(arch, key)).map((key) => `${architecture}.${key}`);
  if (!Array.isArray(info.metadata.tokenizer?.ggml?.tokens) || info.metadata.tokenizer.ggml.tokens.length === 0)
    missing.push('tokenizer.ggml.tokens');
  if (missing.length > 0)
    return {
      ...base,
      problem: { kind: 'missing-keys', text: problemText('missing-keys', { fileName, keys: missing.join(', ') }) },
    };
  const contradiction = contradictionIn(arch, tensors, info.metadata.tokenizer?.ggml?.tokens?.length ?? 0);
  if (contradiction)
    return {
      ...base,
      problem: {
        kind: 'inconsistent',
        text: problemText('inconsistent', { fileName, why: contradiction }),
      },
    };
  return { ...base, problem: null };
}

type TensorShape = { name: string; dimensions: readonly (number | bigint)[] };

function positive(record: Record<string, unknown>, dottedKey: string): number | null {
  let value: unknown = record;
  for (const part of dottedKey.split('.'))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

/**
 * Header values checked against the tensor table, pure JavaScript, before anything native sees the file: llama.cpp
 * trusts the header and aborts the process (GGML_ASSERT) when a crafted or damaged file states more layers than it
 * holds, or key/value heads its attention weights do not have. Only what the tensors present can contradict is
 * checked, so architectures with fused or differently named tensors pass through to the engine process.
 */
function contradictionIn(
  arch: Record<string, unknown>,
  tensors: readonly TensorShape[],
  vocabulary: number,
): Message | null {
  const byName = new Map(tensors.map((t) => [t.name, t.dimensions.map(Number)]));
  const blocks = new Set<number>();
  for (const tensor of tensors) {
    const match = /^blk\.(\d+)\./.exec(tensor.name);
    if (match) blocks.add(Number(match[1]));
  }
  const blockCount = positive(arch, 'block_count');
  if (blockCount !== null && blocks.size > 0) {
    const held = Math.max(...blocks) + 1;
    if (blockCount !== held || blocks.size !== held)
      return message('modelFile.layersMismatch', { stated: blockCount, held: blocks.size });
  }
  const embedding = positive(arch, 'embedding_length');
  const embeddings = byName.get('token_embd.weight');
  if (embedding !== null && embeddings && embeddings[0] !== embedding)
    return message('modelFile.embeddingMismatch', { stated: embedding, found: embeddings[0] ?? 0 });
  if (vocabulary > 0 && embeddings && embeddings[1] !== undefined && embeddings[1] < vocabulary)
    return message('modelFile.vocabularyMismatch', { tokens: vocabulary, rows: embeddings[1] });
  const feedForward = positive(arch, 'feed_forward_length');
  for (const suffix of ['ffn_up.weight', 'ffn_gate.weight']) {
    const dims = byName.get(`blk.0.${suffix}`);
    if (feedForward !== null && dims && dims[1] !== undefined && dims[1] !== feedForward)
      return message('modelFile.feedForwardMismatch', { stated: feedForward, found: dims[1] });
  }
  const heads = positive(arch, 'attention.head_count');
  const kvHeads = positive(arch, 'attention.head_count_kv') ?? heads;
  if (heads !== null && kvHeads !== null) {
    if (kvHeads > heads || heads % kvHeads !== 0) return message('modelFile.headsCannotShare', { heads, kvHeads });
    const keyLength = positive(arch, 'attention.key_length') ?? (embedding !== null ? embedding / heads : null);
    const valueLength = positive(arch, 'attention.value_length') ?? keyLength;
    const expected: [string, number | null, string][] = [
      ['attn_q.weight', keyLength === null ? null : heads * keyLength, 'query'],
      ['attn_k.weight', keyLength === null ? null : kvHeads * keyLength, 'key'],
      ['attn_v.weight', valueLength === null ? null : kvHeads * valueLength, 'value'],
    ];
    for (const [suffix, width, what] of expected) {
      const dims = byName.get(`blk.0.${suffix}`);
      if (width === null || !dims || dims[1] === undefined || dims[1] === width) continue;
      const counted = what === 'query' ? heads : kvHeads;
      const key =
        what === 'query'
          ? 'modelFile.queryWidthMismatch'
          : what === 'key'
            ? 'modelFile.keyWidthMismatch'
            : 'modelFile.valueWidthMismatch';
      return message(key, { width, heads: counted, found: dims[1] });
    }
  }
  return null;
}

function hasPositiveValue(record: Record<string, unknown>, dottedKey: string): boolean {
  let value: unknown = record;
  for (const part of dottedKey.split('.'))
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  // Per-layer arrays (some files give FFN lengths per block) count when any entry is positive.
  if (Array.isArray(value)) return value.some((v) => typeof v === 'number' && v > 0);
  return typeof value === 'number' && value > 0;
}

/** Thrown by assertLoadable: the problem, as a catalog message, for the load status and the error answer. */
export class ModelFileProblemError extends Error {
  constructor(readonly problem: GgufProblem) {
    super(renderMessage(problem.text, 'en'));
    this.name = 'ModelFileProblemError';
  }
}

/**
 * Call before every loadModel: a file with a problem is refused here, with its specific text, instead of reaching
 * llama.cpp (a llama file without a head count or FFN length aborts the process with SIGABRT there).
 */
export async function assertLoadable(filePath: string): Promise<GgufHeaderSummary> {
  const fileName = filePath.split(/[\\/]/).pop() ?? filePath;
  const header = await readGgufHeader(filePath, fileName);
  if (header.adapter && !header.problem)
    throw new ModelFileProblemError({
      kind: 'adapter-not-model',
      text: problemText('adapter-not-model', { fileName, architecture: header.architecture ?? '?' }),
    });
  // Whoever asks is about to hand the file to llama.cpp in this process, so asking llama.cpp whether it runs the
  // architecture costs nothing more; it is the truer message for a file whose keys are named after another family.
  if ((header.problem === null || header.problem.kind === 'missing-keys') && header.architecture !== null) {
    const facts = await probeModelFile(filePath, { fit: false, ...(header.info ? { info: header.info } : {}) }).catch(
      () => null,
    );
    if (facts && !facts.supported)
      throw new ModelFileProblemError({
        kind: 'unsupported-architecture',
        text: problemText('unsupported-architecture', { fileName, architecture: header.architecture }),
      });
  }
  if (header.problem) throw new ModelFileProblemError(header.problem);
  return header;
}
