import type { Db } from '../connection';

/**
 * Advice records are frozen: no statement may change one (a correction is a new record naming the one it
 * corrects), and none may be deleted except by the app's own "erase everything", which lifts the guard for its
 * transaction and records the erasure in the audit trail.
 */
export const ADVICE_RECORDS_NO_DELETE = `CREATE TRIGGER advice_records_no_delete BEFORE DELETE ON advice_records
  BEGIN SELECT RAISE(ABORT, 'advice_records are kept: a record cannot be deleted'); END`;

export const migration0130 = {
  version: 130,
  name: 'advice-records-frozen',
  up(db: Db): void {
    db.exec(`
      ALTER TABLE advice_records ADD COLUMN kind TEXT NOT NULL DEFAULT 'pitch-approved';
      ALTER TABLE advice_records ADD COLUMN corrects_id TEXT REFERENCES advice_records (id);
      CREATE TRIGGER advice_records_no_update BEFORE UPDATE ON advice_records
        BEGIN SELECT RAISE(ABORT, 'advice_records are kept as made: a record cannot be changed; record a correction instead'); END;
      ${ADVICE_RECORDS_NO_DELETE};
      CREATE INDEX advice_records_draft ON advice_records (pitch_draft_id) WHERE pitch_draft_id IS NOT NULL;
    `);
  },
};
