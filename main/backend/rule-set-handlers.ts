import type { HandlerTable } from '../../app/contract/dispatch';
import type { RuleSetVersionView } from '../../app/contract/rule-set-channels';
import { DEFAULT_RULE_SET } from '../../app/suitability';
import {
  activateRuleSet,
  listRuleSetVersions,
  RuleSetRefusedError,
  saveRuleSet,
  type RuleSetVersion,
} from '../db/rule-set-repository';
import type { BackendContext } from './backend-context';
import { DomainError } from '../../app/domain/domain-error';

type RuleSetHandlers = Pick<HandlerTable, 'rules:versions' | 'rules:save' | 'rules:activate'>;

const view = (v: RuleSetVersion): RuleSetVersionView => ({ ...v, stored: true });

export function ruleSetHandlers(ctx: BackendContext): RuleSetHandlers {
  const { db } = ctx;
  return {
    'rules:versions': () => {
      const stored = listRuleSetVersions(db);
      if (stored.length > 0) return stored.map(view);
      // Nothing stored yet: the shipped default is what runs, shown as version 1 so it can be read and edited.
      return [
        {
          version: DEFAULT_RULE_SET.version,
          name: 'Shipped default',
          active: true,
          createdAt: DEFAULT_RULE_SET.effectiveFrom,
          createdBy: 'system',
          stored: false,
          ruleSet: DEFAULT_RULE_SET,
        },
      ];
    },
    'rules:save': ({ name, ruleSet }) => {
      try {
        const saved = saveRuleSet(db, ruleSet, { name, at: ctx.nowIso(), actor: ctx.actor });
        ctx.emit('data:changed', { entity: 'rules' });
        return view(saved);
      } catch (error) {
        if (error instanceof RuleSetRefusedError) {
          throw new DomainError(
            'validation',
            error.message,
            error.issues.map((issue) => {
              const [field, ...rest] = issue.split(': ');
              return { field: field ?? '(rule set)', message: { en: rest.join(': '), zh: rest.join(': ') } };
            }),
          );
        }
        throw error;
      }
    },
    'rules:activate': ({ version }) => {
      const activated = activateRuleSet(db, version, { at: ctx.nowIso(), actor: ctx.actor });
      if (!activated) throw new DomainError('not_found', `No stored suitability rule set version ${version}.`);
      ctx.emit('data:changed', { entity: 'rules' });
      return view(activated);
    },
  };
}
