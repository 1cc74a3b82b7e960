import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: bundles the Node entries (the CLI, the backend worker, the web server) into dist/main once,
 * before any test file starts. Tests that spawn the CLI or start a backend worker use that bundle and never rebuild
 * it themselves: a rebuild while another test's worker is loading backend-worker.mjs hands that worker a half-written
 * file, and its command fails for no reason of its own.
 */
export default function buildMainOnce(): void {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  execFileSync(process.execPath, ['main/tools/build-main.mjs', '--quiet'], { cwd: root, stdio: 'inherit' });
}
