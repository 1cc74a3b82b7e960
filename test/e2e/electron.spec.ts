import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, test, expect } from '@playwright/test';
import { electronBinary, electronSkipReason } from './support/electron-availability';
import { signInIfAsked } from './support/sign-in';
import { projectRoot } from './support/web-app';

// The same app through Playwright's Electron launcher. Electron's binary is downloaded on demand
// by the electron package; on machines without internet it cannot be, and this test says so.
const binary = electronBinary();
const skipReason = electronSkipReason();

test.describe('Electron app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  test('opens the hardened window on demo data and answers only through the contract', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'advisor-desk-electron-'));
    const app = await electron.launch({
      executablePath: binary!,
      args: [projectRoot],
      env: { ...process.env, ADVISOR_DESK_DATA: dataDir },
    });
    try {
      const window = await app.firstWindow();
      await signInIfAsked(window);
      await expect(window.getByTestId('client-row').first()).toBeVisible();
      const exposed = await window.evaluate(() => ({
        bridge: Object.keys((window as unknown as { advisorDesk: object }).advisorDesk).sort(),
        node: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
      }));
      expect(exposed).toEqual({ bridge: ['invoke', 'mode', 'on'], node: 'undefined', process: 'undefined' });
      const bad = await window.evaluate(() =>
        (
          window as unknown as { advisorDesk: { invoke: (c: string, i: unknown) => Promise<unknown> } }
        ).advisorDesk.invoke('clients:get', { id: 42 }),
      );
      expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    } finally {
      await app.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
