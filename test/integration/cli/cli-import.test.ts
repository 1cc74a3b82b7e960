import fs from 'node:fs';
import { captureCliIo } from './run-cli';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/cli-commands';
import { tempDir } from '../db/temp-db';

const capture = captureCliIo;

describe('advisor-desk import clients', () => {
  let dir: string;
  let db: string;
  let mapping: string;
  beforeEach(() => {
    dir = tempDir('ad-cli-import-');
    db = path.join(dir, 'desk.sqlite');
    mapping = path.join(dir, 'mapping.json');
    fs.writeFileSync(
      mapping,
      JSON.stringify({
        entity: 'clients',
        columns: [
          { column: 'id', field: 'id', required: true },
          { column: 'name', field: 'displayName', required: true },
          { column: 'born', field: 'birthDate', type: 'date' },
        ],
      }),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('imports a file and the clients are then listed', async () => {
    const csv = path.join(dir, 'ok.csv');
    fs.writeFileSync(csv, 'id,name,born\nX1,Zhou Jie,1979-05-05\nX2,周杰,1980-06-06\n');
    const run = capture();
    expect(await runCli(['import', 'clients', csv, '--mapping', mapping, '--db', db, '--json'], run.io)).toBe(0);
    expect(JSON.parse(run.out())).toEqual({ entity: 'clients', imported: 2, created: 2, updated: 0, file: csv });
    const list = capture();
    expect(await runCli(['clients', 'list', '--db', db, '--search', '周杰', '--json'], list.io)).toBe(0);
    expect(list.out()).toContain('X2');
  });

  it('exits 5, imports nothing and lists each problem with file, line and column', async () => {
    const csv = path.join(dir, 'bad.csv');
    fs.writeFileSync(csv, 'id,name,born\nX1,,1979-05-05\nX2,Li,05/06/1980\n');
    const run = capture();
    expect(await runCli(['import', 'clients', csv, '--mapping', mapping, '--db', db], run.io)).toBe(5);
    expect(run.err()).toContain('Nothing was imported from bad.csv: 2 problems.');
    expect(run.err()).toContain('bad.csv, line 2, column "name": a value is required');
    expect(run.err()).toContain('bad.csv, line 3, column "born": "05/06/1980" is not a date written YYYY-MM-DD');
    const list = capture();
    await runCli(['clients', 'list', '--db', db, '--json'], list.io);
    expect(JSON.parse(list.out()).total).toBe(0);
  });

  it('refuses a missing mapping option as a usage error and a broken mapping as refused input', async () => {
    expect(await runCli(['import', 'clients', 'x.csv', '--db', db], capture().io)).toBe(2);
    fs.writeFileSync(mapping, '{"entity": "clients", "columns": [');
    const csv = path.join(dir, 'ok.csv');
    fs.writeFileSync(csv, 'id,name\nX1,A\n');
    const run = capture();
    expect(await runCli(['import', 'clients', csv, '--mapping', mapping, '--db', db], run.io)).toBe(5);
    expect(run.err()).toMatch(/mapping\.json could not be read as JSON/);
  });
});
