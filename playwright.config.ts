import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './test/e2e/support/chromium';
import { electronSkipReason } from './test/e2e/support/electron-availability';

// The list reporter shows a skipped test without its reason, so say it once, in the runner only.
const electronSkip = electronSkipReason();
if (electronSkip && process.env.TEST_WORKER_INDEX === undefined)
  console.log(`Electron e2e will be skipped: ${electronSkip}`);

// Browser mode is always tested in real Chromium; the Electron project runs where an Electron binary exists.
export default defineConfig({
  testDir: 'test/e2e',
  workers: 1,
  fullyParallel: false,
  timeout: 90_000,
  expect: { timeout: 15_000 },
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  outputDir: 'test-results',
  use: {
    screenshot: 'only-on-failure',
    trace: 'off',
  },
  projects: [
    {
      name: 'browser-mode',
      testIgnore: /electron\.spec\.ts$/,
      use: { launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS } },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts$/ },
  ],
});
