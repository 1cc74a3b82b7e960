import type { ModelVersionSummary } from '../domain/model-version';
import type { RetrainStatus } from '../contract/engine-channels';
import type { Clock, EventSink } from '../ports';
import type { Retrainer } from './retrain';

/** A retrain asked for by a person (the Model page, the CLI), running or waiting its turn. */
interface AskedRetrain {
  controller: AbortController;
  status: RetrainStatus;
}

export interface RetrainRequestsDeps {
  retrainer: Retrainer;
  clock: Clock;
  events: EventSink;
  /** The file name of the loaded language model, for the status line; null when none is loaded. */
  loadedModelFile(): string | null;
}

/**
 * Retrains asked for by a person, tracked so that every window can show the one running (with its progress and a
 * Cancel) and Cancel stops them all. A first-use training behind a ranking is not among them: it cannot be
 * cancelled, and it takes seconds.
 */
export function createRetrainRequests(deps: RetrainRequestsDeps) {
  // In the order asked, which is the order the retrainer runs them in.
  const asked: AskedRetrain[] = [];
  // The one running, or first in line: a page shows one retrain.
  const status = (): RetrainStatus | null => (asked[0] ? { ...asked[0].status } : null);
  // Every window follows the state kept here rather than its own, so a page opened later or elsewhere shows it too.
  const announce = (): void => deps.events.emit('model:retrain-state', status());

  return {
    async retrain(input: { origin: 'app' | 'cli'; languageModel: boolean }): Promise<ModelVersionSummary> {
      const request: AskedRetrain = {
        controller: new AbortController(),
        status: {
          languageModel: input.languageModel,
          file: input.languageModel ? deps.loadedModelFile() : null,
          done: null,
          total: null,
          startedAt: deps.clock.nowIso(),
        },
      };
      asked.push(request);
      announce();
      try {
        return await deps.retrainer.retrain(input.origin === 'cli' ? 'cli-train' : 'retrain', {
          languageModel: input.languageModel,
          signal: request.controller.signal,
          // Kept, not announced: the signals already push their progress as 'model:signals-progress'.
          onSignalsProgress: ({ done, total, file }) => {
            request.status = { ...request.status, done, total, file };
          },
        });
      } finally {
        asked.splice(asked.indexOf(request), 1);
        announce();
      }
    },

    cancel(): { cancelled: boolean } {
      // A cancelled retrain stays in the status until it has stopped, but a second Cancel has nothing left to stop.
      const stoppable = asked.filter((r) => !r.controller.signal.aborted);
      for (const r of stoppable) r.controller.abort();
      return { cancelled: stoppable.length > 0 };
    },

    status,
  };
}

export type RetrainRequests = ReturnType<typeof createRetrainRequests>;
