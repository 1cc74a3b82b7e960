import { AppError } from '../../app/contract/result';
import type { HandlerTable } from '../../app/contract/dispatch';
import type { BackendContext } from './backend-context';

type LlmChannel = Extract<keyof HandlerTable, `llm:${string}`>;
export type LlmHandlers = Pick<HandlerTable, LlmChannel>;

// PLACEHOLDER while main/llm is being built (issue 4): every channel answers 'unavailable' by name.
export function llmHandlers(_ctx: BackendContext): LlmHandlers {
  const notYet = (channel: string) => () => {
    throw new AppError('unavailable', `${channel} is not available in this build yet.`);
  };
  return {
    'llm:models': notYet('llm:models'),
    'llm:inspect': notYet('llm:inspect'),
    'llm:import': notYet('llm:import'),
    'llm:status': notYet('llm:status'),
    'llm:load': notYet('llm:load'),
    'llm:cancel-load': notYet('llm:cancel-load'),
    'llm:unload': notYet('llm:unload'),
    'llm:catalog': notYet('llm:catalog'),
    'llm:download': notYet('llm:download'),
    'llm:cancel-download': notYet('llm:cancel-download'),
  };
}
