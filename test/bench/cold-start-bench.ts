import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/chromium';
import { startWebApp } from '../e2e/support/web-app';
import { median } from './stats';

export interface ColdStartFigures {
  firstRunMs: number[];
  warmDataMs: number[];
  serverReadyMs: number[];
}

/**
 * Browser mode from `node dist/main/web.mjs` to the first client row painted in Chromium.
 * First run includes creating and seeding the database; later runs open an existing one.
 * The browser is already running: its own start is not Advisor Desk's cost.
 */
export async function benchColdStart(runs = 3): Promise<ColdStartFigures> {
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  const figures: ColdStartFigures = { firstRunMs: [], warmDataMs: [], serverReadyMs: [] };
  try {
    for (let i = 0; i < runs; i++) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-bench-start-'));
      for (const kind of ['first', 'warm'] as const) {
        const page = await browser.newPage();
        const started = performance.now();
        const app = await startWebApp(dataDir);
        figures.serverReadyMs.push(performance.now() - started);
        await page.goto(app.url);
        await page.getByTestId('client-row').first().waitFor({ state: 'visible', timeout: 60_000 });
        (kind === 'first' ? figures.firstRunMs : figures.warmDataMs).push(performance.now() - started);
        await page.close();
        await app.stop();
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  } finally {
    await browser.close();
  }
  return figures;
}

export function summarizeColdStart(f: ColdStartFigures): string[] {
  return [
    `browser mode cold start to first client list painted, new data folder (seeds demo data): median ${median(f.firstRunMs).toFixed(0)} ms (runs: ${f.firstRunMs.map((v) => v.toFixed(0)).join(', ')})`,
    `browser mode cold start to first client list painted, existing data: median ${median(f.warmDataMs).toFixed(0)} ms (runs: ${f.warmDataMs.map((v) => v.toFixed(0)).join(', ')})`,
    `  of which server process ready to serve: median ${median(f.serverReadyMs).toFixed(0)} ms`,
  ];
}
