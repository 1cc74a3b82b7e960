import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db/temp-db';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const bundle = path.join(root, 'dist', 'main', 'cli.mjs');

/**
 * The real bundle, as `npm run cli` and the bin launcher run it. build-main.mjs bundles every Node entry;
 * if another entry is mid-edit and breaks that build, bundle just the CLI with the same settings.
 */
async function buildCli(): Promise<void> {
  try {
    execFileSync(process.execPath, ['main/tools/build-main.mjs', '--quiet'], { cwd: root, stdio: 'pipe' });
  } catch {
    await build({
      absWorkingDir: root,
      entryPoints: { cli: 'main/cli/cli-main.ts' },
      outdir: 'dist/main',
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'esm',
      external: ['electron', 'better-sqlite3', 'node-llama-cpp', '@node-llama-cpp/*'],
      banner: { js: "import { createRequire as __adCreateRequire } from 'node:module'; const require = __adCreateRequire(import.meta.url);" },
      logLevel: 'silent',
    });
  }
}

describe('the bundled advisor-desk CLI as a separate process', () => {
  let dir: string | undefined;
  beforeAll(buildCli);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds, lists with --json and reports exit codes through the real process', () => {
    dir = tempDir('ad-cli-spawn-');
    const db = path.join(dir, 'desk.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [bundle, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ADVISOR_DESK_DB: db } });

    const seeded = run('seed');
    expect(seeded.status, seeded.stderr).toBe(0);
    const listed = run('clients', 'list', '--limit', '3', '--json');
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ total: 200 });
    const missing = run('clients', 'show', 'NOPE');
    expect(missing.status).toBe(3);
    expect(missing.stderr.trim()).toBe('advisor-desk: No client with id NOPE.');
    expect(run('--nonsense').status).toBe(2);
  });
});
