import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { importEventsCsv } from '../../main/import/import-events';
import { writeHugeQuotedFieldCsv, writeWideEventsCsv } from '../robustness/csv-shapes';

/**
 * One import of an awkward file, for timing with `/usr/bin/time -f "%e s %M KB"`:
 *   npx tsx test/bench/import-limits-bench.ts wide 40000
 *   npx tsx test/bench/import-limits-bench.ts quoted 50000000
 * Prints how long the import took (writing the file is not timed) and what it said.
 */
const [shape = 'wide', sizeText = '10000', ...rest] = process.argv.slice(2);
const size = Number(sizeText);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-limits-'));
const file = path.join(dir, `${shape}.csv`);
if (shape === 'wide') writeWideEventsCsv(file, size);
else writeHugeQuotedFieldCsv(file, size);
const db = openDatabase(path.join(dir, 'bench.sqlite'));
migrate(db);
const started = performance.now();
let outcome: string;
try {
  const options: Record<string, unknown> = rest.includes('--raise-limits')
    ? { limits: { maxFieldBytes: 64 * 1024 * 1024, maxRowBytes: 64 * 1024 * 1024 } }
    : {};
  const r = await importEventsCsv(db, { file, actor: 'bench', now: new Date('2026-01-01T00:00:00Z'), ...options });
  outcome = `imported ${r.imported}`;
} catch (error) {
  outcome = `refused: ${(error instanceof Error ? error.message : String(error)).split('\n').slice(0, 2).join(' / ')}`;
}
const ms = performance.now() - started;
db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${shape} ${size}: ${(ms / 1000).toFixed(2)} s; ${outcome.slice(0, 300)}`);
