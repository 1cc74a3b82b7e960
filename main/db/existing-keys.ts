import type { Db } from './connection';

/**
 * Which of `keys` are already stored in `table.column`. One statement per 50,000 keys, joined through json_each:
 * an import checks 100,000 ids this way in a few tens of milliseconds, against half a second for one lookup each.
 * Table and column come from repository code, never from input.
 */
export function existingKeys(db: Db, table: string, column: string, keys: Iterable<string>): Set<string> {
  const all = [...new Set(keys)];
  const found = new Set<string>();
  const stmt = db.prepare(`SELECT ${column} FROM ${table} WHERE ${column} IN (SELECT value FROM json_each(?))`).pluck();
  for (let start = 0; start < all.length; start += 50_000) {
    for (const key of stmt.all(JSON.stringify(all.slice(start, start + 50_000))) as string[]) found.add(key);
  }
  return found;
}
