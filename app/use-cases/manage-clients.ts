import { DomainError, type FieldProblem } from '../domain/domain-error';
import { message } from '../messages';
import { validateClientProfile, type Client, type ClientProfile } from '../domain';
import type { Clock, EventSink, IdSource, Stores } from '../ports';
import { DEFAULT_QUESTIONNAIRE, scoreQuestionnaire } from '../risk/questionnaire';

export interface ManageClientsDeps {
  stores: Pick<Stores, 'clients' | 'holdings' | 'interactions' | 'meetings'>;
  clock: Clock;
  ids: IdSource;
  events: EventSink;
  actor: string;
}

function validated(profile: ClientProfile, today: string): ClientProfile {
  const result = validateClientProfile(profile, today);
  if (!result.ok) {
    const fields = result.issues.map((i) => i.field).join(', ');
    throw new DomainError('validation', `The profile has problems in: ${fields}.`, result.issues);
  }
  return result.value;
}

/** Client records: open one with what belongs to it, create, edit, and score the risk questionnaire. */
export function createClientUseCases(deps: ManageClientsDeps) {
  const { clients } = deps.stores;

  /** Ids are short and readable for advisors; a random part keeps two desks from minting the same one. */
  function newClientId(): string {
    for (;;) {
      const id = `CL-${deps.ids.randomId().slice(0, 8).toUpperCase()}`;
      if (!clients.exists(id)) return id;
    }
  }

  return {
    open(id: string) {
      const client = clients.get(id);
      if (!client) throw new DomainError('not_found', `No client with id ${id}.`);
      return {
        client,
        holdings: deps.stores.holdings.forClient(id),
        interactions: deps.stores.interactions.forClient(id),
        meetings: deps.stores.meetings.forClient(id),
      };
    },

    create(profile: ClientProfile): Client {
      const clean = validated(profile, deps.clock.today());
      const at = deps.clock.nowIso();
      const client = clients.insert(
        { id: newClientId(), profile: clean, riskClass: null, questionnaire: null, createdAt: at, updatedAt: at },
        deps.actor,
      );
      deps.events.emit('data:changed', { entity: 'clients', id: client.id });
      return client;
    },

    update(id: string, revision: number, profile: ClientProfile): Client {
      const clean = validated(profile, deps.clock.today());
      const client = clients.update(id, revision, clean, { at: deps.clock.nowIso(), actor: deps.actor });
      deps.events.emit('data:changed', { entity: 'clients', id });
      return client;
    },

    submitQuestionnaire(clientId: string, revision: number, answers: Record<string, string>): Client {
      const scored = scoreQuestionnaire(DEFAULT_QUESTIONNAIRE, answers);
      if (!scored.ok) {
        const issues: FieldProblem[] = [
          ...scored.missing.map((q) => ({
            field: q,
            message: message('questionnaire.issue.unanswered'),
          })),
          ...scored.invalid.map((q) => ({
            field: q,
            message: message('questionnaire.issue.unknownOption'),
          })),
        ];
        const fields = issues.map((i) => i.field).join(', ');
        throw new DomainError('validation', `The questionnaire is incomplete: ${fields}.`, issues);
      }
      const client = clients.recordQuestionnaire(
        clientId,
        revision,
        {
          questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
          completedAt: deps.clock.nowIso(),
          answers,
          score: scored.score,
          riskClass: scored.riskClass,
        },
        { actor: deps.actor },
      );
      deps.events.emit('data:changed', { entity: 'clients', id: clientId });
      return client;
    },
  };
}
