import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openAllExcluded, recordReaction } from './support/client-page';
import { openApp } from './support/sign-in';

/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;

async function openFirstClient(page: Page, url: string): Promise<void> {
  await openApp(page, url);
  await page.getByTestId('client-row').first().click();
  await expect(page.getByTestId('client-name')).toBeVisible();
  await expect(page.getByTestId('recommendation-row').first()).toBeVisible({ timeout: FIRST_RANKING_MS });
}

async function rankedScores(page: Page): Promise<{ id: string; probability: number; moved: boolean }[]> {
  return page.getByTestId('recommendation-row').evaluateAll((rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-product-id') ?? '',
      probability: Number(row.querySelector('[data-testid="recommendation-score"]')?.getAttribute('data-probability')),
      moved: row.getAttribute('data-moved-for-diversity') === 'true',
    })),
  );
}

test.describe('recommendations on the client page', () => {
  test.setTimeout(180_000);

  test('ranks suitable products by score, explains a score, and keeps unsuitable products apart with their reasons', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openFirstClient(page, webApp.url);
    const card = page.getByTestId('card-recommendations');
    await expect(card.getByTestId('recommendation-provenance')).toContainText(/model v\d+/);

    // Best first: only a product the diversity rule moved down may sit below a lower score.
    const ranked = await rankedScores(page);
    expect(ranked.length).toBeGreaterThan(0);
    expect(ranked.length).toBeLessThanOrEqual(10);
    const unmoved = ranked.filter((r) => !r.moved).map((r) => r.probability);
    expect(unmoved.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(unmoved).toEqual([...unmoved].sort((a, b) => b - a));
    await expect(card.getByTestId('recommendation-score').first()).toHaveText(/%/);

    // The popover says in words what raised and what lowered interest.
    await card.getByTestId('reason-open').first().click();
    const popover = page.getByTestId('reason-popover');
    await expect(popover).toBeVisible();
    await expect(popover.getByTestId('reason-line').first()).toBeVisible();
    expect((await popover.getByTestId('reason-line').first().innerText()).trim().length).toBeGreaterThan(5);
    await page.keyboard.press('Escape');
    await expect(popover).toBeHidden();

    // "Show more" asks for the next ten.
    if (ranked.length === 10) {
      await card.getByTestId('recommendations-more').click();
      await expect.poll(async () => card.getByTestId('recommendation-row').count()).toBeGreaterThan(10);
    }

    // Unsuitable products: grouped by reason with a count, each with the failed rules' reasons, never a reaction button.
    const excludedCard = page.getByTestId('card-excluded');
    const count = Number(await excludedCard.getByTestId('excluded-count').getAttribute('data-count'));
    expect(count).toBeGreaterThan(0);
    await openAllExcluded(excludedCard);
    await expect(excludedCard.getByTestId('excluded-row')).toHaveCount(count);
    const firstExcluded = excludedCard.getByTestId('excluded-row').first();
    await expect(firstExcluded.getByTestId('excluded-reason').first()).toHaveText(/\w{4,}/);
    await expect(excludedCard.locator('[data-testid^="reaction-"]')).toHaveCount(0);
    const excludedIds = await excludedCard
      .getByTestId('excluded-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product-id')));
    const rankedIds = await card
      .getByTestId('recommendation-row')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-product-id')));
    expect(rankedIds.filter((id) => excludedIds.includes(id))).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test('recording "accepted" adds an interaction and the live model raises that product at once', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openFirstClient(page, webApp.url);
    const interactions = page.getByTestId('card-interactions').getByTestId('interaction-row');
    const interactionsBefore = await interactions.count();

    const ranked = await rankedScores(page);
    const target = ranked[Math.min(2, ranked.length - 1)];
    if (!target) throw new Error('no ranked product');
    const row = page.locator(`[data-testid="recommendation-row"][data-product-id="${target.id}"]`);
    await recordReaction(row, 'accepted');

    await expect(page.getByTestId('snackbar-success')).toBeVisible();
    await expect(interactions).toHaveCount(interactionsBefore + 1);
    await expect(interactions.first().getByTestId('outcome-chip')).toHaveAttribute('data-outcome', 'accepted');
    await expect(row.getByTestId('recommendation-last-reaction')).toHaveAttribute('data-outcome', 'accepted');
    // The list keeps its order until the advisor refreshes it; then the model's new score shows.
    await page.getByTestId('recommendations-refresh').click();
    await expect
      .poll(async () => Number(await row.getByTestId('recommendation-score').getAttribute('data-probability')), {
        timeout: 30_000,
      })
      .toBeGreaterThan(target.probability);

    // The same reaction again on the same day is asked about, not stored silently; confirmed, it is stored.
    await recordReaction(row, 'accepted');
    const repeat = page.getByTestId('reaction-repeat');
    await expect(repeat).toContainText('already recorded today');
    await expect(interactions).toHaveCount(interactionsBefore + 1);
    await repeat.getByTestId('confirm-ok').click();
    await expect(interactions).toHaveCount(interactionsBefore + 2);
    expect(consoleErrors).toEqual([]);
  });

  test('activating a stricter rule set elsewhere moves a ranked product to the excluded list on the open client page, without a reload', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openFirstClient(page, webApp.url);
    // Marks this page load: a reload or a navigation would drop it.
    await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));
    const card = page.getByTestId('card-recommendations');
    const excludedCard = page.getByTestId('card-excluded');
    const excludedBefore = Number(await excludedCard.getByTestId('excluded-count').getAttribute('data-count'));
    const ranked = await card.getByTestId('recommendation-row').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-product-id') ?? '',
        grade: /\bR([1-5])\b/.exec((row as HTMLElement).innerText)?.[1] ?? '',
      })),
    );
    // The risk-class rule judges investment products (demo ids: deposits DP-, funds FD-, securities SC-).
    const investment = (id: string) => /^(DP|FD|SC)-/.test(id);
    const target = ranked.find((r) => investment(r.id) && Number(r.grade) > 1);
    if (!target)
      throw new Error(`the first client has no ranked investment product above R1: ${JSON.stringify(ranked)}`);

    // Another window (as a second advisor would) saves rules allowing R1 only, for every risk class.
    const settings = await page.context().newPage();
    await openApp(settings, `${webApp.url}#/settings`);
    const section = settings.getByTestId('rules-section');
    await section.getByTestId('rules-edit').click();
    const editor = settings.getByTestId('rules-editor');
    for (const riskClass of ['C1', 'C2', 'C3', 'C4', 'C5']) {
      await editor.getByRole('combobox', { name: `Highest grade for ${riskClass}` }).click();
      await settings.getByRole('option', { name: 'R1', exact: true }).click();
    }
    await editor.getByTestId('rules-name').fill('R1 only');
    await editor.getByTestId('rules-save').click();
    await expect(editor).toBeHidden();
    await expect(
      section.locator('[data-testid="rules-version-row"][data-version="2"]').getByTestId('rules-active'),
    ).toBeVisible();
    await settings.close();

    // The open client page hears the change: the product leaves the ranking and is shown excluded by the risk rule.
    await expect(card.locator(`[data-testid="recommendation-row"][data-product-id="${target.id}"]`)).toHaveCount(0, {
      timeout: 30_000,
    });
    await expect
      .poll(async () => Number(await excludedCard.getByTestId('excluded-count').getAttribute('data-count')))
      .toBeGreaterThan(excludedBefore);
    await openAllExcluded(excludedCard);
    const moved = excludedCard.locator(`[data-testid="excluded-row"][data-product-id="${target.id}"]`);
    await expect(moved.locator('[data-testid="excluded-reason"][data-rule-id="risk-class"]')).toBeVisible();
    await expect(moved.locator('[data-testid="excluded-reason"][data-rule-id="risk-class"]')).toContainText(
      `R${target.grade}`,
    );
    // Every investment product still ranked is R1.
    const left = await card.getByTestId('recommendation-row').evaluateAll((rows) =>
      rows.map((row) => ({
        id: row.getAttribute('data-product-id') ?? '',
        grade: /\bR([1-5])\b/.exec((row as HTMLElement).innerText)?.[1] ?? '',
      })),
    );
    expect(left.filter((r) => investment(r.id) && r.grade !== '1')).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('a retrain from the model page in another window re-ranks the open client page with the new version', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openFirstClient(page, webApp.url);
    await page.evaluate(() => ((window as unknown as { sameLoad: boolean }).sameLoad = true));
    const provenance = page.getByTestId('card-recommendations').getByTestId('recommendation-provenance');
    await expect(provenance).toHaveAttribute('data-model-version', '1');

    const modelPage = await page.context().newPage();
    await openApp(modelPage, `${webApp.url}#/model`);
    await expect(modelPage.getByTestId('model-version-row')).toHaveCount(1, { timeout: FIRST_RANKING_MS });
    await modelPage.getByTestId('model-retrain').click();
    await expect(modelPage.getByTestId('model-version-row')).toHaveCount(2, { timeout: FIRST_RANKING_MS });
    await modelPage.close();

    await expect(provenance).toHaveAttribute('data-model-version', '2', { timeout: 30_000 });
    await expect(provenance).toContainText('model v2');
    expect(await page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad)).toBe(true);
    expect(consoleErrors).toEqual([]);
  });

  test('a ranking the backend cannot give is said in the card, not left loading', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    // Answer the ranking channel with an error and pass everything else to the real backend.
    await page.routeWebSocket(/\/rpc$/, (ws) => {
      const server = ws.connectToServer();
      ws.onMessage((message) => {
        const frame = JSON.parse(String(message)) as { id: number; channel: string };
        if (frame.channel === 'recommendations:for-client') {
          ws.send(
            JSON.stringify({
              type: 'result',
              id: frame.id,
              result: { ok: false, error: { code: 'unavailable', message: 'The engine is resting.' } },
            }),
          );
        } else {
          server.send(message);
        }
      });
      server.onMessage((message) => ws.send(message));
    });
    await openApp(page, webApp.url);
    await page.getByTestId('client-row').first().click();
    await expect(page.getByTestId('recommendations-error')).toContainText('The engine is resting.');
    await expect(page.getByTestId('recommendation-row')).toHaveCount(0);
    await expect(page.locator('[data-testid^="reaction-"]')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('the Chinese interface titles the ranking and the unsuitable products in Chinese', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openFirstClient(page, webApp.url);
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('card-recommendations')).toContainText('推荐产品');
    await expect(page.getByTestId('card-excluded')).toContainText('不适合推荐');
    await expect(page.getByTestId('reaction-accepted').first()).toHaveText('已接受');
    await expect(page.getByTestId('nav-model')).toHaveText('模型');
    expect(consoleErrors).toEqual([]);
  });
});
