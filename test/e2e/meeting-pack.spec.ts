import fs from 'node:fs';
import { translate } from '../../app/messages';
import { pageTexts, squeezed } from '../integration/pdf/pdf-reading';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

test.describe('Meeting pack', () => {
  test.setTimeout(180_000);

  test('the client page downloads the meeting pack: the client, the products to discuss, the questions, two pages at most', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    await page.getByTestId('client-row').first().click();
    const row = page.getByTestId('recommendation-row').first();
    await expect(row).toBeVisible({ timeout: FIRST_RANKING_MS });
    const productName = (await row.getByTestId('recommendation-name').innerText()).trim();
    const clientName = (await page.getByTestId('client-name').innerText()).trim();

    const button = page.getByTestId('client-meeting-pack');
    await expect(button).toHaveText(translate('en', 'pack.ui.export'));
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toMatch(/^meeting-pack-.+-(en|zh-CN)-\d{4}-\d{2}-\d{2}\.pdf$/);
    const language = download.suggestedFilename().includes('-zh-CN-') ? 'zh-CN' : 'en';
    const pages = await pageTexts(fs.readFileSync(await download.path()));
    expect(pages.length).toBeLessThanOrEqual(2);
    const text = squeezed(pages.join(''));
    expect(text).toContain(squeezed(clientName));
    expect(text).toContain(squeezed(translate(language, 'pack.section.products')));
    expect(text).toContain(squeezed(translate(language, 'pack.section.questions')));
    if (language === 'en') expect(text).toContain(squeezed(productName));
    await expect(
      page.getByText(translate('en', 'pack.ui.saved', { file: download.suggestedFilename() })),
    ).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
