import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { testModelPath } from '../fixtures/test-models';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';
import { advisorDesk, importAndLoadModel } from './support/language-model-steps';
import { startWebApp } from './support/web-app';

const SCREENS = '/tmp/advisor-desk-screens';

test.describe('recommendations of a version trained with a language model', () => {
  test.setTimeout(180_000);

  test('tell the advisor which model to load for its signals, use them once it is loaded, and retrain with them from the Model page', async ({
    page,
    dataDir,
    consoleErrors,
  }) => {
    const db = path.join(dataDir, 'advisor-desk.sqlite');
    advisorDesk(['seed', '--db', db]);
    // The first 40 clients' outcomes keep the signals to seconds (the whole demo book takes about a minute).
    const store = new Database(db);
    store
      .prepare('DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT 40)')
      .run();
    store.close();
    const model = await testModelPath();
    advisorDesk(['train', '--db', db, '--model', model]);

    const app = await startWebApp(dataDir);
    try {
      await openApp(page, app.url);
      await page.getByTestId('client-row').first().click();
      await expect(page.getByTestId('recommendation-row').first()).toBeVisible({ timeout: 60_000 });
      const line = page.getByTestId('card-recommendations').getByTestId('recommendation-language-model');
      await expect(line).toHaveAttribute('data-used', 'false');
      await expect(line).toContainText(
        `Trained with the language model ${path.basename(model)}: load it to use its signals`,
      );
      const clientPage = page.url();
      // The Model page offers a retrain with signals only while a language model is loaded.
      await page.getByTestId('nav-model').click();
      await expect(page.getByTestId('model-version-row').first()).toBeVisible({ timeout: 60_000 });
      const versions = await page.getByTestId('model-version-row').count();
      await expect(page.getByTestId('model-retrain-llm')).toHaveCount(0);

      // Load the model that made the version: the client page now ranks with its signals.
      await importAndLoadModel(page, model);
      await page.getByTestId('nav-model').click();
      const withSignals = page.getByTestId('model-retrain-llm');
      await expect(withSignals).toBeVisible();
      fs.mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENS, 'model-page-llm.png') });
      await withSignals.click();
      await expect(page.getByTestId('model-retraining')).toContainText(path.basename(model));
      await expect(page.getByTestId('model-version-row')).toHaveCount(versions + 1, { timeout: 120_000 });
      await expect(withSignals).toBeEnabled({ timeout: 60_000 });

      await openApp(page, clientPage);
      // The ranking without signals shows first, saying the signals are being worked out; then the one with them.
      await expect(page.getByTestId('recommendation-row').first()).toBeVisible({ timeout: 60_000 });
      await expect(line).toHaveAttribute('data-used', 'true', { timeout: 60_000 });
      await expect(line).toHaveAttribute('data-pending', 'false');
      await expect(line).toContainText(`Language-model signals: ${path.basename(model)}`);
      await page.getByTestId('card-recommendations').screenshot({ path: path.join(SCREENS, 'reco-card-llm.png') });
    } finally {
      await app.stop();
    }
    expect(consoleErrors).toEqual([]);
  });
});
