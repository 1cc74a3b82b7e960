import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli-commands';
import type { CliIo } from '../../../main/cli/cli-io';
import { openDatabase } from '../../../main/db/connection';
import { LATEST_VERSION } from '../../../main/db/migrate';
import { tempDir } from '../db/temp-db';

function capture(env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    now: () => new Date('2026-11-28T09:00:00.000Z'),
  };
  return { io, out: () => out.join(''), err: () => err.join('') };
}

describe('advisor-desk commands in-process', () => {
  let dir: string;
  let db: string;
  beforeEach(() => {
    dir = tempDir('ad-cli-');
    db = path.join(dir, 'desk.sqlite');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('seeds a new database, then refuses to seed it again without --force', async () => {
    const first = capture();
    expect(await runCli(['seed', '--db', db], first.io)).toBe(0);
    expect(first.out()).toMatch(/200 clients/);
    const again = capture();
    expect(await runCli(['seed', '--db', db], again.io)).toBe(1);
    expect(again.err()).toMatch(/already holds 200 clients.*--force/);
    expect(again.err().trim().split('\n')).toHaveLength(1);
    expect(await runCli(['seed', '--db', db, '--force'], capture().io)).toBe(0);
  });

  it('lists and searches clients as a table or JSON, honouring --limit', async () => {
    await runCli(['seed', '--db', db], capture().io);
    const table = capture();
    expect(await runCli(['clients', 'list', '--db', db, '--limit', '5'], table.io)).toBe(0);
    expect(table.out()).toMatch(/^ID\s+KIND\s+NAME/);
    expect(table.out()).toMatch(/5 of 200 clients/);
    const json = capture();
    expect(await runCli(['clients', 'list', '--db', db, '--search', '王', '--json'], json.io)).toBe(0);
    const page = JSON.parse(json.out()) as { total: number; rows: { displayName: string }[] };
    expect(page.total).toBeGreaterThan(0);
    expect(page.rows.every((r) => r.displayName.includes('王'))).toBe(true);
  });

  it('shows one client, and exits 3 for an unknown id', async () => {
    await runCli(['seed', '--db', db], capture().io);
    const shown = capture();
    expect(await runCli(['clients', 'show', 'CL-0001', '--db', db, '--json'], shown.io)).toBe(0);
    expect(JSON.parse(shown.out()).client.id).toBe('CL-0001');
    const missing = capture();
    expect(await runCli(['clients', 'show', 'CL-9999', '--db', db], missing.io)).toBe(3);
    expect(missing.err()).toMatch(/No client with id CL-9999/);
  });

  it('lists products of one family and rejects an unknown family as a usage error', async () => {
    await runCli(['seed', '--db', db], capture().io);
    const ok = capture();
    expect(await runCli(['products', 'list', '--family', 'insurance', '--db', db, '--json'], ok.io)).toBe(0);
    const products = JSON.parse(ok.out()) as { family: string }[];
    expect(products.length).toBeGreaterThan(5);
    expect(products.every((p) => p.family === 'insurance')).toBe(true);
    const bad = capture();
    expect(await runCli(['products', 'list', '--family', 'crypto', '--db', db], bad.io)).toBe(2);
    expect(bad.err()).toMatch(/--family must be one of/);
  });

  it('uses ADVISOR_DESK_DB when --db is absent, and reset wipes then re-seeds', async () => {
    const env = { ADVISOR_DESK_DB: db };
    expect(await runCli(['seed'], capture(env).io)).toBe(0);
    const reset = capture(env);
    expect(await runCli(['reset', '--json'], reset.io)).toBe(0);
    expect(JSON.parse(reset.out())).toMatchObject({ database: db, clients: 200 });
  });

  it('exits 2 for usage errors and prints help with the exit codes', async () => {
    for (const argv of [
      ['frobnicate'],
      ['clients', 'list', '--bogus'],
      ['clients', 'list', '--limit', '0'],
      ['clients', 'show'],
      [],
    ]) {
      const c = capture();
      expect(await runCli(argv, c.io), argv.join(' ')).toBe(2);
      expect(c.err()).toMatch(/^advisor-desk: /);
    }
    const help = capture();
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.out()).toMatch(/Exit codes:[\s\S]*3\s+not found[\s\S]*4\s+database error/);
  });

  it('exits 4 for a missing, foreign or newer database and never creates one when reading', async () => {
    const missing = capture();
    expect(await runCli(['clients', 'list', '--db', db], missing.io)).toBe(4);
    expect(fs.existsSync(db)).toBe(false);
    fs.writeFileSync(db, 'not sqlite at all'.repeat(50));
    expect(await runCli(['clients', 'list', '--db', db], capture().io)).toBe(4);
    fs.rmSync(db);
    const future = openDatabase(db);
    future.pragma(`user_version = ${LATEST_VERSION + 10}`);
    future.close();
    const newer = capture();
    expect(await runCli(['clients', 'list', '--db', db], newer.io)).toBe(4);
    expect(newer.err()).toMatch(/newer Advisor Desk/);
  });
});
