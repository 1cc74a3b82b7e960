import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';
import { startWebApp } from './support/web-app';

test.describe('clients in browser mode', () => {
  test('opens on the demo data and finds a client by searching', async ({ page, webApp, consoleErrors }) => {
    await openApp(page, webApp.url);
    const rows = page.getByTestId('client-row');
    await expect(rows.first()).toBeVisible();
    await expect(page.getByTestId('client-count')).toContainText(/\d+/);
    const totalBefore = await page.getByTestId('client-count').innerText();

    // Search for the name shown on the fourth row: it must come back first, and the list must shrink.
    const target = rows.nth(3);
    const targetId = await target.getAttribute('data-client-id');
    const targetName = (await target.getByTestId('client-row-name').innerText()).trim();
    await page.getByTestId('client-search').fill(targetName);
    await expect(page.locator(`[data-testid="client-row"][data-client-id="${targetId}"]`)).toBeVisible();
    await expect(page.getByTestId('client-count')).not.toHaveText(totalBefore);
    expect(consoleErrors).toEqual([]);
  });

  test('an edited field persists across a restart of the backend', async ({ page, webApp, dataDir, consoleErrors }) => {
    await openApp(page, webApp.url);
    const first = page.getByTestId('client-row').first();
    await expect(first).toBeVisible();
    const clientId = await first.getAttribute('data-client-id');
    await first.click();
    await expect(page.getByTestId('client-name')).toBeVisible();

    await page.getByTestId('client-edit').click();
    await page.getByTestId('field-city').fill('Lüderitz 7');
    await page.getByTestId('client-form-save').click();
    await expect(page.getByTestId('client-form-save')).toBeHidden();
    await expect(page.getByTestId('client-summary')).toContainText('Lüderitz 7');
    await page.getByTestId('client-details-toggle').click();
    await expect(page.getByTestId('card-identity').getByText('Lüderitz 7')).toBeVisible();

    // Leave the page first: a page left open would (rightly) log its failed reconnects while the backend is down.
    await page.goto('about:blank');
    await webApp.stop();
    const restarted = await startWebApp(dataDir);
    try {
      await openApp(page, restarted.url);
      await expect(page.getByTestId('client-row').first()).toBeVisible();
      await openApp(page, `${restarted.origin}/#/clients/${clientId}`);
      await expect(page.getByTestId('client-name')).toBeVisible();
      await page.getByTestId('client-details-toggle').click();
      await expect(page.getByTestId('card-identity').getByText('Lüderitz 7')).toBeVisible();
    } finally {
      await page.goto('about:blank');
      await restarted.stop();
    }
    expect(consoleErrors).toEqual([]);
  });

  test('a bad email is refused with a message at the field and nothing is saved', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    await page.getByTestId('client-row').first().click();
    await page.getByTestId('client-edit').click();
    const email = page.getByTestId('field-email');
    const original = await email.inputValue();
    await email.fill('not-an-email');
    await page.getByTestId('client-form-save').click();
    await expect(page.getByTestId('field-error-email')).toContainText(/email/i);
    await page.getByTestId('client-form-cancel').click();

    await page.reload();
    await page.getByTestId('client-edit').click();
    await expect(page.getByTestId('field-email')).toHaveValue(original);
    expect(consoleErrors).toEqual([]);
  });
});
