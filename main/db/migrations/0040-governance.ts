import type { Db } from '../connection';

/** Rules and models change over time; advice records point at the exact version that produced them. */
export const migration0040 = {
  version: 40,
  name: 'governance',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE suitability_rule_sets (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL UNIQUE,
        name TEXT NOT NULL,
        rules_json TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL DEFAULT 'system'
      );

      CREATE TABLE model_versions (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        version INTEGER NOT NULL,
        file_hash TEXT,
        params_json TEXT NOT NULL DEFAULT '{}',
        metrics_json TEXT NOT NULL DEFAULT '{}',
        trained_on_through TEXT,
        active INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        UNIQUE (kind, version)
      );
    `);
  },
};
