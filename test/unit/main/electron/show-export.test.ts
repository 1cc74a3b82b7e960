import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { showExportHandler } from '../../../../main/electron/show-export';

describe('Show in folder for an export', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-show-export-'));
  const exportsDir = path.join(root, 'exports');
  const finished = path.join(exportsDir, '2026-11-01_2026-11-30-20261128T090000Z');
  fs.mkdirSync(finished, { recursive: true });
  fs.writeFileSync(path.join(finished, 'manifest.json'), '{}');
  fs.mkdirSync(path.join(exportsDir, 'unfinished'));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('shows a finished export of the app’s own, and nothing else the page might send', async () => {
    const shown: string[] = [];
    const show = showExportHandler(exportsDir, (file) => shown.push(file));
    expect(await show({ folder: finished })).toEqual({ ok: true, value: { shown: true } });
    expect(shown).toEqual([path.join(finished, 'manifest.json')]);
    for (const folder of [path.join(exportsDir, 'unfinished'), root, path.join(exportsDir, '..', '..'), exportsDir])
      expect(await show({ folder })).toEqual({ ok: true, value: { shown: false } });
    expect((await show({})).ok).toBe(false);
    expect(shown).toHaveLength(1);
  });
});
