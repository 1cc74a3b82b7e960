import type { Db } from '../connection';

/**
 * A model version's history as the versions page shows it: the outcome range it learned from, how it came to
 * be, how many rows trained and tested it, and how many outcomes it has learned online since. Rows written
 * before this version (there were none: nothing trained models before) read as zero and empty.
 */
export const migration0070 = {
  version: 70,
  name: 'model-version-history',
  up(db: Db): void {
    db.exec(`
      ALTER TABLE model_versions ADD COLUMN trained_from TEXT;
      ALTER TABLE model_versions ADD COLUMN note TEXT NOT NULL DEFAULT '';
      ALTER TABLE model_versions ADD COLUMN train_rows INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE model_versions ADD COLUMN test_rows INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE model_versions ADD COLUMN online_updates INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE model_versions ADD COLUMN updated_at TEXT;
      CREATE UNIQUE INDEX model_versions_one_active ON model_versions (kind) WHERE active = 1;
    `);
  },
};
