import type { HandlerTable } from '../../app/contract/dispatch';
import { createExperimentUseCases } from '../../app/use-cases/experiments';
import type { RankingExperiments } from '../../app/use-cases/rank-client';
import { liveModelFromParams, type LiveModel } from '../../app/ranking/live-model';
import { sqliteExperimentStore } from '../db/experiment-repository';
import { getModelVersion } from '../db/model-version-repository';
import { withDeps, type BackendContext } from './backend-context';

type ExperimentHandlers = Pick<
  HandlerTable,
  'experiments:list' | 'experiments:define' | 'experiments:start' | 'experiments:stop' | 'experiments:results'
>;

export function experimentHandlers(ctx: BackendContext): ExperimentHandlers {
  const experiments = createExperimentUseCases(withDeps(ctx, { experiments: sqliteExperimentStore(ctx.db) }));
  return {
    'experiments:list': () => experiments.list(),
    'experiments:define': ({ definition }) => experiments.define(definition),
    'experiments:start': ({ id }) => experiments.start(id),
    'experiments:stop': ({ id }) => experiments.stop(id),
    'experiments:results': ({ id }) => experiments.results(id),
  };
}

/** What rankings need to apply a running ranking-policy experiment: its store, and stored model versions by number. */
export function rankingExperiments(ctx: BackendContext): RankingExperiments {
  return {
    store: sqliteExperimentStore(ctx.db),
    // Read each time: a version that was live may have learned since (online updates), and only arms naming a
    // version that is not live come here.
    modelOfVersion(version): LiveModel | null {
      const stored = getModelVersion(ctx.db, version);
      return stored ? liveModelFromParams(stored.params) : null;
    },
  };
}
