import type { HandlerTable } from '../../app/contract/dispatch';
import { createPitchService, type PitchService } from '../llm/pitch-service';
import type { BackendContext } from './backend-context';

type PitchChannel = Extract<keyof HandlerTable, `pitch:${string}`>;
export type PitchHandlers = Pick<HandlerTable, PitchChannel>;

/**
 * Pitch drafting, served by main/llm/pitch-service.ts on the backend's one model runtime. pitch:start
 * answers at once; the text follows as 'pitch:delta' events and ends with 'pitch:done'.
 */
export function pitchHandlers(
  ctx: BackendContext,
  service: PitchService = createPitchService(ctx, ctx.llm),
): PitchHandlers {
  return {
    'pitch:start': (input) => service.start(input),
    'pitch:stop': ({ requestId }) => service.stop(requestId),
    'pitch:list': ({ clientId }) => service.list(clientId),
    'pitch:get': ({ draftId }) => service.get(draftId),
    'pitch:lint': ({ draftId, content }) => service.lint(draftId, content),
    'pitch:save': ({ draftId, baseVersion, content }) => service.save(draftId, baseVersion, content),
    'pitch:approve': ({ draftId, version }) => service.approve(draftId, version),
  };
}
