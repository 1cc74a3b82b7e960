import type { HandlerTable } from '../../app/contract/dispatch';
import { createExperimentUseCases } from '../../app/use-cases/experiments';
import { sqliteExperimentStore } from '../db/experiment-repository';
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
