import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../integration/db/temp-db';
import { csvSweep } from './csv-fuzz';

/**
 * Two hundred seeded mutations of an honest outcome table through the real CLI into fresh SQLite files: each is
 * imported exactly as reported or refused by name with nothing written. The bench sweeps thousands
 * (BENCH_ONLY=robustness).
 */
describe('mutated outcome tables', () => {
  let dir: string;
  beforeAll(() => {
    dir = tempDir('ad-robust-csv-fuzz-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('are each imported as reported or refused by name with nothing written', async () => {
    const tally = await csvSweep(dir, { seed: 7, count: 200 });
    expect(tally.lost).toEqual([]);
    expect(tally.tried).toBe(200);
    expect(tally.imported).toBeGreaterThan(0);
    expect(tally.refused).toBeGreaterThan(0);
  }, 120_000);
});
