import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

test.describe('keyboard', () => {
  test.setTimeout(180_000);

  test('the first Tab reaches the skip link, shown on focus, which moves focus to the main region', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/clients`);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    const skip = page.getByTestId('skip-link');
    await expect(skip).not.toBeInViewport();
    await page.keyboard.press('Tab');
    await expect(skip).toBeFocused();
    await expect(skip).toHaveText('Skip to main content');
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await expect(page).toHaveURL(/#\/clients$/);
    // The next Tab goes into the page, not back to the app bar or the navigation.
    await page.keyboard.press('Tab');
    const inMain = await page.evaluate(() => document.querySelector('main')?.contains(document.activeElement));
    expect(inMain).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('keyboard focus shows a solid ring on navigation links and page controls, in the light and the dark theme', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/clients`);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    const ringOf = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
      });
    const rings: { style: string; width: number; color: string }[] = [];
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') await page.getByTestId('theme-toggle').click();
      await page.getByRole('main').focus();
      await page.keyboard.press('Shift+Tab'); // the last link of the navigation
      rings.push(await ringOf());
      await page.keyboard.press('Tab'); // the first control of the page
      rings.push(await ringOf());
    }
    for (const ring of rings) {
      expect(ring.style).toBe('solid');
      expect(ring.width).toBeGreaterThanOrEqual(2);
    }
    // Each theme has its own ring colour, chosen to stand out against its own background.
    expect(rings[0]!.color).not.toBe(rings[2]!.color);
    expect(consoleErrors).toEqual([]);
  });

  test('"?" and the app bar open the shortcut list, in English and in Chinese; letters typed in a field are text', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/clients`);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help).toBeVisible();
    await expect(help.getByTestId('shortcut-help-row')).toHaveCount(7);
    for (const text of ['Search clients', 'Next client', 'Prepare', 'Draft a pitch', 'Approve'])
      await expect(help).toContainText(text);
    await expect(help).toContainText('Ctrl+K');
    await page.keyboard.press('Escape');
    await expect(help).toBeHidden();

    // "/" focuses the search; what follows is typed into it, not taken as shortcuts.
    await page.keyboard.press('/');
    const search = page.getByTestId('client-search');
    await expect(search).toBeFocused();
    await page.keyboard.type('j?d');
    await expect(search).toHaveValue('j?d');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page).toHaveURL(/#\/clients$/);
    await search.fill('');

    await page.getByTestId('language-switch').click();
    await page.getByTestId('shortcut-help-open').click();
    const zhHelp = page.getByRole('dialog', { name: '键盘快捷键' });
    await expect(zhHelp).toBeVisible();
    await expect(zhHelp).toContainText('搜索客户');
    await zhHelp.getByTestId('shortcut-help-close').click();
    await expect(zhHelp).toBeHidden();
    expect(consoleErrors).toEqual([]);
  });

  test('search from another page, next and previous client in list order, draft from the client page, approve on the pitch', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/products`);
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await page.keyboard.press('Control+k');
    await expect(page).toHaveURL(/#\/clients$/);
    await expect(page.getByTestId('client-search')).toBeFocused();
    await page.getByTestId('client-search').blur();

    // Sorted by name, descending (not the default): J goes down the list as shown, K back up.
    await page.getByTestId('sort-displayName').click();
    const rows = page.getByTestId('client-row');
    await expect(rows.nth(2)).toBeVisible();
    const ids = await Promise.all([0, 1, 2].map((i) => rows.nth(i).getAttribute('data-client-id')));
    await rows.first().click();
    await expect(page).toHaveURL(new RegExp(`#/clients/${ids[0]}$`));
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`#/clients/${ids[1]}$`));
    await page.keyboard.press('j');
    await expect(page).toHaveURL(new RegExp(`#/clients/${ids[2]}$`));
    await page.keyboard.press('k');
    await expect(page).toHaveURL(new RegExp(`#/clients/${ids[1]}$`));

    // D drafts a pitch for the first recommendation; on the pitch page D drafts, A approves. The first client by
    // name has suitable products (as in the pitch spec); some others have none until their KYC review is renewed.
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('sort-displayName').click();
    await rows.first().click();
    await expect(page).toHaveURL(/#\/clients\/[^/]+$/);
    const clientId = await page.evaluate(() => decodeURIComponent(window.location.hash.split('/')[2] ?? ''));
    const first = page.getByTestId('recommendation-row').first();
    await expect(first).toBeVisible({ timeout: FIRST_RANKING_MS });
    const productId = await first.getAttribute('data-product-id');
    await page.getByRole('main').focus();
    await page.keyboard.press('d');
    await expect(page).toHaveURL(new RegExp(`#/clients/${clientId}/pitch/${productId}$`));
    await expect(page.getByTestId('pitch-draft')).toBeVisible();
    await page.keyboard.press('d');
    await expect(page.getByTestId('pitch-label')).toHaveAttribute('data-source', 'template', { timeout: 30_000 });
    await expect(page.getByTestId('pitch-approve')).toBeEnabled();
    await page.keyboard.press('a');
    await expect(page.getByTestId('pitch-version-is-approved')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
