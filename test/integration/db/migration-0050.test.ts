import { afterEach, describe, expect, it } from 'vitest';
import { ClientListQuerySchema } from '../../../app/domain';
import { listClients } from '../../../main/db/client-repository';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, tempDb } from './temp-db';

describe('migration 0050 client-search-index', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('indexes the search text of clients that already exist, and search finds them through it', () => {
    env = tempDb({ target: 40 });
    const { db } = env;
    insertRawClient(db, 'C1', '王芳');
    insertRawClient(db, 'C2', 'Alice Wang');
    migrate(db, { target: 50 });
    expect(schemaVersion(db)).toBe(50);
    const plan = db
      .prepare("EXPLAIN QUERY PLAN SELECT c.rowid FROM clients c WHERE instr(c.search_text, 'x') > 0")
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/COVERING INDEX clients_search/);
    // Read through today's repository, which also reads the columns of later migrations.
    migrate(db);
    const page = listClients(db, ClientListQuerySchema.parse({ search: '王芳' }), '2026-01-01T00:00:00.000Z');
    expect(page.rows.map((r) => r.id)).toEqual(['C1']);
  });
});
