import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { auditAnchorFile } from '../../../main/db/audit-anchor';
import { auditKeyFile } from '../../../main/db/audit-key';
import { listAuditEntries } from '../../../main/db/audit-log';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { insertClient, updateClient } from '../../../main/db/client-repository';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { rechain } from '../../robustness/audit-tampering';
import { insertRawProduct, profile, tempDb } from './temp-db';

const AT = '2026-03-01T10:00:00.000Z';
const client = (id: string) => ({
  id,
  profile: profile(),
  riskClass: null,
  questionnaire: null,
  createdAt: AT,
  updatedAt: AT,
});

describe('migration 0100 audit-keyed-chain', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('keeps an existing plain trail verifying and seals it with a key from the next entry, saying so in the trail', () => {
    env = tempDb({ target: 90 });
    const { db, file } = env;
    insertClient(db, client('CL-1'), 'advisor');
    insertClient(db, client('CL-2'), 'advisor');
    insertRawProduct(db, 'P-1');
    expect(fs.existsSync(auditKeyFile(file))).toBe(false);

    migrate(db, { target: 100 });
    expect(schemaVersion(db)).toBe(100);
    const entries = listAuditEntries(db);
    expect(entries.map((e) => [e.seq, e.entity, e.action])).toEqual([
      [1, 'client', 'create'],
      [2, 'client', 'create'],
      [3, 'audit', 'seal with key'],
    ]);
    expect(entries[2]!.before).toEqual({ plainEntries: 2, plainHead: entries[1]!.hash });
    expect(fs.statSync(auditKeyFile(file)).mode & 0o777).toBe(0o600);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 3, problems: [] });

    // Later entries are keyed; the anchor beside the database follows them.
    updateClient(db, 'CL-1', 1, profile({ investableAssets: 7 }), { at: AT, actor: 'advisor' });
    db.close();
    expect(JSON.parse(fs.readFileSync(auditAnchorFile(file), 'utf8'))).toMatchObject({ seq: 4, entries: 4 });
  });

  it('catches a plain entry from before the upgrade rewritten with its links recomputed', () => {
    env = tempDb({ target: 90 });
    const { db } = env;
    insertClient(db, client('CL-1'), 'advisor');
    insertClient(db, client('CL-2'), 'advisor');
    migrate(db);
    db.exec('DROP TRIGGER audit_log_no_update');
    db.prepare("UPDATE audit_log SET actor = 'intruder' WHERE seq = 1").run();
    rechain(db, 1, null, 2);
    expect(verifyAuditChain(db).problems.map((p) => [p.kind, p.fromSeq])).toEqual([['entries-unlinked', 3]]);
  });

  it('seals records that existed before the upgrade, so a later change without an entry shows', () => {
    env = tempDb({ target: 90 });
    const { db } = env;
    insertRawProduct(db, 'P-1');
    migrate(db);
    expect(verifyAuditChain(db).ok).toBe(true);
    db.prepare("UPDATE products SET risk_grade = 'R5' WHERE id = 'P-1'").run();
    expect(verifyAuditChain(db).problems).toMatchObject([
      { kind: 'row-unaudited', entity: 'product', entityId: 'P-1' },
    ]);
  });

  it('adds no entry and no key to a new, empty database until something is audited', () => {
    env = tempDb();
    expect(listAuditEntries(env.db)).toEqual([]);
    expect(fs.existsSync(auditKeyFile(env.file))).toBe(false);
    insertClient(env.db, client('CL-1'), 'advisor');
    expect(listAuditEntries(env.db).map((e) => e.seq)).toEqual([1]);
    expect(verifyAuditChain(env.db)).toEqual({ ok: true, entries: 1, problems: [] });
  });
});
