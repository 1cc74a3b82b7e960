import { AppError } from '../../app/contract/result';
import type { HandlerTable } from '../../app/contract/dispatch';
import type { BackendContext } from './backend-context';

type EngineHandlers = Pick<HandlerTable, 'recommendations:for-client' | 'outcomes:record' | 'model:versions' | 'model:retrain' | 'model:activate'>;

/** Placeholder while the model service is built (issue 3); every request answers with a clear error. */
export function engineHandlers(_ctx: BackendContext): EngineHandlers {
  const notYet = (): never => {
    throw new AppError('unavailable', 'The recommendation engine is not wired in yet.');
  };
  return { 'recommendations:for-client': notYet, 'outcomes:record': notYet, 'model:versions': notYet, 'model:retrain': notYet, 'model:activate': notYet };
}
