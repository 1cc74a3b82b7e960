import type { RuleSetVersionView } from '../contract/rule-set-channels';
import { DomainError } from '../domain/domain-error';
import type { Clock, EventSink, RuleSetVersion, Stores } from '../ports';
import { DEFAULT_RULE_SET } from '../suitability';

export interface RuleSetDeps {
  stores: Pick<Stores, 'ruleSets'>;
  clock: Clock;
  events: EventSink;
  actor: string;
}

const view = (v: RuleSetVersion): RuleSetVersionView => ({ ...v, stored: true });

/** The institution's suitability rules: every version kept, one active, edits saved as new versions. */
export function createRuleSetUseCases(deps: RuleSetDeps) {
  const { ruleSets } = deps.stores;
  return {
    versions(): RuleSetVersionView[] {
      const stored = ruleSets.versions();
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

    save(name: string, ruleSet: unknown): RuleSetVersionView {
      const saved = ruleSets.save(ruleSet, { name, at: deps.clock.nowIso(), actor: deps.actor });
      deps.events.emit('data:changed', { entity: 'rules' });
      return view(saved);
    },

    activate(version: number): RuleSetVersionView {
      const activated = ruleSets.activate(version, { at: deps.clock.nowIso(), actor: deps.actor });
      if (!activated) throw new DomainError('not_found', `No stored suitability rule set version ${version}.`);
      deps.events.emit('data:changed', { entity: 'rules' });
      return view(activated);
    },
  };
}
