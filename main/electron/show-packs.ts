import type { Result } from '../../app/contract';
import { showInsideHandler } from './show-in-folder';

/**
 * 'prepare:show-folder' in the desktop app: opens a preparation job's folder of meeting packs in the file manager.
 * Only a folder inside the app's own meeting-packs folder is opened; anything else answers `shown: false`.
 */
export function showPacksHandler(
  packsDir: string,
  openFolder: (folder: string) => void,
): (input: unknown) => Promise<Result<unknown>> {
  return showInsideHandler(packsDir, (folder) => folder, openFolder);
}
