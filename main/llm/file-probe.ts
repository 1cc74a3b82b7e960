import type { GgufFileInfo } from 'node-llama-cpp';
import type { FitEstimate } from '../../app/contract/llm-channels';
import { getLlamaForMachine } from './llama-instance';
import { estimateFit } from './model-fit';

/** What only llama.cpp itself can say about a model file: whether it runs the architecture, and how it would fit. */
export interface NativeFileFacts {
  /** false when this build of llama.cpp cannot run the file's architecture. */
  supported: boolean;
  /** null when the estimate failed (the header check passed, so the load will say more). */
  fit: FitEstimate | null;
}

/** Whoever can run probeModelFile: the engine in this process, or the client of an engine process. */
export interface ProbeOptions {
  /** false: only whether the architecture is supported (for a file whose header already failed). Default true. */
  fit?: boolean;
  /** The header already read by the caller in this process, so it is not parsed twice (never sent across). */
  info?: GgufFileInfo;
}

export interface ModelFileProber {
  probeFile(filePath: string, options?: ProbeOptions): Promise<NativeFileFacts>;
}

/**
 * Runs in the engine's process, never the backend's: these are the steps that start the native binding, and a file
 * crafted to contradict itself in a way the header check does not catch can abort the process here. The backend's
 * LanguageEngine records such a death (EngineCrashes), and the model library then lists the file as broken.
 */
export async function probeModelFile(filePath: string, options: ProbeOptions = {}): Promise<NativeFileFacts> {
  const { GgufInsights, readGgufFileInfo } = await import('node-llama-cpp');
  const info =
    options.info ??
    (await readGgufFileInfo(filePath, {
      sourceType: 'filesystem',
      readTensorInfo: true,
      logWarnings: false,
      spliceSplitFiles: false,
    }));
  const llama = await getLlamaForMachine();
  const insights = await GgufInsights.from(info, llama);
  if (!insights.isSupportedByLlamaCpp) return { supported: false, fit: null };
  if (options.fit === false) return { supported: true, fit: null };
  return { supported: true, fit: await estimateFit(info).catch(() => null) };
}
