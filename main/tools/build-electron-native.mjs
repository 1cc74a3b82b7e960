// Builds a second copy of better-sqlite3 and of its cipher build (better-sqlite3-multiple-ciphers, for an encrypted
// store) against Electron's ABI in build/electron-native, leaving node_modules built for Node so tests and the CLI
// keep working. The Electron main process loads these copies through the drivers' `nativeBinding` option;
// packaged builds get theirs from electron-builder's own rebuild.
import fs from 'node:fs';
import path from 'node:path';
import { rebuild } from '@electron/rebuild';
import { electronVersion, projectRoot } from './electron-binary.mjs';

const MODULES = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'];
const target = path.join(projectRoot, 'build', 'electron-native');
const versions = Object.fromEntries(
  MODULES.map((name) => [
    name,
    JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules', name, 'package.json'), 'utf8')).version,
  ]),
);

fs.rmSync(target, { recursive: true, force: true });
fs.mkdirSync(path.join(target, 'node_modules'), { recursive: true });
fs.writeFileSync(
  path.join(target, 'package.json'),
  JSON.stringify({ name: 'advisor-desk-electron-native', private: true, dependencies: versions }, null, 2),
);
for (const name of MODULES)
  fs.cpSync(path.join(projectRoot, 'node_modules', name), path.join(target, 'node_modules', name), {
    recursive: true,
    filter: (p) => !p.includes(`${path.sep}build${path.sep}`),
  });

try {
  await rebuild({ buildPath: target, electronVersion: electronVersion(), onlyModules: MODULES, force: true });
  for (const name of MODULES)
    console.log(
      `${name} ${versions[name]} built for Electron ${electronVersion()} in ${path.relative(projectRoot, target)}`,
    );
} catch (error) {
  console.error(
    `Could not build ${MODULES.join(' and ')} for Electron ${electronVersion()}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
