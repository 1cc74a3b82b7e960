import type { Db } from '../connection';

/**
 * Advice records for rankings presented without a pitch point to the impression they present (once each), and a
 * correction points to the record it corrects. A recorded reaction can be withdrawn shortly after (a wrong click):
 * the row stays, marked as undone by whom and when, and every reader of outcomes leaves it out.
 */
export const migration0150 = {
  version: 150,
  name: 'presented-rankings-and-undo',
  up(db: Db): void {
    db.exec(`
      ALTER TABLE advice_records ADD COLUMN impression_id TEXT REFERENCES ranking_impressions (id);
      CREATE UNIQUE INDEX advice_records_presented_once ON advice_records (impression_id)
        WHERE kind = 'ranking-presented';
      CREATE INDEX advice_records_corrects ON advice_records (corrects_id) WHERE corrects_id IS NOT NULL;

      ALTER TABLE interactions ADD COLUMN undone_at TEXT;
      ALTER TABLE interactions ADD COLUMN undone_by TEXT;
    `);
  },
};
