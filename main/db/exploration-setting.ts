import { DEFAULT_EXPLORATION_RATE, explorationRateProblem } from '../../app/ranking/exploration';
import { DomainError } from '../../app/domain/domain-error';
import type { Db } from './connection';
import { readInstitutionSetting, writeInstitutionSetting } from './institution-setting';

/** The institution's exploration rate (app/ranking/exploration.ts); a missing or unreadable value is the default. */
export function getExplorationRate(db: Db): number {
  return readInstitutionSetting(
    db,
    'explorationRate',
    (value) => (typeof value === 'number' && explorationRateProblem(value) === null ? value : null),
    DEFAULT_EXPLORATION_RATE,
  );
}

/** Sets the rate with an audit entry naming who changed it from what; a rate outside [0, 0.5] is refused by name. */
export function setExplorationRate(db: Db, rate: number, meta: { at: string; actor: string }): number {
  const problem = explorationRateProblem(rate);
  if (problem) throw new DomainError('validation', problem);
  writeInstitutionSetting(
    db,
    {
      key: 'explorationRate',
      entityId: 'exploration',
      action: 'set exploration rate',
      before: () => getExplorationRate(db),
    },
    rate,
    meta,
  );
  return rate;
}
