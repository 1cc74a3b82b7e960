import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateBulkClients } from '../../app/demo/demo-data';
import { ClientListQuerySchema } from '../../app/domain';
import { bulkInsertClients, listClients } from '../../main/db/client-repository';
import type { Db } from '../../main/db/connection';
import { openStore } from '../../main/db/open-store';
import { convertStore } from '../../main/db/store-conversion';
import { DEFAULT_SEARCH_QUERIES } from './db-bench';
import { benchRecommendations } from './recommendations-bench';
import { fmt, median, percentile } from './stats';

/** One store's figures: the same steps on a plain and on an encrypted store, in the same run. */
interface StoreFigures {
  createMs: number;
  insertMs: number;
  reopenMs: number;
  coldSearchMs: number;
  warmSearchMedianMs: number;
  warmSearchP95Ms: number;
  fileBytes: number;
  recommendFirstMs: number;
  recommendMedianMs: number;
}

const NOW = '2026-01-01T00:00:00.000Z';
const query = (search: string) => ClientListQuerySchema.parse({ search, limit: 50 });

function time<T>(fn: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = fn();
  return { value, ms: performance.now() - started };
}

function storeFigures(
  n: number,
  key: string | undefined,
): Omit<StoreFigures, 'recommendFirstMs' | 'recommendMedianMs'> {
  const clients = generateBulkClients(n, 42);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-enc-'));
  const file = path.join(dir, 'bench.sqlite');
  const open = (): Db => openStore(file, { key }).db;
  try {
    const created = time(open);
    const insert = time(() => bulkInsertClients(created.value, clients, 'bench'));
    created.value.pragma('optimize');
    created.value.close();
    // A new connection starts with an empty page cache: every page the search touches is read (and decrypted) again.
    const reopened = time(() => {
      const db = open();
      db.prepare('SELECT count(*) FROM clients').get();
      return db;
    });
    const db = reopened.value;
    const cold = time(() => {
      for (const q of DEFAULT_SEARCH_QUERIES) listClients(db, query(q), NOW);
    });
    const warm: number[] = [];
    for (let r = 0; r < 3; r++)
      for (const q of DEFAULT_SEARCH_QUERIES) warm.push(time(() => listClients(db, query(q), NOW)).ms);
    db.close();
    return {
      createMs: created.ms,
      insertMs: insert.ms,
      reopenMs: reopened.ms,
      coldSearchMs: cold.ms,
      warmSearchMedianMs: median(warm),
      warmSearchP95Ms: percentile(warm, 95),
      fileBytes: fs.statSync(file).size,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Encrypting an existing plain store of n clients with `advisor-desk store encrypt`'s conversion. */
function conversionFigure(n: number): { ms: number; rows: number } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-enc-'));
  const file = path.join(dir, 'bench.sqlite');
  try {
    const { db } = openStore(file);
    bulkInsertClients(db, generateBulkClients(n, 42), 'bench');
    db.close();
    const converted = time(() => convertStore(file, { from: null, to: 'bench key' }));
    return { ms: converted.ms, rows: converted.value.rows };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `BENCH_ONLY=encryption`: the cost of encryption at rest on a book of n clients, the plain and the encrypted store
 * measured in the same run: creating the store, the bulk insert, a fresh connection's open (the key derivation is
 * here), the client search first on a cold page cache and then warm, and the client page's ranking call.
 */
export async function benchEncryption(n = 100_000, recommendCalls = 50): Promise<string[]> {
  const figures: StoreFigures[] = [];
  for (const key of [undefined, 'a passphrase for the bench']) {
    const store = storeFigures(n, key);
    const rank = await benchRecommendations(recommendCalls, ['CL-0118'], key);
    figures.push({ ...store, recommendFirstMs: rank.firstMs, recommendMedianMs: rank.clients[0]!.medianMs });
  }
  const [plain, encrypted] = figures as [StoreFigures, StoreFigures];
  const row = (label: string, pick: (f: StoreFigures) => number, show = fmt) =>
    `${label}: plain ${show(pick(plain))}, encrypted ${show(pick(encrypted))} (x${(pick(encrypted) / pick(plain)).toFixed(2)})`;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  const conversion = conversionFigure(n);
  const count = n.toLocaleString('en-US');
  return [
    `encryption at rest (SQLCipher 4 settings: AES-256, HMAC-SHA512, PBKDF2 256,000 iterations) on ${count} clients:`,
    row('  create and migrate a new store', (f) => f.createMs),
    row(`  bulk insert of ${count} clients in one transaction`, (f) => f.insertMs),
    row('  open a fresh connection and count the clients (key derivation included)', (f) => f.reopenMs),
    row(
      `  client search, first pass of ${DEFAULT_SEARCH_QUERIES.length} queries on a cold page cache`,
      (f) => f.coldSearchMs,
    ),
    row('  client search, warm, median per query', (f) => f.warmSearchMedianMs),
    row('  client search, warm, p95 per query', (f) => f.warmSearchP95Ms),
    row('  file size', (f) => f.fileBytes, mib),
    row('  recommendations:for-client on the demo book, first call (trains version 1)', (f) => f.recommendFirstMs),
    row(`  recommendations:for-client for CL-0118, median over ${recommendCalls} calls`, (f) => f.recommendMedianMs),
    `  advisor-desk store encrypt of the plain ${count}-client store (${conversion.rows.toLocaleString('en-US')} rows copied, re-keyed, checked, renamed): ${fmt(conversion.ms)}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const line of await benchEncryption(Number(process.env.BENCH_CLIENTS ?? 100_000))) console.log(line);
}
