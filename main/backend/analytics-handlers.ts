import type { HandlerTable } from '../../app/contract/dispatch';
import { funnelReport, type FunnelStore } from '../../app/analytics/funnel-report';
import { funnelCells, funnelChoices, funnelDays, funnelProductLabels } from '../db/funnel-repository';
import type { Db } from '../db/connection';
import type { BackendContext } from './backend-context';

export function funnelStoreOf(db: Db): FunnelStore {
  return {
    cells: (q) => funnelCells(db, q),
    choices: () => funnelChoices(db),
    days: () => funnelDays(db),
    products: () => funnelProductLabels(db),
  };
}

/** Reading only: open to every role, as the other read channels are (app/users/permissions.ts). */
export function analyticsHandlers(ctx: BackendContext): Pick<HandlerTable, 'analytics:funnel'> {
  const store = funnelStoreOf(ctx.db);
  return {
    'analytics:funnel': async (query) => funnelReport(store, query, ctx.today(), () => performance.now()),
  };
}
