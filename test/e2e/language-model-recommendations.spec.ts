import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { testModelPath } from '../fixtures/test-models';
import { test, expect } from './support/fixtures';
import { projectRoot, startWebApp } from './support/web-app';

function cli(args: string[]): void {
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'main', 'cli.mjs'), ...args], { encoding: 'utf8', timeout: 120_000 });
  expect(r.status, `advisor-desk ${args[0]}: ${r.stderr}`).toBe(0);
}

test.describe('recommendations of a version trained with a language model (issue 4)', () => {
  test.setTimeout(180_000);

  test('tell the advisor which model to load for its signals', async ({ page, dataDir, consoleErrors }) => {
    const db = path.join(dataDir, 'advisor-desk.sqlite');
    cli(['seed', '--db', db]);
    // The first 40 clients' outcomes keep the signals to seconds (the whole demo book takes about a minute).
    const store = new Database(db);
    store.prepare('DELETE FROM interactions WHERE client_id NOT IN (SELECT id FROM clients ORDER BY id LIMIT 40)').run();
    store.close();
    const model = await testModelPath();
    cli(['train', '--db', db, '--model', model]);

    const app = await startWebApp(dataDir);
    try {
      await page.goto(app.url);
      await page.getByTestId('client-row').first().click();
      await expect(page.getByTestId('recommendation-row').first()).toBeVisible({ timeout: 60_000 });
      const line = page.getByTestId('card-recommendations').getByTestId('recommendation-language-model');
      await expect(line).toHaveAttribute('data-used', 'false');
      await expect(line).toContainText(`Trained with the language model ${path.basename(model)}: load it to use its signals`);
    } finally {
      await app.stop();
    }
    expect(consoleErrors).toEqual([]);
  });
});
