import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test } from './support/fixtures';
import { openApp } from './support/sign-in';
import { projectRoot } from './support/web-app';

/**
 * Tampering with the database file from outside the app (another SQLite client changing a client's row with no
 * audit entry): the next check, which a window opening asks for, shows the banner naming the client, and the CLI's
 * audit verify names it too, with its own exit code.
 */
test.describe('audit trail', () => {
  test('a change made outside the app shows a banner naming the record, and audit verify names it too', async ({
    page,
    webApp,
    dataDir,
    consoleErrors,
  }) => {
    await openApp(page, webApp.url);
    await expect(page.getByTestId('client-row').first()).toBeVisible();
    await expect(page.getByTestId('audit-banner')).toHaveCount(0);

    const databasePath = path.join(dataDir, 'advisor-desk.sqlite');
    const other = new Database(databasePath);
    const client = other.prepare('SELECT id, display_name FROM clients ORDER BY id LIMIT 1').get() as {
      id: string;
      display_name: string;
    };
    other.prepare('UPDATE clients SET display_name = ? WHERE id = ?').run('Someone Else', client.id);
    other.close();

    // A window opening asks for a check (a reload within five seconds of the last one gets that one).
    await page.waitForTimeout(5_500);
    await page.reload();
    const banner = page.getByTestId('audit-banner');
    await expect(banner).toHaveAttribute('data-state', 'problems', { timeout: 30_000 });
    await expect(banner).toContainText('changes made outside Advisor Desk');
    await page.getByTestId('audit-banner-toggle').click();
    await expect(page.getByTestId('audit-banner-problems')).toContainText(client.id);

    const verify = spawnSync(
      process.execPath,
      [path.join(projectRoot, 'dist', 'main', 'cli.mjs'), 'audit', 'verify', '--db', databasePath],
      { cwd: projectRoot, encoding: 'utf8' },
    );
    expect(verify.status, verify.stderr).toBe(8);
    expect(verify.stdout + verify.stderr).toContain(client.id);
    expect(consoleErrors).toEqual([]);
  });
});
