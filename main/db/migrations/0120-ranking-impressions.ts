import type { Db } from '../connection';

/**
 * Every ranking shown to an advisor (the client page, the CLI's recommend), with what produced it and what it said:
 * the record a reaction points back to, so an outcome can be tied to the ranking the advisor acted on.
 */
export const migration0120 = {
  version: 120,
  name: 'ranking-impressions',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE ranking_impressions (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        shown_at TEXT NOT NULL,
        surface TEXT NOT NULL CHECK (surface IN ('app', 'cli', 'batch')),
        shown_to TEXT NOT NULL,
        model_version INTEGER,
        rule_set_id TEXT NOT NULL,
        rule_set_version INTEGER NOT NULL,
        language_model_json TEXT NOT NULL DEFAULT 'null',
        ranked_json TEXT NOT NULL,
        excluded_json TEXT NOT NULL
      );
      CREATE INDEX ranking_impressions_client_time ON ranking_impressions (client_id, shown_at);
      CREATE TRIGGER ranking_impressions_no_update BEFORE UPDATE ON ranking_impressions
        BEGIN SELECT RAISE(ABORT, 'ranking_impressions are kept as shown: an impression cannot be changed'); END;

      ALTER TABLE interactions ADD COLUMN impression_id TEXT REFERENCES ranking_impressions (id) ON DELETE SET NULL;
      CREATE INDEX interactions_impression ON interactions (impression_id) WHERE impression_id IS NOT NULL;
    `);
  },
};
