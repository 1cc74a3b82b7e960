import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AdviceRecordSchema } from '../../app/records/advice-record-schema';
import { verifyAuditChain } from '../../main/db/audit-verify';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { exportAdviceRecords, verifyExport } from '../../main/records/export-records';
import { tempDir } from '../integration/db/temp-db';
import { createHash } from 'node:crypto';

const root = path.resolve(import.meta.dirname, '../..');
const writer = path.join(root, 'test/tooling/advice-writer.ts');

/** Runs the writer until it has finished `cycles` cycles, then waits `extraMs` and kills it with SIGKILL. */
function runAndKill(dataDir: string, firstClient: number, cycles: number, extraMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', writer, dataDir, String(firstClient)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let seen = 0;
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('cycle ')).length;
      if (seen >= cycles && !child.killed) setTimeout(() => child.kill('SIGKILL'), extraMs);
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`the writer ended by itself (${code}): ${errors.slice(-2000)}`));
    });
  });
}

/**
 * A process killed in the middle of advice work (SIGKILL: no handler, no cleanup) leaves no half record: every
 * approval has its advice record and every record its approval, every record matches its hash, the audit trail
 * verifies (an anchor one write behind is caught up), the records export and verify, and work goes on.
 */
describe('SIGKILL during approvals, presented rankings and corrections', () => {
  const dir = tempDir('ad-kill-');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('leaves a store whose records, approvals and trail all agree, after every kill', async () => {
    // Kill points spread through a cycle: a few milliseconds to a few hundred after a cycle ended.
    const delays = [0, 7, 23, 61, 140, 290];
    let first = 0;
    for (const delay of delays) {
      const cycles = await runAndKill(dir, first, 1, delay);
      first += cycles + 1;
      const db = openDatabase(path.join(dir, 'advisor-desk.sqlite'));
      try {
        migrate(db);
        const verdict = verifyAuditChain(db);
        expect(
          verdict.problems.map((p) => p.message.key),
          `after a kill ${delay} ms into a cycle`,
        ).toEqual([]);
        const approvals = db.prepare('SELECT count(*) AS n FROM pitch_approvals').get() as { n: number };
        const pitchRecords = db
          .prepare(`SELECT count(*) AS n FROM advice_records WHERE kind = 'pitch-approved'`)
          .get() as { n: number };
        expect(pitchRecords.n).toBe(approvals.n);
        const orphans = db
          .prepare(
            `SELECT count(*) AS n FROM advice_records r WHERE r.kind = 'pitch-approved' AND NOT EXISTS
               (SELECT 1 FROM pitch_approvals a WHERE a.draft_id = r.pitch_draft_id)`,
          )
          .get() as { n: number };
        expect(orphans.n).toBe(0);
        for (const row of db.prepare('SELECT id, record_json, content_hash FROM advice_records').all() as {
          id: string;
          record_json: string;
          content_hash: string;
        }[]) {
          expect(createHash('sha256').update(row.record_json).digest('hex'), row.id).toBe(row.content_hash);
          expect(AdviceRecordSchema.safeParse(JSON.parse(row.record_json)).success, row.id).toBe(true);
        }
      } finally {
        db.close();
      }
    }
    const db = openDatabase(path.join(dir, 'advisor-desk.sqlite'), { readonly: true });
    try {
      const today = new Date().toISOString().slice(0, 10);
      const out = path.join(dir, 'export');
      const manifest = await exportAdviceRecords(db, {
        from: '2000-01-01',
        to: today,
        client: null,
        advisor: null,
        format: 'json',
        outDir: out,
        now: new Date(),
        appVersion: 'test',
      });
      expect(manifest.recordCount).toBeGreaterThanOrEqual(delays.length * 2);
      expect(verifyExport(out).ok).toBe(true);
    } finally {
      db.close();
    }
  }, 300_000);

  it('finds nothing wrong when the trail is checked while another process keeps writing', async () => {
    const busy = tempDir('ad-check-while-writing-');
    const child = spawn(process.execPath, ['--import', 'tsx', writer, busy, '0'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    try {
      let cycles = 0;
      child.stdout.on('data', (chunk: Buffer) => (cycles += chunk.toString().split('cycle ').length - 1));
      await expect.poll(() => cycles, { timeout: 120_000 }).toBeGreaterThan(0);
      // As the app's background check does: its own read-only connection, over and over, while commits land.
      const findings: string[] = [];
      let checks = 0;
      const until = cycles + 6;
      while (cycles < until) {
        const db = openDatabase(path.join(busy, 'advisor-desk.sqlite'), { readonly: true });
        try {
          findings.push(...verifyAuditChain(db).problems.map((p) => p.message.key));
        } finally {
          db.close();
        }
        checks++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(checks).toBeGreaterThan(1);
      expect(findings).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(busy, { recursive: true, force: true });
    }
  }, 300_000);
});
