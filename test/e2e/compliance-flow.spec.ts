import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pageTexts } from '../integration/pdf/pdf-reading';
import { test, expect } from './support/fixtures';
import { DEMO_ADVISOR, DEMO_REVIEWER, openApp, switchUser } from './support/sign-in';
import { projectRoot } from './support/web-app';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

/**
 * The whole compliance path in one sitting: under a policy that every draft is reviewed, an advisor drafts and
 * submits, the reviewer scores and approves; the compliance officer exports the day as PDF, JSON and CSV from the
 * Compliance page, and each export verifies with the CLI.
 */
test.describe('from a draft to a verified export', () => {
  test.setTimeout(300_000);

  test('a reviewed pitch, and the day exported as PDF, JSON and CSV that verify', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    // The administrator asks for review of every draft (a random-weight model never finishes a whole pitch, so the
    // template's draft stands in for model text here).
    await openApp(page, `${webApp.url}#/settings`);
    await page.getByTestId('settings-users').getByTestId('review-policy').getByLabel('All drafts').click();
    await expect(page.getByTestId('snackbar-success')).toContainText('Review policy saved');

    await switchUser(page, DEMO_ADVISOR);
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('client-row').first().click();
    const row = page.getByTestId('recommendation-row').first();
    await expect(row).toBeVisible({ timeout: FIRST_RANKING_MS });
    await row.getByTestId('recommendation-draft-pitch').click();
    await page.getByTestId('pitch-draft').click();
    await expect(page.getByTestId('pitch-label')).toHaveAttribute('data-source', 'template', { timeout: 30_000 });
    // The author cannot approve it, only hand it to a reviewer.
    await expect(page.getByTestId('pitch-approve')).toHaveCount(0);
    await page.getByTestId('pitch-submit-review').click();
    await expect(page.getByTestId('pitch-awaiting-review')).toBeVisible();

    await switchUser(page, DEMO_REVIEWER);
    await page.getByTestId('nav-reviews').click();
    await page.getByTestId('review-waiting-row').first().getByTestId('review-open').click();
    const panel = page.getByTestId('review-panel');
    for (const criterion of ['accuracy', 'suitability', 'clarity', 'compliance'])
      await panel.getByTestId(`review-score-${criterion}`).getByRole('button', { name: '5', exact: true }).click();
    await panel.getByTestId('review-approve').click();
    await expect(page.getByTestId('pitch-version-is-approved')).toContainText('张敏 Zhang Min');

    // Compliance exports the day in every format; each folder verifies on its own.
    await switchUser(page, 'CMP-01');
    await page.getByTestId('nav-compliance').click();
    const today = await page.evaluate(() => {
      const d = new Date();
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await page.getByTestId('compliance-from').fill(today);
    await page.getByTestId('compliance-to').fill(today);
    await expect(page.getByTestId('compliance-count')).toHaveText('1 record matches');
    for (const format of ['pdf', 'json', 'csv'] as const) {
      await page.getByTestId(`export-format-${format}`).click();
      await page.getByTestId('export-start').click();
      const done = page.getByTestId('export-done');
      await expect(done.getByTestId('export-done-count')).toHaveText('Export complete: 1 record', { timeout: 60_000 });
      const exported = (await done.getByTestId('export-folder').textContent()) ?? '';
      const verify = spawnSync(
        process.execPath,
        [path.join(projectRoot, 'dist', 'main', 'cli.mjs'), 'records', 'verify-export', exported],
        { cwd: projectRoot, encoding: 'utf8' },
      );
      expect(verify.status, `${format}: ${verify.stdout}${verify.stderr}`).toBe(0);
      if (format === 'pdf') {
        const report = fs.readdirSync(exported).find((name) => name.endsWith('.pdf'))!;
        const text = (await pageTexts(fs.readFileSync(path.join(exported, report)))).join('\n');
        expect(text).toContain('Zhang Min');
      }
    }
    expect(consoleErrors).toEqual([]);
  });
});
