import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import { projectRoot } from './web-app';

/** Runs the built advisor-desk CLI (seed, train …) on a test's data, failing the test with its stderr. */
export function advisorDesk(args: string[]): void {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'main', 'cli.mjs'), ...args], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  expect(r.status, `advisor-desk ${args[0]}: ${r.stderr}`).toBe(0);
}

/** As an advisor would: on the Language models page, import the GGUF file by path, load it, wait until it is loaded. */
export async function importAndLoadModel(page: Page, modelPath: string): Promise<void> {
  await page.getByTestId('nav-models').click();
  await page.getByTestId('llm-import-path').fill(modelPath);
  await page.getByTestId('llm-import-submit').click();
  await page
    .locator(`[data-testid="llm-file-row"][data-file="${path.basename(modelPath)}"]`)
    .getByTestId('llm-file-load')
    .click();
  await expect(page.getByTestId('llm-status-chip')).toHaveAttribute('data-state', 'loaded', { timeout: 60_000 });
}
