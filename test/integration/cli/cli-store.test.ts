import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli-commands';
import type { CliIo } from '../../../main/cli/cli-io';
import { helpFor } from '../../../main/cli/cli-help';
import { tempDir } from '../db/temp-db';
import { CLI_TEST_NOW } from './run-cli';

/** A CLI io with these environment variables and, when given, a terminal that answers each key prompt in turn. */
function capture(env: Record<string, string | undefined> = {}, typed?: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const prompts: string[] = [];
  const io: CliIo = {
    stdout: (t) => out.push(t),
    stderr: (t) => err.push(t),
    env,
    now: () => CLI_TEST_NOW,
    ...(typed
      ? {
          readSecret: (prompt: string) => {
            prompts.push(prompt);
            return Promise.resolve(typed.shift() ?? '');
          },
        }
      : {}),
  };
  return { io, out: () => out.join(''), err: () => err.join(''), prompts };
}

async function clientNames(db: string, env: Record<string, string> = {}): Promise<string[]> {
  const c = capture(env);
  expect(await runCli(['clients', 'list', '--db', db, '--limit', '1000', '--json'], c.io), c.err()).toBe(0);
  return (JSON.parse(c.out()) as { rows: { displayName: string }[] }).rows.map((r) => r.displayName);
}

describe('advisor-desk store: encryption at rest from the command line', () => {
  let dir: string;
  let db: string;
  beforeEach(async () => {
    dir = tempDir('ad-cli-store-');
    db = path.join(dir, 'desk.sqlite');
    expect(await runCli(['seed', '--db', db], capture().io)).toBe(0);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('encrypts with the key from the environment; every command then needs that key', async () => {
    const names = await clientNames(db);
    const encrypt = capture({ ADVISOR_DESK_DB_KEY: 's3cret key' });
    expect(await runCli(['store', 'encrypt', '--db', db], encrypt.io), encrypt.err()).toBe(0);
    expect(encrypt.out()).toMatch(/^Encrypted .*desk\.sqlite \([\d,]+ rows in \d+ tables, checked\)/);
    expect(fs.readFileSync(db).includes(Buffer.from(names[0]!))).toBe(false);

    expect(await clientNames(db, { ADVISOR_DESK_DB_KEY: 's3cret key' })).toEqual(names);

    const missing = capture();
    expect(await runCli(['clients', 'list', '--db', db], missing.io)).toBe(7);
    expect(missing.err()).toMatch(/is encrypted and no key was given\. Set ADVISOR_DESK_DB_KEY/);
    expect(missing.err()).not.toMatch(/file is not a database/);

    const wrong = capture({ ADVISOR_DESK_DB_KEY: 'guess' });
    expect(await runCli(['clients', 'list', '--db', db], wrong.io)).toBe(7);
    expect(wrong.err()).toMatch(/key does not open the encrypted database/);
    expect(wrong.err()).not.toContain('guess');

    const status = capture();
    expect(await runCli(['store', 'status', '--db', db, '--json'], status.io)).toBe(0);
    expect(JSON.parse(status.out())).toEqual({ path: db, encrypted: true });
  });

  it('asks on the terminal for a key typed twice, and for the key of an encrypted store', async () => {
    const mismatch = capture({}, ['one', 'two']);
    expect(await runCli(['store', 'encrypt', '--db', db], mismatch.io)).toBe(2);
    expect(mismatch.err()).toMatch(/two keys typed differ; nothing was changed/);

    const typed = capture({}, ['typed key', 'typed key']);
    expect(await runCli(['store', 'encrypt', '--db', db], typed.io), typed.err()).toBe(0);
    expect(typed.prompts).toEqual([`New key for ${db}: `, 'The same key again: ']);

    const asked = capture({}, ['typed key']);
    expect(await runCli(['clients', 'show', 'CL-0001', '--db', db, '--json'], asked.io), asked.err()).toBe(0);
    expect(asked.prompts).toEqual([`Key for ${db}: `]);
    expect(JSON.parse(asked.out()).client.id).toBe('CL-0001');

    const again = capture({}, ['typed key', 'typed key']);
    expect(await runCli(['store', 'encrypt', '--db', db], again.io)).toBe(1);
    expect(again.err()).toMatch(/already encrypted; use `store rekey`/);
    expect(again.prompts).toEqual([]);
  });

  it('rekeys and decrypts back to a plain store with the same clients', async () => {
    const names = await clientNames(db);
    await runCli(['store', 'encrypt', '--db', db], capture({ ADVISOR_DESK_DB_KEY: 'old' }).io);
    const rekey = capture({ ADVISOR_DESK_DB_KEY: 'old', ADVISOR_DESK_DB_NEW_KEY: 'new' });
    expect(await runCli(['store', 'rekey', '--db', db], rekey.io), rekey.err()).toBe(0);
    expect(await runCli(['clients', 'list', '--db', db], capture({ ADVISOR_DESK_DB_KEY: 'old' }).io)).toBe(7);
    expect(await clientNames(db, { ADVISOR_DESK_DB_KEY: 'new' })).toEqual(names);

    const wrong = capture({ ADVISOR_DESK_DB_KEY: 'old' });
    expect(await runCli(['store', 'decrypt', '--db', db], wrong.io)).toBe(7);
    const decrypt = capture({ ADVISOR_DESK_DB_KEY: 'new' });
    expect(await runCli(['store', 'decrypt', '--db', db], decrypt.io), decrypt.err()).toBe(0);
    expect(decrypt.out()).toMatch(/^Decrypted .* It opens without a key now\./);
    expect(await clientNames(db)).toEqual(names);

    const note = capture({ ADVISOR_DESK_DB_KEY: 'new' });
    expect(await runCli(['clients', 'list', '--db', db], note.io)).toBe(0);
    expect(note.err()).toMatch(/ADVISOR_DESK_DB_KEY is set but .* is not encrypted/);
  });

  it('refuses without a terminal or a key, and documents the commands and exit 7', async () => {
    const noKey = capture();
    expect(await runCli(['store', 'encrypt', '--db', db], noKey.io)).toBe(7);
    expect(noKey.err()).toMatch(/set ADVISOR_DESK_DB_KEY \(there is no terminal to ask on\)/);
    expect(await runCli(['store', 'shred', '--db', db], capture().io)).toBe(2);
    const help = helpFor('store');
    expect(help).toMatch(/advisor-desk store encrypt/);
    expect(help).toMatch(/advisor-desk store rekey/);
    expect(help).not.toMatch(/advisor-desk seed/);
    expect(help).toMatch(/7 {2}key: the database is encrypted/);
  });
});
