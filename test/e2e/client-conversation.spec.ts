import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expectNoSeriousViolations } from './support/axe';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

/** Where to leave screenshots of the page for a person to look at; none are written unless this is set. */
const SHOTS = process.env['CLIENT_PAGE_SHOTS'];

const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

async function openClient(page: Page, url: string, kind: 'individual' | 'business' | 'all' = 'all'): Promise<void> {
  await openApp(page, url);
  if (kind !== 'all') await page.getByTestId(`kind-filter-${kind}`).click();
  await page.getByTestId('client-row').first().click();
  await expect(page.getByTestId('client-name')).toBeVisible();
  await expect(page.getByTestId('recommendation-row').first()).toBeVisible({ timeout: FIRST_RANKING_MS });
}

async function rankedIds(page: Page): Promise<string[]> {
  return page
    .getByTestId('recommendation-row')
    .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-product-id') ?? ''));
}

async function shoot(page: Page, name: string): Promise<void> {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  // No tooltip left open by the last click.
  await page.mouse.move(0, 0);
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test.describe('the client page during a conversation', () => {
  test.setTimeout(180_000);

  test('the first recommendation is above the fold at 1440×900 and 1280×720, in English and Chinese', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await page.setViewportSize(SIZES[0]);
    await openClient(page, webApp.url);
    // The profile is a summary under the name; the full file is one click away, closed at first.
    await expect(page.getByTestId('client-id')).toHaveText(/\S+/);
    await expect(page.getByTestId('client-summary')).toContainText(/\d/);
    await expect(page.getByTestId('client-profile-details')).toHaveCount(0);
    for (const language of ['en', 'zh'] as const) {
      if (language === 'zh') await page.getByTestId('language-switch').click();
      await expect(page.getByTestId('card-recommendations')).toContainText(
        language === 'zh' ? '推荐产品' : 'Recommended',
      );
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => window.scrollTo(0, 0));
        const box = await page.getByTestId('recommendation-row').first().boundingBox();
        expect(box, 'the first recommendation row is laid out').not.toBeNull();
        expect(box!.y).toBeGreaterThanOrEqual(0);
        expect(box!.y + box!.height, `bottom of row 1 at ${size.width}×${size.height}`).toBeLessThanOrEqual(
          size.height,
        );
        await shoot(page, `client-${language}-${size.width}x${size.height}`);
      }
    }
    await page.getByTestId('client-details-toggle').click();
    await expect(page.getByTestId('client-profile-details').getByTestId('card-identity')).toBeVisible();
    expect(consoleErrors).toEqual([]);
  });

  test('unsuitable products are grouped by reason: business products for an individual are one closed line', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openClient(page, webApp.url, 'individual');
    const card = page.getByTestId('card-excluded');
    const total = Number(await card.getByTestId('excluded-count').getAttribute('data-count'));
    const groups = card.getByTestId('excluded-group');
    const counts = await groups.evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-count'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(total);

    const business = card.locator('[data-testid="excluded-group"][data-rule-id="client-kind"]');
    await expect(business).toHaveCount(1);
    await expect(business).toHaveAttribute('data-open', 'false');
    await expect(business.getByTestId('excluded-group-title')).toHaveText(
      'Business products — for business clients only',
    );
    const businessCount = Number(await business.getAttribute('data-count'));
    expect(businessCount).toBeGreaterThan(1);
    await expect(business.getByTestId('excluded-row')).toHaveCount(0);
    if (SHOTS) {
      await card.getByTestId('excluded-group').last().scrollIntoViewIfNeeded();
      await shoot(page, 'client-excluded-groups-en');
    }
    // Opened, it lists each product.
    await business.getByTestId('excluded-group-toggle').click();
    await expect(business.getByTestId('excluded-row')).toHaveCount(businessCount);
    await expectNoSeriousViolations(page, 'the grouped unsuitable products');

    // Groups whose reason is about this client are open from the start, their products listed.
    const open = card.locator(
      '[data-testid="excluded-group"]:not([data-rule-id="client-kind"]):not([data-rule-id="kyc-current"])',
    );
    for (const group of await open.all()) {
      await expect(group).toHaveAttribute('data-open', 'true');
      await expect(group.getByTestId('excluded-row')).toHaveCount(Number(await group.getAttribute('data-count')));
    }
    expect(consoleErrors).toEqual([]);
  });

  test('a reaction is chosen then confirmed with channel and note, the list keeps its order until Refresh, and undo takes it back', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openClient(page, webApp.url);
    const interactions = page.getByTestId('card-interactions').getByTestId('interaction-row');
    const before = await interactions.count();
    const order = await rankedIds(page);
    const targetId = order[Math.min(2, order.length - 1)]!;
    const row = page.locator(`[data-testid="recommendation-row"][data-product-id="${targetId}"]`);
    const name = (await row.getByTestId('recommendation-name').innerText()).trim();
    const probability = Number(await row.getByTestId('recommendation-score').getAttribute('data-probability'));

    // Every reaction button names its product to a screen reader.
    await expect(row.getByRole('button', { name: `Interested in ${name}` })).toBeVisible();

    // A click only chooses; cancelling stores nothing.
    await row.getByTestId('reaction-accepted').click();
    const dialog = page.getByTestId('reaction-confirm-dialog');
    await expect(dialog).toContainText(name);
    await dialog.getByTestId('reaction-cancel').click();
    await expect(dialog).toBeHidden();
    await expect(interactions).toHaveCount(before);

    // Chosen and confirmed with the channel and a note.
    await row.getByTestId('reaction-accepted').click();
    await dialog.getByTestId('reaction-note').fill('Wants the factsheet by email.');
    await dialog.getByTestId('reaction-channel-call').click();
    await shoot(page, 'client-reaction-confirm-en');
    await expectNoSeriousViolations(page, 'the reaction confirmation');
    await dialog.getByTestId('reaction-confirm').click();
    await expect(interactions).toHaveCount(before + 1);
    const recorded = interactions.first();
    await expect(recorded).toContainText(name);
    await expect(recorded).toContainText('Call');
    await expect(recorded).toContainText('Wants the factsheet by email.');
    await expect(recorded.getByTestId('outcome-chip')).toHaveAttribute('data-outcome', 'accepted');

    // The row says what was recorded, in place; no row moved or went.
    await expect(row.getByTestId('recommendation-last-reaction')).toHaveAttribute('data-outcome', 'accepted');
    await expect(page.getByTestId('recommendations-held')).toBeVisible();
    expect(await rankedIds(page)).toEqual(order);
    expect(Number(await row.getByTestId('recommendation-score').getAttribute('data-probability'))).toBe(probability);
    await shoot(page, 'client-reaction-held-en');

    // The same reaction again today is asked about first.
    await row.getByTestId('reaction-accepted').click();
    await dialog.getByTestId('reaction-confirm').click();
    const repeat = page.getByTestId('reaction-repeat');
    await expect(repeat).toContainText('already recorded today');
    await repeat.getByTestId('confirm-cancel').click();
    await expect(interactions).toHaveCount(before + 1);
    expect(await rankedIds(page)).toEqual(order);

    // Undo takes it back; the row no longer shows it.
    const undoBar = page.getByTestId('reaction-undo-bar');
    await expect(undoBar).toContainText(name);
    await undoBar.getByTestId('reaction-undo').click();
    await expect(interactions).toHaveCount(before);
    await expect(row.getByTestId('recommendation-last-reaction')).toHaveCount(0);

    // Record it again, then Refresh: the model's new order shows, with the accepted product raised.
    await row.getByTestId('reaction-accepted').click();
    await dialog.getByTestId('reaction-confirm').click();
    await expect(interactions).toHaveCount(before + 1);
    await page.getByTestId('recommendations-refresh').click();
    await expect(page.getByTestId('recommendations-held')).toHaveCount(0);
    await expect
      .poll(async () => Number(await row.getByTestId('recommendation-score').getAttribute('data-probability')), {
        timeout: 30_000,
      })
      .toBeGreaterThan(probability);
    expect(consoleErrors).toEqual([]);
  });

  test('clients with the same name are told apart by their ids in the list, the search and the page', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    // The demo book has two businesses of this name (the report).
    const totalBefore = await page.getByTestId('client-count').innerText();
    await page.getByTestId('client-search').fill('Kestrel Trading Ltd');
    await expect(page.getByTestId('client-count')).not.toHaveText(totalBefore);
    const rows = page.getByTestId('client-row');
    const shown = await rows.evaluateAll((rs) =>
      rs.map((r) => ({
        id: r.getAttribute('data-client-id') ?? '',
        name: r.querySelector('[data-testid="client-row-name"]')?.textContent ?? '',
        shownId: r.querySelector('[data-testid="client-row-id"]')?.textContent ?? '',
      })),
    );
    const same = shown.filter((r) => r.name === 'Kestrel Trading Ltd');
    expect(same.length).toBeGreaterThanOrEqual(2);
    for (const r of same) expect(r.shownId).toBe(r.id);
    expect(new Set(same.map((r) => r.shownId)).size).toBe(same.length);
    await shoot(page, 'clients-duplicate-names-en');

    await rows.nth(shown.indexOf(same[1]!)).click();
    await expect(page.getByTestId('client-name')).toHaveText('Kestrel Trading Ltd');
    await expect(page.getByTestId('client-id')).toHaveText(same[1]!.id);
    expect(consoleErrors).toEqual([]);
  });
});
