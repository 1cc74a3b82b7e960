import { test, expect } from './support/fixtures';
import { recordReaction } from './support/client-page';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

/**
 * What an advisor records besides a pitch: a reaction clicked by mistake is taken back; the ranking is marked as
 * presented to the client, which makes an advice record; a record is corrected by a new one that names it.
 */
test.describe('advice records on the client page', () => {
  test.setTimeout(180_000);

  test('undoes a reaction, records the ranking as presented, and corrects that record', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    await page.getByTestId('client-row').first().click();
    await expect(page.getByTestId('recommendation-row').first()).toBeVisible({ timeout: FIRST_RANKING_MS });
    const interactions = page.getByTestId('card-interactions').getByTestId('interaction-row');
    const before = await interactions.count();

    // A wrong click, taken back: the interaction goes, the undo bar with it.
    await recordReaction(page.getByTestId('recommendation-row').first(), 'declined');
    await expect(interactions).toHaveCount(before + 1);
    const undoBar = page.getByTestId('reaction-undo-bar');
    await expect(undoBar).toBeVisible();
    await undoBar.getByTestId('reaction-undo').click();
    await expect(page.getByTestId('snackbar-success')).toContainText('Reaction taken back');
    await expect(undoBar).toHaveCount(0);
    await expect(interactions).toHaveCount(before);

    // The ranking on screen, presented to the client without a pitch: an advice record of it.
    const records = page.getByTestId('card-records').getByTestId('advice-record-row');
    const recordsBefore = await records.count();
    await page.getByTestId('present-ranking').click();
    const dialog = page.getByTestId('present-dialog');
    await expect(dialog).toContainText('recommended products');
    await dialog.getByTestId('present-note').fill('Walked through the top three at the branch.');
    await dialog.getByTestId('present-confirm').click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId('present-ranking')).toBeDisabled();
    await expect(records).toHaveCount(recordsBefore + 1);
    const presented = records.first();
    await expect(presented).toHaveAttribute('data-kind', 'ranking-presented');
    await expect(presented).toContainText('products recommended');

    // A correction names the record; the record itself stays and says it was corrected.
    const presentedId = await presented.getAttribute('data-record-id');
    await presented.getByTestId('record-correct').click();
    const correction = page.getByTestId('correction-dialog');
    await correction.getByTestId('correction-reason').fill('The meeting was by video call, not at the branch.');
    await correction.getByTestId('correction-field').fill('How it was presented');
    await correction.getByTestId('correction-was').fill('at the branch');
    await correction.getByTestId('correction-now').fill('by video call');
    await correction.getByTestId('correction-save').click();
    await expect(correction).toBeHidden();
    await expect(records).toHaveCount(recordsBefore + 2);
    await expect(records.first()).toHaveAttribute('data-kind', 'correction');
    await expect(records.first()).toContainText(`Corrects ${presentedId}`);
    await expect(page.locator(`[data-record-id="${presentedId}"]`).getByTestId('record-corrected')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
