import { DomainError } from '../domain/domain-error';
import type { ModelVersionSummary } from '../domain/model-version';
import type { Clock, EventSink, Stores } from '../ports';

export interface ModelVersionsDeps {
  stores: Pick<Stores, 'modelVersions'>;
  clock: Clock;
  events: EventSink;
  actor: string;
}

/** Make an earlier (or later) interest-model version the live one; the previous stays stored. */
export function activateModelVersion(deps: ModelVersionsDeps, version: number): ModelVersionSummary {
  const activated = deps.stores.modelVersions.activate(version, { at: deps.clock.nowIso(), actor: deps.actor });
  if (!activated) throw new DomainError('not_found', `No model version ${version}.`);
  deps.events.emit('data:changed', { entity: 'model' });
  return activated;
}
