import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { generateBulkClients } from '../../app/demo/demo-data';
import { ClientListQuerySchema } from '../../app/domain';
import { openBackend } from '../../main/backend/open-backend';
import { bulkInsertClients, listClients } from '../../main/db/client-repository';
import { openDatabase } from '../../main/db/connection';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/chromium';
import { startWebApp } from '../e2e/support/web-app';
import { DEFAULT_SEARCH_QUERIES } from './db-bench';

export interface UiSearchFigures {
  clients: number;
  firstPaintMs: number;
  /** From the last keystroke to the list showing the new count, including the list's 250 ms debounce. */
  searchMs: number[];
  debounceMs: number;
}

/**
 * What an advisor feels with a large book: a data folder with the demo data plus n generated
 * clients, browser mode started on it, and each query typed into the real search box.
 */
export async function benchUiSearch(n = 100_000): Promise<UiSearchFigures> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-ui-'));
  const seeded = openBackend({ user: { firstActiveAdministrator: true }, dataDir, mode: 'browser' });
  const dbPath = seeded.databasePath;
  seeded.close();
  const db = openDatabase(dbPath);
  bulkInsertClients(db, generateBulkClients(n, 7), 'bench');
  db.pragma('optimize');
  const expected = new Map<string, number>();
  for (const q of DEFAULT_SEARCH_QUERIES)
    expected.set(
      q,
      listClients(db, ClientListQuerySchema.parse({ search: q, limit: 1 }), new Date().toISOString()).total,
    );
  const total = listClients(db, ClientListQuerySchema.parse({ limit: 1 }), new Date().toISOString()).total;
  db.close();

  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const app = await startWebApp(dataDir);
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const started = performance.now();
    await page.goto(app.url);
    await page.getByTestId('client-row').first().waitFor({ state: 'visible', timeout: 60_000 });
    const firstPaintMs = performance.now() - started;
    const searchMs: number[] = [];
    const format = new Intl.NumberFormat('en');
    for (const q of [...DEFAULT_SEARCH_QUERIES, ...DEFAULT_SEARCH_QUERIES]) {
      const want = `${format.format(expected.get(q) ?? -1)} of ${format.format(total)}`;
      const t0 = performance.now();
      await page.getByTestId('client-search').fill(q);
      await page.waitForFunction(
        ([text]) =>
          document.querySelector('[data-testid="client-count"]')?.textContent?.includes(text as string) === true,
        [want],
        { timeout: 30_000 },
      );
      searchMs.push(performance.now() - t0);
    }
    return { clients: total, firstPaintMs, searchMs, debounceMs: 250 };
  } finally {
    await app.stop();
    await browser.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
