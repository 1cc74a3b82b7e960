import fs from 'node:fs';
import { pageTexts, squeezed } from '../integration/pdf/pdf-reading';
import { test, expect } from './support/fixtures';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

test.describe('PDF downloads', () => {
  test.setTimeout(180_000);

  test('an approved pitch downloads as a PDF holding the product and the approved headline; before approval it cannot', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await page.goto(webApp.url);
    await page.getByTestId('client-row').first().click();
    const row = page.getByTestId('recommendation-row').first();
    await expect(row).toBeVisible({ timeout: FIRST_RANKING_MS });
    const productName = (await row.getByTestId('recommendation-name').innerText()).trim();
    await row.getByTestId('recommendation-draft-pitch').click();
    await page.getByTestId('pitch-language').click();
    await page.getByTestId('pitch-language-en').click();
    await page.getByTestId('pitch-draft').click();
    await expect(page.getByTestId('pitch-label')).toHaveAttribute('data-source', 'template', { timeout: 30_000 });

    const exportPdf = page.getByTestId('pitch-export-pdf');
    await expect(exportPdf).toBeDisabled();
    await page.getByTestId('pitch-approve').click();
    await expect(page.getByTestId('pitch-version-is-approved')).toBeVisible();
    await expect(exportPdf).toBeEnabled();
    const headline = await page.getByTestId('pitch-field-headline').inputValue();

    const [download] = await Promise.all([page.waitForEvent('download'), exportPdf.click()]);
    expect(download.suggestedFilename()).toMatch(/^pitch-.+-v1\.pdf$/);
    const pdf = fs.readFileSync(await download.path());
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = squeezed((await pageTexts(pdf)).join(''));
    expect(text).toContain(squeezed(productName));
    expect(text).toContain(squeezed(headline));
    expect(consoleErrors).toEqual([]);
  });

  test('the client page downloads the recommendation sheet as a PDF with the client and the top product', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await page.goto(webApp.url);
    await page.getByTestId('client-row').first().click();
    const row = page.getByTestId('recommendation-row').first();
    await expect(row).toBeVisible({ timeout: FIRST_RANKING_MS });
    const productName = (await row.getByTestId('recommendation-name').innerText()).trim();
    const clientName = (await page.getByTestId('client-name').innerText()).trim();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('client-recommendation-sheet').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^recommendations-.+\.pdf$/);
    const text = squeezed((await pageTexts(fs.readFileSync(await download.path()))).join(''));
    expect(text).toContain(squeezed(clientName));
    expect(text).toContain(squeezed(productName));
    expect(consoleErrors).toEqual([]);
  });
});
