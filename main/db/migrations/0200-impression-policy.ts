import type { Db } from '../connection';

/**
 * What an impression needs for measuring what works (analytics, experiments, off-policy estimates): the policy that
 * produced the ranking as one label to group by, the experiment and arm the client was assigned to with the
 * probability of that assignment, and the exploration rate the ranking was shown under. Rows kept before this step
 * have no label (readers derive it from the model version) and were shown without exploration.
 */
export const migration0200 = {
  version: 200,
  name: 'impression-policy',
  up(db: Db): void {
    db.exec(`
      ALTER TABLE ranking_impressions ADD COLUMN policy TEXT;
      ALTER TABLE ranking_impressions ADD COLUMN experiment_id TEXT;
      ALTER TABLE ranking_impressions ADD COLUMN arm TEXT;
      ALTER TABLE ranking_impressions ADD COLUMN assignment_propensity REAL
        CHECK (assignment_propensity IS NULL OR (assignment_propensity > 0 AND assignment_propensity <= 1));
      ALTER TABLE ranking_impressions ADD COLUMN exploration_rate REAL NOT NULL DEFAULT 0
        CHECK (exploration_rate >= 0 AND exploration_rate < 1);
      CREATE INDEX ranking_impressions_time ON ranking_impressions (shown_at);
      CREATE INDEX ranking_impressions_experiment ON ranking_impressions (experiment_id, arm)
        WHERE experiment_id IS NOT NULL;
    `);
  },
};
