import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { DEMO_ADVISOR, DEMO_REVIEWER, openApp, switchUser } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;
const SCREENS = '/tmp/advisor-desk-screens';

async function scoreAll(page: Page, score: number): Promise<void> {
  for (const criterion of ['accuracy', 'suitability', 'clarity', 'compliance'])
    await page
      .getByTestId(`review-score-${criterion}`)
      .getByRole('button', { name: String(score), exact: true })
      .click();
}

test.describe('four-eyes review', () => {
  test.setTimeout(240_000);

  test('an advisor submits a draft, a second user reviews, scores and approves it, and the advice record names the reviewer', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    // The administrator asks for review of every draft, so a template draft needs a reviewer too.
    await openApp(page, `${webApp.url}#/settings`);
    const users = page.getByTestId('settings-users');
    await expect(users.getByTestId('user-row')).toHaveCount(7);
    const allDrafts = users.getByTestId('review-policy').getByLabel('All drafts');
    await allDrafts.click();
    await expect(allDrafts).toBeChecked();
    await expect(page.getByTestId('snackbar-success')).toContainText('Review policy saved');

    // The advisor takes over the desk, drafts and submits.
    await switchUser(page, DEMO_ADVISOR);
    await page.getByTestId('nav-clients').click();
    await page.getByTestId('client-row').first().click();
    const row = page.getByTestId('recommendation-row').first();
    await expect(row).toBeVisible({ timeout: FIRST_RANKING_MS });
    await row.getByTestId('recommendation-draft-pitch').click();
    await page.getByTestId('pitch-language').click();
    await page.getByTestId('pitch-language-en').click();
    await page.getByTestId('pitch-draft').click();
    await expect(page.getByTestId('pitch-label')).toHaveAttribute('data-source', 'template', { timeout: 30_000 });
    await expect(page.getByTestId('pitch-approve')).toHaveCount(0);
    await expect(page.getByTestId('pitch-review-required')).toContainText('the institution reviews every draft');
    await page.getByTestId('pitch-submit-review').click();
    await expect(page.getByTestId('pitch-awaiting-review')).toContainText('submitted by 李伟 Li Wei');
    await expect(page.getByTestId('pitch-awaiting-chip')).toBeVisible();
    // The advisor is no reviewer: no review panel for them.
    await expect(page.getByTestId('review-panel')).toHaveCount(0);
    // The client page says the pitch waits for review beside its product.
    await page.getByTestId('pitch-back').click();
    await expect(page.getByTestId('recommendation-awaiting-review')).toHaveCount(1);

    // The reviewer finds it in the waiting list and reviews it beside the facts and the checks.
    await switchUser(page, DEMO_REVIEWER);
    await page.getByTestId('nav-reviews').click();
    const waiting = page.getByTestId('review-waiting-row');
    await expect(waiting).toHaveCount(1);
    await expect(waiting).toContainText('李伟 Li Wei');
    await waiting.getByTestId('review-open').click();
    const panel = page.getByTestId('review-panel');
    await expect(panel).toBeVisible();
    await expect(panel.getByTestId('review-facts').locator('tr').first()).toBeVisible();
    await expect(panel.getByTestId('review-diff')).toContainText('The submitted text is the machine draft unchanged.');
    await expect(panel.getByTestId('review-approve')).toBeDisabled();
    await scoreAll(page, 4);
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, 'pitch-review-panel.png'), fullPage: true });
    await panel.getByTestId('review-approve').click();
    await expect(page.getByTestId('snackbar-success')).toContainText('Approved');
    await expect(page.getByTestId('pitch-version-is-approved')).toContainText('Approved by 张敏 Zhang Min');
    await expect(page.getByTestId('pitch-review')).toHaveCount(1);
    await expect(page.getByTestId('pitch-review').first()).toContainText('Accuracy 4');

    // The client's advice record names the advisor and the reviewer who approved it.
    await page.getByTestId('pitch-back').click();
    const records = page.getByTestId('card-records').getByTestId('advice-record-row');
    // Newest first: the demo's months of history are below it.
    await expect(records.first()).toHaveAttribute('data-kind', 'pitch-approved');
    await expect(records.first()).toContainText('李伟 Li Wei');
    await expect(records.first().getByTestId('advice-record-approver')).toHaveText('张敏 Zhang Min');

    // The waiting list is empty again.
    await page.getByTestId('nav-reviews').click();
    await expect(page.getByTestId('reviews-empty')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('a compliance officer is refused a change to a client, with the rule named', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url, 'CMP-01');
    await page.getByTestId('client-row').first().click();
    await expect(page.getByTestId('client-name')).toBeVisible();
    await page.getByTestId('client-edit').click();
    await page.getByTestId('field-city').fill('Somewhere else');
    await page.getByTestId('client-form-save').click();
    const refusal = page.getByTestId('snackbar-forbidden');
    await expect(refusal).toContainText('Not allowed');
    await expect(refusal).toContainText('Compliance users can read and export advice but not change it.');
    expect(consoleErrors).toEqual([]);
  });
});
