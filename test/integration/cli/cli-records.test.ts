import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClientRanking, PitchDraftView } from '../../../app/contract';
import type { ClientPage } from '../../../app/domain';
import type { Backend } from '../../../main/backend/backend-types';
import { openBackend } from '../../../main/backend/open-backend';
import { runCli } from '../../../main/cli/cli-commands';
import { openDatabase } from '../../../main/db/connection';
import { backendCalls } from '../backend/backend-calls';
import { tempDir } from '../db/temp-db';
import { captureCliIo } from './run-cli';

const NOW = new Date('2026-11-28T09:00:00.000Z');

/**
 * A compliance officer's export: two approved pitches become advice records; `records export` writes them as JSON
 * and as CSV with a manifest, `records verify-export` checks a folder, and any change, to an exported file or to a
 * record in the database, is named with exit 8.
 */
describe('advisor-desk records', () => {
  let dir: string;
  let db: string;
  let backend: Backend;
  const { value } = backendCalls(() => backend.handlers);
  /** `records export` of November 2026, when the pitches were approved. */
  const exportNovember = (format: 'json' | 'csv', out: string) =>
    cli('records', 'export', '--from', '2026-11-01', '--to', '2026-11-30', '--format', format, '--out', out);
  const cli = async (...args: string[]) => {
    const run = captureCliIo();
    const code = await runCli([...args, '--db', db], run.io);
    return { code, out: run.out(), err: run.err() };
  };

  beforeAll(async () => {
    dir = tempDir('ad-cli-records-');
    backend = openBackend({
      user: { firstActiveAdministrator: true },
      dataDir: dir,
      mode: 'browser',
      now: () => NOW,
      languageEngine: 'in-process',
    });
    db = backend.databasePath;
    const done = new Map<string, () => void>();
    backend.subscribe((event, payload) => {
      if (event === 'pitch:done') done.get((payload as { requestId: string }).requestId)?.();
    });
    const page = await value<ClientPage>('clients:list', { limit: 20 });
    let approved = 0;
    for (const c of page.rows) {
      const ranking = await value<ClientRanking>('recommendations:for-client', {
        clientId: c.id,
        top: 3,
        shownOn: 'app',
      });
      const product = ranking.ranked[0];
      if (!product) continue;
      const started = await value<{ requestId: string; draftId: string }>('pitch:start', {
        clientId: c.id,
        productId: product.productId,
        source: 'template',
        settings: { language: approved === 0 ? 'en' : 'zh-CN' },
      });
      await new Promise<void>((resolve) => done.set(started.requestId, resolve));
      const draft = await value<PitchDraftView>('pitch:get', { draftId: started.draftId });
      await value('pitch:approve', { draftId: started.draftId, version: draft.versions.at(-1)!.version });
      if (++approved === 2) break;
    }
    expect(approved).toBe(2);
    backend.close();
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports the period as JSON and CSV with a manifest that verifies, and names a changed file', async () => {
    const jsonDir = path.join(dir, 'export-json');
    const exported = await exportNovember('json', jsonDir);
    expect(exported.code, exported.err).toBe(0);
    expect(exported.out).toContain('Exported 2 advice records');
    const manifest = JSON.parse(fs.readFileSync(path.join(jsonDir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({
      recordCount: 2,
      format: 'json',
      period: { from: '2026-11-01', to: '2026-11-30' },
    });
    expect(manifest.auditChain.hash).toMatch(/^[0-9a-f]{64}$/);
    const document = JSON.parse(fs.readFileSync(path.join(jsonDir, 'advice-records.json'), 'utf8'));
    const languages = document.records.map((r: { record: { pitch: { language: string } } }) => r.record.pitch.language);
    expect(languages.sort()).toEqual(['en', 'zh-CN']);
    expect((await cli('records', 'verify-export', jsonDir)).code).toBe(0);

    const csvDir = path.join(dir, 'export-csv');
    expect(
      (await cli('records', 'export', '--from', '2026-11-28', '--to', '2026-11-28', '--format', 'csv', '--out', csvDir))
        .code,
    ).toBe(0);
    const csv = fs.readFileSync(path.join(csvDir, 'advice-records.csv'), 'utf8').trim().split('\r\n');
    expect(csv).toHaveLength(3);
    // One row per product a record speaks of: an approval's row is its pitched product.
    expect(csv[0]).toMatch(/^record_id,kind,created_at,client_id,client_name,risk_class,role,product_id/);
    expect(csv.slice(1).every((line) => line.includes(',pitch-approved,') && line.includes(',pitched,'))).toBe(true);
    expect((await cli('records', 'verify-export', csvDir)).code).toBe(0);

    // A period with nothing in it exports an empty, verifiable set; a changed file is named.
    const emptyDir = path.join(dir, 'export-empty');
    expect(
      (
        await cli(
          'records',
          'export',
          '--from',
          '2025-01-01',
          '--to',
          '2025-01-31',
          '--format',
          'json',
          '--out',
          emptyDir,
        )
      ).code,
    ).toBe(0);
    expect(JSON.parse(fs.readFileSync(path.join(emptyDir, 'manifest.json'), 'utf8')).recordCount).toBe(0);
    fs.appendFileSync(path.join(csvDir, 'advice-records.csv'), 'forged,row\r\n');
    const tampered = await cli('records', 'verify-export', csvDir);
    expect(tampered.code).toBe(8);
    expect(tampered.out).toContain('advice-records.csv was changed after the export');
  });

  it('pseudonymizes on request, shows progress only on a terminal, and the pseudonymized export verifies', async () => {
    const out = path.join(dir, 'export-pseudonymized');
    const run = captureCliIo();
    const code = await runCli(
      [
        'records',
        'export',
        '--from',
        '2026-11-01',
        '--to',
        '2026-11-30',
        '--format',
        'csv',
        '--out',
        out,
        '--pseudonymize',
        '--db',
        db,
      ],
      { ...run.io, stderrIsTerminal: true },
    );
    expect(code, run.err()).toBe(0);
    expect(run.out()).toContain('clients pseudonymized');
    expect(run.err()).toContain('writing 2 of 2 records (100%)');
    const rows = fs.readFileSync(path.join(out, 'advice-records.csv'), 'utf8').trim().split('\r\n').slice(1);
    for (const row of rows) expect(row).toMatch(/^AR-\w+,pitch-approved,[^,]+,PS-[0-9a-f]{16},,/);
    const verified = await cli('records', 'verify-export', out);
    expect(verified.code, verified.out).toBe(0);
    // Not a terminal (a script): no progress lines on stderr.
    const quiet = await exportNovember('json', path.join(dir, 'export-quiet'));
    expect(quiet.err).toBe('');
  });

  it('exports approved pitches as fine-tuning pairs with no name, id or record id of the client in them', async () => {
    const out = path.join(dir, 'training', 'pairs.jsonl');
    const reviewedOnly = await cli('records', 'export-training', '--out', out);
    expect(reviewedOnly.code, reviewedOnly.err).toBe(0);
    // Neither approval was reviewed by a second person: by default nothing is written, and the line says why.
    expect(reviewedOnly.out).toContain('Wrote 0 prompt/response pairs');
    expect(reviewedOnly.out).toContain('2 not reviewed by a second person');
    expect(fs.readFileSync(out, 'utf8')).toBe('');

    const all = await cli('records', 'export-training', '--out', out, '--include-unreviewed');
    expect(all.out).toContain('Wrote 2 prompt/response pairs');
    const text = fs.readFileSync(out, 'utf8');
    const pairs = text
      .trim()
      .split('\n')
      .map(
        (line) => JSON.parse(line) as { ref: string; language: string; messages: { role: string; content: string }[] },
      );
    expect(pairs.map((p) => p.language).sort()).toEqual(['en', 'zh-CN']);
    for (const pair of pairs) {
      expect(pair.messages.map((m) => m.role)).toEqual(['system', 'user', 'assistant']);
      expect(JSON.parse(pair.messages[2]!.content).body.length).toBeGreaterThan(20);
    }
    const stored = openDatabase(db, { readonly: true });
    try {
      const rows = stored.prepare('SELECT id, client_id, record_json FROM advice_records').all() as {
        id: string;
        client_id: string;
        record_json: string;
      }[];
      for (const row of rows) {
        const client = (JSON.parse(row.record_json) as { client: { displayName: string } }).client;
        expect(text).not.toContain(client.displayName);
        expect(text).not.toContain(row.client_id);
        expect(text).not.toContain(row.id);
      }
    } finally {
      stored.close();
    }
  });

  it('refuses to export a record changed in the database, and a folder that is not empty', async () => {
    const other = openDatabase(db);
    try {
      other.exec('DROP TRIGGER advice_records_no_update');
      other.prepare(`UPDATE advice_records SET record_json = replace(record_json, 'ADV-03', 'someone-else')`).run();
    } finally {
      other.close();
    }
    const refused = await exportNovember('json', path.join(dir, 'after'));
    expect(refused.code).toBe(8);
    expect(refused.err).toMatch(/advice record AR-\w+ no longer matches its hash/);
    // Nothing half-written stays: no folder, and no hidden partial one beside it.
    expect(fs.existsSync(path.join(dir, 'after'))).toBe(false);
    expect(fs.readdirSync(dir).filter((name) => name.includes('partial'))).toEqual([]);

    fs.mkdirSync(path.join(dir, 'busy-folder'));
    fs.writeFileSync(path.join(dir, 'busy-folder', 'x.txt'), 'x');
    const full = await exportNovember('csv', path.join(dir, 'busy-folder'));
    expect(full.code).toBe(8);
    expect(full.err).toContain('is not empty');
  });
});
