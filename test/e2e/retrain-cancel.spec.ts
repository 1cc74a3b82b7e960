import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { testModelPath } from '../fixtures/test-models';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';
import { advisorDesk, importAndLoadModel } from './support/language-model-steps';
import { startWebApp } from './support/web-app';

const SCREENS = '/tmp/advisor-desk-screens';

test.describe('cancelling a retrain with language-model signals', () => {
  test.setTimeout(180_000);

  test('the Model page offers Cancel beside the progress bar; cancelling says the active version is unchanged and keeps the versions as they were', async ({
    page,
    dataDir,
    consoleErrors,
  }) => {
    const db = path.join(dataDir, 'advisor-desk.sqlite');
    advisorDesk(['seed', '--db', db]);
    // Version 1, without signals. The whole demo book is kept: its signals would run for about a minute.
    advisorDesk(['train', '--db', db]);
    const model = await testModelPath();

    const app = await startWebApp(dataDir);
    try {
      await openApp(page, app.url);
      await importAndLoadModel(page, model);

      await page.getByTestId('nav-model').click();
      const rows = page.getByTestId('model-version-row');
      await expect(rows.first()).toBeVisible({ timeout: 60_000 });
      const versionsOf = async () =>
        rows.evaluateAll((els) =>
          els.map((el) => `${el.getAttribute('data-version')}:${el.getAttribute('data-active')}`),
        );
      const before = await versionsOf();
      expect(before).toEqual(['1:true']);

      const withSignals = page.getByTestId('model-retrain-llm');
      const plain = page.getByTestId('model-retrain');
      await withSignals.click();
      // The determinate bar shows once the first clients' signals are in, with Cancel beside it.
      await expect(page.getByTestId('model-signals-bar')).toBeVisible({ timeout: 60_000 });
      const cancel = page.getByTestId('model-retrain-cancel');
      await expect(cancel).toBeVisible();
      await expect(cancel).toHaveText('Cancel');
      await expect(withSignals).toBeDisabled();
      fs.mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENS, 'model-retrain-cancel-running.png') });

      await cancel.click();
      await expect(page.getByTestId('model-retrain-cancelled')).toHaveText(
        'Retrain cancelled. The active version is unchanged.',
        { timeout: 60_000 },
      );
      await expect(page.getByTestId('model-retraining')).toHaveCount(0);
      await expect(page.getByTestId('model-retrain-error')).toHaveCount(0);
      await expect(withSignals).toBeEnabled();
      await expect(plain).toBeEnabled();
      expect(await versionsOf()).toEqual(before);
      await page.screenshot({ path: path.join(SCREENS, 'model-retrain-cancelled.png') });
      // The same message for an advisor reading Chinese.
      await page.getByTestId('language-switch').click();
      await expect(page.getByTestId('model-retrain-cancelled')).toHaveText('已取消重新训练。当前生效的版本保持不变。');
      await page.screenshot({ path: path.join(SCREENS, 'model-retrain-cancelled-zh.png') });
    } finally {
      await app.stop();
    }
    // Nothing was stored behind the page's back either.
    const store = new Database(db, { readonly: true });
    try {
      expect(store.prepare('SELECT version, active FROM model_versions ORDER BY version').all()).toEqual([
        { version: 1, active: 1 },
      ]);
    } finally {
      store.close();
    }
    expect(consoleErrors).toEqual([]);
  });
});
