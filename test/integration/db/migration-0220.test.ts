import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, tempDb } from './temp-db';

const AT = '2026-11-28T09:00:00.000Z';

describe('migration 0220 experiments', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('adds experiments whose assignments stick and of which one per kind can run', () => {
    env = tempDb({ target: 200 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(220);
    const experiment = db.prepare(
      `INSERT INTO experiments (id, name, kind, status, planned_start, planned_stop, plan_json, created_at, created_by)
       VALUES (?, ?, 'ranking-policy', ?, '2026-12-01', '2027-01-01', '{}', ?, 'ADM')`,
    );
    experiment.run('EX-1', 'First', 'running', AT);
    expect(() => experiment.run('EX-2', 'Second', 'running', AT)).toThrow(/UNIQUE/);
    experiment.run('EX-3', 'Third', 'draft', AT);
    db.prepare(
      `INSERT INTO experiment_arms (experiment_id, arm, position, share, definition_json) VALUES ('EX-1', 'A', 0, 0.5, '{}')`,
    ).run();
    db.prepare(
      `INSERT INTO experiment_assignments (experiment_id, client_id, arm, propensity, assigned_at)
       VALUES ('EX-1', 'C-1', 'A', 0.5, ?)`,
    ).run(AT);
    expect(() => db.prepare("UPDATE experiment_assignments SET arm = 'B'").run()).toThrow(/sticky/);
    expect(() => db.prepare('UPDATE experiment_arms SET share = 0.6').run()).toThrow(/kept as defined/);
  });
});
