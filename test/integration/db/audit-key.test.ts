import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DomainError } from '../../../app/domain/domain-error';
import { auditAnchorFile } from '../../../main/db/audit-anchor';
import { auditKeyFile } from '../../../main/db/audit-key';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { getClient, insertClient, updateClient } from '../../../main/db/client-repository';
import { openStore } from '../../../main/db/open-store';
import { profile, tempDb } from './temp-db';

const AT = '2026-03-01T10:00:00.000Z';
const meta = { at: AT, actor: 'advisor' };

describe('the audit key and anchor beside the database', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  const seeded = () => {
    env = tempDb();
    insertClient(
      env.db,
      { id: 'CL-1', profile: profile(), riskClass: null, questionnaire: null, createdAt: AT, updatedAt: AT },
      'advisor',
    );
    env.db.close();
  };

  it('are private files, and another connection to the same file seals with the same key', () => {
    seeded();
    if (process.platform !== 'win32') {
      expect(fs.statSync(auditKeyFile(env.file)).mode & 0o777).toBe(0o600);
      expect(fs.statSync(auditAnchorFile(env.file)).mode & 0o777).toBe(0o600);
    }
    const first = openStore(env.file).db;
    const second = openStore(env.file).db;
    updateClient(second, 'CL-1', 1, profile({ notes: 'second window' }), meta);
    second.close();
    expect(verifyAuditChain(first)).toEqual({ ok: true, entries: 2, problems: [] });
    first.close();
  });

  it('refuses a change it cannot seal when the key is gone, saving nothing, and the check says the key is missing', () => {
    seeded();
    fs.rmSync(auditKeyFile(env.file));
    const { db } = openStore(env.file);
    try {
      let refusal: unknown;
      try {
        updateClient(db, 'CL-1', 1, profile({ investableAssets: 1 }), meta);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainError);
      expect(refusal).toMatchObject({
        code: 'unavailable',
        message: expect.stringMatching(/test\.sqlite\.audit-key is missing.*nothing was saved/),
      });
      expect(getClient(db, 'CL-1')!.revision).toBe(1);
      expect(fs.existsSync(auditKeyFile(env.file))).toBe(false);
      expect(verifyAuditChain(db).problems.map((p) => p.kind)).toEqual(['key-missing']);
    } finally {
      db.close();
    }
  });
});
