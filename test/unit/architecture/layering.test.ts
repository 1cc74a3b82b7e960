import fs from 'node:fs';
import path from 'node:path';
import { builtinModules } from 'node:module';
import { describe, expect, it } from 'vitest';
import { findLayerViolations, importsOf } from './import-scanner';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|tsx)$/.test(entry.name)) out.push(rel);
  }
  return out;
}

describe('layering: dependencies point into app/, never out of it', () => {
  it('finds imports in all their forms', () => {
    const src = `import a from 'node:fs';\nimport type { B } from "electron";\nexport { c } from '../main/x';\nconst d = await import('better-sqlite3');\nconst e = require("os");`;
    expect(importsOf(src)).toEqual(['node:fs', 'electron', '../main/x', 'better-sqlite3', 'os']);
  });

  it('flags a stray Node, Electron or driver import in app/', () => {
    const bad = findLayerViolations(
      'app/domain/x.ts',
      [
        "import fs from 'node:fs';",
        "import { app } from 'electron';",
        "import Database from 'better-sqlite3';",
        "import '../../main/db/connection';",
        "import path from 'path';",
      ].join('\n'),
      builtinModules,
    );
    expect(bad).toHaveLength(5);
  });

  it('app/ imports no electron, node:*, builtin, DOM library or database driver', () => {
    const violations = sourceFiles('app').flatMap((f) =>
      findLayerViolations(f, fs.readFileSync(path.join(root, f), 'utf8'), builtinModules),
    );
    expect(violations).toEqual([]);
  });

  it('renderer/ reaches the backend only through the contract', () => {
    const violations = sourceFiles('renderer').flatMap((f) =>
      findLayerViolations(f, fs.readFileSync(path.join(root, f), 'utf8'), builtinModules),
    );
    expect(violations).toEqual([]);
  });

  it('main/ never imports the renderer, and only main/db/ touches the database driver', () => {
    const violations = sourceFiles('main').flatMap((f) =>
      findLayerViolations(f, fs.readFileSync(path.join(root, f), 'utf8'), builtinModules),
    );
    expect(violations).toEqual([]);
  });
});
