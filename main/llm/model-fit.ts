import os from 'node:os';
import { GgufInsights, type GgufFileInfo } from 'node-llama-cpp';
import type { FitEstimate } from '../../app/contract/llm-channels';
import { getLlamaForMachine } from './llama-instance';

/**
 * How a GGUF file fits this machine, from node-llama-cpp's own resolver, the same one `gpuLayers: 'auto'`
 * uses when loading, so the Models page does not promise what the load then refuses. The context size asked for is
 * what pitch drafting needs (4096, or the model's own length when shorter), not the model's full length: a 32k
 * default context is what fills VRAM in other apps.
 */

const DRAFTING_CONTEXT = 4096;

export async function estimateFit(info: GgufFileInfo): Promise<FitEstimate> {
  const llama = await getLlamaForMachine();
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
  const warnEn = f.fits ? '' : ' — more than is free now: loading will likely fail or be very slow';
  const warnZh = f.fits ? '' : '——超过当前可用内存：加载很可能失败或非常慢';
  if (gpu === false || f.gpuLayers === 0) {
    const why = gpu === false ? 'no usable GPU' : `${gpu} GPU has no room`;
    const whyZh = gpu === false ? '没有可用的 GPU' : `${gpu} GPU 显存不足`;
    return {
      en: `Runs on the CPU (${why}): 0 of ${f.totalLayers} layers on a GPU, needs about ${gb(f.ramBytes)} of RAM at a ${f.contextSize}-token context${warnEn}.`,
      zh: `在 CPU 上运行（${whyZh}）：${f.totalLayers} 层中 0 层在 GPU 上，${f.contextSize} 词元上下文约需 ${gb(f.ramBytes)} 内存${warnZh}。`,
    };
  }
  const where = f.gpuLayers >= f.totalLayers ? `Runs on the ${gpu} GPU` : `Runs partly on the ${gpu} GPU`;
  const whereZh = f.gpuLayers >= f.totalLayers ? `在 ${gpu} GPU 上运行` : `部分在 ${gpu} GPU 上运行`;
  return {
    en: `${where}: ${f.gpuLayers} of ${f.totalLayers} layers on the GPU, needs about ${gb(f.vramBytes)} of VRAM and ${gb(f.ramBytes)} of RAM at a ${f.contextSize}-token context${warnEn}.`,
    zh: `${whereZh}：${f.totalLayers} 层中 ${f.gpuLayers} 层在 GPU 上，${f.contextSize} 词元上下文约需 ${gb(f.vramBytes)} 显存和 ${gb(f.ramBytes)} 内存${warnZh}。`,
  };
}
