import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditAnchorFile } from '../../main/db/audit-anchor';
import { openDatabase } from '../../main/db/connection';
import { wipeData } from '../../main/db/data-maintenance';
import { openStore } from '../../main/db/open-store';
import {
  buildAuditedStore,
  copyStore,
  tamperingSweep,
  TAMPERING_CASES,
  verifyStore,
  type AuditedStore,
} from './audit-tampering';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const commitThenDie = path.join(root, 'test', 'fixtures', 'commit-then-die.mts');

/**
 * The audit trail against someone with the sqlite3 shell and access to the data folder: every class of tampering,
 * applied to a copy of a real store built through the repositories, must be named by the check; an untouched store,
 * one whose anchor fell a step behind in a crash, and a legitimate wipe must check out clean.
 */
describe('audit trail tampering', () => {
  let store: AuditedStore;
  beforeAll(() => {
    store = buildAuditedStore(7, { clients: 40, changes: 80 });
  });
  afterAll(() => fs.rmSync(store.dir, { recursive: true, force: true }));

  it('checks out clean for an untouched store with many entries', () => {
    const verdict = verifyStore(store);
    expect(verdict.problems).toEqual([]);
    expect(verdict.entries).toBeGreaterThan(100);
  });

  it('names every class of tampering, each in three random variants', () => {
    const result = tamperingSweep(store, 3, 11);
    expect(result.missed).toEqual([]);
    expect(result.tried).toBe(TAMPERING_CASES.length * 3);
    expect(result.detected).toBe(result.tried);
  });

  it('accepts an anchor left a step behind by a process that died between the commit and the anchor write, and catches it up', () => {
    const copy = copyStore(store);
    try {
      const anchorFile = auditAnchorFile(copy.file);
      const before = fs.readFileSync(anchorFile, 'utf8');
      const child = spawnSync(process.execPath, ['--import', 'tsx', commitThenDie, copy.file, copy.clientIds[3]!], {
        cwd: root,
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status, child.stderr).toBe(0);
      expect(fs.readFileSync(anchorFile, 'utf8')).toBe(before);

      expect(verifyStore(copy).problems).toEqual([]);
      const caughtUp = JSON.parse(fs.readFileSync(anchorFile, 'utf8')) as { seq: number };
      expect(caughtUp.seq).toBe((JSON.parse(before) as { seq: number }).seq + 1);
      // Caught up, the anchor now guards the entry the crash left unanchored.
      const raw = openDatabase(copy.file);
      raw.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log);');
      raw.close();
      expect(verifyStore(copy).problems.map((p) => p.kind)).toContain('entries-removed');
    } finally {
      fs.rmSync(copy.dir, { recursive: true, force: true });
    }
  });

  it('accepts a wipe of the data, which the trail records', () => {
    const copy = copyStore(store);
    try {
      const { db } = openStore(copy.file);
      wipeData(db, { at: '2026-03-02T09:00:00.000Z', actor: 'advisor' });
      db.close();
      expect(verifyStore(copy).problems).toEqual([]);
    } finally {
      fs.rmSync(copy.dir, { recursive: true, force: true });
    }
  });
});
