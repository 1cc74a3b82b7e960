import type { Db } from '../connection';

/**
 * A/B tests (issue 15): an experiment with its pre-registered plan, its arms with their shares and definitions, each
 * client's assignment (made once, kept: the unit is the client and assignment is sticky), and the pitch drafts
 * written under a pitch-variant arm. Arms and assignments never change once written; at most one experiment of each
 * kind runs at a time, which the store refuses by name before the unique index would.
 */
export const migration0220 = {
  version: 220,
  name: 'experiments',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE experiments (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('ranking-policy', 'pitch-variant')),
        unit TEXT NOT NULL DEFAULT 'client' CHECK (unit = 'client'),
        status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'running', 'stopped')),
        planned_start TEXT NOT NULL,
        planned_stop TEXT NOT NULL,
        plan_json TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        started_at TEXT,
        stopped_at TEXT
      );
      CREATE UNIQUE INDEX experiments_one_running_per_kind ON experiments (kind) WHERE status = 'running';
      CREATE TABLE experiment_arms (
        experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        arm TEXT NOT NULL,
        position INTEGER NOT NULL,
        share REAL NOT NULL CHECK (share > 0 AND share < 1),
        definition_json TEXT NOT NULL,
        PRIMARY KEY (experiment_id, arm)
      ) WITHOUT ROWID;
      CREATE TRIGGER experiment_arms_no_update BEFORE UPDATE ON experiment_arms
        BEGIN SELECT RAISE(ABORT, 'an experiment arm is kept as defined: it cannot be changed'); END;
      CREATE TABLE experiment_assignments (
        experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        arm TEXT NOT NULL,
        propensity REAL NOT NULL CHECK (propensity > 0 AND propensity <= 1),
        assigned_at TEXT NOT NULL,
        PRIMARY KEY (experiment_id, client_id),
        FOREIGN KEY (experiment_id, arm) REFERENCES experiment_arms (experiment_id, arm)
      ) WITHOUT ROWID;
      CREATE TRIGGER experiment_assignments_no_update BEFORE UPDATE ON experiment_assignments
        BEGIN SELECT RAISE(ABORT, 'an experiment assignment is sticky: it cannot be changed'); END;
      CREATE TABLE experiment_pitch_drafts (
        draft_id TEXT NOT NULL REFERENCES pitch_drafts (id) ON DELETE CASCADE,
        experiment_id TEXT NOT NULL REFERENCES experiments (id) ON DELETE CASCADE,
        arm TEXT NOT NULL,
        propensity REAL NOT NULL CHECK (propensity > 0 AND propensity <= 1),
        at TEXT NOT NULL,
        PRIMARY KEY (draft_id, experiment_id)
      ) WITHOUT ROWID;
      CREATE INDEX experiment_pitch_drafts_arm ON experiment_pitch_drafts (experiment_id, arm);
    `);
  },
};
