import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../db/temp-db';
import { buildCli, cliBundle as bundle, projectRoot as root } from './build-cli';

describe('the bundled advisor-desk CLI as a separate process', () => {
  let dir: string | undefined;
  beforeAll(buildCli);
  afterAll(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('seeds, lists with --json and reports exit codes through the real process', () => {
    dir = tempDir('ad-cli-spawn-');
    const db = path.join(dir, 'desk.sqlite');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [bundle, ...args], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ADVISOR_DESK_DB: db },
      });

    const seeded = run('seed');
    expect(seeded.status, seeded.stderr).toBe(0);
    const listed = run('clients', 'list', '--limit', '3', '--json');
    expect(listed.status).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject({ total: 200 });
    const missing = run('clients', 'show', 'NOPE');
    expect(missing.status).toBe(3);
    expect(missing.stderr.trim()).toBe('advisor-desk: No client with id NOPE.');
    expect(run('--nonsense').status).toBe(2);

    // A reader that stops early (`| head -1`) ends the command quietly, with no EPIPE stack trace.
    const headed = spawnSync('sh', ['-c', `"${process.execPath}" "${bundle}" clients list --limit 1000 | head -1`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, ADVISOR_DESK_DB: db },
    });
    expect(headed.stdout).toMatch(/^ID\s+KIND/);
    expect(headed.stderr).not.toMatch(/EPIPE|Error/);

    // Each command's --help is its own usage, with the options and exit codes.
    const help = run('import-events', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('advisor-desk import-events FILE.csv');
    expect(help.stdout).not.toContain('advisor-desk clients list');
    expect(help.stdout).toContain('Exit codes:');
  });
});
