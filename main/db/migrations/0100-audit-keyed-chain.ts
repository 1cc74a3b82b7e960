import { appendAudit, sealingKey } from '../audit-log';
import { sealAllRows, SEALED_TABLES, sealedEntitiesAt } from '../audit-seals';
import type { Db } from '../connection';

/**
 * Seals the audit trail with a secret key kept outside the database (see audit-key.ts). Entries already written keep
 * their plain SHA-256 links; `audit_chain` records the first seq sealed with the key. On a database that has a trail,
 * the first keyed entry says so (with how many plain entries it closes and the hash it chains to), so a plain prefix
 * rewritten later no longer links to it. Every client and product is sealed as it stands at the upgrade, the baseline
 * that later unaudited changes are compared with.
 */
export const migration0100 = {
  version: 100,
  name: 'audit-keyed-chain',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE audit_chain (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        keyed_from_seq INTEGER NOT NULL
      );
      CREATE TABLE audit_row_seals (
        entity TEXT NOT NULL,
        entity_id TEXT NOT NULL,
        seq INTEGER NOT NULL,
        seal TEXT NOT NULL,
        PRIMARY KEY (entity, entity_id)
      ) WITHOUT ROWID;
    `);
    const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as
      { seq: number; hash: string } | undefined;
    const keyedFrom = (last?.seq ?? 0) + 1;
    db.prepare('INSERT INTO audit_chain (id, keyed_from_seq) VALUES (1, ?)').run(keyedFrom);
    // Only the kinds whose tables exist at this step: later migrations seal the records they add themselves.
    const entities = sealedEntitiesAt(100);
    const records = entities.some((e) => db.prepare(`${SEALED_TABLES[e]!.select} LIMIT 1`).get() !== undefined);
    if (!last && !records) return;
    let sealedAt = 0;
    if (last) {
      sealedAt = appendAudit(db, {
        at: new Date().toISOString(),
        actor: 'advisor-desk',
        entity: 'audit',
        entityId: 'trail',
        action: 'seal with key',
        before: { plainEntries: last.seq, plainHead: last.hash },
        after: { keyedFromSeq: keyedFrom },
      }).seq;
    }
    const key = sealingKey(db, keyedFrom);
    for (const entity of entities) sealAllRows(db, key, entity, sealedAt);
  },
};
