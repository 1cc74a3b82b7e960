import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { cached } from './statement-cache';

/**
 * An institution-wide policy kept in the settings table under its own key (the review policy, the exploration
 * rate): a later policy is a row, not a migration. Read back through `accept`, which returns null for a value it
 * does not accept; a missing, unreadable or refused value reads as the fallback.
 */
export function readInstitutionSetting<T>(db: Db, key: string, accept: (value: unknown) => T | null, fallback: T): T {
  const json = cached(db, 'SELECT value_json FROM settings WHERE key = ?').pluck().get(key) as string | undefined;
  if (json === undefined) return fallback;
  try {
    return accept(JSON.parse(json)) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Writes the policy and, in the same transaction, an audit entry naming who changed it from what. */
export function writeInstitutionSetting<T>(
  db: Db,
  setting: { key: string; entityId: string; action: string; before: () => T },
  value: T,
  meta: { at: string; actor: string },
): void {
  db.transaction(() => {
    const before = setting.before();
    cached(
      db,
      `INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
        ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    ).run(setting.key, JSON.stringify(value), meta.at);
    appendAudit(db, {
      at: meta.at,
      actor: meta.actor,
      entity: 'policy',
      entityId: setting.entityId,
      action: setting.action,
      before: { [setting.key]: before },
      after: { [setting.key]: value },
    });
  })();
}
