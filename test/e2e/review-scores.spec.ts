import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

const SCREENS = '/tmp/advisor-desk-screens';
/** Training on the demo book's outcomes takes seconds, more on a busy machine. */
const TRAINING_MS = 120_000;
const SMALL = 'qwen2.5-0.5b-instruct-q4_k_m.gguf';
const LARGE = 'qwen2.5-1.5b-instruct-q4_k_m.gguf';

/** Retrains until the page lists at least two versions, so the chart has a line to draw. */
async function twoVersions(page: Page): Promise<number> {
  await expect(page.locator('[data-testid="model-version-row"], [data-testid="model-empty"]').first()).toBeVisible({
    timeout: TRAINING_MS,
  });
  let count = await page.getByTestId('model-version-row').count();
  while (count < 2) {
    await page.getByTestId('model-retrain').click();
    count += 1;
    await expect(page.getByTestId('model-version-row')).toHaveCount(count, { timeout: TRAINING_MS });
    await expect(page.getByTestId('model-retrain')).toBeEnabled({ timeout: TRAINING_MS });
  }
  return count;
}

test.describe('model quality and expert review scores', () => {
  test.setTimeout(300_000);

  test('the Model page charts held-out AUC, precision and log loss over versions with the live one marked, and shows review scores by model, tone and language, in English and Chinese', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/model`);
    const count = await twoVersions(page);
    const chart = page.getByTestId('model-chart');
    await expect(chart).toHaveAttribute('data-versions', String(count));
    await expect(chart).toHaveAttribute('data-live', String(count));
    await expect(chart).toHaveAccessibleName(/AUC, precision at \d+ and log loss/);
    await expect(chart.getByText(`Live: v${count}`)).toBeVisible();
    for (const series of ['AUC', 'Log loss']) await expect(chart.getByText(series, { exact: true })).toBeVisible();

    // The demo's months of reviews: both models, the templates, and pairs of reviewers to compare.
    const scores = page.getByTestId('review-scores');
    await expect(scores.getByTestId('review-scores-summary')).toContainText(/\d+ reviews of \d+ drafts; \d+ sent back/);
    await expect(scores.getByTestId('review-scores-summary')).toContainText(
      /differed by more than one point in \d+ of \d+ pairs/,
    );
    const groups = scores.getByTestId('review-scores-group');
    await expect(groups.filter({ hasText: SMALL })).toHaveCount(1);
    await expect(groups.filter({ hasText: LARGE })).toHaveCount(1);
    await expect(groups.last()).toHaveText('Template drafts');
    const small = scores.locator('[data-testid="review-scores-row"]').filter({ hasText: SMALL });
    await expect(small.getByTestId('review-scores-accuracy')).toHaveText(
      /^\d\.\d{2}(95% CI \d\.\d{2}–\d\.\d{2}|all \d+ scored \d\.\d{2})$/,
    );
    await expect(small.getByTestId('review-scores-apart')).toHaveText(/^\d+ of \d+$/);
    await scores.getByTestId('review-scores-dim-tone').click();
    await expect(groups).toContainText(['Warm']);
    await expect(groups.last()).toHaveText('Template drafts');
    await scores.getByTestId('review-scores-dim-model').click();
    await expect(page.getByTestId('snackbar-success')).toBeHidden({ timeout: 15_000 });
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, 'model-page-en-light.png') });
    await page.getByTestId('model-quality').screenshot({ path: path.join(SCREENS, 'model-quality-en-light.png') });
    await scores.screenshot({ path: path.join(SCREENS, 'review-scores-en-light.png') });

    await page.getByTestId('language-switch').click();
    await page.getByTestId('theme-toggle').click();
    await expect(page.getByTestId('model-quality')).toContainText('各版本模型质量');
    await expect(chart.getByText(`生效：v${count}`)).toBeVisible();
    await expect(scores).toContainText('专家复核评分');
    await expect(groups.last()).toHaveText('模板草稿');
    await scores.getByTestId('review-scores-dim-language').click();
    await expect(groups).toContainText(['简体中文']);
    await scores.getByTestId('review-scores-dim-model').click();
    await page.screenshot({ path: path.join(SCREENS, 'model-page-zh-CN-dark.png') });
    await page.getByTestId('model-quality').screenshot({ path: path.join(SCREENS, 'model-quality-zh-CN-dark.png') });
    await scores.screenshot({ path: path.join(SCREENS, 'review-scores-zh-CN-dark.png') });
    expect(consoleErrors).toEqual([]);
  });

  test('the Language models page shows reviewers’ scores of each model’s pitches beside the templates', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/models`);
    const scores = page.getByTestId('review-scores');
    await expect(scores).toContainText('Expert review scores by language model');
    const rows = scores.getByTestId('review-scores-row');
    await expect(rows.filter({ hasText: LARGE })).toHaveCount(1);
    await expect(rows.filter({ hasText: SMALL }).getByTestId('review-scores-sent-back')).toHaveText(/^\d+ \(\d+%\)$/);
    await expect(rows.last()).toHaveAttribute('data-key', 'template');
    // One grouping here: the page is about the models.
    await expect(scores.getByTestId('review-scores-dim-tone')).toHaveCount(0);
    await scores.screenshot({ path: path.join(SCREENS, 'models-page-review-scores-en.png') });
    expect(consoleErrors).toEqual([]);
  });
});
