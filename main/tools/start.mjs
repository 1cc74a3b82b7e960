// `npm start`: the Electron app where Electron can run, browser mode where it cannot.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { findElectronBinary, projectRoot } from './electron-binary.mjs';

function run(command, args, extra = {}) {
  const child = spawn(command, args, { cwd: projectRoot, stdio: 'inherit', ...extra });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
}

function startBrowserMode(reason) {
  console.log(`${reason}; starting browser mode instead (open the address below in a browser).`);
  run(process.execPath, [path.join(projectRoot, 'dist', 'main', 'web.mjs'), ...process.argv.slice(2)]);
}

let binary = findElectronBinary();
if (!binary) {
  // One quiet attempt at Electron's own download; offline it fails within a second.
  spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'electron', 'install.js')], {
    cwd: projectRoot,
    stdio: 'ignore',
    timeout: 120_000,
  });
  binary = findElectronBinary();
}

const nativeBinding = path.join(
  projectRoot,
  'build',
  'electron-native',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);
if (!binary) {
  startBrowserMode('Electron is not installed and cannot be downloaded here');
} else {
  if (!fs.existsSync(nativeBinding)) {
    const built = spawnSync(process.execPath, [path.join(projectRoot, 'main', 'tools', 'build-electron-native.mjs')], {
      cwd: projectRoot,
      stdio: 'inherit',
    });
    if (built.status !== 0) {
      startBrowserMode('better-sqlite3 could not be built for Electron (its headers need a download)');
    } else {
      run(binary, [projectRoot]);
    }
  } else {
    run(binary, [projectRoot]);
  }
}
