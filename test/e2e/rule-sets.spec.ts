import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

test.describe('suitability rules in Settings', () => {
  test('an edit is saved as a new active version, a bad one names its fields, and an old version can be made active again', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/settings`);
    const section = page.getByTestId('rules-section');
    await expect(section.getByTestId('rules-version-row')).toHaveCount(1);
    await expect(section.getByTestId('rules-key-limits')).toContainText('Highest grade for C3');

    // A bad figure is refused by the backend with the field named, and nothing is stored.
    await section.getByTestId('rules-edit').click();
    const editor = page.getByTestId('rules-editor');
    await editor.getByTestId('rules-name').fill('Too lax');
    await editor.getByTestId('rules-field-minCreditScore').fill('50');
    await editor.getByTestId('rules-save').click();
    await expect(editor.getByTestId('rules-problems')).toContainText('rules.credit.minCreditScore');

    // Fix it, tighten C3, and save: version 2 becomes the active one.
    await editor.getByTestId('rules-field-minCreditScore').fill('680');
    await editor.getByRole('combobox', { name: 'Highest grade for C3' }).click();
    await page.getByRole('option', { name: 'R2', exact: true }).click();
    await editor.getByTestId('rules-name').fill('Cautious C3');
    await editor.getByTestId('rules-save').click();
    await expect(editor).toBeHidden();
    await expect(section.getByTestId('rules-version-row')).toHaveCount(2);
    const v2 = section.locator('[data-testid="rules-version-row"][data-version="2"]');
    await expect(v2).toContainText('Cautious C3');
    await expect(v2.getByTestId('rules-active')).toBeVisible();
    await expect(section.getByTestId('rules-key-limits')).toContainText('680');

    // Roll back to the shipped default.
    await section.getByTestId('rules-activate-1').click();
    await page.getByTestId('rules-confirm').getByTestId('confirm-ok').click();
    await expect(
      section.locator('[data-testid="rules-version-row"][data-version="1"]').getByTestId('rules-active'),
    ).toBeVisible();
    await expect(section.getByTestId('rules-key-limits')).toContainText('600');
    expect(consoleErrors).toEqual([]);
  });
});
