import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { CsvTableBuilder } from '../../app/import/csv-parser';
import { csvFileSource } from '../../main/import/csv-file-source';
import { importEventsCsv } from '../../main/import/import-events';
import { writeHugeQuotedFieldCsv, writeWideEventsCsv } from '../robustness/csv-shapes';

/**
 * One import of an awkward file, for timing with `/usr/bin/time -f "%e s %M KB"`:
 *   npx tsx test/bench/import-limits-bench.ts wide 40000
 *   npx tsx test/bench/import-limits-bench.ts quoted 50000000 [--raise-limits] [--parse-only]
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
    ? { limits: { maxFieldLength: 64 * 1024 * 1024, maxRowLength: 64 * 1024 * 1024 } }
    : {};
  if (rest.includes('--parse-only')) {
    // Only the streaming reader and the header and width checks: what a file costs before any domain bound applies.
    const builder = new CsvTableBuilder(',');
    for await (const batch of csvFileSource(file).records(options)) for (const r of batch) builder.add(r);
    const table = builder.table();
    outcome = `read ${table.header.length} columns, ${table.records.length} rows`;
  } else {
    const r = await importEventsCsv(db, { file, actor: 'bench', now: new Date('2026-01-01T00:00:00Z'), ...options });
    outcome = `imported ${r.imported}`;
  }
} catch (error) {
  outcome = `refused: ${(error instanceof Error ? error.message : String(error)).split('\n').slice(0, 2).join(' / ')}`;
}
const ms = performance.now() - started;
db.close();
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${shape} ${size}: ${(ms / 1000).toFixed(2)} s; ${outcome.slice(0, 300)}`);
