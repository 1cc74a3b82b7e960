import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** Electron's binary, if the electron package managed to download it (it does so on first use, online only). */
export function electronBinary(): string | null {
  const pathFile = path.join(root, 'node_modules', 'electron', 'path.txt');
  if (!fs.existsSync(pathFile)) return null;
  const binary = path.join(root, 'node_modules', 'electron', 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  return fs.existsSync(binary) ? binary : null;
}

/** Why the Electron e2e cannot run here, or null when it can. */
export function electronSkipReason(): string | null {
  if (!electronBinary()) {
    return 'Electron binary not installed (node_modules/electron/dist is missing; it downloads on first use and this machine is offline). Run `npx install-electron` where the internet is reachable.';
  }
  const binding = path.join(
    root,
    'build',
    'electron-native',
    'node_modules',
    'better-sqlite3',
    'build',
    'Release',
    'better_sqlite3.node',
  );
  if (!fs.existsSync(binding))
    return 'better-sqlite3 is not built for Electron yet: run `npm run build:electron-native`.';
  return null;
}
