import type { HandlerTable } from '../../app/contract/dispatch';
import { validateClientProfile, type ClientProfile, type FieldIssue } from '../../app/domain';
import { DEFAULT_QUESTIONNAIRE, scoreQuestionnaire } from '../../app/risk/questionnaire';
import {
  clientExists,
  getClient,
  insertClient,
  listClients,
  recordQuestionnaire,
  updateClient,
} from '../db/client-repository';
import { listHoldingsForClient } from '../db/holding-repository';
import { listInteractionsForClient } from '../db/interaction-repository';
import { listMeetingsForClient } from '../db/meeting-repository';
import type { BackendContext } from './backend-context';
import { DomainError } from '../../app/domain/domain-error';

type ClientHandlers = Pick<
  HandlerTable,
  | 'clients:list'
  | 'clients:get'
  | 'clients:create'
  | 'clients:update'
  | 'questionnaire:get'
  | 'clients:submit-questionnaire'
>;

function validated(profile: ClientProfile, today: string): ClientProfile {
  const result = validateClientProfile(profile, today);
  if (!result.ok) {
    const fields = result.issues.map((i) => i.field).join(', ');
    throw new DomainError('validation', `The profile has problems in: ${fields}.`, result.issues);
  }
  return result.value;
}

/** Ids are short and readable for advisors; a random part keeps two desks from minting the same one. */
function newClientId(ctx: BackendContext): string {
  for (;;) {
    const id = `CL-${ctx.randomId().slice(0, 8).toUpperCase()}`;
    if (!clientExists(ctx.db, id)) return id;
  }
}

export function clientHandlers(ctx: BackendContext): ClientHandlers {
  const { db } = ctx;
  return {
    'clients:list': (query) => listClients(db, query, ctx.nowIso()),
    'clients:get': ({ id }) => {
      const client = getClient(db, id);
      if (!client) throw new DomainError('not_found', `No client with id ${id}.`);
      return {
        client,
        holdings: listHoldingsForClient(db, id),
        interactions: listInteractionsForClient(db, id),
        meetings: listMeetingsForClient(db, id),
      };
    },
    'clients:create': ({ profile }) => {
      const clean = validated(profile, ctx.today());
      const at = ctx.nowIso();
      const client = insertClient(
        db,
        { id: newClientId(ctx), profile: clean, riskClass: null, questionnaire: null, createdAt: at, updatedAt: at },
        ctx.actor,
      );
      ctx.emit('data:changed', { entity: 'clients', id: client.id });
      return client;
    },
    'clients:update': ({ id, revision, profile }) => {
      const clean = validated(profile, ctx.today());
      const client = updateClient(db, id, revision, clean, { at: ctx.nowIso(), actor: ctx.actor });
      ctx.emit('data:changed', { entity: 'clients', id });
      return client;
    },
    'questionnaire:get': () => DEFAULT_QUESTIONNAIRE,
    'clients:submit-questionnaire': ({ clientId, revision, answers }) => {
      const scored = scoreQuestionnaire(DEFAULT_QUESTIONNAIRE, answers);
      if (!scored.ok) {
        const issues: FieldIssue[] = [
          ...scored.missing.map((q) => ({
            field: q,
            message: { en: 'Please answer this question.', zh: '请回答此问题。' },
          })),
          ...scored.invalid.map((q) => ({
            field: q,
            message: { en: 'This answer is not one of the options.', zh: '该答案不在选项中。' },
          })),
        ];
        throw new DomainError(
          'validation',
          `The questionnaire is incomplete: ${issues.map((i) => i.field).join(', ')}.`,
          issues,
        );
      }
      const client = recordQuestionnaire(
        db,
        clientId,
        revision,
        {
          questionnaireVersion: DEFAULT_QUESTIONNAIRE.version,
          completedAt: ctx.nowIso(),
          answers,
          score: scored.score,
          riskClass: scored.riskClass,
        },
        { actor: ctx.actor },
      );
      ctx.emit('data:changed', { entity: 'clients', id: clientId });
      return client;
    },
  };
}
