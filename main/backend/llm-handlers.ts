import { AppError } from '../../app/contract/result';
import type { HandlerTable } from '../../app/contract/dispatch';
import type { BackendContext } from './backend-context';
import { llmFileHandlers } from './llm-file-handlers';

type LlmChannel = Extract<keyof HandlerTable, `llm:${string}`>;
export type LlmHandlers = Pick<HandlerTable, LlmChannel>;

// Model files, the catalog and downloads answer from llm-file-handlers.ts. PLACEHOLDER while the runtime is being
// built (issue 4): the loading channels answer 'unavailable' by name.
export function llmHandlers(ctx: BackendContext): LlmHandlers {
  const notYet = (channel: string) => () => {
    throw new AppError('unavailable', `${channel} is not available in this build yet.`);
  };
  return {
    ...llmFileHandlers(ctx),
    'llm:status': notYet('llm:status'),
    'llm:load': notYet('llm:load'),
    'llm:cancel-load': notYet('llm:cancel-load'),
    'llm:unload': notYet('llm:unload'),
  };
}
