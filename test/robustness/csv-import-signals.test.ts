import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { tempDir } from '../integration/db/temp-db';
import { buildCli, cliBundle, projectRoot } from '../integration/cli/build-cli';
import { eventsCsv } from './csv-shapes';

/** A signal sent to the real CLI process while it writes an import: exit 130, and the database holds nothing. */
describe('a signal during an import, through the bundled CLI', () => {
  let dir: string;
  beforeAll(() => {
    buildCli();
    dir = tempDir('ad-robust-signal-');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    it(`${signal} while rows are written exits 130 and stores nothing`, async () => {
      const db = path.join(dir, `${signal}.sqlite`);
      const csv = path.join(dir, `${signal}.csv`);
      const rows = Array.from({ length: 120_000 }, (_, i) => [
        `C${i % 3000}`,
        `P${i % 40}`,
        `20${10 + (i % 15)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}Z`,
        `${i % 2}`,
      ]);
      fs.writeFileSync(csv, eventsCsv(rows));
      const child = spawn(process.execPath, [cliBundle, 'import-events', csv, '--db', db], {
        cwd: projectRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      let sent = false;
      child.stderr.setEncoding('utf8');
      child.stderr.on('data', (text: string) => {
        stderr += text;
        if (!sent && /writing [1-9]/.test(stderr)) {
          sent = true;
          child.kill(signal);
        }
      });
      const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
      expect(sent, stderr).toBe(true);
      expect(stderr).toMatch(/Import cancelled: nothing was imported/);
      expect(code).toBe(130);
      const store = openDatabase(db);
      try {
        migrate(store);
        expect(store.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(0);
        expect(store.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(0);
      } finally {
        store.close();
      }
    }, 120_000);
});
