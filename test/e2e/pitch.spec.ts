import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { testModelPath } from '../fixtures/test-models';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;
const SCREENS = '/tmp/advisor-desk-screens';

/** Opens the first client and the pitch editor of its best-ranked product; answers the product's id. */
async function openPitchEditor(page: Page, url: string): Promise<string> {
  await openApp(page, url);
  await page.getByTestId('client-row').first().click();
  const row = page.getByTestId('recommendation-row').first();
  await expect(row).toBeVisible({ timeout: FIRST_RANKING_MS });
  const productId = (await row.getAttribute('data-product-id')) ?? '';
  await expect(row.getByTestId('recommendation-draft-pitch')).toBeVisible();
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.getByTestId('card-recommendations').screenshot({ path: path.join(SCREENS, 'client-draft-pitch.png') });
  await row.getByTestId('recommendation-draft-pitch').click();
  await expect(page).toHaveURL(new RegExp(`#/clients/[^/]+/pitch/${productId}$`));
  await expect(page.getByTestId('pitch-draft')).toBeVisible();
  return productId;
}

async function chooseLanguage(page: Page, language: 'en' | 'zh-CN'): Promise<void> {
  await page.getByTestId('pitch-language').click();
  await page.getByTestId(`pitch-language-${language}`).click();
}

async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENS, name), fullPage: true });
}

test.describe('pitch editor', () => {
  test.setTimeout(240_000);

  test('without a model drafts a labelled template that passes the lint and can be approved; an edit with a forbidden claim is marked and blocks approval; versions are kept', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openPitchEditor(page, webApp.url);
    await expect(page.getByTestId('pitch-empty')).toBeVisible();
    await expect(page.getByTestId('pitch-no-model-hint')).toBeVisible();
    await chooseLanguage(page, 'en');
    await page.getByTestId('pitch-draft').click();

    const label = page.getByTestId('pitch-label');
    await expect(label).toHaveAttribute('data-source', 'template', { timeout: 30_000 });
    await expect(label).toContainText('Template draft');
    await expect(page.getByTestId('pitch-field-headline')).not.toHaveValue('');
    await expect(page.getByTestId('pitch-field-body')).not.toHaveValue('');
    await expect(page.getByTestId('pitch-list-risks').locator('textarea:not([aria-hidden])').first()).not.toHaveValue(
      '',
    );
    await expect(page.getByTestId('pitch-issue').and(page.locator('[data-severity="blocking"]'))).toHaveCount(0);
    await expect(page.getByTestId('pitch-version')).toHaveCount(1);
    await screenshot(page, 'pitch-en-template.png');

    // A promise of returns is a blocking problem: listed, marked where it is, and approval says why it is refused.
    const headline = page.getByTestId('pitch-field-headline');
    const original = await headline.inputValue();
    await headline.fill(`${original} Guaranteed returns, risk-free`);
    const blocking = page.locator('[data-testid="pitch-issue"][data-severity="blocking"]');
    await expect(blocking.first()).toBeVisible();
    await expect(blocking.first()).toHaveAttribute('data-rule', 'forbidden-claim');
    await expect(page.getByTestId('pitch-field-headline-box').getByTestId('pitch-highlight').first()).toHaveAttribute(
      'data-severity',
      'blocking',
    );
    await expect(page.getByTestId('pitch-field-headline-box')).toHaveAttribute('data-severity', 'blocking');
    await expect(page.getByTestId('pitch-approve')).toBeDisabled();
    await expect(page.getByTestId('pitch-approve-reason')).toContainText('blocking problem');
    await screenshot(page, 'pitch-en-blocking.png');

    // Saved, the edit is version 2 and still cannot be approved; version 1 is still there, unchanged.
    await page.getByTestId('pitch-save').click();
    await expect(page.getByTestId('pitch-version')).toHaveCount(2);
    await expect(page.locator('[data-testid="pitch-version"][data-version="2"]')).toHaveAttribute(
      'data-source',
      'advisor',
    );
    await expect(page.getByTestId('pitch-approve')).toBeDisabled();
    await page.locator('[data-testid="pitch-version"][data-version="1"]').click();
    await expect(headline).toHaveValue(original);
    await expect(page.getByTestId('pitch-approve-reason')).toContainText('Only the latest version');

    // Putting the original headline back clears the problem; saved as version 3, it can be approved.
    await page.locator('[data-testid="pitch-version"][data-version="2"]').click();
    await headline.fill(original);
    await expect(blocking).toHaveCount(0);
    await page.getByTestId('pitch-save').click();
    await expect(page.getByTestId('pitch-version')).toHaveCount(3);
    await expect(page.getByTestId('pitch-approve')).toBeEnabled();
    await page.getByTestId('pitch-approve').click();
    await expect(page.getByTestId('pitch-approved')).toContainText('version 3');
    await expect(page.getByTestId('pitch-version-is-approved')).toBeVisible();

    // Drafting again does not replace what is there: it becomes version 4.
    await page.getByTestId('pitch-draft').click();
    await expect(page.locator('[data-testid="pitch-version"][data-version="4"]')).toHaveAttribute(
      'data-source',
      'template',
      { timeout: 30_000 },
    );
    await expect(page.getByTestId('pitch-version')).toHaveCount(4);
    // Version 3 keeps its approval: the header still names it, its entry in the history keeps the badge, and
    // opening it shows who approved it rather than a reason it cannot be approved.
    await expect(page.getByTestId('pitch-approved')).toContainText('version 3');
    await expect(
      page.locator('[data-testid="pitch-version"][data-version="3"]').getByTestId('pitch-version-approved'),
    ).toBeVisible();
    await expect(
      page.locator('[data-testid="pitch-version"][data-version="4"]').getByTestId('pitch-version-approved'),
    ).toHaveCount(0);
    await page.locator('[data-testid="pitch-version"][data-version="3"]').click();
    await expect(page.getByTestId('pitch-version-is-approved')).toContainText('Approved by 陈静 Chen Jing');
    await expect(page.getByTestId('pitch-approve-reason')).toHaveCount(0);

    // The approval left an advice record, listed on the client's page with its hash.
    await page.getByTestId('pitch-back').click();
    const records = page.getByTestId('card-records').getByTestId('advice-record-row');
    // Newest first: the demo's months of history are below it.
    await expect(records.first()).toHaveAttribute('data-kind', 'pitch-approved');
    await expect(records.first()).toContainText('陈静 Chen Jing');
    expect(consoleErrors).toEqual([]);
  });

  test('opens in the language chosen, drafts again into that language without a second version 1, keeps unsaved edits through a reload and asks before leaving', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    const productId = await openPitchEditor(page, webApp.url);
    const versions = () =>
      page.getByTestId('pitch-version').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-version'))));
    const label = page.getByTestId('pitch-label');

    // A Chinese draft, then English chosen: the page shows English, not the Chinese draft updated last.
    await chooseLanguage(page, 'zh-CN');
    await page.getByTestId('pitch-draft').click();
    await expect(label).toHaveAttribute('lang', 'zh-CN', { timeout: 30_000 });
    await chooseLanguage(page, 'en');
    await expect(label.or(page.getByTestId('pitch-empty')).first()).toBeVisible();
    await expect(page.locator('[data-testid="pitch-label"][lang="zh-CN"]')).toHaveCount(0);
    await page.getByTestId('pitch-draft').click();
    await expect(label).toHaveAttribute('lang', 'en', { timeout: 30_000 });
    const before = await versions();

    // Reopened, it is in English as chosen; drafting again adds the next English version.
    await page.reload();
    await expect(label).toHaveAttribute('lang', 'en', { timeout: 30_000 });
    await page.getByTestId('pitch-draft').click();
    await expect(page.getByTestId('pitch-version')).toHaveCount(before.length + 1, { timeout: 30_000 });
    const after = await versions();
    expect(new Set(after).size).toBe(after.length);
    expect(Math.max(...after)).toBe(Math.max(...before) + 1);
    expect(after.filter((v) => v === 1)).toHaveLength(1);

    // An edit shows as a change to the machine draft, and survives a reload (which asks first).
    const body = page.getByTestId('pitch-field-body');
    const added = 'We can meet at the branch on Friday.';
    await body.fill(`${await body.inputValue()} ${added}`);
    await expect(page.getByTestId('pitch-diff').locator('[data-diff="added"]')).toContainText(added);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type());
      void dialog.accept();
    });
    await page.reload();
    await expect(body).toHaveValue(new RegExp(`${added}$`), { timeout: 30_000 });
    await expect(page.getByTestId('pitch-restored')).toBeVisible();
    await expect(page.getByTestId('pitch-unsaved')).toBeVisible();

    // Leaving asks; staying keeps the page and the edit, leaving goes, and coming back brings the edit back.
    await page.getByTestId('pitch-back').click();
    const leave = page.getByTestId('pitch-leave-confirm');
    await expect(leave).toBeVisible();
    await screenshot(page, 'pitch-leave-prompt.png');
    await leave.getByTestId('confirm-cancel').click();
    await expect(page).toHaveURL(new RegExp(`/pitch/${productId}$`));
    await expect(body).toHaveValue(new RegExp(`${added}$`));
    await page.getByTestId('pitch-back').click();
    await leave.getByTestId('confirm-ok').click();
    await expect(page).not.toHaveURL(/\/pitch\//);
    await page.goBack();
    await expect(body).toHaveValue(new RegExp(`${added}$`), { timeout: 30_000 });
    await screenshot(page, 'pitch-en-diff.png');

    // Saved, the local draft is gone: a reload shows the saved version with no restored edit.
    await page.getByTestId('pitch-save').click();
    await expect(page.getByTestId('pitch-version')).toHaveCount(after.length + 1);
    await page.reload();
    await expect(body).toHaveValue(new RegExp(`${added}$`), { timeout: 30_000 });
    await expect(page.getByTestId('pitch-restored')).toHaveCount(0);
    await expect(page.getByTestId('pitch-unsaved')).toHaveCount(0);
    expect(dialogs).toContain('beforeunload');
    expect(consoleErrors).toEqual([]);
  });

  test('in the Chinese interface a Chinese template draft is labelled in Chinese and rendered with the bundled font', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openPitchEditor(page, webApp.url);
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('pitch-draft')).toHaveText('起草');
    await chooseLanguage(page, 'zh-CN');
    await page.getByTestId('pitch-draft').click();
    const label = page.getByTestId('pitch-label');
    await expect(label).toHaveAttribute('data-source', 'template', { timeout: 30_000 });
    await expect(label).toContainText('模板');
    const headline = await page.getByTestId('pitch-field-headline').inputValue();
    expect(headline).toMatch(/[\u4e00-\u9fff]/);
    await expect(page.locator('[data-testid="pitch-issue"][data-severity="blocking"]')).toHaveCount(0);
    await expect(page.getByTestId('pitch-approve')).toBeEnabled();
    // The machine has no CJK fonts: the draft's Chinese must come from the self-hosted Noto Sans SC, not boxes.
    const sample = headline.slice(0, 8);
    const hasFont = await page.evaluate(async (text) => {
      await document.fonts.ready;
      await document.fonts.load('16px "Noto Sans SC"', text);
      return document.fonts.check('16px "Noto Sans SC"', text);
    }, sample);
    expect(hasFont).toBe(true);
    const family = await page.getByTestId('pitch-field-headline').evaluate((el) => getComputedStyle(el).fontFamily);
    expect(family).toContain('Noto Sans SC');
    await screenshot(page, 'pitch-zh-template.png');
    expect(consoleErrors).toEqual([]);
  });

  /** Copies a generated model into the app's models folder, loads it on the Language models page and opens a pitch. */
  async function loadModelAndOpenPitch(page: Page, url: string, dataDir: string, source: string, file: string) {
    const folder = path.join(dataDir, 'models');
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(source, path.join(folder, file));
    await openApp(page, `${url}#/models`);
    const row = page.locator(`[data-testid="llm-file-row"][data-file="${file}"]`);
    await row.getByTestId('llm-file-load').click();
    await expect(page.getByTestId('llm-status-chip')).toHaveAttribute('data-state', 'loaded', { timeout: 90_000 });
    await openPitchEditor(page, url);
    await expect(page.getByTestId('pitch-no-model-hint')).toHaveCount(0);
    await chooseLanguage(page, 'en');
  }

  test('with a model loaded the text streams in and Stop ends the draft', async ({
    page,
    webApp,
    dataDir,
    consoleErrors,
  }) => {
    // A 0.5B-shaped model writes a few dozen tokens a second here, so a long draft is still running when Stop is
    // pressed; the tiny one finishes a whole long draft in a second or two, before a click can land.
    await loadModelAndOpenPitch(page, webApp.url, dataDir, await testModelPath({ preset: '0.5b' }), 'half-b.gguf');
    await page.getByTestId('pitch-length').click();
    await page.getByTestId('pitch-length-long').click();
    await page.getByTestId('pitch-draft').click();
    const stream = page.getByTestId('pitch-stream');
    await expect(page.getByTestId('pitch-stream-card')).toHaveAttribute('data-source', 'model');
    await expect(stream).toContainText('{', { timeout: 60_000 });
    const early = (await stream.textContent()) ?? '';
    await expect
      .poll(async () => ((await stream.textContent()) ?? '').length, { timeout: 60_000 })
      .toBeGreaterThan(early.length);
    await page.getByTestId('pitch-stop').click();
    // Stopped: either nothing usable was kept (said so) or what was written was closed and kept as a version whose
    // label says it was stopped early.
    const stopped = page.getByTestId('pitch-stopped');
    const partial = page.locator('[data-testid="pitch-label"][data-source="model"]');
    await expect(stopped.or(partial).first()).toBeVisible({ timeout: 60_000 });
    if ((await stopped.count()) === 0) await expect(partial).toContainText(/stopped/i);
    await expect(page.getByTestId('pitch-stream-card')).toHaveAttribute('data-phase', 'finished');
    await expect(page.getByTestId('pitch-draft')).toBeEnabled();
    await screenshot(page, 'pitch-en-stopped.png');
    expect(consoleErrors).toEqual([]);
  });

  test('with a tiny model loaded a short draft streams in and runs to the end', async ({
    page,
    webApp,
    dataDir,
    consoleErrors,
  }) => {
    await loadModelAndOpenPitch(page, webApp.url, dataDir, await testModelPath(), 'tiny-chat.gguf');
    // A short draft runs to the end. Random weights may write JSON that never closes, so the end is either the model's
    // five parts as editable fields labelled with the model file, or a failure that says what to do; never a hang.
    await page.getByTestId('pitch-length').click();
    await page.getByTestId('pitch-length-short').click();
    await page.getByTestId('pitch-draft').click();
    await expect(page.getByTestId('pitch-stream-card')).toHaveAttribute('data-source', 'model');
    await screenshot(page, 'pitch-en-streaming.png');
    const label = page.locator('[data-testid="pitch-label"][data-source="model"]');
    const failed = page.getByTestId('pitch-failed');
    await expect(label.or(failed)).toBeVisible({ timeout: 120_000 });
    if ((await failed.count()) > 0) {
      await expect(failed).toContainText(/Draft again|template draft/);
    } else {
      await expect(label).toContainText('tiny-chat.gguf');
      await expect(page.getByTestId('pitch-field-headline')).toBeVisible();
      await expect(page.getByTestId('pitch-issues')).toBeVisible();
    }
    await expect(page.getByTestId('pitch-draft')).toBeEnabled();
    await screenshot(page, 'pitch-en-model.png');
    expect(consoleErrors).toEqual([]);
  });
});
