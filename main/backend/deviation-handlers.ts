import type { HandlerTable } from '../../app/contract/dispatch';
import { createDeviationUseCases } from '../../app/use-cases/client-deviations';
import type { BackendContext } from './backend-context';

type DeviationHandlers = Pick<
  HandlerTable,
  'deviations:preview' | 'deviations:record' | 'deviations:list' | 'deviations:withdraw'
>;

export function deviationHandlers(ctx: BackendContext): DeviationHandlers {
  const deviations = createDeviationUseCases(ctx);
  return {
    'deviations:preview': ({ clientId, productId }) => deviations.preview(clientId, productId),
    'deviations:record': (input) => deviations.record(input),
    'deviations:list': ({ clientId }) => deviations.list(clientId),
    'deviations:withdraw': ({ id }) => deviations.withdraw(id),
  };
}
