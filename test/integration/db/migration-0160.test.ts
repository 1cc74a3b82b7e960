import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit, listAuditEntries } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { listUsers } from '../../../main/db/user-repository';
import { tempDb } from './temp-db';

describe('migration 0160 users-and-reviews', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it("makes the store's one earlier actor a user who advises and administers, audited and sealed", () => {
    env = tempDb({ target: 150 });
    const { db } = env;
    db.transaction(() =>
      appendAudit(db, {
        at: '2026-03-01T10:00:00.000Z',
        actor: 'local-advisor',
        entity: 'data',
        entityId: '*',
        action: 'note',
        before: null,
        after: null,
      }),
    )();
    migrate(db, { target: 160 });
    expect(schemaVersion(db)).toBe(160);
    expect(listUsers(db)).toMatchObject([{ id: 'local-advisor', roles: ['advisor', 'administrator'], active: true }]);
    expect(listAuditEntries(db, { entity: 'user' })).toMatchObject([{ actor: 'advisor-desk', action: 'create' }]);
    expect(verifyAuditChain(db).problems).toEqual([]);

    // A role granted with another SQLite client is caught by the seal.
    db.prepare(`UPDATE users SET roles_json = '["reviewer"]'`).run();
    expect(verifyAuditChain(db).problems.map((p) => p.kind)).toContain('row-unaudited');
  });

  it('adds no user to an empty store: the app adds the first one when it opens', () => {
    env = tempDb();
    expect(listUsers(env.db)).toEqual([]);
  });
});
