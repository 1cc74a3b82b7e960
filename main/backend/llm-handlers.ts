import type { HandlerTable } from '../../app/contract/dispatch';
import type { BackendContext } from './backend-context';
import { llmFileHandlers } from './llm-file-handlers';

type LlmChannel = Extract<keyof HandlerTable, `llm:${string}`>;
export type LlmHandlers = Pick<HandlerTable, LlmChannel>;

type RuntimeChannel = 'llm:status' | 'llm:load' | 'llm:cancel-load' | 'llm:unload';

/**
 * Loading and unloading the one model: main/llm/llm-runtime.ts does the work; progress and every change
 * of state also go out as 'llm:status' events. A failed load answers with its specific error and leaves no model.
 */
export function llmRuntimeHandlers(ctx: BackendContext): Pick<HandlerTable, RuntimeChannel> {
  return {
    'llm:status': () => ctx.llm.status(),
    'llm:load': ({ path, gpuLayers, contextSize, lora }) => ctx.llm.load(path, { gpuLayers, contextSize, lora }),
    'llm:cancel-load': () => ctx.llm.cancelLoad(),
    'llm:unload': () => ctx.llm.unload(),
  };
}

// Model files, the catalog and downloads answer from llm-file-handlers.ts.
export function llmHandlers(ctx: BackendContext): LlmHandlers {
  return {
    ...llmFileHandlers(ctx),
    ...llmRuntimeHandlers(ctx),
  };
}
