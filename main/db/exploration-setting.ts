import { DEFAULT_EXPLORATION_RATE, explorationRateProblem } from '../../app/ranking/exploration';
import { DomainError } from '../../app/domain/domain-error';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { cached } from './statement-cache';

/**
 * The institution's exploration rate (app/ranking/exploration.ts), kept in the settings table under its own key like
 * the review policy: a later setting is a row, not a migration. A missing or unreadable value is the default.
 */
export function getExplorationRate(db: Db): number {
  const json = cached(db, "SELECT value_json FROM settings WHERE key = 'explorationRate'").pluck().get() as
    string | undefined;
  if (json === undefined) return DEFAULT_EXPLORATION_RATE;
  try {
    const value = JSON.parse(json) as unknown;
    return typeof value === 'number' && explorationRateProblem(value) === null ? value : DEFAULT_EXPLORATION_RATE;
  } catch {
    return DEFAULT_EXPLORATION_RATE;
  }
}

/** Sets the rate with an audit entry naming who changed it from what; a rate outside [0, 0.5] is refused by name. */
export function setExplorationRate(db: Db, rate: number, meta: { at: string; actor: string }): number {
  const problem = explorationRateProblem(rate);
  if (problem) throw new DomainError('validation', problem);
  db.transaction(() => {
    const before = getExplorationRate(db);
    cached(
      db,
      `INSERT INTO settings (key, value_json, updated_at) VALUES ('explorationRate', ?, ?)
        ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    ).run(JSON.stringify(rate), meta.at);
    appendAudit(db, {
      at: meta.at,
      actor: meta.actor,
      entity: 'policy',
      entityId: 'exploration',
      action: 'set exploration rate',
      before: { explorationRate: before },
      after: { explorationRate: rate },
    });
  })();
  return rate;
}
