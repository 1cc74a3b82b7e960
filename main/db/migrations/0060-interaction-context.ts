import type { Db } from '../connection';

/**
 * Outcome tables from other systems record the market state beside each outcome (`market.<name>` columns),
 * not as daily snapshots. Keeping it on the interaction itself lets the model see exactly what was recorded
 * at that moment; '{}' means nothing was, which is every interaction written before this version.
 */
export const migration0060 = {
  version: 60,
  name: 'interaction-context',
  up(db: Db): void {
    db.exec("ALTER TABLE interactions ADD COLUMN context_json TEXT NOT NULL DEFAULT '{}'");
  },
};
