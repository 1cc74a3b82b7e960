import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION, migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, tempDb } from './temp-db';

describe('migration 0040 governance', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('adds versioned rule sets and model versions without touching existing data', () => {
    env = tempDb({ target: 30 });
    const { db } = env;
    insertRawClient(db, 'C1', 'Alice');
    migrate(db, { target: 40 });
    expect(schemaVersion(db)).toBe(40);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(40);
    expect(db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(1);
    db.prepare(
      "INSERT INTO suitability_rule_sets (id, version, name, rules_json, active, created_at) VALUES ('S1', 1, 'Default', '[]', 1, 'now')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO suitability_rule_sets (id, version, name, rules_json, created_at) VALUES ('S2', 1, 'Clash', '[]', 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    db.prepare("INSERT INTO model_versions (id, kind, version, created_at) VALUES ('M1', 'interest', 1, 'now')").run();
    expect(db.prepare('SELECT params_json FROM model_versions').pluck().get()).toBe('{}');
  });
});
