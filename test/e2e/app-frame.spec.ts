import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';
import { startWebApp } from './support/web-app';

test.describe('app frame', () => {
  test('switches to Simplified Chinese, renders it with the bundled font, and remembers the choice', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
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
    await openApp(page, webApp.url);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await page.getByTestId('nav-products').click();
    await expect(page.getByTestId('product-row').first()).toBeVisible();
    await page.getByTestId('nav-meetings').click();
    await expect(page.getByTestId('agenda-row').first()).toBeVisible();
    await page.getByTestId('nav-settings').click();
    await page.getByTestId('theme-toggle').click();
    await page.getByTestId('nav-clients').click();
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    expect(foreign).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('the address opens the app, leaves the address bar, and a reload or a second tab keeps working', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    expect(page.url()).not.toContain('token');
    await page.reload();
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    const second = await page.context().newPage();
    await openApp(second, `${webApp.origin}/#/products`);
    await expect(second.getByTestId('product-row').first()).toBeVisible();
    await second.close();
    expect(consoleErrors).toEqual([]);
  });

  test('a used address, opened in another browser, is refused and says how to get a new one', async ({
    browser,
    page,
    webApp,
  }) => {
    await openApp(page, webApp.url);
    await expect(page.getByTestId('client-row').first()).toBeVisible();

    const elsewhere = await browser.newContext();
    try {
      const other = await elsewhere.newPage();
      const errors: string[] = [];
      other.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      other.on('pageerror', (error) => errors.push(error.message));
      await other.goto(webApp.url);
      const refused = other.getByTestId('browser-session-refused');
      await expect(refused).toContainText('This address has already been used');
      await expect(refused).toContainText('Open the newest address in the terminal');
      await expect(other.getByTestId('client-row')).toHaveCount(0);
      expect(other.url()).not.toContain('token');

      // The way back it names: the address printed when the first one was opened opens the app here.
      await openApp(other, await webApp.nextAddress());
      await expect(other.getByTestId('client-row').first()).toBeVisible();
      expect(errors).toEqual([]);
    } finally {
      await elsewhere.close();
    }
    // The first browser's session is untouched.
    await page.reload();
    await expect(page.getByTestId('client-row').first()).toBeVisible();
  });

  test('a page left open while browser mode restarts says its session ended instead of staying blank', async ({
    page,
    webApp,
    dataDir,
  }) => {
    await openApp(page, webApp.url);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    // The same port, so the open page reconnects to the new launch with the session of the old one.
    await webApp.stop();
    const restarted = await startWebApp(dataDir, ['--port', String(webApp.port)]);
    try {
      const refused = page.getByTestId('browser-session-refused');
      await expect(refused).toContainText('Browser mode was restarted', { timeout: 30_000 });
      await expect(refused).toContainText('Open the newest address in the terminal');
      await openApp(page, restarted.url);
      await expect(page.getByTestId('client-row').first()).toBeVisible();
    } finally {
      await page.goto('about:blank');
      await restarted.stop();
    }
  });

  test('the page without an address says where to find one', async ({ page, webApp, consoleErrors }) => {
    await page.goto(`${webApp.origin}/`);
    await expect(page.getByTestId('browser-session-refused')).toContainText('Open the address browser mode printed');
    await expect(page.getByTestId('client-row')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('a Chinese browser reads the refusal in Chinese, in the app’s own Chinese font', async ({ browser, webApp }) => {
    const chinese = await browser.newContext({ locale: 'zh-CN' });
    try {
      const page = await chinese.newPage();
      await page.goto(`${webApp.origin}/`);
      const refused = page.getByTestId('browser-session-refused');
      await expect(refused).toContainText('浏览器模式');
      // Outside the settings' theme the page fell back to a font with no Chinese: every character was a box.
      const family = await refused.evaluate((el) => getComputedStyle(el).fontFamily);
      expect(family).toContain('Noto Sans SC');
      await expect
        .poll(() => page.evaluate(async () => (await document.fonts.load('14px "Noto Sans SC"', '浏览器')).length))
        .toBeGreaterThan(0);
    } finally {
      await chinese.close();
    }
  });
});
