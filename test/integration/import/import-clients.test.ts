import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MappingFileSchema } from '../../../app/import/column-mapping';
import { countClients, getClient } from '../../../main/db/client-repository';
import { openDatabase, type Db } from '../../../main/db/connection';
import { migrate } from '../../../main/db/migrate';
import { importClientsCsv, ImportRefusedError, readMappingFile } from '../../../main/import/import-csv';

let dir: string;
let db: Db;
const now = new Date('2026-11-28T10:00:00Z');

const mapping = MappingFileSchema.parse({
  entity: 'clients',
  delimiter: ';',
  columns: [
    { column: '客户编号', field: 'id', required: true },
    { column: '姓名', field: 'displayName', required: true },
    { column: '类型', field: 'kind', values: { 个人: 'individual', 企业: 'business' } },
    { column: '出生日期', field: 'birthDate', type: 'date' },
    { column: '成立日期', field: 'foundedDate', type: 'date' },
    { column: '行业', field: 'sector' },
    { column: '可投资资产', field: 'investableAssets', type: 'number' },
    { column: '总资产', field: 'totalAssets', type: 'number' },
    { column: '风险等级', field: 'riskClass' },
  ],
});

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-import-'));
  db = openDatabase(path.join(dir, 'store.sqlite'));
  migrate(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const header = '客户编号;姓名;类型;出生日期;成立日期;行业;可投资资产;总资产;风险等级;客户分层\n';

describe('client CSV import', () => {
  it('imports a UTF-8 file with BOM, semicolons, Chinese text and custom attributes', async () => {
    const file = write(
      'clients.csv',
      `\uFEFF${header}K001;王芳;个人;1982-04-03;;;"300,000";900000;C3;gold\nK002;深圳市华信物流有限公司;企业;;2015-06-01;logistics;1200000;5000000;;silver\n`,
    );
    const progress: string[] = [];
    expect(
      await importClientsCsv(db, { file, mapping, actor: 'test', now, onProgress: (p) => progress.push(p.stage) }),
    ).toEqual({ imported: 2 });
    expect(progress).toContain('done');
    const wang = getClient(db, 'K001');
    expect(wang).toMatchObject({
      displayName: '王芳',
      kind: 'individual',
      investableAssets: 300000,
      riskClass: 'C3',
      customAttributes: { 客户分层: 'gold' },
    });
    expect(getClient(db, 'K002')).toMatchObject({ kind: 'business', sector: 'logistics', foundedDate: '2015-06-01' });
  });

  it('imports nothing from a file with one bad row, and names file, line, column and reason', async () => {
    const file = write(
      'bad.csv',
      `${header}K001;王芳;个人;1982-04-03;;;100;200;C3;gold\nK002;李雷;个人;1990-13-01;;;100;200;C2;gold\nK003;韩梅梅;个人;1991-01-01;;;500;200;C9;gold\n`,
    );
    let error: unknown;
    try {
      await importClientsCsv(db, { file, mapping, actor: 'test', now });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportRefusedError);
    expect((error as ImportRefusedError).message).toContain('Nothing was imported from bad.csv');
    expect((error as ImportRefusedError).issues).toEqual([
      { line: 3, column: '出生日期', reason: '"1990-13-01" is not a date written YYYY-MM-DD' },
    ]);
    expect(countClients(db)).toBe(0);
  });

  it('checks each client like the edit form and refuses ids used twice or already stored', async () => {
    const first = write('one.csv', `${header}K001;王芳;个人;1982-04-03;;;100;200;C3;\n`);
    await importClientsCsv(db, { file: first, mapping, actor: 'test', now });
    const file = write(
      'two.csv',
      `${header}K001;Again;个人;1982-04-03;;;100;200;;\nK005;A;个人;1982-04-03;;;900;200;;\nK006;B;个人;;;;1;2;C7;\nK007;C;个人;1980-01-01;;;1;2;;\nK007;D;个人;1980-01-01;;;1;2;;\n`,
    );
    try {
      await importClientsCsv(db, { file, mapping, actor: 'test', now });
      expect.unreachable('the import should have been refused');
    } catch (e) {
      expect((e as ImportRefusedError).issues).toEqual([
        { line: 2, column: '客户编号', reason: 'a client with id K001 already exists' },
        { line: 3, column: '可投资资产', reason: 'Investable assets cannot exceed total assets.' },
        { line: 4, column: '风险等级', reason: '"C7" is not a risk class C1–C5' },
        { line: 6, column: '客户编号', reason: 'id K007 is already used on line 5' },
      ]);
    }
    expect(countClients(db)).toBe(1);
  });

  it('refuses a broken CSV or mapping file with a message that names it', async () => {
    const file = write('broken.csv', `${header}K001;"unclosed\n`);
    await expect(importClientsCsv(db, { file, mapping, actor: 'test', now })).rejects.toThrow(
      /broken\.csv, line 2, column "character 6": a quoted field is never closed/,
    );
    const mappingFile = write(
      'map.json',
      JSON.stringify({ entity: 'clients', columns: [{ column: 'a', field: 'id', type: 'money' }] }),
    );
    expect(() => readMappingFile(mappingFile)).toThrow(/map\.json is not valid at columns\.0\.type/);
  });
});
