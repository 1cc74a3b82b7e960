import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { MappingFileSchema } from '../../app/import/column-mapping';
import { importClientsCsv } from '../../main/import/import-csv';
import { importEventsCsv } from '../../main/import/import-events';
import { trainInWorker } from '../../main/model/train-in-worker';
import { readTrainingData, storeTrainedVersion } from '../../main/model/train-model-version';
import { DEFAULT_RULE_SET } from '../../app/suitability';
import { fmt } from './stats';

/**
 * A flat outcome table like a bank's campaign export: 5,000 clients and 200 products (all new, so every one is
 * created as a placeholder), a quoted Chinese categorical column, and numeric and categorical client, product
 * and market columns. Deterministic so runs compare.
 */
export function writeEventsCsv(file: string, rows: number): void {
  const lines = [
    'client_id,product_id,occurred_at,outcome,client.age,client.segment,product.theme,market.rate,market.month,market.mood',
  ];
  const segments = ['大众', '"贵宾, 私行"', 'gold', 'silver'];
  const moods = ['calm', 'volatile', '乐观'];
  for (let i = 0; i < rows; i++) {
    const c = (i * 7919) % 5000;
    const p = (i * 104729) % 200;
    const day = 1 + (i % 28);
    const month = 1 + (Math.floor(i / 28) % 12);
    const when = `2025-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T${String(9 + (i % 8)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`;
    lines.push(
      `CL${c},PR${p},${when},${i % 3 === 0 ? 'yes' : 'no'},${25 + (c % 50)},${segments[c % 4]},theme${p % 9},${(1 + (i % 30) / 10).toFixed(2)},${month},${moods[i % 3]}`,
    );
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * `advisor-desk import-events` on `rows` rows into a new store file; writing the CSV is not timed. Then the full
 * retrain `advisor-desk train` runs on what was imported (read, join, time split with the three baselines, the
 * live model, stored as a version).
 */
export async function benchImportEvents(rows = 100_000): Promise<{
  ms: number;
  rows: number;
  rowsPerSecond: number;
  progressReports: number;
  retrainMs: number;
  trainRows: number;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-import-'));
  const file = path.join(dir, 'events.csv');
  writeEventsCsv(file, rows);
  const db = openDatabase(path.join(dir, 'bench.sqlite'));
  try {
    migrate(db);
    let progressReports = 0;
    const started = performance.now();
    const result = await importEventsCsv(db, {
      file,
      actor: 'bench',
      now: new Date('2026-01-01T00:00:00Z'),
      onProgress: () => progressReports++,
    });
    const ms = performance.now() - started;
    if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows} rows`);
    // As the app and the CLI run it: the data read here, the work on a worker thread, the version stored here.
    const trainStarted = performance.now();
    const trained = await trainInWorker(readTrainingData(db, DEFAULT_RULE_SET));
    const version = storeTrainedVersion(db, trained, { note: 'bench', at: '2026-01-02T00:00:00Z', actor: 'bench' });
    const retrainMs = performance.now() - trainStarted;
    return {
      ms,
      rows,
      rowsPerSecond: Math.round(rows / (ms / 1000)),
      progressReports,
      retrainMs,
      trainRows: version.trainRows,
    };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** `advisor-desk import clients` on `rows` clients (semicolons, Chinese names, a quoted amount, one custom column); every row is validated like the form. */
export async function benchImportClients(rows = 100_000): Promise<{ ms: number; rows: number; rowsPerSecond: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-import-'));
  const file = path.join(dir, 'clients.csv');
  const lines = ['编号;姓名;出生日期;可投资资产;总资产;分层'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `K${i};客户${i};19${50 + (i % 50)}-0${1 + (i % 9)}-1${i % 10};"${(i % 900) + 100},000";${(i % 900) + 2000}000;${['大众', 'gold'][i % 2]}`,
    );
  fs.writeFileSync(file, `\uFEFF${lines.join('\n')}\n`);
  const mapping = MappingFileSchema.parse({
    entity: 'clients',
    columns: [
      { column: '编号', field: 'id', required: true },
      { column: '姓名', field: 'displayName', required: true },
      { column: '出生日期', field: 'birthDate', type: 'date' },
      { column: '可投资资产', field: 'investableAssets', type: 'number' },
      { column: '总资产', field: 'totalAssets', type: 'number' },
    ],
  });
  const db = openDatabase(path.join(dir, 'bench.sqlite'));
  try {
    migrate(db);
    const started = performance.now();
    const result = await importClientsCsv(db, { file, mapping, actor: 'bench', now: new Date('2026-01-01T00:00:00Z') });
    const ms = performance.now() - started;
    if (result.imported !== rows) throw new Error(`imported ${result.imported} of ${rows} clients`);
    return { ms, rows, rowsPerSecond: Math.round(rows / (ms / 1000)) };
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const rows = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
  const r = await benchImportEvents(rows);
  console.log(
    `import-events of ${r.rows} rows (one transaction, 5,000 placeholder clients and 200 products created): ${fmt(r.ms)} (${r.rowsPerSecond} rows/s)`,
  );
  const c = await benchImportClients(rows);
  console.log(
    `import clients of ${c.rows} rows (one transaction, each checked like the form, an audit entry each): ${fmt(c.ms)} (${c.rowsPerSecond} rows/s)`,
  );
}
