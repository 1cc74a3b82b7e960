import path from 'node:path';
import type { Result } from '../../app/contract';
import { showInsideHandler } from './show-in-folder';

/**
 * 'records:show-export' in the desktop app: shows a finished export's manifest in the file manager. Only a folder
 * inside the app's own exports folder that holds a manifest is shown; anything else answers `shown: false`.
 */
export function showExportHandler(
  exportsDir: string,
  showItemInFolder: (file: string) => void,
): (input: unknown) => Promise<Result<unknown>> {
  return showInsideHandler(exportsDir, (folder) => path.join(folder, 'manifest.json'), showItemInFolder);
}
