import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';

const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * Prepares a statement once per connection. Preparing costs more than running a small statement,
 * so hot paths (audit appends inside a 100k-client import) reuse the compiled one.
 */
export function cached(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) {
    cache = new Map();
    caches.set(db, cache);
  }
  let stmt = cache.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    cache.set(sql, stmt);
  }
  return stmt;
}
