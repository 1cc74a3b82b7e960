import type { Db } from '../connection';

/**
 * Approvals of pitch versions, one row each, never changed: until now a draft carried one status that the next
 * version reset, so drafting again after an approval erased the fact that a text had been approved. A draft
 * approved at upgrade keeps that approval, with the approver its audit entry names.
 */
export const migration0110 = {
  version: 110,
  name: 'pitch-approvals',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE pitch_approvals (
        draft_id TEXT NOT NULL REFERENCES pitch_drafts (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        approved_by TEXT NOT NULL,
        approved_at TEXT NOT NULL,
        PRIMARY KEY (draft_id, version),
        FOREIGN KEY (draft_id, version) REFERENCES pitch_draft_versions (draft_id, version) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TRIGGER pitch_approvals_no_update BEFORE UPDATE ON pitch_approvals
        BEGIN SELECT RAISE(ABORT, 'pitch_approvals are kept as given: an approval cannot be changed'); END;

      INSERT INTO pitch_approvals (draft_id, version, approved_by, approved_at)
        SELECT d.id, d.current_version,
          COALESCE(
            (SELECT a.actor FROM audit_log a
              WHERE a.entity = 'pitch_draft' AND a.entity_id = d.id AND a.action = 'approve version ' || d.current_version
              ORDER BY a.seq DESC LIMIT 1),
            'unknown'),
          d.updated_at
        FROM pitch_drafts d
        WHERE d.status = 'approved' AND d.current_version > 0;
    `);
  },
};
