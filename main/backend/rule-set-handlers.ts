import type { HandlerTable } from '../../app/contract/dispatch';
import { createRuleSetUseCases } from '../../app/use-cases/rule-sets';
import type { BackendContext } from './backend-context';

type RuleSetHandlers = Pick<HandlerTable, 'rules:versions' | 'rules:save' | 'rules:activate'>;

export function ruleSetHandlers(ctx: BackendContext): RuleSetHandlers {
  const ruleSets = createRuleSetUseCases(ctx);
  return {
    'rules:versions': () => ruleSets.versions(),
    'rules:save': ({ name, ruleSet }) => ruleSets.save(name, ruleSet),
    'rules:activate': ({ version }) => ruleSets.activate(version),
  };
}
