import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { testModelPath } from '../fixtures/test-models';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';
import { advisorDesk, importAndLoadModel } from './support/language-model-steps';
import { startWebApp } from './support/web-app';

const SCREENS = '/tmp/advisor-desk-screens';

/** What the Model page shows while a retrain with signals runs: the info box, the progress bar, Cancel, no way to start another. */
async function expectRetrainShown(page: Page): Promise<void> {
  await expect(page.getByTestId('model-retraining')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('model-retraining')).toHaveAttribute('data-language-model', 'true');
  await expect(page.getByTestId('model-signals-bar')).toBeVisible();
  await expect(page.getByTestId('model-signals-progress')).toContainText(/Signals worked out for \d+ of \d+ clients/);
  await expect(page.getByTestId('model-retrain-cancel')).toHaveText('Cancel');
  await expect(page.getByTestId('model-retrain-llm')).toBeDisabled();
  await expect(page.getByTestId('model-retrain')).toBeDisabled();
}

async function expectIdle(page: Page): Promise<void> {
  await expect(page.getByTestId('model-retraining')).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('model-retrain-llm')).toBeEnabled();
  await expect(page.getByTestId('model-retrain')).toBeEnabled();
  await expect(page.getByTestId('model-retrain-error')).toHaveCount(0);
}

test.describe('a retrain with language-model signals outlives the page that started it', () => {
  test.setTimeout(180_000);

  test('after navigating away and back, and in a second window, the Model page shows the running retrain with its progress and Cancel', async ({
    page,
    dataDir,
    consoleErrors,
  }) => {
    const db = path.join(dataDir, 'advisor-desk.sqlite');
    advisorDesk(['seed', '--db', db]);
    // Version 1, without signals. The whole demo book is kept, so the signals run long enough to look at.
    advisorDesk(['train', '--db', db]);
    const model = await testModelPath();

    const app = await startWebApp(dataDir);
    const second = await page.context().newPage();
    const secondErrors: string[] = [];
    second.on('console', (message) => message.type() === 'error' && secondErrors.push(message.text()));
    second.on('pageerror', (error) => secondErrors.push(error.message));
    try {
      await openApp(page, app.url);
      await importAndLoadModel(page, model);

      await page.getByTestId('nav-model').click();
      await expect(page.getByTestId('model-version-row').first()).toBeVisible({ timeout: 60_000 });
      await expectIdle(page);
      await page.getByTestId('model-retrain-llm').click();
      await expect(page.getByTestId('model-signals-bar')).toBeVisible({ timeout: 60_000 });

      // Away to Clients: the Model page and all its state are gone.
      await page.getByTestId('nav-clients').click();
      await expect(page.getByTestId('client-count')).toBeVisible();
      await expect(page.getByTestId('model-title')).toHaveCount(0);
      // And back: the page learns of the retrain from the backend.
      await page.getByTestId('nav-model').click();
      await expectRetrainShown(page);
      fs.mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENS, 'model-retrain-status-back.png') });

      // A second window opened now shows the same retrain.
      await openApp(second, app.url);
      await second.getByTestId('nav-model').click();
      await expectRetrainShown(second);
      await second.screenshot({ path: path.join(SCREENS, 'model-retrain-status-second-window.png') });

      // Cancelled from the page that came back: it says so, and both windows offer Retrain again.
      await page.getByTestId('model-retrain-cancel').click();
      await expect(page.getByTestId('model-retrain-cancelled')).toHaveText(
        'Retrain cancelled. The active version is unchanged.',
        { timeout: 60_000 },
      );
      await expectIdle(page);
      await expectIdle(second);
      await expect(page.getByTestId('model-version-row')).toHaveCount(1);
      // Transitions finished, so the buttons look as enabled as they are.
      await page.screenshot({ path: path.join(SCREENS, 'model-retrain-status-cancelled.png'), animations: 'disabled' });
    } finally {
      await second.close();
      // Leave the page first: a page left open would (rightly) log its failed reconnects while the backend stops.
      await page.goto('about:blank');
      await app.stop();
    }
    expect(secondErrors).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });
});
