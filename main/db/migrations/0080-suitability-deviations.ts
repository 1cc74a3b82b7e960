import type { Db } from '../connection';

/**
 * Client-requested deviations from the risk-class rule: what warning the client was shown (in both languages,
 * word for word, since the advice record must carry it), who acknowledged it and when, the client's own reason,
 * and the rule set version it was recorded under. A withdrawn deviation keeps its row (withdrawn_at set) so the
 * trail of what was once allowed stays readable; at most one active deviation per client and product.
 */
export const migration0080 = {
  version: 80,
  name: 'suitability-deviations',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE suitability_deviations (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        product_id TEXT NOT NULL REFERENCES products (id) ON DELETE CASCADE,
        warning_en TEXT NOT NULL,
        warning_zh TEXT NOT NULL,
        acknowledged_by TEXT NOT NULL CHECK (length(trim(acknowledged_by)) > 0),
        acknowledged_at TEXT NOT NULL,
        reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),
        rule_set_id TEXT NOT NULL,
        rule_set_version INTEGER NOT NULL,
        recorded_by TEXT NOT NULL,
        withdrawn_at TEXT,
        withdrawn_by TEXT
      );
      CREATE INDEX suitability_deviations_client ON suitability_deviations (client_id, acknowledged_at);
      CREATE UNIQUE INDEX suitability_deviations_one_active ON suitability_deviations (client_id, product_id) WHERE withdrawn_at IS NULL;
    `);
  },
};
