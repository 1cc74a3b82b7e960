import path from 'node:path';
import type { HandlerTable } from '../../app/contract/dispatch';
import { LiveModelCache } from '../../app/use-cases/live-model-cache';
import { activateModelVersion } from '../../app/use-cases/model-versions';
import { createRankClient } from '../../app/use-cases/rank-client';
import { createRecordReaction } from '../../app/use-cases/record-reaction';
import { createRetrainer } from '../../app/use-cases/retrain';
import { createUndoReaction, RecentLearning } from '../../app/use-cases/undo-reaction';
import { createRetrainRequests } from '../../app/use-cases/retrain-requests';
import { getExplorationRate } from '../db/exploration-setting';
import { ModelSignals } from '../model/model-signals';
import { trainInWorker } from '../model/train-in-worker';
import { withDeps, type BackendContext } from './backend-context';
import { rankingExperiments } from './experiment-handlers';

type EngineHandlers = Pick<
  HandlerTable,
  | 'recommendations:for-client'
  | 'outcomes:record'
  | 'outcomes:undo'
  | 'model:versions'
  | 'model:retrain'
  | 'model:retrain-cancel'
  | 'model:retrain-status'
  | 'model:activate'
>;

/** Ranking, reactions and model versions: the interest model's use-cases, wired to this backend's adapters. */
export function engineHandlers(ctx: BackendContext): EngineHandlers {
  const signals = new ModelSignals(ctx);
  const cache = new LiveModelCache(ctx.stores.modelVersions);
  const retrainer = createRetrainer(withDeps(ctx, { trainer: { train: trainInWorker }, signals }));
  const exploration = { rate: () => getExplorationRate(ctx.db), random: Math.random };
  const rank = createRankClient(
    withDeps(ctx, { cache, retrainer, signals, exploration, experiments: rankingExperiments(ctx) }),
  );
  const learning = new RecentLearning();
  const recordReaction = createRecordReaction(withDeps(ctx, { cache, signals, learning }));
  const undoReaction = createUndoReaction(withDeps(ctx, { cache, learning }));
  const retrains = createRetrainRequests(
    withDeps(ctx, {
      retrainer,
      loadedModelFile: () => {
        const loaded = ctx.llm.current();
        return loaded ? path.basename(loaded.path) : null;
      },
    }),
  );
  return {
    'recommendations:for-client': (input) => rank(input),
    'outcomes:record': (input) => recordReaction(input),
    'outcomes:undo': (input) => undoReaction(input),
    'model:versions': () => ctx.stores.modelVersions.list(),
    'model:retrain': (input) => retrains.retrain(input),
    'model:retrain-cancel': () => retrains.cancel(),
    'model:retrain-status': () => retrains.status(),
    'model:activate': ({ version }) => activateModelVersion(ctx, version),
  };
}
