import os from 'node:os';
import type { GgufFileInfo } from 'node-llama-cpp';
import type { FitEstimate } from '../../app/contract/llm-channels';
import { message } from '../../app/messages';
import { getLlamaForMachine } from './llama-instance';

/**
 * How a GGUF file fits this machine, from node-llama-cpp's own resolver, the same one `gpuLayers: 'auto'`
 * uses when loading, so the Models page does not promise what the load then refuses. The context size asked for is
 * what pitch drafting needs (4096, or the model's own length when shorter), not the model's full length: a 32k
 * default context is what fills VRAM in other apps.
 */

const DRAFTING_CONTEXT = 4096;

/**
 * node-llama-cpp's resolver takes time in proportion to the model's stated training context (about 10 s at 2^24
 * tokens on a 2-core machine, many minutes at 2^31, which a damaged or crafted header states). The estimate is for a
 * drafting context far below any real model's length, so the stated length is capped for it.
 */
const ESTIMATE_CONTEXT_CAP = 131_072;

export async function estimateFit(stated: GgufFileInfo): Promise<FitEstimate> {
  const llama = await getLlamaForMachine();
  const { GgufInsights } = await import('node-llama-cpp');
  const length = (stated.architectureMetadata as { context_length?: unknown } | undefined)?.context_length;
  const info =
    typeof length === 'number' && length > ESTIMATE_CONTEXT_CAP
      ? { ...stated, architectureMetadata: { ...stated.architectureMetadata, context_length: ESTIMATE_CONTEXT_CAP } }
      : stated;
  const insights = await GgufInsights.from(info, llama);
  const contextTarget = Math.min(DRAFTING_CONTEXT, insights.trainContextSize ?? DRAFTING_CONTEXT);
  const { resolvedValues } = await insights.configurationResolver.resolveAndScoreConfig({
    targetContextSize: contextTarget,
  });
  const vram = await llama.getVramState();
  const freeRam = os.freemem();
  const ramBytes = resolvedValues.totalRamUsage;
  const vramBytes = resolvedValues.totalVramUsage;
  const gpuLayers = llama.gpu === false ? 0 : resolvedValues.gpuLayers;
  const fits = ramBytes <= freeRam && vramBytes <= vram.free;
  const totalLayers = insights.totalLayers;
  return {
    totalLayers,
    gpuLayersThatFit: gpuLayers,
    ramBytes,
    vramBytes,
    contextSize: resolvedValues.contextSize,
    fits,
    summary: fitSummary({
      gpu: llama.gpu,
      gpuLayers,
      totalLayers,
      ramBytes,
      vramBytes,
      fits,
      contextSize: resolvedValues.contextSize,
    }),
  };
}

function gb(bytes: number): string {
  if (bytes < 1e8) return `${Math.max(1, Math.round(bytes / 1e6))} MB`;
  return `${(bytes / 1e9).toFixed(bytes < 1e9 ? 2 : 1)} GB`;
}

const GPU_NAMES: Record<string, string> = { cuda: 'CUDA', vulkan: 'Vulkan', metal: 'Metal' };

export function fitSummary(f: {
  gpu: string | false;
  gpuLayers: number;
  totalLayers: number;
  ramBytes: number;
  vramBytes: number;
  fits: boolean;
  contextSize: number;
}): FitEstimate['summary'] {
  const gpu = f.gpu === false ? false : (GPU_NAMES[f.gpu] ?? f.gpu);
  const warning = f.fits ? '' : message('modelFit.tooBig');
  if (gpu === false || f.gpuLayers === 0) {
    const why = gpu === false ? message('modelFit.noGpu') : message('modelFit.gpuFull', { gpu });
    return message('modelFit.onCpu', {
      why,
      layers: f.totalLayers,
      ram: gb(f.ramBytes),
      context: f.contextSize,
      warning,
    });
  }
  return message('modelFit.onGpu', {
    where: message(f.gpuLayers >= f.totalLayers ? 'modelFit.allOnGpu' : 'modelFit.partlyOnGpu', { gpu }),
    gpuLayers: f.gpuLayers,
    layers: f.totalLayers,
    vram: gb(f.vramBytes),
    ram: gb(f.ramBytes),
    context: f.contextSize,
    warning,
  });
}
