import type { HandlerTable } from '../../app/contract/dispatch';
import { createModelService, type ModelService } from '../model/model-service';
import type { BackendContext } from './backend-context';

type EngineHandlers = Pick<HandlerTable, 'recommendations:for-client' | 'outcomes:record' | 'model:versions' | 'model:retrain' | 'model:retrain-cancel' | 'model:activate'>;

/** Ranking, outcome recording and model versions, served by one model service per backend. */
export function engineHandlers(ctx: BackendContext, service: ModelService = createModelService(ctx)): EngineHandlers {
  // Retrains asked for through the channel, running or waiting; a first-use training behind a ranking is not among them.
  const retrains = new Set<AbortController>();
  return {
    'recommendations:for-client': ({ clientId, top, languageModel }) => service.rank(clientId, top, { languageModel }),
    'outcomes:record': (input) => service.recordOutcome(input),
    'model:versions': () => service.versions(),
    'model:retrain': async ({ origin, languageModel }) => {
      const controller = new AbortController();
      retrains.add(controller);
      try {
        return await service.retrain(origin === 'cli' ? 'cli-train' : 'retrain', { languageModel, signal: controller.signal });
      } finally {
        retrains.delete(controller);
      }
    },
    'model:retrain-cancel': () => {
      const cancelled = retrains.size > 0;
      for (const controller of retrains) controller.abort();
      retrains.clear();
      return { cancelled };
    },
    'model:activate': ({ version }) => service.activate(version),
  };
}
