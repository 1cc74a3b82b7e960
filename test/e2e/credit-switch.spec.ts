import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

/** Demo credit products: cards, personal, car and mortgage loans, instalments, and business lending. */
const CREDIT = /^(CC-|BF-(WC|IF|SC|EL|TF)-)/;

test.describe('credit products on the client page', () => {
  test.setTimeout(240_000);

  test('a client without a borrowing need sees no credit products until the advisor switches them on', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    const card = page.getByTestId('card-recommendations');
    const hidden = card.getByTestId('recommendations-credit-hidden');
    const rankedIds = () =>
      card.getByTestId('recommendation-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product-id')));

    // Most of the demo's clients show no borrowing need; take the first one in the list that does not.
    let found = false;
    for (let i = 0; i < 8 && !found; i++) {
      await page.getByTestId('client-row').nth(i).click();
      await expect(page.getByTestId('client-name')).toBeVisible();
      await expect(card.getByTestId('recommendation-row').first()).toBeVisible({ timeout: FIRST_RANKING_MS });
      found = (await hidden.count()) > 0;
      if (!found) await page.goBack();
    }
    expect(found, 'a client without a borrowing need among the first eight').toBe(true);

    await expect(hidden).toContainText(/credit products? hidden: no borrowing need in the profile/);
    expect((await rankedIds()).filter((id) => CREDIT.test(id ?? ''))).toEqual([]);
    // Held back is not "not suitable": the excluded list is the same with credit held back or shown.
    const excludedCount = () =>
      page.getByTestId('card-excluded').getByTestId('excluded-count').getAttribute('data-count');
    const excludedBefore = await excludedCount();
    const switchBox = card.getByTestId('recommendations-include-credit').locator('input');
    await expect(switchBox).not.toBeChecked();

    await switchBox.check();
    await expect(hidden).toHaveCount(0);
    // The credit products now compete on their scores: they may sit below the first ten, so page down to them.
    const creditShown = async () => (await rankedIds()).filter((id) => CREDIT.test(id ?? '')).length;
    for (let page10 = 0; page10 < 8 && (await creditShown()) === 0; page10++) {
      const more = card.getByTestId('recommendations-more');
      if ((await more.count()) === 0) break;
      const before = (await rankedIds()).length;
      await more.click();
      await expect.poll(async () => (await rankedIds()).length).toBeGreaterThan(before);
    }
    expect(await creditShown()).toBeGreaterThan(0);
    expect(await excludedCount()).toBe(excludedBefore);

    await switchBox.uncheck();
    await expect(hidden).toBeVisible();
    await expect.poll(async () => (await rankedIds()).filter((id) => CREDIT.test(id ?? '')).length).toBe(0);
    expect(consoleErrors).toEqual([]);
  });
});
