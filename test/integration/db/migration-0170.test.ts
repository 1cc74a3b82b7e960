import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { listMeetingsInRange } from '../../../main/db/meeting-repository';
import { DEMO_ACTOR } from '../../../main/db/demo-seed';
import { getSettings } from '../../../main/db/settings-repository';
import { systemTimeZone } from '../../../app/meetings/day-range';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, tempDb } from './temp-db';

describe('migration 0170 meeting-agenda', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it("maps the demo's English places and purposes to codes, keeps other words as notes, and leaves the trail sound", () => {
    env = tempDb({ target: 160 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    const insert = db.prepare(
      `INSERT INTO meetings (id, client_id, starts_at, duration_minutes, location, purpose, advisor_id)
       VALUES (?, 'C-1', ?, 60, ?, ?, 'ADV-01')`,
    );
    insert.run('M-1', '2026-12-03T02:00:00.000Z', 'Branch office', 'Protection review');
    insert.run('M-2', '2026-12-03T04:00:00.000Z', 'Phone', 'Annual review');
    insert.run('M-3', '2026-12-03T06:00:00.000Z', 'Video call', 'Portfolio rebalance');
    insert.run('M-4', '2026-12-03T07:00:00.000Z', 'Tea house on Nanjing Road', 'Talk about her son’s tuition');
    insert.run('M-5', '2026-12-03T08:00:00.000Z', '', '');
    db.transaction(() =>
      appendAudit(db, {
        at: '2026-12-01T10:00:00.000Z',
        actor: 'ADV-01',
        entity: 'data',
        entityId: '*',
        action: 'note',
        before: null,
        after: null,
      }),
    )();

    // The raw client row was never audited; the migration must add no finding of its own.
    const before = verifyAuditChain(db).problems;
    migrate(db, { target: 170 });
    expect(schemaVersion(db)).toBe(170);
    const rows = listMeetingsInRange(db, '2026-12-02T16:00:00.000Z', '2026-12-03T16:00:00.000Z');
    expect(rows.map((m) => [m.id, m.location, m.locationNote, m.purpose, m.purposeNote, m.status])).toEqual([
      ['M-1', 'branch', '', 'protection-review', '', 'scheduled'],
      ['M-2', 'phone', '', 'annual-review', '', 'scheduled'],
      ['M-3', 'video', '', 'portfolio-rebalance', '', 'scheduled'],
      ['M-4', 'other', 'Tea house on Nanjing Road', 'other', 'Talk about her son’s tuition', 'scheduled'],
      ['M-5', 'other', '', 'other', '', 'scheduled'],
    ]);
    expect(verifyAuditChain(db).problems).toEqual(before);
    expect(before.every((p) => p.kind === 'row-unaudited' && p.entity === 'client')).toBe(true);
    expect(() => db.prepare("UPDATE meetings SET status = 'postponed' WHERE id = 'M-1'").run()).toThrow(/CHECK/);
  });

  it("puts a store the demo seeded on the branch's clock, and leaves a chosen zone and other stores alone", () => {
    const note = (actor: string) =>
      appendAudit(env.db, {
        at: '2026-12-01T10:00:00.000Z',
        actor,
        entity: 'data',
        entityId: '*',
        action: 'note',
        before: null,
        after: null,
      });
    const zoneAfterUpgrade = (actor: string, chosen?: string) => {
      env?.cleanup();
      env = tempDb({ target: 160 });
      env.db.transaction(() => note(actor))();
      if (chosen)
        env.db
          .prepare("INSERT INTO settings (key, value_json, updated_at) VALUES ('timeZone', ?, '2026-12-01')")
          .run(JSON.stringify(chosen));
      migrate(env.db, { target: 170 });
      return getSettings(env.db).timeZone;
    };
    expect(zoneAfterUpgrade(DEMO_ACTOR)).toBe('Asia/Shanghai');
    expect(zoneAfterUpgrade(DEMO_ACTOR, 'Europe/London')).toBe('Europe/London');
    expect(zoneAfterUpgrade('local-advisor')).toBe(systemTimeZone());
  });
});
