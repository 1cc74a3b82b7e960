import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker thread on one of the worker files (`name` without extension): the bundle's `<name>.mjs`
 * beside this code when running from dist/main; from the repository (tests, benchmarks) the TypeScript source,
 * loaded after registering tsx in the thread, since Node 20 does not pass --import hooks on to workers.
 */
/** Each worker's source, relative to this file, for runs from the repository. */
const SOURCES = {
  'scoring-worker': './scoring-worker.ts',
  'training-worker': './training-worker.ts',
  'training-pool-worker': './training-pool-worker.ts',
  'audit-worker': '../db/audit-worker.ts',
  'pack-worker': '../backend/pack-worker.ts',
} as const;

export function startWorker(name: keyof typeof SOURCES, workerData: unknown): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL(`./${name}.mjs`, import.meta.url), { workerData });
  // tsx's ESM api (its register() hooks this thread's imports), found through tsx's own exports map; a plain
  // require.resolve would give the CommonJS build, which cannot register ESM hooks in a worker.
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exportsMap = (require('tsx/package.json') as { exports: Record<string, { import: { default: string } }> })
    .exports;
  const api = pathToFileURL(path.join(path.dirname(manifest), exportsMap['./esm/api']!.import.default)).href;
  const source = new URL(SOURCES[name], import.meta.url).href;
  const boot = `(async () => { const { register } = await import(${JSON.stringify(api)}); register(); await import(${JSON.stringify(source)}); })().catch((error) => { throw error; });`;
  return new Worker(boot, { eval: true, workerData });
}
