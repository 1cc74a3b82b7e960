import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_WINDOW_STATE,
  loadWindowState,
  restoreWindowState,
  saveWindowState,
} from '../../../../main/electron/window-state';

const laptop = [{ x: 0, y: 0, width: 1920, height: 1080 }];

describe('window state', () => {
  it('reopens where it was left', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-window-'));
    saveWindowState(dir, { bounds: { x: 100, y: 80, width: 1400, height: 900 }, maximized: true });
    expect(loadWindowState(dir, laptop)).toEqual({
      bounds: { x: 100, y: 80, width: 1400, height: 900 },
      maximized: true,
    });
  });

  it('keeps the size but lets the system place a window whose monitor is gone', () => {
    const state = restoreWindowState(
      { bounds: { x: 3000, y: 100, width: 1200, height: 800 }, maximized: false },
      laptop,
    );
    expect(state.bounds).toEqual({ width: 1200, height: 800 });
  });

  it('falls back to defaults for a missing or corrupt file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-window-'));
    expect(loadWindowState(dir, laptop)).toEqual(DEFAULT_WINDOW_STATE);
    fs.writeFileSync(path.join(dir, 'window-state.json'), '{"bounds":');
    expect(loadWindowState(dir, laptop)).toEqual(DEFAULT_WINDOW_STATE);
    expect(restoreWindowState({ bounds: { x: 'a' } }, laptop)).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('never restores a window too small to use', () => {
    expect(
      restoreWindowState({ bounds: { x: 0, y: 0, width: 10, height: 10 }, maximized: false }, laptop).bounds,
    ).toMatchObject({ width: 960, height: 600 });
  });
});
