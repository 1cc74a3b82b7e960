import { existsSync, readFileSync, type Dirent } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where model files live: the app's own models/ folder (beside package.json in a checkout or a dist build;
 * in the packaged app's resources folder) and the user's models folder inside the data folder. Weights are never
 * committed or packed into the app; models/ holds only catalog.json and a README in the repository.
 */

export const MODELS_DIR_ENV = 'ADVISOR_DESK_MODELS_DIR';

/** The app's models folder. ADVISOR_DESK_MODELS_DIR wins (tests, portable installs). */
export function appModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  const override = env[MODELS_DIR_ENV]?.trim();
  if (override) return path.resolve(override);
  // Packaged Electron app: electron-builder copies models/ into resources/ (extraResources).
  const resources = (process as NodeJS.Process & { resourcesPath?: string }).resourcesPath;
  if (resources && existsSync(path.join(resources, 'models', 'catalog.json'))) return path.join(resources, 'models');
  // Source (main/llm) or a bundle (dist/main): walk up to the package root.
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'advisor-desk')
          return path.join(dir, 'models');
      } catch {
        // Not our manifest: keep walking.
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('models');
    dir = parent;
  }
}

export function userModelsDir(dataDir: string): string {
  return path.join(dataDir, 'models');
}

export interface FoundModelFile {
  path: string;
  source: 'app-models-folder' | 'user-models-folder' | 'imported-link';
}

/** *.gguf files directly inside each folder (no recursion), sorted by name; a missing folder is just empty. */
export async function findModelFiles(folders: { app: string; user: string }): Promise<FoundModelFile[]> {
  const found: FoundModelFile[] = [];
  const seen = new Set<string>();
  for (const [folder, source] of [
    [folders.app, 'app-models-folder'],
    [folders.user, 'user-models-folder'],
  ] as const) {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      continue;
    }
    const names = entries
      .filter((e) => (e.isFile() || e.isSymbolicLink()) && e.name.toLowerCase().endsWith('.gguf'))
      .map((e) => e.name);
    names.sort((a, b) => a.localeCompare(b));
    for (const name of names) {
      const full = path.resolve(folder, name);
      if (seen.has(full)) continue;
      seen.add(full);
      const isLink = entries.find((e) => e.name === name)?.isSymbolicLink() ?? false;
      found.push({ path: full, source: isLink && source === 'user-models-folder' ? 'imported-link' : source });
    }
  }
  return found;
}
