import { appendAudit } from '../audit-log';
import type { Db } from '../connection';

/**
 * The one person a store made before users existed recorded everything under this id; it becomes a named user. (The
 * same id as the first user of a new store without the demo: see ensureFirstUser.)
 */
export const UPGRADE_USER_ID = 'local-advisor';

/**
 * Named users with roles, and four-eyes review of pitches: a version handed to a reviewer (one hand-over per
 * version) and the reviewer's decision with its rubric (one per version, never changed). A store that already holds
 * data gets its one earlier actor as a user who may advise and administer, so it can sign in, add the others and
 * set the review policy; its creation is audited and sealed like any later change to a user.
 */
export const migration0160 = {
  version: 160,
  name: 'users-and-reviews',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        display_name TEXT NOT NULL,
        roles_json TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        created_at TEXT NOT NULL
      );
      CREATE TABLE pitch_review_requests (
        draft_id TEXT NOT NULL REFERENCES pitch_drafts (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        submitted_by TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        PRIMARY KEY (draft_id, version),
        FOREIGN KEY (draft_id, version) REFERENCES pitch_draft_versions (draft_id, version) ON DELETE CASCADE
      ) WITHOUT ROWID;
      CREATE TABLE pitch_reviews (
        id TEXT PRIMARY KEY,
        draft_id TEXT NOT NULL REFERENCES pitch_drafts (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        reviewer_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('approved', 'sent-back')),
        rubric_json TEXT NOT NULL,
        comment TEXT NOT NULL,
        submitted_by TEXT NOT NULL,
        submitted_at TEXT NOT NULL,
        reviewed_at TEXT NOT NULL,
        UNIQUE (draft_id, version),
        FOREIGN KEY (draft_id, version) REFERENCES pitch_review_requests (draft_id, version) ON DELETE CASCADE
      );
      CREATE INDEX pitch_reviews_reviewed_at ON pitch_reviews (reviewed_at);
      CREATE TRIGGER pitch_reviews_no_update BEFORE UPDATE ON pitch_reviews
        BEGIN SELECT RAISE(ABORT, 'pitch_reviews are kept as given: a review cannot be changed'); END;
    `);
    const hasData =
      db.prepare('SELECT EXISTS (SELECT 1 FROM audit_log) OR EXISTS (SELECT 1 FROM clients)').pluck().get() === 1;
    if (!hasData) return;
    const at = new Date().toISOString();
    const user = { displayName: 'Local advisor', roles: ['advisor', 'administrator'], active: true, createdAt: at };
    db.prepare('INSERT INTO users (id, display_name, roles_json, active, created_at) VALUES (?, ?, ?, 1, ?)').run(
      UPGRADE_USER_ID,
      user.displayName,
      JSON.stringify(user.roles),
      at,
    );
    appendAudit(db, {
      at,
      actor: 'advisor-desk',
      entity: 'user',
      entityId: UPGRADE_USER_ID,
      action: 'create',
      before: null,
      after: user,
    });
  },
};
