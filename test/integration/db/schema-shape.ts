import type { Db } from '../../../main/db/connection';

/** Tables with their columns, plus index and trigger names: what shipped code and old files depend on. */
export interface SchemaShape {
  tables: Record<string, string[]>;
  indexes: string[];
  triggers: string[];
}

export function readSchemaShape(db: Db): SchemaShape {
  const names = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const tables: Record<string, string[]> = {};
  for (const name of names)
    tables[name] = db.prepare(`SELECT name FROM pragma_table_info(?) ORDER BY cid`).pluck().all(name) as string[];
  const indexes = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const triggers = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
    .pluck()
    .all() as string[];
  return { tables, indexes, triggers };
}
