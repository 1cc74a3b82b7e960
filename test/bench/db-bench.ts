import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateBulkClients } from '../../app/demo/demo-data';
import { ClientListQuerySchema } from '../../app/domain';
import { bulkInsertClients, listClients } from '../../main/db/client-repository';
import { openDatabase, type Db } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { fmt, median, percentile } from './stats';

/** Mixed on purpose: common and rare substrings, 1- and 2-character Chinese, ids, phone digits, and a miss. */
export const DEFAULT_SEARCH_QUERIES = [
  '王芳',
  '王',
  'wang',
  'chen',
  'alice',
  'turner',
  '上海',
  'shanghai',
  'bk-01234',
  '1380',
  'example.cn',
  '有限公司',
  'logistics ltd',
  'li',
  'zzzz',
  '深圳市华信',
];

function withTempDb<T>(fn: (db: Db) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-db-'));
  const db = openDatabase(path.join(dir, 'bench.sqlite'));
  try {
    migrate(db);
    return fn(db);
  } finally {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** One transaction of n clients with their questionnaire answers and audit entries, on a temp file; generation is not timed. */
export async function benchBulkInsert(n = 100_000): Promise<{ ms: number; n: number }> {
  const clients = generateBulkClients(n, 42);
  return withTempDb((db) => {
    const started = performance.now();
    bulkInsertClients(db, clients, 'bench');
    return { ms: performance.now() - started, n };
  });
}

/** Time per clients:list call (count plus a 50-row page sorted by name), each query run several times after a warm-up. */
export async function benchClientSearch(
  n = 100_000,
  queries: readonly string[] = DEFAULT_SEARCH_QUERIES,
  repeats = 3,
): Promise<{ medianMs: number; p95Ms: number; queries: number }> {
  const clients = generateBulkClients(n, 42);
  return withTempDb((db) => {
    bulkInsertClients(db, clients, 'bench');
    db.pragma('optimize');
    const now = '2026-01-01T00:00:00.000Z';
    const query = (search: string) => ClientListQuerySchema.parse({ search, limit: 50 });
    for (const q of queries) listClients(db, query(q), now);
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      for (const q of queries) {
        const started = performance.now();
        listClients(db, query(q), now);
        times.push(performance.now() - started);
      }
    }
    return { medianMs: median(times), p95Ms: percentile(times, 95), queries: times.length };
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const n = Number(process.env.BENCH_CLIENTS ?? 100_000);
  const insert = await benchBulkInsert(n);
  console.log(`bulk insert ${n} clients: ${fmt(insert.ms)} (${Math.round(n / (insert.ms / 1000))} clients/s)`);
  const search = await benchClientSearch(n);
  console.log(
    `client search over ${n}: median ${fmt(search.medianMs)}, p95 ${fmt(search.p95Ms)} (${search.queries} queries)`,
  );
}
