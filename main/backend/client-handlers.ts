import type { HandlerTable } from '../../app/contract/dispatch';
import { DEFAULT_QUESTIONNAIRE } from '../../app/risk/questionnaire';
import { createClientUseCases } from '../../app/use-cases/manage-clients';
import type { BackendContext } from './backend-context';

type ClientHandlers = Pick<
  HandlerTable,
  | 'clients:list'
  | 'clients:get'
  | 'clients:create'
  | 'clients:update'
  | 'questionnaire:get'
  | 'clients:submit-questionnaire'
>;

export function clientHandlers(ctx: BackendContext): ClientHandlers {
  const clients = createClientUseCases(ctx);
  return {
    'clients:list': (query) => ctx.stores.clients.list(query, ctx.clock.nowIso()),
    'clients:get': ({ id }) => clients.open(id),
    'clients:create': ({ profile }) => clients.create(profile),
    'clients:update': ({ id, revision, profile }) => clients.update(id, revision, profile),
    'questionnaire:get': () => DEFAULT_QUESTIONNAIRE,
    'clients:submit-questionnaire': ({ clientId, revision, answers }) =>
      clients.submitQuestionnaire(clientId, revision, answers),
  };
}
