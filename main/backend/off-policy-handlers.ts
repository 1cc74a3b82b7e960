import type { HandlerTable } from '../../app/contract/dispatch';
import { createEstimatePolicies } from '../../app/use-cases/estimate-policies';
import { getExplorationRate, setExplorationRate } from '../db/exploration-setting';
import { offPolicyLog } from '../db/off-policy-log';
import { withDeps, type BackendContext } from './backend-context';

type OffPolicyHandlers = Pick<HandlerTable, 'offpolicy:estimate' | 'exploration:get' | 'exploration:set'>;

/** Off-policy estimates from the logged rankings, and the exploration rate rankings are shown under. */
export function offPolicyHandlers(ctx: BackendContext): OffPolicyHandlers {
  const estimate = createEstimatePolicies(withDeps(ctx, { log: offPolicyLog(ctx.db) }));
  return {
    'offpolicy:estimate': ({ policy, from, to, outcome }) =>
      estimate({
        outcome,
        ...(policy ? { policy } : {}),
        ...(from ? { from: `${from}T00:00:00.000Z` } : {}),
        ...(to ? { to: `${to}T00:00:00.000Z` } : {}),
      }),
    'exploration:get': () => ({ rate: getExplorationRate(ctx.db) }),
    'exploration:set': ({ rate }) => ({
      rate: setExplorationRate(ctx.db, rate, { at: ctx.nowIso(), actor: ctx.actor }),
    }),
  };
}
