import path from 'node:path';
import type { Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { DATABASE_FILE_NAME } from '../../main/paths';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

/** Training on the demo book's outcomes takes seconds, more on a busy machine. */
const TRAINING_MS = 120_000;

async function versionCount(page: Page): Promise<number> {
  await expect(page.locator('[data-testid="model-version-row"], [data-testid="model-empty"]').first()).toBeVisible({
    timeout: TRAINING_MS,
  });
  return page.getByTestId('model-version-row').count();
}

async function retrain(page: Page, expected: number): Promise<void> {
  await page.getByTestId('model-retrain').click();
  await expect(page.getByTestId('model-version-row')).toHaveCount(expected, { timeout: TRAINING_MS });
  await expect(page.getByTestId('model-retrain')).toBeEnabled({ timeout: TRAINING_MS });
}

test.describe('model page', () => {
  test.setTimeout(300_000);

  test('lists versions with their metrics, retraining adds an active version, and an older one can be made active again', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    await page.getByTestId('nav-model').click();
    await expect(page).toHaveURL(/#\/model$/);
    await expect(page.getByTestId('model-title')).toHaveText('Interest model');

    let count = await versionCount(page);
    await retrain(page, count + 1);
    count += 1;
    if (count < 2) {
      await retrain(page, 2);
      count = 2;
    }
    await expect(page.getByTestId('snackbar-success')).toBeVisible();

    // Newest first, and the newest is the active one, with its held-out figures.
    const rows = page.getByTestId('model-version-row');
    await expect(rows.first()).toHaveAttribute('data-version', String(count));
    await expect(rows.first()).toHaveAttribute('data-active', 'true');
    await expect(rows.first().getByTestId('model-active')).toBeVisible();
    await expect(rows.first().getByTestId('model-metric-auc')).toHaveText(/^0\.\d{3}$/);
    await expect(page.getByTestId('model-chart')).toHaveAttribute('data-versions', String(count));
    // The live version says how its probabilities are recalibrated, and the calibration error before and after.
    await expect(page.getByTestId('model-summary-calibration')).toContainText(
      /moved to the positive rate of the latest training outcomes; calibration error on the later outcomes \d\.\d{3} before, \d\.\d{3} after \(a perfectly calibrated model would show about \d\.\d{3} by chance\)/,
    );

    // Roll back to version 1 through the confirmation.
    await page.getByTestId('model-activate-1').click();
    await page.getByTestId('model-confirm').getByTestId('confirm-ok').click();
    const v1 = page.locator('[data-testid="model-version-row"][data-version="1"]');
    await expect(v1).toHaveAttribute('data-active', 'true');
    await expect(v1.getByTestId('model-active')).toBeVisible();
    await expect(page.locator('[data-testid="model-version-row"][data-active="true"]')).toHaveCount(1);
    await expect(page.getByTestId(`model-activate-${count}`)).toBeVisible();
    await expect(page.getByTestId('model-summary-version')).toContainText('v1');
    // The quality chart marks the version live now.
    await expect(page.getByTestId('model-chart')).toHaveAttribute('data-live', '1');
    expect(consoleErrors).toEqual([]);
  });

  test('the Chinese interface names the page and its actions in Chinese', async ({ page, webApp, consoleErrors }) => {
    await openApp(page, `${webApp.url}#/model`);
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('model-title')).toHaveText('意向模型');
    await expect(page.getByTestId('model-retrain')).toHaveText('立即重新训练');
    await expect(page.getByTestId('nav-model')).toHaveText('模型');
    expect(consoleErrors).toEqual([]);
  });

  test('a retrain that predicts worse than the live version is kept out of service with both figures, until the advisor makes it live', async ({
    page,
    webApp,
    dataDir,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/model`);
    const count = await versionCount(page);
    await retrain(page, count + 1);
    const live = page.locator('[data-testid="model-version-row"][data-active="true"]');
    const liveVersion = Number(await live.getAttribute('data-version'));

    // After the live version's training, the latest half of the outcomes again: first recorded the wrong way round,
    // then as they were. A model trained across the contradiction predicts the latest outcomes worse.
    const store = new Database(path.join(dataDir, DATABASE_FILE_NAME));
    try {
      const rows = store
        .prepare(
          `SELECT * FROM interactions WHERE outcome IS NOT NULL AND undone_at IS NULL ORDER BY occurred_at DESC, id DESC`,
        )
        .all() as Record<string, unknown>[];
      const latest = rows.slice(0, Math.ceil(rows.length / 2)).reverse();
      let at = Date.parse(String(rows[0]!.occurred_at));
      const insert = store.prepare(
        `INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, score, outcome, advisor_id, note, context_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      store.transaction(() => {
        for (const flip of [true, false])
          for (const r of latest) {
            at += 60_000;
            const positive = r.outcome === 'accepted' || r.outcome === 'interested';
            insert.run(
              `${String(r.id)}-${flip ? 'flipped' : 'again'}`,
              r.client_id,
              r.product_id,
              new Date(at).toISOString(),
              r.channel,
              r.policy,
              r.score,
              flip ? (positive ? 'declined' : 'interested') : r.outcome,
              r.advisor_id,
              r.note,
              r.context_json,
            );
          }
      })();
    } finally {
      store.close();
    }

    await retrain(page, count + 2);
    const result = page.getByTestId('model-retrain-comparison');
    await expect(result).toHaveAttribute('data-kept', 'true');
    await expect(result).toContainText(
      /New version \d\.\d{3} AUC vs live \d\.\d{3} on the same [\d,]+ held-out outcomes/,
    );
    await expect(result).toContainText(`kept the live version (version ${liveVersion})`);
    await expect(result).toContainText(/Log loss: new version \d\.\d{3}, live \d\.\d{3}/);
    await expect(live).toHaveAttribute('data-version', String(liveVersion));
    const kept = page.locator(`[data-testid="model-version-row"][data-version="${liveVersion + 1}"]`);
    await expect(kept.getByTestId('model-kept')).toContainText(`worse than v${liveVersion}`);
    await page.screenshot({ path: '/tmp/advisor-desk-screens/model-retrain-kept.png', fullPage: true });

    // Making it live asks first, then the new version is the live one.
    await result.getByTestId('model-make-live').click();
    const confirm = page.getByTestId('model-make-live-confirm');
    await expect(confirm).toContainText('scored worse');
    await confirm.getByTestId('confirm-ok').click();
    await expect(live).toHaveAttribute('data-version', String(liveVersion + 1));
    await expect(result).toHaveCount(0);
    await expect(kept.getByTestId('model-active')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });
});
