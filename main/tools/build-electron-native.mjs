// Builds a second copy of better-sqlite3 against Electron's ABI in build/electron-native,
// leaving node_modules/better-sqlite3 built for Node so tests and the CLI keep working.
// The Electron main process loads this copy through better-sqlite3's `nativeBinding` option;
// packaged builds get theirs from electron-builder's own rebuild.
import fs from 'node:fs';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';
import { electronVersion, projectRoot } from './electron-binary.mjs';

const target = path.join(projectRoot, 'build', 'electron-native');
const source = path.join(projectRoot, 'node_modules', 'better-sqlite3');
const version = JSON.parse(fs.readFileSync(path.join(source, 'package.json'), 'utf8')).version;

fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.join(target, 'node_modules'), { recursive: true });
fs.writeFileSync(
  path.join(target, 'package.json'),
  JSON.stringify(
    { name: 'advisor-desk-electron-native', private: true, dependencies: { 'better-sqlite3': version } },
    null,
    2,
  ),
);
fs.cpSync(source, path.join(target, 'node_modules', 'better-sqlite3'), {
  recursive: true,
  filter: (p) => !p.includes(`${path.sep}build${path.sep}`),
});

try {
  await rebuild({
    buildPath: target,
    electronVersion: electronVersion(),
    onlyModules: ['better-sqlite3'],
    force: true,
  });
  console.log(
    `better-sqlite3 ${version} built for Electron ${electronVersion()} in ${path.relative(projectRoot, target)}`,
  );
} catch (error) {
  console.error(
    `Could not build better-sqlite3 for Electron ${electronVersion()}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
