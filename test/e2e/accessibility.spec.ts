import type { Page } from '@playwright/test';
import { expectNoSeriousViolations, waitForSettledPage } from './support/axe';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Opens a screen by its address (routes, not layout), signed in as the branch manager who sees every page. */
async function openScreen(page: Page, url: string, hash: string): Promise<void> {
  await openApp(page, `${url}${hash}`);
  await waitForSettledPage(page);
}

async function switchToChinese(page: Page): Promise<void> {
  await page.getByTestId('language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await waitForSettledPage(page);
}

async function switchToDark(page: Page): Promise<void> {
  await page.getByTestId('theme-toggle').click();
  await expect(page.getByTestId('theme-toggle')).toHaveAccessibleName(/light/i);
}

/** Opens the first client of the list and waits for its ranking, which is what the client page is for. */
async function openFirstClient(page: Page, url: string): Promise<void> {
  await openScreen(page, url, '#/clients');
  await page.getByTestId('client-row').first().click();
  await expect(page.getByTestId('recommendation-row').first()).toBeVisible({ timeout: FIRST_RANKING_MS });
  await waitForSettledPage(page);
}

test.describe('accessibility (axe, WCAG 2.1 AA): no serious or critical violations', () => {
  test.setTimeout(180_000);

  test('sign-in picker', async ({ page, webApp, consoleErrors }) => {
    await page.goto(webApp.url);
    await expect(page.getByTestId('sign-in')).toBeVisible({ timeout: 30_000 });
    await expectNoSeriousViolations(page, 'the sign-in picker');
    expect(consoleErrors).toEqual([]);
  });

  test('clients list, in English and in Chinese', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/clients');
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the clients list (English)');
    await switchToChinese(page);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the clients list (Chinese)');
    expect(consoleErrors).toEqual([]);
  });

  test('clients list in the dark theme', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/clients');
    await switchToDark(page);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the clients list (dark theme)');
    expect(consoleErrors).toEqual([]);
  });

  test('client page, in the light and the dark theme', async ({ page, webApp, consoleErrors }) => {
    await openFirstClient(page, webApp.url);
    // Every reaction button names its product, not just "Interested" four times over.
    const rows = page.getByTestId('recommendation-row');
    for (let i = 0; i < Math.min(3, await rows.count()); i++) {
      const name = (await rows.nth(i).getByTestId('recommendation-name').textContent()) ?? '';
      const reactions = rows.nth(i).locator('button[data-testid^="reaction-"]');
      expect(await reactions.count()).toBeGreaterThan(0);
      for (const button of await reactions.all())
        await expect(button).toHaveAccessibleName(new RegExp(escape(name.trim())));
    }
    await expectNoSeriousViolations(page, 'the client page');
    await switchToDark(page);
    await expectNoSeriousViolations(page, 'the client page (dark theme)');
    expect(consoleErrors).toEqual([]);
  });

  test('pitch page with a template draft', async ({ page, webApp, consoleErrors }) => {
    await openFirstClient(page, webApp.url);
    await page.getByTestId('recommendation-row').first().getByTestId('recommendation-draft-pitch').click();
    await expect(page).toHaveURL(/#\/clients\/[^/]+\/pitch\/[^/]+$/);
    await page.getByTestId('pitch-draft').click();
    await expect(page.getByTestId('pitch-label')).toHaveAttribute('data-source', 'template', { timeout: 30_000 });
    await waitForSettledPage(page);
    await expectNoSeriousViolations(page, 'the pitch page');
    expect(consoleErrors).toEqual([]);
  });

  test('products', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/products');
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the products list');
    await page.getByTestId('product-row').first().click();
    await expect(page).toHaveURL(/#\/products\/[^/]+$/);
    await waitForSettledPage(page);
    await expectNoSeriousViolations(page, 'a product page');
    expect(consoleErrors).toEqual([]);
  });

  test('meetings (agenda)', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/meetings');
    await expectNoSeriousViolations(page, 'the meetings page');
    expect(consoleErrors).toEqual([]);
  });

  test('language models, with the review scores by model', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/models');
    await expect(page.getByTestId('review-scores-row').first()).toBeVisible();
    await expectNoSeriousViolations(page, 'the language models page');
    expect(consoleErrors).toEqual([]);
  });

  test('interest model, with its quality chart and review scores, in English and light and in Chinese and dark', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openScreen(page, webApp.url, '#/model');
    const versionOrEmpty = page.locator('[data-testid="model-version-row"], [data-testid="model-empty"]').first();
    await expect(versionOrEmpty).toBeVisible({ timeout: FIRST_RANKING_MS });
    if ((await page.getByTestId('model-version-row').count()) === 0) {
      await page.getByTestId('model-retrain').click();
      await expect(page.getByTestId('model-version-row').first()).toBeVisible({ timeout: FIRST_RANKING_MS });
      // The "trained" notice fades out on its own; axe would measure its colours half-faded.
      await expect(page.getByTestId('snackbar-success')).toBeHidden({ timeout: 15_000 });
    }
    await expect(page.getByTestId('model-chart')).toBeVisible();
    await expect(page.getByTestId('review-scores-row').first()).toBeVisible();
    await waitForSettledPage(page);
    await expectNoSeriousViolations(page, 'the interest model page');
    await switchToDark(page);
    await switchToChinese(page);
    await expectNoSeriousViolations(page, 'the interest model page (Chinese, dark theme)');
    expect(consoleErrors).toEqual([]);
  });

  test('settings, in English and in Chinese', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/settings');
    await expectNoSeriousViolations(page, 'the settings page (English)');
    await switchToChinese(page);
    await expectNoSeriousViolations(page, 'the settings page (Chinese)');
    expect(consoleErrors).toEqual([]);
  });

  test('rule set editor', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/settings');
    await page.getByTestId('rules-section').getByTestId('rules-edit').click();
    await expect(page.getByTestId('rules-editor')).toBeVisible();
    await expectNoSeriousViolations(page, 'the rule set editor');
    expect(consoleErrors).toEqual([]);
  });

  test('compliance records', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/compliance');
    await expectNoSeriousViolations(page, 'the compliance page');
    expect(consoleErrors).toEqual([]);
  });

  test('waiting for review', async ({ page, webApp, consoleErrors }) => {
    await openScreen(page, webApp.url, '#/reviews');
    await expectNoSeriousViolations(page, 'the waiting-for-review page');
    expect(consoleErrors).toEqual([]);
  });
});
