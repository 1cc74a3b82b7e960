import type { Db } from './connection';
import { cached } from './statement-cache';

interface Kept<T> {
  row: Record<string, unknown>;
  value: T;
}

const maps = new WeakMap<Db, Map<string, Kept<unknown>>>();

/** Whether two rows read by one statement hold the same column values (SQLite hands back primitives and Buffers). */
function sameRow(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  let columns = 0;
  for (const key in b) if (Object.hasOwn(b, key)) columns++;
  for (const key in a) {
    columns--;
    const x = a[key];
    const y = b[key];
    if (x === y) continue;
    if (x instanceof Uint8Array && y instanceof Uint8Array && Buffer.compare(x, y) === 0) continue;
    return false;
  }
  return columns === 0;
}

/**
 * An identity map over one connection: the value built from a row the last time it was read, while the row's
 * columns are unchanged; otherwise a value built afresh, kept from then on. Readers get the same object for the
 * same stored data, so work kept per object (the ranking's suitability facts and its share of each score) carries
 * over between requests, and a changed row, written by any path, is a new object the next time it is read. Rows
 * are compared column by column as SQLite returns them, which costs less than parsing their JSON again. The values
 * are shared, so nobody changes them in place.
 */
export function keptFromRow<R extends object, T>(db: Db, kind: string, key: string, row: R, build: (row: R) => T): T {
  let map = maps.get(db);
  if (!map) {
    map = new Map();
    maps.set(db, map);
  }
  const id = `${kind}\u0001${key}`;
  const before = map.get(id) as Kept<T> | undefined;
  const columns = row as Record<string, unknown>;
  if (before && sameRow(before.row, columns)) return before.value;
  const value = build(row);
  map.set(id, { row: columns, value });
  return value;
}

const tables = new WeakMap<Db, Map<string, { version: number; values: readonly unknown[] }>>();

/**
 * Every value of a table, read again only when the table's change counter (migration 0230: kept by triggers, so it
 * counts writes by any path and any process) has moved since the last read; otherwise the list read before, in a
 * new array. Unchanged rows keep their objects across a re-read through `keptFromRow`.
 */
export function keptTable<T>(db: Db, table: 'products' | 'suitability_rule_sets', read: () => T[]): T[] {
  const version = cached(db, 'SELECT version FROM table_versions WHERE name = ?').pluck().get(table) as number;
  let map = tables.get(db);
  if (!map) {
    map = new Map();
    tables.set(db, map);
  }
  const before = map.get(table);
  if (before && before.version === version) return before.values.slice() as T[];
  const values = read();
  map.set(table, { version, values });
  return values.slice();
}
