import fs from 'node:fs';
import path from 'node:path';
import type { Result } from '../../app/contract';

/**
 * A desktop-only "show it in the file manager" channel, fenced to one of the app's own folders: the input names a
 * folder; `target` picks what to show for it (the folder itself, or a file in it); only a target that exists inside
 * `baseDir` (not `baseDir` itself) is shown, anything else answers `shown: false`.
 */
export function showInsideHandler(
  baseDir: string,
  target: (folder: string) => string,
  show: (target: string) => void,
): (input: unknown) => Promise<Result<unknown>> {
  return async (input) => {
    const folder = typeof input === 'object' && input !== null ? (input as { folder?: unknown }).folder : undefined;
    if (typeof folder !== 'string')
      return { ok: false, error: { code: 'bad_request', message: 'folder is required.' } };
    const resolved = path.resolve(folder);
    const inside = path.relative(path.resolve(baseDir), resolved);
    const shown = target(resolved);
    if (inside.startsWith('..') || path.isAbsolute(inside) || inside === '' || !fs.existsSync(shown))
      return { ok: true, value: { shown: false } };
    show(shown);
    return { ok: true, value: { shown: true } };
  };
}
