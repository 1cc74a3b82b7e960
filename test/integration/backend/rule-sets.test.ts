import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RuleSetVersionView } from '../../../app/contract/rule-set-channels';
import { DEFAULT_RULE_SET, type SuitabilityRuleSet } from '../../../app/suitability';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { verifyAuditChain } from '../../../main/db/audit-verify';
import { activeRuleSet } from '../../../main/db/rule-set-repository';
import { openDatabase } from '../../../main/db/connection';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');

describe('stored suitability rule sets', () => {
  let dir: string;
  let backend: Backend;
  const { call, value } = backendCalls(() => backend.handlers);
  const stricter = (): SuitabilityRuleSet => {
    const copy = structuredClone(DEFAULT_RULE_SET);
    copy.rules.riskClass.maxGradeByClass.C3 = 'R2';
    copy.rules.credit.minCreditScore = 700;
    return copy;
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-rules-'));
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      now: () => NOW,
      seedDemoIfEmpty: false,
    });
  });
  afterEach(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the shipped default as the active version while nothing is stored', async () => {
    const versions = await value<RuleSetVersionView[]>('rules:versions', {});
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, active: true, stored: false });
    expect(versions[0]!.ruleSet.rules.riskClass.maxGradeByClass.C3).toBe(
      DEFAULT_RULE_SET.rules.riskClass.maxGradeByClass.C3,
    );
  });

  it('saves an edit as a new active version, keeps the default as version 1, and can roll back', async () => {
    const saved = await value<RuleSetVersionView>('rules:save', { name: 'Stricter C3', ruleSet: stricter() });
    expect(saved).toMatchObject({ version: 2, active: true, stored: true, name: 'Stricter C3' });
    expect(saved.ruleSet.version).toBe(2);

    const versions = await value<RuleSetVersionView[]>('rules:versions', {});
    expect(versions.map((v) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);

    const db = openDatabase(backend.databasePath);
    try {
      expect(activeRuleSet(db).rules.riskClass.maxGradeByClass.C3).toBe('R2');
      await value('rules:activate', { version: 1 });
      expect(activeRuleSet(db).rules.riskClass.maxGradeByClass.C3).toBe(
        DEFAULT_RULE_SET.rules.riskClass.maxGradeByClass.C3,
      );
      expect(activeRuleSet(db).version).toBe(1);
      expect(verifyAuditChain(db).ok).toBe(true);
    } finally {
      db.close();
    }
  });

  it('refuses an invalid rule set naming each bad field, and stores nothing', async () => {
    const bad = structuredClone(DEFAULT_RULE_SET) as unknown as {
      rules: { credit: { minCreditScore: number }; riskClass: { maxGradeByClass: Record<string, string> } };
    };
    bad.rules.credit.minCreditScore = 50;
    bad.rules.riskClass.maxGradeByClass.C4 = 'R1';
    const r = await call('rules:save', { name: 'Broken', ruleSet: bad });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('validation');
    const fields = (r.error.issues ?? []).map((i) => i.field);
    expect(fields).toContain('rules.credit.minCreditScore');
    expect(fields).toContain('rules.riskClass.maxGradeByClass.C4');
    const versions = await value<RuleSetVersionView[]>('rules:versions', {});
    expect(versions).toHaveLength(1);
    expect(versions[0]!.stored).toBe(false);
  });

  it('answers not_found for a version that does not exist', async () => {
    const r = await call('rules:activate', { version: 9 });
    expect(r.ok ? null : r.error.code).toBe('not_found');
  });
});
