import type { Db } from '../connection';

/** Market history, the advisor's calendar and the record of what was shown to whom: the interest model's training data. */
export const migration0020 = {
  version: 20,
  name: 'market-meetings-interactions',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE market_snapshots (
        as_of TEXT PRIMARY KEY,
        policy_rate REAL NOT NULL,
        deposit_rate_1y REAL NOT NULL,
        inflation REAL NOT NULL,
        equity_index REAL NOT NULL,
        equity_trend_3m REAL NOT NULL,
        bond_yield_10y REAL NOT NULL,
        regulatory_flags_json TEXT NOT NULL DEFAULT '[]',
        indicators_json TEXT NOT NULL DEFAULT '{}'
      );

      CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        starts_at TEXT NOT NULL,
        duration_minutes INTEGER NOT NULL,
        location TEXT NOT NULL DEFAULT '',
        purpose TEXT NOT NULL DEFAULT '',
        advisor_id TEXT NOT NULL
      );
      CREATE INDEX meetings_starts_at ON meetings (starts_at);
      CREATE INDEX meetings_client_starts_at ON meetings (client_id, starts_at);

      CREATE TABLE interactions (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        product_id TEXT NOT NULL REFERENCES products (id),
        occurred_at TEXT NOT NULL,
        channel TEXT NOT NULL CHECK (channel IN ('meeting','call','email','branch')),
        policy TEXT NOT NULL,
        score REAL,
        -- NULL means the client has not reacted yet.
        outcome TEXT CHECK (outcome IS NULL OR outcome IN ('interested','accepted','declined','no_response')),
        advisor_id TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX interactions_client_time ON interactions (client_id, occurred_at);
      CREATE INDEX interactions_product_time ON interactions (product_id, occurred_at);
      CREATE INDEX interactions_time ON interactions (occurred_at);
    `);
  },
};
