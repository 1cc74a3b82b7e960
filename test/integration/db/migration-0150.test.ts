import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, tempDb } from './temp-db';

const AT = '2026-03-01T10:00:00.000Z';

describe('migration 0150 presented-rankings-and-undo', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('lets a ranking be recorded as presented once, and keeps undone reactions in the table', () => {
    env = tempDb({ target: 130 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    db.prepare(
      `INSERT INTO ranking_impressions (id, client_id, shown_at, surface, shown_to, rule_set_id, rule_set_version,
         ranked_json, excluded_json) VALUES ('IM-1', 'C-1', ?, 'app', 'ana', 'default', 1, '[]', '[]')`,
    ).run(AT);
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(150);
    const insert = db.prepare(
      `INSERT INTO advice_records (id, client_id, created_at, advisor_id, record_json, content_hash, kind, impression_id)
       VALUES (?, 'C-1', ?, 'ana', '{}', 'h', ?, 'IM-1')`,
    );
    insert.run('AR-1', AT, 'ranking-presented');
    expect(() => insert.run('AR-2', AT, 'ranking-presented')).toThrow(/UNIQUE/);
    const columns = (db.prepare('PRAGMA table_info(interactions)').all() as { name: string }[]).map((c) => c.name);
    expect(columns).toEqual(expect.arrayContaining(['undone_at', 'undone_by']));
  });
});
