import fs from 'node:fs';
import path from 'node:path';
import type { WindowBounds } from './window-options';

export interface WindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

export interface DisplayArea {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_WINDOW_STATE: WindowState = { bounds: { width: 1360, height: 860 }, maximized: false };
const FILE_NAME = 'window-state.json';

function isBounds(value: unknown): value is Required<WindowBounds> {
  if (!value || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return ['x', 'y', 'width', 'height'].every((k) => typeof v[k] === 'number' && Number.isFinite(v[k]));
}

/**
 * The saved window comes back where it was, unless that place is no longer on any screen
 * (a monitor was unplugged): then it keeps its size and lets the system place it.
 */
export function restoreWindowState(saved: unknown, displays: DisplayArea[]): WindowState {
  if (!saved || typeof saved !== 'object') return DEFAULT_WINDOW_STATE;
  const s = saved as { bounds?: unknown; maximized?: unknown };
  if (!isBounds(s.bounds)) return DEFAULT_WINDOW_STATE;
  const b = s.bounds;
  const width = Math.max(960, Math.min(b.width, 10000));
  const height = Math.max(600, Math.min(b.height, 10000));
  const visible = displays.some(
    (d) => b.x + 100 <= d.x + d.width && b.x + width - 100 >= d.x && b.y >= d.y - 20 && b.y + 40 <= d.y + d.height,
  );
  return {
    bounds: visible ? { x: b.x, y: b.y, width, height } : { width, height },
    maximized: s.maximized === true,
  };
}

export function loadWindowState(dataDir: string, displays: DisplayArea[]): WindowState {
  try {
    return restoreWindowState(JSON.parse(fs.readFileSync(path.join(dataDir, FILE_NAME), 'utf8')), displays);
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

export function saveWindowState(dataDir: string, state: WindowState): void {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, FILE_NAME);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(state));
  fs.renameSync(`${file}.tmp`, file);
}
