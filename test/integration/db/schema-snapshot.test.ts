import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { readSchemaShape, type SchemaShape } from './schema-shape';
import { tempDb } from './temp-db';

const snapshotFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema-snapshot.json');

/**
 * Shipped databases and released code rely on every table, column, index and trigger below.
 * A migration may add to the schema (then add the new names to schema-snapshot.json, or run with
 * UPDATE_SCHEMA_SNAPSHOT=1); it may never drop or rename what is listed.
 */
describe('schema snapshot', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('still has every table, column, index and trigger that has shipped', () => {
    env = tempDb();
    const actual = readSchemaShape(env.db);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1')
      fs.writeFileSync(snapshotFile, `${JSON.stringify(actual, null, 2)}\n`);
    const shipped = JSON.parse(fs.readFileSync(snapshotFile, 'utf8')) as SchemaShape;

    const missing: string[] = [];
    for (const [table, columns] of Object.entries(shipped.tables)) {
      const present = actual.tables[table];
      if (!present) missing.push(`table ${table}`);
      else for (const c of columns) if (!present.includes(c)) missing.push(`column ${table}.${c}`);
    }
    for (const i of shipped.indexes) if (!actual.indexes.includes(i)) missing.push(`index ${i}`);
    for (const t of shipped.triggers) if (!actual.triggers.includes(t)) missing.push(`trigger ${t}`);
    expect(missing, 'shipped schema elements disappeared').toEqual([]);

    const unrecorded: string[] = [];
    for (const [table, columns] of Object.entries(actual.tables))
      for (const c of columns) if (!shipped.tables[table]?.includes(c)) unrecorded.push(`${table}.${c}`);
    for (const i of actual.indexes) if (!shipped.indexes.includes(i)) unrecorded.push(`index ${i}`);
    expect(unrecorded, 'new schema elements: add them to schema-snapshot.json so they are guarded too').toEqual([]);
  });
});
