import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
/** The bundled CLI, as `npm run cli` and the bin launcher run it. */
export const cliBundle = path.join(projectRoot, 'dist', 'main', 'cli.mjs');

/**
 * Makes sure dist/main holds the bundled Node entries. Under Vitest the global setup (test/support/build-main-once.ts)
 * has built them before any file started, so this only checks: rebuilding here would rewrite backend-worker.mjs
 * under the feet of tests running beside this one. The benchmarks, run on their own, build.
 */
export async function buildCli(): Promise<void> {
  if (process.env.VITEST) {
    if (!fs.existsSync(cliBundle))
      throw new Error(`${cliBundle} is missing: the Vitest global setup should have built it.`);
    return;
  }
  execFileSync(process.execPath, ['main/tools/build-main.mjs', '--quiet'], { cwd: projectRoot, stdio: 'pipe' });
}
