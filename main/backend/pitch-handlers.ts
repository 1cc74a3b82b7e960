import { AppError } from '../../app/contract/result';
import type { HandlerTable } from '../../app/contract/dispatch';
import type { BackendContext } from './backend-context';

type PitchChannel = Extract<keyof HandlerTable, `pitch:${string}`>;
export type PitchHandlers = Pick<HandlerTable, PitchChannel>;

// PLACEHOLDER while pitch drafting is being built (issue 4): every channel answers 'unavailable' by name.
export function pitchHandlers(_ctx: BackendContext): PitchHandlers {
  const notYet = (channel: string) => () => {
    throw new AppError('unavailable', `${channel} is not available in this build yet.`);
  };
  return {
    'pitch:start': notYet('pitch:start'),
    'pitch:stop': notYet('pitch:stop'),
    'pitch:list': notYet('pitch:list'),
    'pitch:get': notYet('pitch:get'),
    'pitch:lint': notYet('pitch:lint'),
    'pitch:save': notYet('pitch:save'),
    'pitch:approve': notYet('pitch:approve'),
  };
}
