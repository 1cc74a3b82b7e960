import { test, expect } from './support/fixtures';

test.describe('app frame', () => {
  test('switches to Simplified Chinese, renders it with the bundled font, and remembers the choice', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await page.goto(webApp.url);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await expect(page.getByTestId('nav-clients')).toContainText('Clients');

    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('nav-clients')).toContainText('客户');
    // The machine has no CJK fonts: Chinese must come from the self-hosted Noto Sans SC, not turn into boxes.
    await page.evaluate(() => document.fonts.ready);
    const hasFont = await page.evaluate(async () => {
      await document.fonts.load('16px "Noto Sans SC"', '客户');
      return document.fonts.check('16px "Noto Sans SC"', '客户');
    });
    expect(hasFont).toBe(true);

    await page.reload();
    await expect(page.getByTestId('nav-clients')).toContainText('客户');
    expect(consoleErrors).toEqual([]);
  });

  test('every page opens from the navigation without errors, and the app makes no request off this machine', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = request.url();
      if (
        !url.startsWith(webApp.origin) &&
        !url.startsWith('ws://127.0.0.1') &&
        !url.startsWith('data:') &&
        !url.startsWith('blob:')
      )
        foreign.push(url);
    });
    await page.goto(webApp.url);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await page.getByTestId('nav-products').click();
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await page.getByTestId('nav-meetings').click();
    await expect(page.getByTestId('meeting-row').first()).toBeVisible();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('theme-toggle').click();
    await page.getByTestId('nav-clients').click();
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('without the launch token nothing is served', async ({ request, webApp }) => {
    const response = await request.get(`${webApp.origin}/`);
    expect(response.status()).toBe(403);
    const wrong = await request.get(`${webApp.origin}/?token=guess`);
    expect(wrong.status()).toBe(403);
  });
});
