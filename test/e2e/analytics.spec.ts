import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './support/fixtures';
import { expectNoSeriousViolations } from './support/axe';
import { openApp } from './support/sign-in';

const SCREENS = '/tmp/advisor-desk-screens';

function shownTotal(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

test.describe('analytics page', () => {
  test.setTimeout(180_000);

  test('shows the demo history’s funnel in charts and tables, narrows it with a filter, and exports a table as CSV', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    fs.mkdirSync(SCREENS, { recursive: true });
    // Tall enough for the whole page in one screenshot (the page scrolls inside the frame).
    await page.setViewportSize({ width: 1280, height: 2300 });
    await openApp(page, webApp.url);
    await page.getByTestId('nav-analytics').click();
    await expect(page.getByTestId('analytics-title')).toHaveText('Analytics');

    // The demo's months of rankings, reactions and pitches: a funnel chart, a chart by product, one over time.
    await expect(page.getByTestId('analytics-funnel-chart').locator('svg').first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('analytics-by-group-chart').locator('svg').first()).toBeVisible();
    await expect(page.getByTestId('analytics-over-time-chart').locator('svg').first()).toBeVisible();
    const groups = page.getByTestId('analytics-groups-table');
    const totalRow = groups.locator('tbody tr').last();
    await expect(totalRow.locator('th')).toHaveText('All');
    const allShown = shownTotal(await totalRow.locator('td').first().textContent());
    expect(allShown).toBeGreaterThan(50);
    // Somebody was interested and somebody accepted: the rates are not all dashes or zero.
    await expect(page.getByTestId('analytics-rates')).toContainText('CTR');
    await expect(totalRow.locator('td').nth(2)).not.toHaveText('0');
    await page.screenshot({ path: path.join(SCREENS, 'analytics-en-light.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'the analytics page');

    // One advisor's rankings only: fewer showings than the whole branch's.
    await page.getByTestId('analytics-advisor').locator('..').click();
    await page.getByRole('option', { name: 'ADV-02' }).click();
    await expect
      .poll(async () => shownTotal(await totalRow.locator('td').first().textContent()))
      .toBeLessThan(allShown);
    const advisorShown = shownTotal(await totalRow.locator('td').first().textContent());
    expect(advisorShown).toBeGreaterThan(0);

    // The table by product as CSV: a header, then one line per row on screen with the same counts.
    const rows = await groups.locator('tbody tr').count();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('analytics-groups-table-export').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^funnel-by-product_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.trim().split('\n');
    expect(lines[0]).toMatch(/^product,name,shown,pitched,interested,accepted,pitched_accepted,pitchRate,/);
    expect(lines).toHaveLength(rows); // the rows less the total, plus the header
    const csvShown = lines.slice(1).reduce((sum, line) => sum + Number(line.split(',')[2]), 0);
    expect(csvShown).toBe(advisorShown);

    // By client segment, in Chinese and the dark theme.
    await page.getByTestId('analytics-advisor').locator('..').click();
    await page.getByRole('option', { name: 'All' }).click();
    await page.getByTestId('analytics-group-by').locator('..').click();
    await page.getByRole('option', { name: 'Client segment' }).click();
    await expect(groups.locator('thead th').first()).toHaveText('Client segment');
    await page.getByTestId('language-switch').click();
    await page.getByTestId('theme-toggle').click();
    await expect(page.getByTestId('analytics-title')).toHaveText('转化分析');
    await expect(totalRow.locator('th')).toHaveText('合计');
    // Away from the theme button's tooltip, and past the colours' transition.
    await page.mouse.move(640, 1200);
    await page.waitForTimeout(600);
    await page.screenshot({ path: path.join(SCREENS, 'analytics-zh-dark.png'), fullPage: true });
    await expectNoSeriousViolations(page, 'the analytics page in Chinese, dark');
    expect(consoleErrors).toEqual([]);
  });
});
