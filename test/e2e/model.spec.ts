import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

/** Training on the demo book's outcomes takes seconds, more on a busy machine. */
const TRAINING_MS = 120_000;

async function versionCount(page: Page): Promise<number> {
  await expect(page.locator('[data-testid="model-version-row"], [data-testid="model-empty"]').first()).toBeVisible({
    timeout: TRAINING_MS,
  });
  return page.getByTestId('model-version-row').count();
}

async function retrain(page: Page, expected: number): Promise<void> {
  await page.getByTestId('model-retrain').click();
  await expect(page.getByTestId('model-version-row')).toHaveCount(expected, { timeout: TRAINING_MS });
  await expect(page.getByTestId('model-retrain')).toBeEnabled({ timeout: TRAINING_MS });
}

test.describe('model page', () => {
  test.setTimeout(300_000);

  test('lists versions with their metrics, retraining adds an active version, and an older one can be made active again', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    await page.getByTestId('nav-model').click();
    await expect(page).toHaveURL(/#\/model$/);
    await expect(page.getByTestId('model-title')).toHaveText('Interest model');

    let count = await versionCount(page);
    await retrain(page, count + 1);
    count += 1;
    if (count < 2) {
      await retrain(page, 2);
      count = 2;
    }
    await expect(page.getByTestId('snackbar-success')).toBeVisible();

    // Newest first, and the newest is the active one, with its held-out figures.
    const rows = page.getByTestId('model-version-row');
    await expect(rows.first()).toHaveAttribute('data-version', String(count));
    await expect(rows.first()).toHaveAttribute('data-active', 'true');
    await expect(rows.first().getByTestId('model-active')).toBeVisible();
    await expect(rows.first().getByTestId('model-metric-auc')).toHaveText(/^0\.\d{3}$/);
    await expect(page.getByTestId('model-chart')).toHaveAttribute('data-versions', String(count));

    // Roll back to version 1 through the confirmation.
    await page.getByTestId('model-activate-1').click();
    await page.getByTestId('model-confirm').getByTestId('confirm-ok').click();
    const v1 = page.locator('[data-testid="model-version-row"][data-version="1"]');
    await expect(v1).toHaveAttribute('data-active', 'true');
    await expect(v1.getByTestId('model-active')).toBeVisible();
    await expect(page.locator('[data-testid="model-version-row"][data-active="true"]')).toHaveCount(1);
    await expect(page.getByTestId(`model-activate-${count}`)).toBeVisible();
    await expect(page.getByTestId('model-summary-version')).toContainText('v1');
    expect(consoleErrors).toEqual([]);
  });

  test('the Chinese interface names the page and its actions in Chinese', async ({ page, webApp, consoleErrors }) => {
    await openApp(page, `${webApp.url}#/model`);
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('model-title')).toHaveText('意向模型');
    await expect(page.getByTestId('model-retrain')).toHaveText('立即重新训练');
    await expect(page.getByTestId('nav-model')).toHaveText('模型');
    expect(consoleErrors).toEqual([]);
  });
});
