import { DEFAULT_SETTINGS, UserSettingsSchema, type UserSettings } from '../../app/domain';
import type { Db } from './connection';

/**
 * Settings are stored key by key so a later setting is a new row, not a migration.
 * A stored value that no longer parses falls back to the default rather than breaking start-up.
 */
export function getSettings(db: Db): UserSettings {
  const rows = db.prepare('SELECT key, value_json FROM settings').all() as { key: string; value_json: string }[];
  const merged: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const row of rows) {
    try {
      merged[row.key] = JSON.parse(row.value_json);
    } catch {
      // Keep the default for a damaged value.
    }
  }
  const parsed = UserSettingsSchema.safeParse(merged);
  if (parsed.success) return parsed.data;
  const fallback: Record<string, unknown> = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof UserSettings)[]) {
    const one = UserSettingsSchema.shape[key].safeParse(merged[key]);
    if (one.success) fallback[key] = one.data;
  }
  return fallback as UserSettings;
}

export function updateSettings(db: Db, patch: Partial<UserSettings>, at: string): UserSettings {
  const stmt = db.prepare(`INSERT INTO settings (key, value_json, updated_at) VALUES (?, ?, ?)
    ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`);
  db.transaction(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined) stmt.run(key, JSON.stringify(value), at);
  })();
  return getSettings(db);
}
