import fs from 'node:fs';
import path from 'node:path';
import type { Result } from '../../app/contract';

/**
 * 'records:show-export' in the desktop app: shows a finished export's manifest in the file manager. Only a folder
 * inside the app's own exports folder that holds a manifest is shown; anything else answers `shown: false`.
 */
export function showExportHandler(
  exportsDir: string,
  showItemInFolder: (file: string) => void,
): (input: unknown) => Promise<Result<unknown>> {
  return async (input) => {
    const folder = typeof input === 'object' && input !== null ? (input as { folder?: unknown }).folder : undefined;
    if (typeof folder !== 'string')
      return { ok: false, error: { code: 'bad_request', message: 'folder is required.' } };
    const resolved = path.resolve(folder);
    const inside = path.relative(path.resolve(exportsDir), resolved);
    const manifest = path.join(resolved, 'manifest.json');
    if (inside.startsWith('..') || path.isAbsolute(inside) || inside === '' || !fs.existsSync(manifest))
      return { ok: true, value: { shown: false } };
    showItemInFolder(manifest);
    return { ok: true, value: { shown: true } };
  };
}
