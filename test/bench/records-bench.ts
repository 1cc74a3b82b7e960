import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AdviceRecord } from '../../app/records/advice-record';
import { EXPORT_FORMATS, type ExportFormat } from '../../app/records/export-formats';
import { openBackend } from '../../main/backend/open-backend';
import { openDatabase } from '../../main/db/connection';
import { exportAdviceRecords } from '../../main/records/export-records';
import { approvePitches, copyAdviceRecords } from '../fixtures/advice-records';
import { fmt } from './stats';

/** Every format the app can export, plain and pseudonymized: a format added to EXPORT_FORMATS is measured too. */
const RUNS: { format: ExportFormat; pseudonymize: boolean }[] = [
  ...EXPORT_FORMATS.map((format) => ({ format, pseudonymize: false })),
  { format: 'json', pseudonymize: true },
];

/**
 * `BENCH_ONLY=records`: a store with BENCH_RECORDS advice records (default 10,000), a few made by approving template
 * pitches through the backend and the rest stored as copies of them through the repository's insert, then exported in
 * each format with progress, as the Compliance page and `records export` do.
 */
export async function benchRecordsExport(
  report: (line: string) => void = console.log,
  count = Number(process.env.BENCH_RECORDS ?? 10_000),
): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-records-'));
  // Each figure as soon as it is known: a PDF export of 10,000 reports takes minutes.
  const lines = { push: report };
  try {
    const now = new Date('2026-11-28T09:00:00.000Z');
    const backend = openBackend({ dataDir: dir, mode: 'browser', now: () => now, languageEngine: 'in-process' });
    const approved = await approvePitches(backend, 4);
    backend.close();
    const db = openDatabase(path.join(dir, 'advisor-desk.sqlite'));
    try {
      const models = (db.prepare('SELECT record_json FROM advice_records').all() as { record_json: string }[]).map(
        (r) => JSON.parse(r.record_json) as AdviceRecord,
      );
      const seeded = performance.now();
      copyAdviceRecords(db, models, count - approved.length, '2026-10-01', 58);
      lines.push(
        `advice records: ${count.toLocaleString('en-US')} in the store (${approved.length} approved through the backend, the rest stored as copies) in ${fmt(performance.now() - seeded)}`,
      );
      for (const run of RUNS) {
        const out = path.join(dir, `export-${run.format}${run.pseudonymize ? '-pseudonymized' : ''}`);
        let reports = 0;
        let last = 0;
        const started = performance.now();
        const manifest = await exportAdviceRecords(
          db,
          {
            from: '2026-10-01',
            to: '2026-11-30',
            client: null,
            advisor: null,
            format: run.format,
            pseudonymize: run.pseudonymize,
            outDir: out,
            now,
            appVersion: 'bench',
          },
          {
            onProgress: (p) => {
              reports++;
              last = p.done;
            },
          },
        );
        const ms = performance.now() - started;
        const bytes = manifest.files.reduce((sum, f) => sum + f.bytes, 0);
        lines.push(
          `records export ${run.format.toUpperCase()}${run.pseudonymize ? ' pseudonymized' : ''} of ${manifest.recordCount.toLocaleString('en-US')} records: ${fmt(ms)} (${Math.round(manifest.recordCount / (ms / 1000)).toLocaleString('en-US')} records/s), ${(bytes / 2 ** 20).toFixed(1)} MiB in ${manifest.files.length} file(s), ${reports} progress reports (last at ${last.toLocaleString('en-US')})`,
        );
      }
    } finally {
      db.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
