import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayload } from '../../../app/contract';
import type { ClientDetail } from '../../../app/contract';
import type { AdviceRecord } from '../../../app/records/advice-record';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { openDatabase } from '../../../main/db/connection';
import { pseudonymKeyFile } from '../../../main/records/pseudonym-key';
import { verifyExport } from '../../../main/records/verify-export';
import { approvePitches, copyAdviceRecords } from '../../fixtures/advice-records';
import { tempDir } from '../db/temp-db';
import { backendCalls } from './backend-calls';

const NOW = new Date('2026-11-28T09:00:00.000Z');

type Progress = EventPayload<'records:export-progress'>;
type Done = EventPayload<'records:export-done'>;

/**
 * The Compliance page's export job: it reports its progress as events, ends with the manifest's figures, can be
 * cancelled, and leaves no folder behind when cancelled or refused; a pseudonymized export shows nobody.
 */
describe('records export job', () => {
  let dir: string;
  let backend: Backend;
  let clients: string[];
  const { value } = backendCalls(() => backend.handlers);
  const progress = new Map<string, Progress[]>();
  const exportsDir = () => path.join(dir, 'exports');

  /** Starts an export and waits for its end, calling `during` with each progress event. */
  async function runExport(input: Record<string, unknown>, during?: (p: Progress, jobId: string) => void) {
    let jobId = '';
    const ended = new Promise<Done>((resolve) => {
      const listener = backend.subscribe((event, payload) => {
        if (event === 'records:export-progress') {
          const p = payload as Progress;
          if (p.jobId !== jobId) return;
          progress.get(jobId)?.push(p);
          during?.(p, jobId);
        }
        if (event === 'records:export-done' && (payload as Done).jobId === jobId) {
          listener();
          resolve(payload as Done);
        }
      });
    });
    const started = await value<{ jobId: string; folder: string }>('records:export-start', input);
    jobId = started.jobId;
    progress.set(jobId, []);
    return { ...started, done: await ended, progress: progress.get(jobId)! };
  }

  beforeAll(async () => {
    dir = tempDir('ad-export-job-');
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      now: () => NOW,
      languageEngine: 'in-process',
    });
    clients = await approvePitches(backend, 2);
    // 600 more like them earlier in November: enough for several batches.
    const db = openDatabase(backend.databasePath);
    try {
      const models = (db.prepare('SELECT record_json FROM advice_records').all() as { record_json: string }[]).map(
        (r) => JSON.parse(r.record_json) as AdviceRecord,
      );
      copyAdviceRecords(db, models, 600, '2026-11-02', 20);
    } finally {
      db.close();
    }
  }, 180_000);
  afterAll(() => {
    backend.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds records by period, client and advisor, newest first', async () => {
    const all = await value<{ total: number; rows: { createdAt: string; clientId: string; clientName: string }[] }>(
      'records:search',
      { from: '2026-11-01', to: '2026-11-30', limit: 50 },
    );
    expect(all.total).toBe(602);
    expect(all.rows).toHaveLength(50);
    expect(all.rows[0]!.createdAt).toBe(NOW.toISOString());
    expect([...all.rows].sort((a, b) => b.createdAt.localeCompare(a.createdAt))).toEqual(all.rows);
    const name = all.rows[0]!.clientName;
    const byName = await value<{ total: number; rows: { clientName: string }[] }>('records:search', {
      client: name.slice(0, 4).toLowerCase(),
    });
    expect(byName.rows.every((r) => r.clientName.toLowerCase().includes(name.slice(0, 4).toLowerCase()))).toBe(true);
    expect(byName.total).toBeGreaterThan(0);
    const oneDay = await value<{ total: number }>('records:search', { from: '2026-11-28', to: '2026-11-28' });
    expect(oneDay.total).toBe(2);
    expect((await value<{ total: number }>('records:search', { advisor: 'nobody' })).total).toBe(0);
    expect(await value('records:advisors', {})).toEqual(['ADV-03']);
  });

  it('reports progress that only grows and ends at the total, and the manifest verifies', async () => {
    const run = await runExport({ from: '2026-11-01', to: '2026-11-30', format: 'json' });
    expect(run.done.outcome).toBe('completed');
    expect(run.done.result).toMatchObject({ folder: run.folder, recordCount: 602, pseudonymized: false });
    const writing = run.progress.filter((p) => p.phase === 'writing');
    expect(writing.length).toBeGreaterThan(1);
    for (let i = 1; i < writing.length; i++) expect(writing[i]!.done).toBeGreaterThanOrEqual(writing[i - 1]!.done);
    expect(writing.at(-1)).toMatchObject({ done: 602, total: 602 });
    expect(path.dirname(run.folder)).toBe(exportsDir());
    expect(verifyExport(run.folder)).toEqual({ ok: true, recordCount: 602, problems: [] });
  });

  it('leaves no folder when cancelled half-way', async () => {
    const run = await runExport({ from: '2026-11-01', to: '2026-11-30', format: 'csv' }, (p, jobId) => {
      // Asked as the writing starts: it lands between two batches, as a click on Cancel would.
      if (p.phase === 'writing' && p.done === 0) void value('records:export-cancel', { jobId });
    });
    expect(run.done).toMatchObject({ outcome: 'cancelled', result: null });
    expect(run.progress.at(-1)!.done).toBeLessThan(602);
    expect(fs.existsSync(run.folder)).toBe(false);
    expect(fs.readdirSync(exportsDir()).filter((name) => name.includes('partial'))).toEqual([]);
    expect(await value('records:export-cancel', { jobId: 'EX-NOT-RUNNING' })).toEqual({ cancelled: false });
  });

  it('shows each client only by pseudonym, with no name, birth date or exact amount, and still verifies', async () => {
    const json = await runExport({ from: '2026-11-28', to: '2026-11-28', format: 'json', pseudonymize: true });
    const csv = await runExport({ from: '2026-11-28', to: '2026-11-28', format: 'csv', pseudonymize: true });
    expect(json.done.result).toMatchObject({ recordCount: 2, pseudonymized: true });
    expect(verifyExport(json.folder).ok).toBe(true);
    expect(verifyExport(csv.folder).ok).toBe(true);
    expect(fs.statSync(pseudonymKeyFile(backend.databasePath)).mode & 0o777).toBe(0o600);

    const text = [json.folder, csv.folder]
      .flatMap((folder) => fs.readdirSync(folder).map((name) => fs.readFileSync(path.join(folder, name), 'utf8')))
      .join('\n');
    const secrets: string[] = [];
    for (const id of clients) {
      const { client, holdings } = await value<ClientDetail>('clients:get', { id });
      secrets.push(id, client.displayName, ...client.displayName.split(' ').filter((part) => part.length >= 3));
      for (const field of [client.email, client.phone, client.birthDate]) if (field) secrets.push(field);
      const amounts = [
        client.annualIncome,
        client.annualRevenue,
        client.monthlyExpenses,
        client.investableAssets,
        client.totalAssets,
        client.liabilities,
        ...holdings.map((h) => h.amount),
      ];
      for (const amount of amounts)
        if (amount !== null && amount >= 1000) secrets.push(amount.toLocaleString('en-US'), String(amount));
    }
    const found = secrets.filter((secret) => text.includes(secret));
    expect(found).toEqual([]);

    // The same client has the same pseudonym in both exports.
    const document = JSON.parse(fs.readFileSync(path.join(json.folder, 'advice-records.json'), 'utf8'));
    const pseudonyms = document.records.map((r: { record: { client: { id: string } } }) => r.record.client.id);
    for (const p of pseudonyms) {
      expect(p).toMatch(/^PS-[0-9a-f]{16}$/);
      expect(text.split(p).length - 1).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses a record whose hash does not match, naming it, and leaves no folder', async () => {
    const db = openDatabase(backend.databasePath);
    try {
      const row = db.prepare(`SELECT * FROM advice_records WHERE id = 'AR-COPY00000300'`).get() as Record<
        string,
        unknown
      >;
      db.prepare(
        `INSERT INTO advice_records (id, client_id, created_at, advisor_id, approver_id, status, pitch_draft_id,
           record_json, content_hash, kind) VALUES ('AR-FORGED', ?, ?, ?, ?, 'final', ?, ?, ?, 'pitch-approved')`,
      ).run(
        row.client_id,
        '2026-11-12T10:00:00.000Z',
        row.advisor_id,
        row.approver_id,
        row.pitch_draft_id,
        String(row.record_json).replace('"ADV-03"', '"someone-else"'),
        row.content_hash,
      );
    } finally {
      db.close();
    }
    const before = fs.readdirSync(exportsDir());
    const run = await runExport({ from: '2026-11-01', to: '2026-11-30', format: 'json' });
    expect(run.done.outcome).toBe('failed');
    expect(run.done.error).toContain('AR-FORGED');
    expect(fs.existsSync(run.folder)).toBe(false);
    expect(fs.readdirSync(exportsDir())).toEqual(before);
  });
});
