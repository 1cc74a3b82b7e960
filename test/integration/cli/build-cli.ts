import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_EXTERNALS } from '../../../main/tools/bundle-externals.mjs';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The bundled CLI, as `npm run cli` and the bin launcher run it. */
export const cliBundle = path.join(projectRoot, 'dist', 'main', 'cli.mjs');

/**
 * Builds the real bundle. build-main.mjs bundles every Node entry; if another entry is mid-edit and breaks that
 * build, bundle just the CLI with the same settings.
 */
export async function buildCli(): Promise<void> {
  try {
    execFileSync(process.execPath, ['main/tools/build-main.mjs', '--quiet'], { cwd: projectRoot, stdio: 'pipe' });
  } catch {
    await build({
      absWorkingDir: projectRoot,
      entryPoints: { cli: 'main/cli/cli-main.ts' },
      outdir: 'dist/main',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: [...BUNDLE_EXTERNALS],
      banner: {
        js: "import { createRequire as __adCreateRequire } from 'node:module'; const require = __adCreateRequire(import.meta.url);",
      },
      logLevel: 'silent',
    });
  }
}
