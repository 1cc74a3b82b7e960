import { z } from 'zod';
import { LocalizedTextSchema } from '../domain/localized-text';
import { MessageSchema } from '../messages';

/**
 * Local language models: GGUF files on disk, the one loaded model, and the catalog of recommended
 * downloads. The backend (main/llm) answers these; the Models page and the CLI read the same shapes.
 */

/** What this machine can give a model: measured, not guessed. */
export const FitEstimateSchema = z.object({
  /** Layers the file has (block count + output). */
  totalLayers: z.number().int().min(0),
  /** How many layers fit into free VRAM now; 0 on a machine without a usable GPU. */
  gpuLayersThatFit: z.number().int().min(0),
  /** Bytes of RAM and VRAM the estimate needs at the context size below. */
  ramBytes: z.number().min(0),
  vramBytes: z.number().min(0),
  contextSize: z.number().int().min(0),
  /** Whether the whole thing fits in free RAM + VRAM; false means loading will likely fail or swap. */
  fits: z.boolean(),
  /** One line an advisor can read: "Runs on the CPU: 0 of 25 layers on a GPU, needs about 1.1 GB of RAM". */
  summary: MessageSchema,
});
export type FitEstimate = z.infer<typeof FitEstimateSchema>;

export const ModelFileSourceSchema = z.enum(['app-models-folder', 'user-models-folder', 'imported-link']);

/** One GGUF file the app knows about, with what its header says. A broken file is listed too, with its problem. */
export const ModelFileInfoSchema = z.object({
  /** Absolute path; the identifier every other channel takes. */
  path: z.string(),
  fileName: z.string(),
  source: ModelFileSourceSchema,
  sizeBytes: z.number().int().min(0),
  /** Null when the header could not be read (see problem). */
  architecture: z.string().nullable(),
  /** e.g. "494M" or "7.6B"; from the header's size label or counted from the tensors. */
  parameterCount: z.number().nullable(),
  /** e.g. "Q8_0", "F16", "Q4_K_M". */
  quantization: z.string().nullable(),
  contextLength: z.number().int().nullable(),
  hasChatTemplate: z.boolean(),
  /** Computed on inspect or import and cached by path, size and modification time; null until then. */
  sha256: z.string().nullable(),
  fit: FitEstimateSchema.nullable(),
  /** Why this file cannot be loaded (not a GGUF, truncated, unsupported architecture …), with what to do. */
  problem: MessageSchema.nullable(),
  /**
   * The architecture a LoRA adapter file is made for ("llama"): such a file is applied to a loaded base model of that
   * architecture rather than loaded on its own. Null for a model (or a file whose header could not be read).
   */
  adapterFor: z.string().nullable(),
});
export type ModelFileInfo = z.infer<typeof ModelFileInfoSchema>;

export const LlmBackendSchema = z.enum(['cuda', 'vulkan', 'metal', 'cpu']);

/** LoRA scales llama.cpp is asked to apply: 0 (no effect) up to 4 (four times what the adapter was trained to add). */
export const LoraScaleSchema = z.number().min(0).max(4);

/** The LoRA adapter applied to the loaded model: what a draft's provenance records of it. */
export const AppliedLoraSchema = z.object({
  /** Absolute path of the adapter file. */
  path: z.string(),
  /** The file's name without its folder: what a draft's provenance keeps. */
  file: z.string(),
  sha256: z.string(),
  scale: LoraScaleSchema,
});
export type AppliedLora = z.infer<typeof AppliedLoraSchema>;

/** The one loaded model (or none), as the title bar and Models page show it. */
export const LlmStatusSchema = z.object({
  state: z.enum(['none', 'loading', 'loaded', 'failed']),
  /** The file loaded or being loaded. */
  path: z.string().nullable(),
  sha256: z.string().nullable(),
  /** The loaded model's architecture ("llama"): which LoRA adapters can be applied to it. */
  architecture: z.string().nullable(),
  /** Which compute backend node-llama-cpp chose on this machine; 'cpu' when there is no usable GPU. */
  backend: LlmBackendSchema,
  gpuName: z.string().nullable(),
  gpuLayers: z.number().int().min(0),
  totalLayers: z.number().int().min(0),
  contextSize: z.number().int().min(0),
  threads: z.number().int().min(0),
  /** 0..1 while loading. */
  loadProgress: z.number().min(0).max(1),
  /** Why the last load failed, with what to do; null otherwise. */
  error: MessageSchema.nullable(),
  /** The LoRA adapter applied to the model (asked for while loading); null without one. */
  lora: AppliedLoraSchema.nullable(),
});
export type LlmStatus = z.infer<typeof LlmStatusSchema>;

/** No model in memory: what every engine reports before a load, after an unload, and what a failure starts from. */
export const IDLE_STATUS: Readonly<LlmStatus> = {
  state: 'none',
  path: null,
  sha256: null,
  architecture: null,
  backend: 'cpu',
  gpuName: null,
  gpuLayers: 0,
  totalLayers: 0,
  contextSize: 0,
  threads: 0,
  loadProgress: 0,
  error: null,
  lora: null,
};

export const CatalogEntryViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: LocalizedTextSchema,
  sizeBytes: z.number().int().min(0),
  sha256: z.string(),
  license: z.string(),
  /** Set when the file is already in the models folder (hash checked). */
  downloadedPath: z.string().nullable(),
});
export type CatalogEntryView = z.infer<typeof CatalogEntryViewSchema>;

export const DownloadStateSchema = z.enum(['downloading', 'completed', 'cancelled', 'failed']);

const ModelPath = z.string().min(1).max(4096);
const Empty = z.object({}).strict();

export const llmChannels = {
  /** GGUF files in the app's models/ folder and the user's models folder, headers read, no hashing. */
  'llm:models': { input: Empty, output: z.array(ModelFileInfoSchema) },
  /** Reads the header, hashes the file and estimates the fit on this machine. */
  'llm:inspect': { input: z.object({ path: ModelPath }).strict(), output: ModelFileInfoSchema },
  /** Brings a file the user picked into the models folder: copied, or linked where copying would waste space. */
  'llm:import': {
    input: z.object({ path: ModelPath, mode: z.enum(['copy', 'link']).default('copy') }).strict(),
    output: ModelFileInfoSchema,
  },
  'llm:status': { input: Empty, output: LlmStatusSchema },
  /**
   * Loads the file (unloading any other first) and answers when it is loaded, failed or cancelled; progress arrives
   * as 'llm:status' events. gpuLayers 'auto' falls back to fewer layers and then the CPU on out-of-memory.
   */
  'llm:load': {
    input: z
      .object({
        path: ModelPath,
        gpuLayers: z.union([z.literal('auto'), z.number().int().min(0)]).default('auto'),
        contextSize: z.union([z.literal('auto'), z.number().int().min(256)]).default('auto'),
        /** A LoRA adapter GGUF applied to the model as it loads; refused by name when it is not one for this model. */
        lora: z
          .object({ path: ModelPath, scale: LoraScaleSchema.default(1) })
          .strict()
          .optional(),
      })
      .strict(),
    output: LlmStatusSchema,
  },
  'llm:cancel-load': { input: Empty, output: LlmStatusSchema },
  'llm:unload': { input: Empty, output: LlmStatusSchema },
  'llm:catalog': { input: Empty, output: z.array(CatalogEntryViewSchema) },
  /** Starts a download (resuming a partial one); progress arrives as 'llm:download' events. Offline: 'unavailable' with a clear message. */
  'llm:download': {
    input: z.object({ id: z.string().min(1).max(120) }).strict(),
    output: z.object({ id: z.string(), state: DownloadStateSchema }),
  },
  'llm:cancel-download': {
    input: z.object({ id: z.string().min(1).max(120) }).strict(),
    output: z.object({ id: z.string(), state: DownloadStateSchema }),
  },
} as const;

/** Events main/llm pushes; spread into the event map. */
export const llmEvents = {
  'llm:status': LlmStatusSchema,
  'llm:download': z.object({
    id: z.string(),
    state: DownloadStateSchema,
    downloadedBytes: z.number().min(0),
    totalBytes: z.number().min(0),
    error: MessageSchema.nullable(),
  }),
} as const;
