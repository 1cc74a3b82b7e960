import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBackend } from '../../main/backend/open-backend';
import { buildCli, cliBundle, projectRoot } from '../integration/cli/build-cli';
import { tempDir } from '../integration/db/temp-db';
import { dispatch } from '../../app/contract/dispatch';
import type { ClientRanking } from '../../app/contract';

const FROM = '2000-01-01';
const TO = '2100-12-31';

/**
 * An export killed with SIGKILL half-way (no handler runs, nothing is cleaned up) never leaves a folder under the
 * name asked for: only a hidden `.NAME.partial-…` folder without a manifest. Run again into the same name, the export
 * completes and verifies.
 */
describe('SIGKILL during an export', () => {
  const dir = tempDir('ad-kill-export-');
  const db = path.join(dir, 'advisor-desk.sqlite');

  beforeAll(async () => {
    await buildCli();
    // Enough presented rankings that writing their PDF reports takes a good part of a second.
    const backend = openBackend({ user: { firstActiveAdministrator: true }, dataDir: dir, mode: 'browser' });
    try {
      for (let i = 1; i <= 24; i++) {
        const clientId = `CL-${String(i).padStart(4, '0')}`;
        const shown = await dispatch(backend.handlers, 'recommendations:for-client', {
          clientId,
          top: 10,
          shownOn: 'app',
        });
        if (!shown.ok) throw new Error(shown.error.message);
        const ranking = shown.value as ClientRanking;
        if (ranking.ranked.length === 0) continue;
        const made = await dispatch(backend.handlers, 'records:present-ranking', {
          impressionId: ranking.impressionId,
          note: '',
        });
        if (!made.ok) throw new Error(made.error.message);
      }
    } finally {
      backend.close();
    }
  }, 180_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const exportArgs = (out: string) => [
    cliBundle,
    'records',
    'export',
    '--from',
    FROM,
    '--to',
    TO,
    '--format',
    'pdf',
    '--out',
    out,
    '--db',
    db,
  ];

  /** Starts the export and kills it the moment its hidden folder holds a file; says whether it was caught mid-way. */
  function killMidway(out: string): Promise<boolean> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, exportArgs(out), { cwd: projectRoot, stdio: 'ignore' });
      const prefix = `.${path.basename(out)}.partial-`;
      const poll = setInterval(() => {
        const staging = fs.readdirSync(dir).find((name) => name.startsWith(prefix));
        if (staging && fs.readdirSync(path.join(dir, staging)).length > 0) {
          clearInterval(poll);
          child.kill('SIGKILL');
        }
      }, 2);
      child.on('exit', (_code, signal) => {
        clearInterval(poll);
        resolve(signal === 'SIGKILL');
      });
    });
  }

  it('leaves nothing under the name asked for, and the same export run again completes and verifies', async () => {
    const out = path.join(dir, 'export');
    let caught = false;
    for (let attempt = 0; attempt < 3 && !caught; attempt++) {
      caught = await killMidway(out);
      if (!caught) fs.rmSync(out, { recursive: true, force: true });
    }
    expect(caught, 'the export was killed while it was writing').toBe(true);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.readdirSync(dir).some((name) => name.startsWith('.export.partial-'))).toBe(true);

    const again = spawnSync(process.execPath, exportArgs(out), { cwd: projectRoot, encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
    const verify = spawnSync(process.execPath, [cliBundle, 'records', 'verify-export', out], {
      cwd: projectRoot,
      encoding: 'utf8',
    });
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  }, 120_000);
});
