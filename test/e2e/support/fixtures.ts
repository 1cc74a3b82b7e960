import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startWebApp, type RunningWebApp } from './web-app';

interface Fixtures {
  /** A fresh data folder per test, so tests never see each other's edits. */
  dataDir: string;
  webApp: RunningWebApp;
  /** Console errors and uncaught page errors; each test ends by asserting there were none. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  dataDir: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-desk-e2e-'));
    await use(dir);
    fs.rmSync(dir, { recursive: true, force: true });
  },
  webApp: async ({ dataDir }, use) => {
    const app = await startWebApp(dataDir);
    await use(app);
    await app.stop();
  },
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await use(errors);
    expect(errors, 'the page logged errors').toEqual([]);
  },
});

export { expect };
