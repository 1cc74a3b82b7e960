import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_EXTERNALS, RUNTIME_PACKAGES } from '../../../../main/tools/bundle-externals.mjs';
import { packingRules, readBuilderConfig, type PackTarget } from '../../../../main/tools/packing-rules';
import { importsOf } from '../../architecture/import-scanner';

const root = path.resolve(import.meta.dirname, '..', '..', '..', '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const builderConfig = readBuilderConfig(path.join(root, 'electron-builder.yml'));

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir), { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(path.join(dir, entry.name))
        : /\.(ts|tsx)$/.test(entry.name)
          ? [path.join(dir, entry.name)]
          : [],
    );
}

/** The npm packages a folder's sources import ('@mui/material/Box' is '@mui/material'). */
function packagesImportedBy(dir: string): Set<string> {
  const names = new Set<string>();
  for (const file of sourceFiles(dir))
    for (const spec of importsOf(fs.readFileSync(path.join(root, file), 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
      const parts = spec.split('/');
      names.add(spec.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? spec));
    }
  return names;
}

describe('production dependencies are only what the bundles load at run time', () => {
  it('lists exactly the packages the esbuild bundles leave external', () => {
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...RUNTIME_PACKAGES].sort());
    for (const name of RUNTIME_PACKAGES) expect(BUNDLE_EXTERNALS).toContain(name);
  });

  it('keeps every package the renderer and app/ import (inlined by Vite and esbuild) out of dependencies', () => {
    const inlined = new Set([...packagesImportedBy('renderer'), ...packagesImportedBy('app')]);
    expect(inlined.size).toBeGreaterThan(3);
    for (const name of inlined) {
      expect(manifest.dependencies, `${name} is bundled, so it must not ship again`).not.toHaveProperty(name);
      expect(manifest.devDependencies, `${name} must still be installed to build`).toHaveProperty(name);
    }
  });

  it('has main/ load nothing from node_modules at run time but the runtime packages and Electron', () => {
    for (const name of packagesImportedBy('main')) {
      if (name === 'electron' || RUNTIME_PACKAGES.includes(name)) continue;
      expect(manifest.dependencies, `${name} is inlined by esbuild`).not.toHaveProperty(name);
      expect(manifest.devDependencies).toHaveProperty(name);
    }
  });
});

describe('electron-builder.yml ships the bundles and the native code of the target only', () => {
  const targets: PackTarget[] = [
    { os: 'linux', arch: 'x64' },
    { os: 'mac', arch: 'arm64' },
    { os: 'win', arch: 'x64' },
  ];
  const llamaPackages = [
    'linux-x64',
    'linux-x64-cuda',
    'linux-x64-cuda-ext',
    'linux-x64-vulkan',
    'linux-arm64',
    'linux-armv7l',
    'mac-arm64-metal',
    'mac-x64',
    'win-x64',
    'win-x64-cuda',
    'win-x64-vulkan',
    'win-arm64',
  ];

  it.each(targets)('never packs a model file ($os-$arch)', (target) => {
    const rules = packingRules(builderConfig, target);
    for (const file of ['models/qwen.gguf', 'dist/models/qwen.gguf', 'node_modules/node-llama-cpp/test/tiny.gguf'])
      expect(rules.placeOf(file), file).toBeNull();
    const resources = (builderConfig.extraResources ?? []).map((r) => (typeof r === 'string' ? r : r.from));
    expect(resources.filter((from) => !/\.(json|md)$/.test(from))).toEqual([]);
  });

  it.each(targets)("packs only the target's node-llama-cpp binaries, outside the asar ($os-$arch)", (target) => {
    const rules = packingRules(builderConfig, target);
    for (const name of llamaPackages) {
      const ours = name === `${target.os}-${target.arch}` || name.startsWith(`${target.os}-${target.arch}-`);
      const placed = rules.placeOf(`node_modules/@node-llama-cpp/${name}/bins/${name}/libllama.so`);
      expect(placed, name).toBe(ours ? 'unpacked' : null);
    }
  });

  it('packs the bundles and the native module, not the sources, source maps, tests or the CLI', () => {
    const rules = packingRules(builderConfig, { os: 'linux', arch: 'x64' });
    expect(rules.placeOf('package.json')).toBe('asar');
    expect(rules.placeOf('dist/main/electron-main.mjs')).toBe('asar');
    expect(rules.placeOf('dist/main/preload.cjs')).toBe('asar');
    expect(rules.placeOf('dist/main/scoring-worker.mjs')).toBe('asar');
    expect(rules.placeOf('dist/renderer/index.html')).toBe('asar');
    expect(rules.placeOf('node_modules/better-sqlite3/build/Release/better_sqlite3.node')).toBe('unpacked');
    expect(rules.placeOf('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe(
      'unpacked',
    );
    expect(rules.placeOf('node_modules/better-sqlite3-multiple-ciphers/lib/index.js')).toBe('unpacked');
    expect(rules.placeOf('node_modules/node-llama-cpp/dist/index.js')).toBe('unpacked');
    for (const file of [
      'dist/main/electron-main.mjs.map',
      'dist/main/cli.mjs',
      'renderer/src/main.tsx',
      'main/paths.ts',
      'app/contract/channels.ts',
      'test/unit/main/tools/packing-rules.test.ts',
      'docs/house-style.md',
      'node_modules/better-sqlite3/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3-multiple-ciphers/deps/sqlite3/sqlite3.c',
      'node_modules/better-sqlite3-multiple-ciphers/build/Release/test_extension.node',
      'node_modules/node-llama-cpp/llama/gitRelease.bundle',
    ])
      expect(rules.placeOf(file), file).toBeNull();
  });

  it('catches `files` under a platform section, which electron-builder reads as "every file except these"', () => {
    expect(builderConfig.linux?.files ?? builderConfig.mac?.files ?? builderConfig.win?.files).toBeUndefined();
    const withPlatformFiles = { ...builderConfig, linux: { files: ['!node_modules/@node-llama-cpp/win-*/**'] } };
    const rules = packingRules(withPlatformFiles, { os: 'linux', arch: 'x64' });
    expect(rules.placeOf('renderer/src/main.tsx')).toBe('asar');
  });
});
