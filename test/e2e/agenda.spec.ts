import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { addDays, localDate } from '../../app/meetings/day-range';
import { test, expect } from './support/fixtures';
import { DEMO_ADVISOR, openApp } from './support/sign-in';

const SCREENS = '/tmp/advisor-desk-screens';
const BRANCH_ZONE = 'Asia/Shanghai';
const ENGLISH_PLACES = ['Branch office', "Client's office", 'Video call', 'Phone', 'Branch', 'Client office'];
const ENGLISH_PURPOSES = [
  'Annual review',
  'Questionnaire refresh',
  'Retirement planning',
  'Protection review',
  'Financing needs',
  'Portfolio rebalance',
];

/** The start and end times of every row shown, as "HH:MM". */
async function shownTimes(page: Page): Promise<[string, string][]> {
  const texts = await page.getByTestId('agenda-row-time').allTextContents();
  return texts.map((text) => {
    const match = /(\d{2}:\d{2})\D+(\d{2}:\d{2})/.exec(text);
    expect(match, `a time range in "${text}"`).not.toBeNull();
    return [match![1]!, match![2]!];
  });
}

async function chooseOption(page: Page, field: string, option: string | RegExp): Promise<void> {
  await page.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
}

test.describe('agenda', () => {
  // The browser's clock is UTC: what the agenda shows must come from the time-zone setting, not the machine.
  test.use({ viewport: { width: 1440, height: 900 }, timezoneId: 'UTC' });

  test("shows the advisor's own meetings today in the branch's office hours, and tomorrow's and the week's", async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url, DEMO_ADVISOR);
    await page.getByTestId('nav-meetings').click();
    await expect(page.getByTestId('agenda-time-zone')).toContainText(BRANCH_ZONE);
    const rows = page.getByTestId('agenda-row');
    await expect(rows.first()).toBeVisible();
    const today = localDate(new Date(), BRANCH_ZONE);
    await expect(page.getByTestId('agenda-today')).toHaveClass(/contained/);

    // Every meeting of the demo is in office hours on the branch's clock, whatever the machine's zone.
    for (const [start, end] of await shownTimes(page)) {
      expect(start >= '09:00' && end <= '17:30', `${start}–${end} is in office hours`).toBe(true);
    }
    // Names repeat in the book, so each row carries the client id; nothing is prepared yet.
    await expect(page.getByTestId('agenda-row-client-id').first()).toHaveText(/^CL-\d+$/);
    await expect(page.getByTestId('agenda-row-preparation').first()).toHaveText('Not prepared');
    const mine = await rows.count();

    await chooseOption(page, 'Whose meetings', 'All advisors');
    await expect(page.getByRole('columnheader', { name: 'Advisor' })).toBeVisible();
    expect(await rows.count()).toBeGreaterThan(mine);
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, 'agenda-today-all-en.png') });

    await page.getByTestId('agenda-tomorrow').click();
    await expect(page.getByTestId('agenda-date')).toHaveValue(addDays(today, 1));
    await expect(rows.first()).toBeVisible();
    for (const [start, end] of await shownTimes(page)) expect(start >= '09:00' && end <= '17:30').toBe(true);

    await page.getByTestId('agenda-this-week').click();
    await expect(page.getByTestId('agenda-day-heading')).toHaveCount(7);
    await expect(page.locator(`[data-testid="agenda-day-heading"][data-day="${today}"]`)).toContainText('Today');
    await page.screenshot({ path: path.join(SCREENS, 'agenda-week-all-en.png'), fullPage: true });
    await page.getByTestId('agenda-next').click();
    await expect(page.locator(`[data-testid="agenda-day-heading"][data-day="${today}"]`)).toHaveCount(0);
    expect(consoleErrors).toEqual([]);
  });

  test('books, moves and cancels a meeting, refuses a clash, and names places and purposes in Chinese', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url, DEMO_ADVISOR);
    await page.getByTestId('nav-meetings').click();
    await page.getByTestId('agenda-tomorrow').click();
    await expect(page.getByTestId('agenda-row').first()).toBeVisible();

    // After office hours, so the demo's own meetings cannot clash with it.
    await page.getByTestId('agenda-new').click();
    const form = page.getByTestId('meeting-form');
    await form.getByTestId('meeting-form-client').fill('CL-0007');
    await page.getByRole('option', { name: /CL-0007/ }).click();
    await form.getByTestId('meeting-form-time').fill('18:00');
    await chooseOption(page, 'Place', 'Video call');
    await chooseOption(page, 'Purpose', 'Retirement planning');
    await form.getByTestId('meeting-form-purpose-note').fill('Pension top-up');
    await form.getByTestId('meeting-form-save').click();
    await expect(form).toBeHidden();
    const booked = page.getByTestId('agenda-row').filter({ hasText: '18:00' });
    await expect(booked).toHaveCount(1);
    await expect(booked.getByTestId('agenda-row-client-id')).toHaveText('CL-0007');
    await expect(booked.getByTestId('agenda-row-place')).toHaveText('Video call');
    await expect(booked.getByTestId('agenda-row-purpose')).toHaveText('Retirement planning · Pension top-up');

    // A second meeting overlapping the first is refused at the time field, naming the meeting it clashes with.
    await page.getByTestId('agenda-new').click();
    await form.getByTestId('meeting-form-client').fill('CL-0008');
    await page.getByRole('option', { name: /CL-0008/ }).click();
    await form.getByTestId('meeting-form-time').fill('18:30');
    await form.getByTestId('meeting-form-save').click();
    await expect(form.getByTestId('meeting-form-time-note')).toContainText('CL-0007');
    await form.getByRole('button', { name: 'Cancel' }).click();

    await booked.getByTestId('agenda-row-move').click();
    await form.getByTestId('meeting-form-time').fill('18:30');
    await form.getByTestId('meeting-form-save').click();
    await expect(form).toBeHidden();
    const moved = page.getByTestId('agenda-row').filter({ hasText: '18:30' });
    await expect(moved.getByTestId('agenda-row-client-id')).toHaveText('CL-0007');

    await moved.getByTestId('agenda-row-cancel').click();
    await page.getByTestId('cancel-meeting-confirm').click();
    await expect(moved).toHaveAttribute('data-status', 'cancelled');
    await expect(moved.getByTestId('agenda-row-cancelled')).toHaveText('Cancelled');
    await expect(moved.getByTestId('agenda-row-time')).toHaveCSS('text-decoration-line', 'line-through');
    await page.getByTestId('agenda-show-cancelled').click();
    await expect(moved).toHaveCount(0);
    await page.getByTestId('agenda-show-cancelled').click();
    await expect(moved).toHaveCount(1);
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, 'agenda-en.png') });

    await page.getByTestId('language-switch').click();
    await expect(page.getByTestId('agenda-tomorrow')).toHaveText('明天');
    await expect(moved.getByTestId('agenda-row-place')).toHaveText('视频通话');
    await expect(moved.getByTestId('agenda-row-purpose')).toHaveText('退休规划 · Pension top-up');
    await expect(moved.getByTestId('agenda-row-cancelled')).toHaveText('已取消');
    await expect(page.getByTestId('agenda-row-preparation').first()).toHaveText('未准备');
    for (const text of await page.getByTestId('agenda-row-place').allTextContents())
      expect(ENGLISH_PLACES).not.toContain(text);
    for (const text of await page.getByTestId('agenda-row-purpose').allTextContents())
      expect(ENGLISH_PURPOSES.some((p) => text.startsWith(p))).toBe(false);
    await page.screenshot({ path: path.join(SCREENS, 'agenda-zh.png') });
    expect(consoleErrors).toEqual([]);
  });

  test('shows times in the zone chosen in Settings, and lets compliance read the agenda without changing it', async ({
    page,
    webApp,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url, 'CMP-01');
    await page.getByTestId('nav-meetings').click();
    await chooseOption(page, 'Whose meetings', 'All advisors');
    await expect(page.getByTestId('agenda-row').first()).toBeVisible();
    await expect(page.getByTestId('agenda-new')).toHaveCount(0);
    await expect(page.getByTestId('agenda-row-move')).toHaveCount(0);
    const [firstStart] = (await shownTimes(page))[0]!;

    await page.getByTestId('nav-settings').click();
    const zone = page.getByTestId('settings-time-zone');
    await expect(zone).toHaveValue(BRANCH_ZONE);
    await zone.fill('london');
    await page.getByRole('option', { name: 'Europe/London' }).click();
    await expect(zone).toHaveValue('Europe/London');
    fs.mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: path.join(SCREENS, 'settings-time-zone-en.png') });

    await page.getByTestId('nav-meetings').click();
    await expect(page.getByTestId('agenda-time-zone')).toContainText('Europe/London');
    // December: London is eight hours behind Shanghai, so 09:00 at the branch shows as 01:00.
    await page.getByTestId('agenda-this-week').click();
    const times = await shownTimes(page);
    expect(times.length).toBeGreaterThan(0);
    const shifted = `${String(Number(firstStart.slice(0, 2)) - 8).padStart(2, '0')}${firstStart.slice(2)}`;
    expect(times.map(([start]) => start)).toContain(shifted);
    expect(times.every(([start]) => start >= '01:00' && start <= '09:30')).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
