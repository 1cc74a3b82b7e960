import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  describeCycle,
  findFolderCycles,
  folderGraph,
  folderOf,
  type FolderRule,
  type SourceFile,
} from './folder-graph';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** Every .ts/.tsx file under a folder of the repository, paths relative to the root with forward slashes. */
function readSources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...readSources(rel));
    else if (/\.(ts|tsx)$/.test(entry.name))
      out.push({ path: rel, source: fs.readFileSync(path.join(root, rel), 'utf8') });
  }
  return out;
}

// A page is a unit of its own; so is every other folder of the renderer's source.
const RENDERER_RULES: FolderRule[] = [
  { under: 'renderer/src/pages', depth: 1 },
  { under: 'renderer/src', depth: 1 },
];
const MAIN_RULES: FolderRule[] = [{ under: 'main', depth: 1 }];

const file = (p: string, ...imports: string[]): SourceFile => ({
  path: p,
  source: imports.map((spec) => `import { x } from '${spec}';`).join('\n'),
});

describe('folder graph', () => {
  it('cuts folders at the depth the rules give, the first matching rule winning', () => {
    expect(folderOf('renderer/src/pages/client/ClientPage.tsx', RENDERER_RULES)).toBe('renderer/src/pages/client');
    expect(folderOf('renderer/src/api/call.ts', RENDERER_RULES)).toBe('renderer/src/api');
    expect(folderOf('renderer/src/App.tsx', RENDERER_RULES)).toBe('renderer/src');
    expect(folderOf('main/db/migrations/0010-clients.ts', MAIN_RULES)).toBe('main/db');
    expect(folderOf('app/contract/api.ts', RENDERER_RULES)).toBeNull();
  });

  it('resolves relative imports to folders, through index files, and ignores packages and outside folders', () => {
    const graph = folderGraph(
      [
        file('main/a/one.ts', '../b', '../b/two', 'zod', '../../app/contract', './same'),
        file('main/a/same.ts'),
        file('main/b/index.ts'),
        file('main/b/two.ts'),
      ],
      MAIN_RULES,
    );
    expect([...graph.keys()]).toEqual(['main/a']);
    expect([...graph.get('main/a')!.values()]).toEqual([
      { from: 'main/a', to: 'main/b', file: 'main/a/one.ts', specifier: '../b' },
    ]);
  });

  it('finds no cycle where imports point one way', () => {
    const graph = folderGraph(
      [file('main/a/x.ts', '../b/y'), file('main/b/y.ts', '../c/z'), file('main/c/z.ts')],
      MAIN_RULES,
    );
    expect(findFolderCycles(graph)).toEqual([]);
  });

  it('reports each cycle once, by its folders and one importing file per edge', () => {
    const graph = folderGraph(
      [
        file('main/a/one.ts', '../b/two'),
        file('main/a/three.ts', '../b/two'),
        file('main/b/two.ts', '../a/one', '../c/four'),
        file('main/c/four.ts', '../a/one'),
      ],
      MAIN_RULES,
    );
    const cycles = findFolderCycles(graph);
    expect(cycles.map((c) => c.folders)).toEqual([
      ['main/a', 'main/b'],
      ['main/a', 'main/b', 'main/c'],
    ]);
    expect(cycles[0]!.edges).toEqual([
      { from: 'main/a', to: 'main/b', file: 'main/a/one.ts', specifier: '../b/two' },
      { from: 'main/b', to: 'main/a', file: 'main/b/two.ts', specifier: '../a/one' },
    ]);
    expect(describeCycle(cycles[0]!)).toBe(
      [
        'main/a -> main/b -> main/a',
        "  main/a -> main/b (main/a/one.ts imports '../b/two')",
        "  main/b -> main/a (main/b/two.ts imports '../a/one')",
      ].join('\n'),
    );
  });

  it('counts dynamic imports and re-exports, which tie folders together as much as static imports do', () => {
    const graph = folderGraph(
      [
        { path: 'main/a/x.ts', source: "const m = await import('../b/y');" },
        { path: 'main/b/y.ts', source: "export { x } from '../a/x';" },
      ],
      MAIN_RULES,
    );
    expect(findFolderCycles(graph).map((c) => c.folders)).toEqual([['main/a', 'main/b']]);
  });
});

describe('no folder cycles', () => {
  it('renderer/: no folder (or page) imports one that imports it back', () => {
    const cycles = findFolderCycles(folderGraph(readSources('renderer'), RENDERER_RULES));
    expect(cycles.map(describeCycle)).toEqual([]);
  });

  it('main/: no folder imports one that imports it back', () => {
    const cycles = findFolderCycles(folderGraph(readSources('main'), MAIN_RULES));
    expect(cycles.map(describeCycle)).toEqual([]);
  });
});
