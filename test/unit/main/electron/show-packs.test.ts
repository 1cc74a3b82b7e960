import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { showPacksHandler } from '../../../../main/electron/show-packs';

describe("the desktop app's 'prepare:show-folder'", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-show-packs-'));

  it("opens a job's folder inside the meeting-packs folder, and nothing else", async () => {
    const packs = path.join(dir, 'meeting-packs');
    const job = path.join(packs, '2027-01-12-PJ-1');
    fs.mkdirSync(job, { recursive: true });
    const opened: string[] = [];
    const show = showPacksHandler(packs, (folder) => opened.push(folder));
    expect(await show({ folder: job })).toEqual({ ok: true, value: { shown: true } });
    expect(await show({ folder: path.join(packs, '..', 'elsewhere') })).toEqual({ ok: true, value: { shown: false } });
    expect(await show({ folder: packs })).toEqual({ ok: true, value: { shown: false } });
    expect(await show({ folder: path.join(packs, 'missing') })).toEqual({ ok: true, value: { shown: false } });
    expect((await show({})).ok).toBe(false);
    expect(opened).toEqual([job]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
