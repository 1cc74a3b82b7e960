import fs from 'node:fs';
import path from 'node:path';
import { addMeetingDay, PREPARATION_DAY } from '../fixtures/preparation-day';
import { test, expect } from './support/fixtures';
import { expectNoSeriousViolations } from './support/axe';
import { advisorDesk } from './support/language-model-steps';
import { DESK_USER, openApp } from './support/sign-in';
import { startWebApp } from './support/web-app';

const SCREENS = '/tmp/advisor-desk-screens';
const MEETINGS = 6;

test.describe('preparing a day of meetings from the agenda', () => {
  test.setTimeout(240_000);

  test('Prepare the day shows progress per client while the app stays usable, and every meeting ends prepared', async ({
    page,
    dataDir,
    consoleErrors,
  }) => {
    const db = path.join(dataDir, 'advisor-desk.sqlite');
    advisorDesk(['seed', '--db', db]);
    addMeetingDay(db, MEETINGS, PREPARATION_DAY, DESK_USER);
    const app = await startWebApp(dataDir);
    try {
      await openApp(page, app.url);
      await page.getByTestId('nav-meetings').click();
      await page.getByTestId('agenda-date').fill(PREPARATION_DAY);
      const rows = page.getByTestId('agenda-row');
      await expect(rows).toHaveCount(MEETINGS);
      await expect(page.getByTestId('agenda-row-preparation').first()).toHaveText('Not prepared');

      await page.getByTestId('prepare-day').click();
      const panel = page.getByTestId('prepare-panel');
      await expect(panel).toBeVisible();
      const items = panel.getByTestId('prepare-item');
      await expect(items).toHaveCount(MEETINGS);
      await expect(page.getByTestId('prepare-engine')).toHaveText(/templates: no language model loaded/);
      fs.mkdirSync(SCREENS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENS, 'preparation-running.png'), fullPage: true });

      // The app stays usable while the day is prepared: another page opens and answers at once.
      const clicked = Date.now();
      await page.getByTestId('nav-clients').click();
      await expect(page.getByTestId('client-row').first()).toBeVisible();
      const clickToPaint = Date.now() - clicked;
      console.log(`click to painted client list while preparing: ${clickToPaint} ms`);
      await page.getByTestId('nav-meetings').click();
      await page.getByTestId('agenda-date').fill(PREPARATION_DAY);

      await expect(page.getByTestId('prepare-state')).toHaveText('Prepared', { timeout: 180_000 });
      await expect(page.getByTestId('prepare-overall')).toHaveText(`${MEETINGS} of ${MEETINGS} clients prepared`);
      const statuses = await items.evaluateAll((els) => els.map((el) => el.getAttribute('data-status')));
      expect(statuses).toEqual(Array(MEETINGS).fill('done'));
      await expect(page.getByTestId('prepare-engine')).toHaveText('Drafted from templates: no language model loaded');
      await expect(page.getByTestId('agenda-row-preparation')).toHaveText(Array(MEETINGS).fill('Prepared'));
      const folder = (await page.getByTestId('prepare-folder').textContent()) ?? '';
      expect(fs.readdirSync(folder).filter((f) => f.endsWith('.pdf'))).toHaveLength(MEETINGS);
      await page.screenshot({ path: path.join(SCREENS, 'preparation-done.png'), fullPage: true });
      await expectNoSeriousViolations(page, 'the agenda with a finished preparation');
    } finally {
      await app.stop();
    }
    expect(consoleErrors).toEqual([]);
  });
});
