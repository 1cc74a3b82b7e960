// Bundles the Node side (Electron main, preload, browser-mode server, CLI) with esbuild.
// Everything else is inlined, so only the runtime packages need to ship in node_modules (see bundle-externals.mjs).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import fs from 'node:fs';
import { BUNDLE_EXTERNALS } from './bundle-externals.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const quiet = process.argv.includes('--quiet');
const external = [...BUNDLE_EXTERNALS];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  external,
  logLevel: 'warning',
  legalComments: 'none',
};

// ESM bundles need `require` for the CommonJS packages they inline (ws uses it).
const esmBanner = {
  js: "import { createRequire as __adCreateRequire } from 'node:module'; const require = __adCreateRequire(import.meta.url);",
};

/** One ES-module bundle per entry, beside the others in dist/main as .mjs (so workers and children find them). */
const esm = (entryPoints) =>
  build({
    ...common,
    format: 'esm',
    banner: esmBanner,
    entryPoints,
    outdir: 'dist/main',
    outExtension: { '.js': '.mjs' },
  });

const started = Date.now();
await Promise.all([
  esm({ 'electron-main': 'main/electron/electron-main.ts' }),
  esm({ web: 'main/web/web-main.ts' }),
  esm({ cli: 'main/cli/cli-main.ts' }),
  // The backend's own thread (browser mode) and process (Electron's utility process): the store, the use-cases and
  // model training run there, so the thread or process that shows the app only relays.
  esm({ 'backend-worker': 'main/host/backend-worker.ts', 'backend-utility': 'main/host/backend-utility.ts' }),
  // The threads parallel-scoring.ts, train-in-worker.ts and training-pool.ts start, beside the bundles that use them.
  esm({
    'scoring-worker': 'main/model/scoring-worker.ts',
    'training-worker': 'main/model/training-worker.ts',
    'training-pool-worker': 'main/model/training-pool-worker.ts',
    'audit-worker': 'main/db/audit-worker.ts',
    'pack-worker': 'main/backend/pack-worker.ts',
  }),
  // The language engine's own process, started by fork-engine.ts (or utilityProcess) from beside the bundles.
  esm({ 'engine-host': 'main/engine/engine-host.ts' }),
  // A sandboxed preload must be a single CommonJS file that requires nothing but `electron`.
  build({
    ...common,
    format: 'cjs',
    entryPoints: { preload: 'main/preload/preload.ts' },
    outdir: 'dist/main',
    outExtension: { '.js': '.cjs' },
  }),
]);
copyPdfFonts();
if (!quiet) console.log(`main, preload, web and cli bundled in ${Date.now() - started} ms`);

/**
 * The fonts the PDF documents embed (main/pdf/pdf-fonts.ts), beside the bundles that read them: the same fontsource
 * packages the window uses, regular and bold, as the CSS that maps unicode ranges to files and the WOFF files. They go
 * into the asar with dist/, so the packaged app, browser mode and the CLI find them the same way.
 */
function copyPdfFonts() {
  for (const pkg of ['roboto', 'noto-sans-sc']) {
    const from = path.join(root, 'node_modules', '@fontsource', pkg);
    const to = path.join(root, 'dist', 'main', 'fonts', pkg);
    fs.rmSync(to, { recursive: true, force: true });
    fs.mkdirSync(path.join(to, 'files'), { recursive: true });
    for (const css of ['400.css', '700.css']) {
      const text = fs.readFileSync(path.join(from, css), 'utf8');
      fs.writeFileSync(path.join(to, css), text);
      // Only the WOFF files the CSS names: the package also holds whole-script files nothing reads.
      for (const [, file] of text.matchAll(/url\(\.\/files\/([^)]+\.woff)\)/g))
        fs.copyFileSync(path.join(from, 'files', file), path.join(to, 'files', file));
    }
  }
}
