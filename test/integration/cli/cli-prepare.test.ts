import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PreparationJobView } from '../../../app/contract';
import { addMeetingDay, PREPARATION_DAY } from '../../fixtures/preparation-day';
import { tempDir } from '../db/temp-db';
import { captureCliIo, runCliCaptured as run } from './run-cli';

/** `advisor-desk prepare --date DAY [--advisor ID] --out DIR`: a day prepared headless, with its progress line. */
describe('advisor-desk prepare', () => {
  let dir: string;
  let db: string;
  let clients: string[];

  beforeAll(async () => {
    dir = tempDir('ad-cli-prepare-');
    db = path.join(dir, 'desk.sqlite');
    const seeded = await run(['seed', '--db', db]);
    expect(seeded.code, seeded.err).toBe(0);
    clients = addMeetingDay(db, 3).clientIds;
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prepares every client of the day into the folder, with progress on stderr', async () => {
    const out = path.join(dir, 'packs');
    const r = await run(['prepare', '--db', db, '--date', PREPARATION_DAY, '--advisor', 'ADV-TEST', '--out', out]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('Preparing 3 clients');
    expect(r.err).toMatch(/\[3\/3\] 3 ready/);
    expect(r.out).toContain(`Prepared 3 of 3 clients into ${out}. Drafted from templates: no language model loaded.`);
    const packs = fs.readdirSync(out).filter((f) => f.endsWith('.pdf'));
    expect(packs.length).toBe(3);
    for (const client of clients) expect(r.out).toContain(client);
  }, 120_000);

  it('--json prints the finished job; --top sets the drafts per client', async () => {
    const out = path.join(dir, 'packs-json');
    const r = await run([
      'prepare',
      '--db',
      db,
      '--date',
      PREPARATION_DAY,
      '--advisor',
      'ADV-TEST',
      '--top',
      '1',
      '--out',
      out,
      '--json',
    ]);
    expect(r.code, r.err).toBe(0);
    const job = JSON.parse(r.out) as PreparationJobView;
    expect(job.state).toBe('completed');
    expect(job.items.every((i) => i.drafts.length <= 1 && i.packFile !== null)).toBe(true);
  }, 120_000);

  it('says so when the day has no meetings (exit 3) and refuses a bad date or a missing --out (exit 2)', async () => {
    const none = await run(['prepare', '--db', db, '--date', '2031-02-03', '--advisor', 'ADV-TEST', '--out', dir]);
    expect(none.code).toBe(3);
    expect(none.err).toMatch(/no meetings to prepare/);
    expect((await run(['prepare', '--db', db, '--date', '12/01/2027', '--out', dir])).code).toBe(2);
    expect((await run(['prepare', '--db', db, '--date', PREPARATION_DAY])).code).toBe(2);
  });

  it('Ctrl-C cancels the job: exit 130, the packs finished so far are kept', async () => {
    let stop: (() => void) | null = null;
    const { io, err } = captureCliIo((s) => {
      stop = s;
      return () => undefined;
    });
    const { runCli } = await import('../../../main/cli/cli-commands');
    const out = path.join(dir, 'packs-cancel');
    const running = runCli(['prepare', '--db', db, '--date', PREPARATION_DAY, '--advisor', 'ADV-TEST', '--out', out], {
      ...io,
      stderr: (t) => {
        io.stderr(t);
        // The first progress line: stop it.
        if (t.startsWith('[')) stop?.();
      },
    });
    expect(await running, err()).toBe(130);
    expect(err()).toContain('Cancelled');
  }, 120_000);
});
