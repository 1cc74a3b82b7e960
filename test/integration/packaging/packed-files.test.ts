import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { groupOf, listPackedFiles, productionPackageDirs, readBuilderConfig } from '../../../main/tools/packing-rules';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

describe('what electron-builder would pack for linux-x64, from the installed dependency tree', () => {
  const files = listPackedFiles(root, readBuilderConfig(path.join(root, 'electron-builder.yml')), {
    os: 'linux',
    arch: 'x64',
  });

  it('copies no library the bundles already inline', () => {
    const groups = new Set(files.map((f) => groupOf(f.path)));
    const inlined = [/^node_modules\/(react|react-dom|zod|ws)$/, /^node_modules\/@(mui|emotion|fontsource|tanstack)\//];
    expect([...groups].filter((g) => inlined.some((pattern) => pattern.test(g)))).toEqual([]);
  });

  it('holds no model file and no other platform’s node-llama-cpp binaries', () => {
    expect(files.filter((f) => f.path.endsWith('.gguf'))).toEqual([]);
    const llama = files.filter((f) => f.path.startsWith('node_modules/@node-llama-cpp/'));
    expect(llama.length).toBeGreaterThan(0);
    expect(llama.filter((f) => !/^node_modules\/@node-llama-cpp\/linux-x64(-[^/]+)?\//.test(f.path))).toEqual([]);
  });

  it('unpacks the native modules from the asar', () => {
    const binding = files.find((f) => f.path === 'node_modules/better-sqlite3/build/Release/better_sqlite3.node');
    expect(binding?.placement).toBe('unpacked');
    const cipher = files.find(
      (f) => f.path === 'node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node',
    );
    expect(cipher?.placement).toBe('unpacked');
    expect(files.filter((f) => f.path.startsWith('node_modules/better-sqlite3-multiple-ciphers/deps/'))).toEqual([]);
    expect(files.filter((f) => f.path.endsWith('.node') && f.placement !== 'unpacked')).toEqual([]);
  });

  it('follows dependencies, not peer dependencies, as electron-builder does', () => {
    const names = productionPackageDirs(root).map((dir) => path.relative(root, dir).split(path.sep).join('/'));
    expect(names).toContain('node_modules/better-sqlite3');
    expect(names).toContain('node_modules/better-sqlite3-multiple-ciphers');
    expect(names).toContain('node_modules/node-llama-cpp');
    expect(names).not.toContain('node_modules/typescript');
  });
});
