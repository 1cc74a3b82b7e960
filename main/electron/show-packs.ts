import fs from 'node:fs';
import path from 'node:path';
import type { Result } from '../../app/contract';

/**
 * 'prepare:show-folder' in the desktop app: opens a preparation job's folder of meeting packs in the file manager.
 * Only a folder inside the app's own meeting-packs folder is opened; anything else answers `shown: false`.
 */
export function showPacksHandler(
  packsDir: string,
  openFolder: (folder: string) => void,
): (input: unknown) => Promise<Result<unknown>> {
  return async (input) => {
    const folder = typeof input === 'object' && input !== null ? (input as { folder?: unknown }).folder : undefined;
    if (typeof folder !== 'string')
      return { ok: false, error: { code: 'bad_request', message: 'folder is required.' } };
    const resolved = path.resolve(folder);
    const inside = path.relative(path.resolve(packsDir), resolved);
    if (inside.startsWith('..') || path.isAbsolute(inside) || inside === '' || !fs.existsSync(resolved))
      return { ok: true, value: { shown: false } };
    openFolder(resolved);
    return { ok: true, value: { shown: true } };
  };
}
