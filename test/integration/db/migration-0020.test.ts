import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

describe('migration 0020 market-meetings-interactions', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('keeps existing clients and lets meetings and interactions point at them', () => {
    env = tempDb({ target: 10 });
    const { db } = env;
    insertRawClient(db, 'C1', 'Alice');
    insertRawProduct(db, 'P1');
    migrate(db, { target: 20 });
    expect(schemaVersion(db)).toBe(20);
    expect(db.prepare('SELECT display_name FROM clients WHERE id = ?').pluck().get('C1')).toBe('Alice');
    db.prepare(
      "INSERT INTO meetings VALUES ('M1', 'C1', '2026-02-01T09:00:00.000Z', 30, 'Branch', 'Review', 'ADV-01')",
    ).run();
    db.prepare(
      "INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, outcome, advisor_id) VALUES ('I1', 'C1', 'P1', '2026-01-02T00:00:00Z', 'call', 'advisor_choice', NULL, 'ADV-01')",
    ).run();
    expect(db.prepare('SELECT count(*) FROM interactions WHERE outcome IS NULL').pluck().get()).toBe(1);
    expect(() =>
      db
        .prepare(
          "INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, outcome, advisor_id) VALUES ('I2', 'C1', 'P1', 'x', 'call', 'p', 'maybe', 'A')",
        )
        .run(),
    ).toThrow(/CHECK/);
    db.prepare(
      "INSERT INTO market_snapshots (as_of, policy_rate, deposit_rate_1y, inflation, equity_index, equity_trend_3m, bond_yield_10y) VALUES ('2026-01-01', 1.5, 1.3, 0.8, 3500, 2.1, 2.2)",
    ).run();
    expect(db.prepare('SELECT regulatory_flags_json FROM market_snapshots').pluck().get()).toBe('[]');
  });
});
