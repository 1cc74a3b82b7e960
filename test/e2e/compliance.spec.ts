import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';
import { projectRoot } from './support/web-app';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;
const SCREENS = '/tmp/advisor-desk-screens';

/** Approves the template pitch of the best-ranked product for the client in row `index`, as an advisor does. */
async function approvePitch(page: Page, url: string, index: number): Promise<string> {
  await openApp(page, url);
  const clientRow = page.getByTestId('client-row').nth(index);
  const name = (await clientRow.getByTestId('client-row-name').textContent()) ?? '';
  await clientRow.click();
  const row = page.getByTestId('recommendation-row').first();
  await expect(row).toBeVisible({ timeout: FIRST_RANKING_MS });
  await row.getByTestId('recommendation-draft-pitch').click();
  await page.getByTestId('pitch-draft').click();
  await expect(page.getByTestId('pitch-label')).toHaveAttribute('data-source', 'template', { timeout: 30_000 });
  await expect(page.getByTestId('pitch-approve')).toBeEnabled();
  await page.getByTestId('pitch-approve').click();
  await expect(page.getByTestId('pitch-approved')).toBeVisible();
  return name;
}

function localDay(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

test.describe('compliance page', () => {
  test.setTimeout(300_000);

  test('finds the period’s advice records, previews one as it was frozen, and exports JSON that verify-export accepts', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    const first = await approvePitch(page, webApp.url, 0);
    await approvePitch(page, webApp.url, 1);

    await page.getByTestId('nav-compliance').click();
    await expect(page.getByTestId('compliance-title')).toHaveText('Compliance: advice records');
    // The last quarter by default: the demo's months of history and the two approvals; then only today.
    await expect
      .poll(async () => Number(/\d+/.exec((await page.getByTestId('compliance-count').textContent()) ?? '')?.[0]))
      .toBeGreaterThan(2);
    const today = localDay();
    await page.getByTestId('compliance-from').fill(today);
    await page.getByTestId('compliance-to').fill(today);
    await expect(page.getByTestId('compliance-count')).toHaveText('2 records match');
    await page.getByTestId('compliance-client').fill(first.slice(0, 5));
    await expect(page.getByTestId('compliance-row')).toHaveCount(1);
    await page.getByTestId('compliance-client').fill('');
    await expect(page.getByTestId('compliance-row')).toHaveCount(2);
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, 'compliance-en.png') });

    await page.getByTestId('compliance-row').filter({ hasText: first }).click();
    const preview = page.getByTestId('record-preview');
    await expect(preview.getByTestId('record-preview-integrity')).toHaveAttribute('data-intact', 'true');
    await expect(preview.getByTestId('record-preview-client')).toContainText(first);
    await expect(preview.getByTestId('record-preview-suitability')).toContainText('Suitable');
    await expect(preview.getByTestId('record-preview-ranking')).toContainText('No. 1 in the ranking shown');
    await expect(preview.getByTestId('record-preview-hash')).toHaveText(/^[0-9a-f]{64}$/);
    await page.screenshot({ path: path.join(SCREENS, 'compliance-preview-en.png') });
    await preview.getByTestId('record-preview-close').click();
    await expect(preview).toBeHidden();

    await page.getByTestId('export-format-json').click();
    await page.getByTestId('export-start').click();
    const done = page.getByTestId('export-done');
    await expect(done).toBeVisible({ timeout: 30_000 });
    await expect(done.getByTestId('export-done-count')).toHaveText('Export complete: 2 records');
    await expect(done.getByTestId('export-file')).toContainText('advice-records.json');
    const folder = (await done.getByTestId('export-folder').textContent()) ?? '';
    expect(fs.existsSync(path.join(folder, 'manifest.json'))).toBe(true);

    const verify = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'dist', 'main', 'cli.mjs'), 'records', 'verify-export', folder],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
    expect(verify.stdout).toContain('complete and unaltered: 2 records');

    // The same page in Chinese, with the preview open.
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('compliance-title')).toHaveText('合规：咨询记录');
    await page.screenshot({ path: path.join(SCREENS, 'compliance-zh.png') });
    await page.getByTestId('compliance-row').first().click();
    await expect(preview.getByTestId('record-preview-integrity')).toContainText('完好');
    await page.screenshot({ path: path.join(SCREENS, 'compliance-preview-zh.png') });
    expect(consoleErrors).toEqual([]);
  });
});
