import type { HandlerTable } from '../../app/contract/dispatch';
import { createModelService, type ModelService } from '../model/model-service';
import type { BackendContext } from './backend-context';

type EngineHandlers = Pick<HandlerTable, 'recommendations:for-client' | 'outcomes:record' | 'model:versions' | 'model:retrain' | 'model:activate'>;

/** Ranking, outcome recording and model versions, served by one model service per backend. */
export function engineHandlers(ctx: BackendContext, service: ModelService = createModelService(ctx)): EngineHandlers {
  return {
    'recommendations:for-client': ({ clientId, top, languageModel }) => service.rank(clientId, top, { languageModel }),
    'outcomes:record': (input) => service.recordOutcome(input),
    'model:versions': () => service.versions(),
    'model:retrain': ({ origin, languageModel }) => service.retrain(origin === 'cli' ? 'cli-train' : 'retrain', { languageModel }),
    'model:activate': ({ version }) => service.activate(version),
  };
}
