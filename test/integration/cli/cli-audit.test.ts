import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../app/demo/demo-data';
import { openDatabase } from '../../../main/db/connection';
import { seedDemoData } from '../../../main/db/demo-seed';
import { openStore } from '../../../main/db/open-store';
import { tempDir } from '../db/temp-db';
import { runCli } from '../../../main/cli/cli-commands';
import { captureCliIo, runCliCaptured } from './run-cli';

describe('advisor-desk audit verify', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = tempDir('ad-cli-audit-');
    db = path.join(dir, 'desk.sqlite');
    const store = openStore(db).db;
    seedDemoData(store, generateDemoData({ today: '2026-11-28', clientCount: 12, interactionCount: 10 }));
    store.close();
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('says the trail checks out and exits 0 on an untouched database', async () => {
    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r).toMatchObject({ code: 0, err: '' });
    // Twelve clients and the demo branch's seven people.
    expect(r.out).toMatch(/^Audit trail: 19 entries, sealed and anchored/);
  });

  it('lists each problem and exits 8 after a client was changed and the newest entry removed behind the app', async () => {
    const raw = openDatabase(db);
    const id = raw.prepare('SELECT id FROM clients ORDER BY id LIMIT 1').pluck().get() as string;
    raw.prepare('UPDATE clients SET investable_assets = 1 WHERE id = ?').run(id);
    raw.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log WHERE seq = 19;');
    raw.close();

    const r = await runCliCaptured(['audit', 'verify', '--db', db]);
    expect(r.code).toBe(8);
    expect(r.out).toContain('Audit entry 19 was removed, or the database was put back to an older copy.');
    expect(r.out).toContain(`Client ${id} was changed without an audit entry.`);
    expect(r.err).toMatch(/shows tampering/);

    const zh = await runCliCaptured(['audit', 'verify', '--db', db, '--lang', 'zh-CN', '--json']);
    expect(zh.code).toBe(8);
    const report = JSON.parse(zh.out) as { ok: boolean; problems: { kind: string; message: string }[] };
    expect(report.ok).toBe(false);
    // The user whose entry was removed no longer matches a seal that names an existing entry: it shows too.
    expect(report.problems.map((p) => p.kind)).toEqual(['entries-removed', 'row-unaudited', 'row-unaudited']);
    expect(report.problems.find((p) => p.kind === 'row-unaudited')!.message).toBe(
      `客户 ${id} 在没有审计记录的情况下被修改。`,
    );
  });

  it('checks an encrypted store with the key from the environment, and asks for the key when there is none', async () => {
    const env = { ADVISOR_DESK_DB_KEY: 'correct horse battery' };
    const run = async (args: string[], withEnv: Record<string, string>) => {
      const c = captureCliIo();
      c.io.env = withEnv;
      const code = await runCli(args, c.io);
      return { code, out: c.out(), err: c.err() };
    };
    expect((await run(['store', 'encrypt', '--db', db], env)).code).toBe(0);
    const verified = await run(['audit', 'verify', '--db', db], env);
    expect(verified.code, verified.err).toBe(0);
    expect(verified.out).toMatch(/^Audit trail: \d+ entries, sealed and anchored/);
    const keyless = await run(['audit', 'verify', '--db', db], {});
    expect(keyless.code).toBe(7);
    expect(keyless.err).toMatch(/ADVISOR_DESK_DB_KEY/);
  });
});
