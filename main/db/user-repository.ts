import type { DeskUser, UserRole } from '../../app/domain/desk-users';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { cached } from './statement-cache';

/**
 * The people at this desk (table from migration 0160). Every change is one audit entry with the user before and
 * after, made in the same transaction, and the row is sealed with it: a role granted with another SQLite client shows
 * up in the audit check.
 */

interface UserRow {
  id: string;
  display_name: string;
  roles_json: string;
  active: number;
  created_at: string;
}

const fromRow = (row: UserRow): DeskUser => ({
  id: row.id,
  displayName: row.display_name,
  roles: JSON.parse(row.roles_json) as UserRole[],
  active: row.active === 1,
  createdAt: row.created_at,
});

const snapshot = ({ id: _id, ...rest }: DeskUser) => rest;

/** Everyone, active first, in the order they were added. */
export function listUsers(db: Db): DeskUser[] {
  return (cached(db, 'SELECT * FROM users ORDER BY active DESC, created_at, rowid').all() as UserRow[]).map(fromRow);
}

export function getUser(db: Db, id: string): DeskUser | null {
  const row = cached(db, 'SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
  return row ? fromRow(row) : null;
}

/** The first active administrator: who the command line acts as when no user is named. */
export function firstActiveAdministrator(db: Db): DeskUser | null {
  return listUsers(db).find((u) => u.active && u.roles.includes('administrator')) ?? null;
}

export function insertUser(db: Db, user: DeskUser, actor: string): DeskUser {
  db.transaction(() => {
    cached(db, 'INSERT INTO users (id, display_name, roles_json, active, created_at) VALUES (?, ?, ?, ?, ?)').run(
      user.id,
      user.displayName,
      JSON.stringify(user.roles),
      user.active ? 1 : 0,
      user.createdAt,
    );
    appendAudit(db, {
      at: user.createdAt,
      actor,
      entity: 'user',
      entityId: user.id,
      action: 'create',
      before: null,
      after: snapshot(user),
    });
  })();
  return user;
}

/**
 * Changes a user; `check` sees the users as they would be after the change, inside the transaction, and throws to
 * refuse it (there must always remain an active administrator).
 */
export function updateUser(
  db: Db,
  id: string,
  patch: Partial<Pick<DeskUser, 'displayName' | 'roles' | 'active'>>,
  meta: { at: string; actor: string },
  check: (after: DeskUser[]) => void,
): DeskUser | null {
  return db.transaction(() => {
    const before = getUser(db, id);
    if (!before) return null;
    const after: DeskUser = { ...before, ...patch };
    cached(db, 'UPDATE users SET display_name = ?, roles_json = ?, active = ? WHERE id = ?').run(
      after.displayName,
      JSON.stringify(after.roles),
      after.active ? 1 : 0,
      id,
    );
    check(listUsers(db));
    appendAudit(db, {
      at: meta.at,
      actor: meta.actor,
      entity: 'user',
      entityId: id,
      action: 'update',
      before: snapshot(before),
      after: snapshot(after),
    });
    return after;
  })();
}

/** Who signs in at this desk, recorded in the trail: the first sign-in of a session, or a switch from someone else. */
export function recordSignIn(db: Db, user: DeskUser, previous: DeskUser | null, at: string): void {
  db.transaction(() => {
    appendAudit(db, {
      at,
      actor: user.id,
      entity: 'session',
      entityId: 'desk',
      action: previous ? 'switch user' : 'sign in',
      before: previous ? { user: previous.id } : null,
      after: { user: user.id },
    });
    cached(
      db,
      `INSERT INTO settings (key, value_json, updated_at) VALUES ('lastUserId', ?, ?)
        ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json, updated_at = excluded.updated_at`,
    ).run(JSON.stringify(user.id), at);
  })();
}

/** The user who signed in last at this desk, to preselect in the sign-in picker. */
export function lastSignedInUserId(db: Db): string | null {
  const json = cached(db, "SELECT value_json FROM settings WHERE key = 'lastUserId'").pluck().get() as
    string | undefined;
  if (json === undefined) return null;
  try {
    const id = JSON.parse(json) as unknown;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

/** The first user of a store made without the demo: they advise and administer, and can add the others. */
export const FIRST_USER_ID = 'local-advisor';

/** Makes the first user of a store that has none, so someone can sign in; audited like any new user. */
export function ensureFirstUser(db: Db, at: string): void {
  if (cached(db, 'SELECT 1 FROM users LIMIT 1').get() !== undefined) return;
  insertUser(
    db,
    {
      id: FIRST_USER_ID,
      displayName: 'Local advisor',
      roles: ['advisor', 'administrator'],
      active: true,
      createdAt: at,
    },
    'advisor-desk',
  );
}
