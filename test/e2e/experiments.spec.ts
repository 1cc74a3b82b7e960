import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './support/fixtures';
import { openApp } from './support/sign-in';

const SCREENS = '/tmp/advisor-desk-screens';
/** The first ranking of a new book trains version 1 of the model, so the first answer takes a while. */
const FIRST_RANKING_MS = 90_000;
const CLIENTS = ['CL-0001', 'CL-0002', 'CL-0003', 'CL-0004', 'CL-0005', 'CL-0006'];

/** Opens a client and waits for the ranking; answers the model version it was made with ('' for popularity). */
async function rankingPolicyOf(page: Page, url: string, clientId: string): Promise<string> {
  await page.goto(`${url}#/clients/${clientId}`);
  const provenance = page.getByTestId('card-recommendations').getByTestId('recommendation-provenance');
  await expect(provenance).toBeVisible({ timeout: FIRST_RANKING_MS });
  return (await provenance.getAttribute('data-model-version')) ?? '';
}

test.describe('A/B tests on the Experiments page', () => {
  test.setTimeout(240_000);

  test('a team lead defines and starts an experiment, clients keep their arm, and the result page shows every arm', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, `${webApp.url}#/experiments`);
    await expect(page.getByTestId('experiments-title')).toHaveText('Experiments');

    // Define: popularity (control) against the live model, half and half, with the plan's sample size shown.
    await page.getByTestId('experiment-define').click();
    const dialog = page.getByTestId('experiment-dialog');
    await dialog.getByTestId('experiment-name').fill('Model against popularity');
    await expect(dialog.getByTestId('experiment-sample-size')).toContainText('clients in each arm');
    fs.mkdirSync(SCREENS, { recursive: true });
    await dialog.screenshot({ path: path.join(SCREENS, 'experiment-define-en.png') });
    await dialog.getByTestId('experiment-create').click();
    await expect(dialog).toBeHidden();
    const row = page.locator('[data-testid^="experiment-row-"]');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('experiment-status')).toHaveText('Draft');
    await row.getByTestId('experiment-start').click();
    await expect(row.getByTestId('experiment-status')).toHaveText('Running');
    await page.screenshot({ path: path.join(SCREENS, 'experiments-list-en.png') });

    // Each client's ranking follows their arm, and the same arm on every visit.
    const first = new Map<string, string>();
    for (const id of CLIENTS) first.set(id, await rankingPolicyOf(page, webApp.url, id));
    for (const id of CLIENTS) expect(await rankingPolicyOf(page, webApp.url, id)).toBe(first.get(id));

    // The result page: both arms with their clients, the difference, the verdict and the plan's progress.
    await page.goto(`${webApp.url}#/experiments`);
    await page
      .locator('[data-testid^="experiment-row-"]')
      .getByRole('link', { name: 'Model against popularity' })
      .click();
    await expect(page.getByTestId('experiment-title')).toHaveText('Model against popularity');
    const armA = page.getByTestId('experiment-arm-row-A');
    const armB = page.getByTestId('experiment-arm-row-B');
    await expect(armA).toContainText('Popularity');
    await expect(armB).toContainText('Live model');
    const clientsIn = async (arm: typeof armA) =>
      Number((await arm.locator('td').nth(4).innerText()).replace(/\D/g, ''));
    // Sticky: the six clients are counted once each, across the two arms.
    expect((await clientsIn(armA)) + (await clientsIn(armB))).toBe(CLIENTS.length);
    const popularityClients = [...first.values()].filter((v) => v === '').length;
    expect(await clientsIn(armA)).toBe(popularityClients);
    await expect(page.getByTestId('experiment-verdict')).toContainText(
      /No (difference can be claimed yet|results yet)/,
    );
    await expect(page.getByTestId('experiment-conversion-definition')).toContainText('counted once per client');
    await expect(page.getByTestId('experiment-arms').locator('svg').first()).toBeVisible();
    await expect(page.getByTestId('experiment-progress')).toContainText('the plan asks for');

    await page.screenshot({ path: path.join(SCREENS, 'experiment-result-en.png') });
    await page.getByTestId('experiment-arms').screenshot({ path: path.join(SCREENS, 'experiment-arms-en.png') });
    await page
      .getByTestId('experiment-differences')
      .screenshot({ path: path.join(SCREENS, 'experiment-differences-en.png') });
    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('nav-experiments')).toHaveText('实验');
    await expect(page.getByTestId('experiment-verdict')).toContainText('结论');
    await page.screenshot({ path: path.join(SCREENS, 'experiment-result-zh-CN.png') });
    await page
      .getByTestId('experiment-differences')
      .screenshot({ path: path.join(SCREENS, 'experiment-differences-zh-CN.png') });
    expect(consoleErrors).toEqual([]);
  });

  test('an advisor reads results but cannot define experiments', async ({ page, webApp, consoleErrors }) => {
    await openApp(page, `${webApp.url}#/experiments`, 'ADV-01');
    await expect(page.getByTestId('experiments-title')).toBeVisible();
    await expect(page.getByTestId('experiment-define')).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });
});
