import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { expectNoSeriousViolations, waitForSettledPage } from './support/axe';
import { openApp, signInIfAsked } from './support/sign-in';

const SCREENS = '/tmp/advisor-desk-screens';
/** The first ranking trains the first model version: seconds, more on a busy machine. */
const FIRST_RANKING_MS = 120_000;

async function showRanking(page: Page, clientId: string): Promise<void> {
  await page.evaluate((hash) => (window.location.hash = hash), `#/clients/${clientId}`);
  await expect(page.getByText(clientId, { exact: true }).first()).toBeVisible();
  // Shown once scored, whether or not any product passed the suitability rules for this client.
  await expect(page.getByTestId('recommendation-provenance')).toBeVisible({ timeout: FIRST_RANKING_MS });
}

test.describe('policy estimates', () => {
  test.setTimeout(300_000);

  test('an administrator sets exploration, and the page estimates the live version and says why others are not', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    fs.mkdirSync(SCREENS, { recursive: true });
    await openApp(page, webApp.url);

    // Exploration is a setting: 0.05 by default, a rate above 0.5 is refused in place.
    await page.getByTestId('nav-settings').click();
    const rate = page.getByTestId('exploration-rate');
    await expect(rate).toHaveValue('0.05');
    await rate.fill('0.7');
    await expect(page.getByText('Enter a rate between 0 and 0.5.')).toBeVisible();
    await expect(page.getByTestId('exploration-save')).toBeDisabled();
    await rate.fill('0.3');
    await page.getByTestId('exploration-save').click();
    await expect(page.getByTestId('snackbar-success')).toContainText('Exploration rate saved.');

    // Rankings shown to the advisor, each kept with the propensities of what it showed.
    // Some reactions recorded from them: the client accepted the first product shown.
    for (let i = 1; i <= 50; i++) {
      await showRanking(page, `CL-${String(i).padStart(4, '0')}`);
      const first = page.getByTestId('recommendation-row').first();
      if (i % 3 === 0 && (await first.count()) > 0) {
        await first.getByTestId('reaction-accepted').click();
        await page.getByTestId('reaction-confirm').click();
        await expect(page.getByTestId('reaction-confirm-dialog')).toBeHidden();
      }
    }

    await page.getByTestId('nav-policy-estimates').click();
    await expect(page).toHaveURL(/#\/policy-estimates$/);
    await expect(page.getByTestId('policy-estimates-title')).toHaveText('Policy estimates');
    await expect(page.getByTestId('policy-summary')).toContainText(/\d+ rankings shown in the period/);
    const live = page.getByTestId('policy-model-v1');
    await expect(live).toBeVisible({ timeout: 60_000 });
    await expect(live.getByTestId('policy-value')).toHaveText(/%/);
    await expect(live.getByTestId('policy-ess')).toHaveText(/\d+ rankings/);
    await expect(page.getByTestId('policy-estimates-chart')).toBeVisible();
    // Every candidate has its estimates or, where the log says too little about it, the reason in words.
    for (const name of ['model-v1', 'popularity', 'rules-only'])
      await expect(page.getByTestId(`policy-${name}`)).toContainText(/%|No estimate:/);
    // The page opened afresh, without the reactions' notices from the client pages.
    await page.reload();
    await signInIfAsked(page);
    await expect(page.getByTestId('policy-model-v1')).toBeVisible({ timeout: 60_000 });
    await expect(page.getByTestId('snackbar-success')).toBeHidden();
    await waitForSettledPage(page);
    await expectNoSeriousViolations(page, 'the policy estimates page');
    await page.screenshot({ path: path.join(SCREENS, 'policy-estimates-en.png') });
    await page
      .getByTestId('policy-estimates-table')
      .screenshot({ path: path.join(SCREENS, 'policy-estimates-table-en.png') });

    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('policy-estimates-title')).toHaveText('策略评估');
    await expect(page.getByTestId('policy-model-v1').getByTestId('policy-value').first()).toHaveText(/%/);
    await page.screenshot({ path: path.join(SCREENS, 'policy-estimates-zh-CN.png') });
    await page
      .getByTestId('policy-estimates-table')
      .screenshot({ path: path.join(SCREENS, 'policy-estimates-table-zh-CN.png') });

    // A period with no ranking that recorded its propensities: nothing can be estimated, and each policy says why.
    await page.getByTestId('policy-to').fill('2020-01-01');
    await expect(page.getByTestId('policy-estimates-chart')).toBeHidden();
    await expect(page.getByTestId('policy-rules-only').getByTestId('policy-refusal')).toHaveText(
      '无法估计：本期间展示的排名均未记录其产品的展示概率。',
    );
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('policy-model-v1').getByTestId('policy-refusal')).toHaveText(
      'No estimate: no ranking shown in this period recorded the probabilities its products were shown with.',
    );
    await page.screenshot({ path: path.join(SCREENS, 'policy-estimates-refused-en.png') });
    expect(consoleErrors).toEqual([]);
  });
});
