import { afterEach, describe, expect, it } from 'vitest';
import { schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

describe('migration 0010 clients-products-audit', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('creates the client, product and audit tables on an empty file, and keeps the audit log append-only', () => {
    env = tempDb({ target: 10 });
    const { db } = env;
    expect(schemaVersion(db)).toBe(10);
    insertRawClient(db, 'C1', 'Alice');
    insertRawProduct(db, 'P1');
    db.prepare("INSERT INTO holdings VALUES ('H1', 'C1', 'P1', 1000, '2026-01-01')").run();
    db.prepare(
      "INSERT INTO audit_log (seq, at, actor, entity, entity_id, action, prev_hash, hash) VALUES (1, 'now', 'me', 'client', 'C1', 'create', 'x', 'y')",
    ).run();
    expect(() => db.prepare("UPDATE audit_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    // A holding of a client that does not exist is refused: foreign keys are on.
    expect(() => db.prepare("INSERT INTO holdings VALUES ('H2', 'nobody', 'P1', 1, '2026-01-01')").run()).toThrow(
      /FOREIGN KEY/,
    );
  });
});
