import type { Db } from '../connection';

/**
 * Batch preparation of meetings: a job and one item per client it prepares. Each item keeps what is finished
 * (ranking with its impression, each draft, the pack) as it finishes, so a job interrupted by a restart resumes
 * where it stopped instead of drafting again.
 */
export const migration0180 = {
  version: 180,
  name: 'meeting-preparation',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE preparation_jobs (
        id TEXT PRIMARY KEY,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('running', 'paused', 'cancelled', 'completed')),
        interrupted INTEGER NOT NULL DEFAULT 0,
        label TEXT NOT NULL,
        out_dir TEXT NOT NULL,
        top_products INTEGER NOT NULL CHECK (top_products BETWEEN 1 AND 10),
        engine TEXT
      );
      CREATE INDEX preparation_jobs_created ON preparation_jobs (created_at);

      CREATE TABLE preparation_items (
        job_id TEXT NOT NULL REFERENCES preparation_jobs (id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        meeting_id TEXT NOT NULL,
        client_id TEXT NOT NULL,
        impression_id TEXT,
        products_json TEXT,
        drafts_json TEXT NOT NULL DEFAULT '[]',
        pack_file TEXT,
        error TEXT,
        PRIMARY KEY (job_id, position)
      );
      CREATE INDEX preparation_items_meeting ON preparation_items (meeting_id);
    `);
  },
};
