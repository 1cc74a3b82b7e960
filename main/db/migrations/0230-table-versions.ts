import type { Db } from '../connection';

/**
 * A change counter per table that readers keep values from: any insert, update or delete of a product or a
 * suitability rule set, by any path (the repositories, an import, plain SQL, another process), adds one to its
 * table's counter in the same transaction. The catalogue is read for every ranking; with the counter, an unchanged
 * catalogue is served from memory after one indexed read (main/db/product-repository.ts).
 */
export const migration0230 = {
  version: 230,
  name: 'table-versions',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE table_versions (
        name TEXT PRIMARY KEY,
        version INTEGER NOT NULL
      ) WITHOUT ROWID;
      INSERT INTO table_versions (name, version) VALUES ('products', 0), ('suitability_rule_sets', 0);
    `);
    for (const table of ['products', 'suitability_rule_sets'])
      for (const event of ['insert', 'update', 'delete'])
        db.exec(`
          CREATE TRIGGER ${table}_${event}_version AFTER ${event.toUpperCase()} ON ${table}
          BEGIN UPDATE table_versions SET version = version + 1 WHERE name = '${table}'; END;
        `);
  },
};
