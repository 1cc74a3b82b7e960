import path from 'node:path';
import type { HandlerTable } from '../../app/contract/dispatch';
import type { RetrainStatus } from '../../app/contract/engine-channels';
import { createModelService, type ModelService } from '../model/model-service';
import type { BackendContext } from './backend-context';

type EngineHandlers = Pick<
  HandlerTable,
  | 'recommendations:for-client'
  | 'outcomes:record'
  | 'model:versions'
  | 'model:retrain'
  | 'model:retrain-cancel'
  | 'model:retrain-status'
  | 'model:activate'
>;

/** A retrain asked through the channel, running or waiting its turn, and what 'model:retrain-status' says of it. */
interface AskedRetrain {
  controller: AbortController;
  status: RetrainStatus;
}

/** Ranking, outcome recording and model versions, served by one model service per backend. */
export function engineHandlers(ctx: BackendContext, service: ModelService = createModelService(ctx)): EngineHandlers {
  // Retrains asked for through the channel, in the order asked, which is the order the service runs them in; a
  // first-use training behind a ranking is not among them (it cannot be cancelled, and it takes seconds).
  const retrains: AskedRetrain[] = [];
  // The one running, or first in line: the page shows one retrain, and Cancel stops them all.
  const status = (): RetrainStatus | null => (retrains[0] ? { ...retrains[0].status } : null);
  // Every window follows the state kept here rather than its own, so a page opened later or elsewhere shows it too.
  const announce = (): void => ctx.emit('model:retrain-state', status());
  const fileOfLoadedModel = (): string | null => {
    const loaded = ctx.llm.current();
    return loaded ? path.basename(loaded.path) : null;
  };

  return {
    'recommendations:for-client': ({ clientId, top, languageModel }) => service.rank(clientId, top, { languageModel }),
    'outcomes:record': (input) => service.recordOutcome(input),
    'model:versions': () => service.versions(),
    'model:retrain': async ({ origin, languageModel }) => {
      const asked: AskedRetrain = {
        controller: new AbortController(),
        status: {
          languageModel,
          file: languageModel ? fileOfLoadedModel() : null,
          done: null,
          total: null,
          startedAt: ctx.nowIso(),
        },
      };
      retrains.push(asked);
      announce();
      try {
        return await service.retrain(origin === 'cli' ? 'cli-train' : 'retrain', {
          languageModel,
          signal: asked.controller.signal,
          // Kept, not announced: the service already pushes the progress as 'model:signals-progress'.
          onSignalsProgress: ({ done, total, file }) => {
            asked.status = { ...asked.status, done, total, file };
          },
        });
      } finally {
        retrains.splice(retrains.indexOf(asked), 1);
        announce();
      }
    },
    'model:retrain-cancel': () => {
      // A cancelled retrain stays in the status until it has stopped, but a second Cancel has nothing left to stop.
      const stoppable = retrains.filter((r) => !r.controller.signal.aborted);
      for (const r of stoppable) r.controller.abort();
      return { cancelled: stoppable.length > 0 };
    },
    'model:retrain-status': () => status(),
    'model:activate': ({ version }) => service.activate(version),
  };
}
