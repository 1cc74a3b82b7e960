import fs from 'node:fs';
import { captureCliIo } from '../integration/cli/run-cli';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../main/cli/cli-commands';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { importEventsCsv } from '../../main/import/import-events';
import { tempDir } from '../integration/db/temp-db';
import { eventsCsv, writeHugeQuotedFieldCsv, writeWideEventsCsv } from './csv-shapes';

/**
 * CSV files as a careless export or an attacker writes them, through the real CLI into a real SQLite file. Each
 * case says what a user would see: the exit code, the message naming the file, line and limit, and that nothing
 * was written.
 */

const capture = captureCliIo;

let dir: string;
let dbFile: string;
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
};
const stored = () => {
  const db = openDatabase(dbFile);
  try {
    migrate(db);
    return {
      interactions: db.prepare('SELECT count(*) FROM interactions').pluck().get() as number,
      clients: db.prepare('SELECT count(*) FROM clients').pluck().get() as number,
    };
  } finally {
    db.close();
  }
};
async function importEvents(csv: string, ...extra: string[]) {
  const run = capture();
  const code = await runCli(['import-events', csv, '--db', dbFile, ...extra], run.io);
  return { code, err: run.err(), out: run.out() };
}

beforeEach(() => {
  dir = tempDir('ad-robust-csv-');
  dbFile = path.join(dir, 'desk.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('CSV shapes', () => {
  it('refuses a folder given as the file with a sentence, not EISDIR', async () => {
    fs.mkdirSync(path.join(dir, 'exports'));
    const r = await importEvents(path.join(dir, 'exports'));
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/exports is a folder, not a CSV file/);
    expect(r.err).not.toMatch(/EISDIR/);
  });

  it('reads CR-only line endings as line breaks', async () => {
    const csv = file(
      'mac.csv',
      eventsCsv(
        [
          ['C1', 'P1', '2026-01-01', 'yes'],
          ['C2', 'P1', '2026-01-02', 'no'],
        ],
        { eol: '\r' },
      ),
    );
    const r = await importEvents(csv);
    expect(r.err).not.toMatch(/advisor-desk:/);
    expect(r.code).toBe(0);
    expect(stored().interactions).toBe(2);
  });

  it('stops /dev/zero at its first byte: a NUL is not text', async () => {
    const started = Date.now();
    const r = await importEvents('/dev/zero');
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/zero, line 1, column "character 1": a NUL character: this is not CSV text/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('names the limit, the file and the line of a field past the field limit, without reading it into memory', async () => {
    const csv = path.join(dir, 'huge.csv');
    writeHugeQuotedFieldCsv(csv, 3 * 1024 * 1024);
    const r = await importEvents(csv);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(
      /huge\.csv, line 2, column "character 5": field 5 is longer than the limit of 1,048,576 characters per field/,
    );
    expect(stored().interactions).toBe(0);
  });

  it('names the limit on file size for a file past it', async () => {
    const csv = file(
      'big.csv',
      eventsCsv(Array.from({ length: 2000 }, (_, i) => [`C${i}`, 'P1', '2026-01-01', 'yes'])),
    );
    const db = openDatabase(dbFile);
    migrate(db);
    try {
      await expect(
        importEventsCsv(db, { file: csv, actor: 't', now: new Date(), limits: { maxFileBytes: 10_000 } }),
      ).rejects.toThrow(/big\.csv, line 0, column "\(file\)": the file is larger than the limit of 0\.\d+ MiB/);
    } finally {
      db.close();
    }
  });

  it('reads a header of 40,000 columns in linear time and refuses it at the bound on attributes, naming the bound', async () => {
    const csv = path.join(dir, 'wide.csv');
    writeWideEventsCsv(csv, 40_000);
    const started = Date.now();
    const r = await importEvents(csv);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(r.code).toBe(5);
    expect(r.err).toMatch(/40,000 client\. columns, past the bound of 1000 attributes per client/);
  });
});

describe('CSV encodings', () => {
  it('refuses Latin-1 bytes read as UTF-8, naming the line, and reads them with --encoding', async () => {
    const text = eventsCsv([
      ['C1', 'P1', '2026-01-01', 'yes'],
      ['C2', 'P1', '2026-01-02', 'no'],
    ]).replace('client_id,product_id,occurred_at,outcome\n', 'client_id,product_id,occurred_at,outcome,client.city\n');
    const lines = text.trim().split('\n');
    const latin1 = Buffer.from(`${lines[0]}\n${lines[1]},Zurich\n${lines[2]},Zürich\n`, 'latin1');
    const csv = file('latin1.csv', latin1);
    const refused = await importEvents(csv);
    expect(refused.code).toBe(5);
    expect(refused.err).toMatch(/latin1\.csv, line 3, column "\(text\)": bytes that are not valid utf-8 text/);
    expect(stored().interactions).toBe(0);
    const read = await importEvents(csv, '--encoding', 'windows-1252', '--json');
    expect(read.code).toBe(0);
    const db = openDatabase(dbFile);
    try {
      const attrs = db.prepare("SELECT custom_attributes_json FROM clients WHERE id = 'C2'").pluck().get() as string;
      expect(JSON.parse(attrs)).toEqual({ city: 'Zürich' });
    } finally {
      db.close();
    }
  });

  it('reads GB18030 and Big5 exports when their encoding is named', async () => {
    for (const [encoding, bytes] of [
      // 上海 in GB18030 and 台北 in Big5, as a Chinese branch's export would write them.
      ['gb18030', Buffer.from([0xc9, 0xcf, 0xba, 0xa3])],
      ['big5', Buffer.from([0xa5, 0x78, 0xa5, 0x5f])],
    ] as const) {
      const csv = file(
        `${encoding}.csv`,
        Buffer.concat([
          Buffer.from(`client_id,product_id,occurred_at,outcome,client.city\n${encoding}-1,P1,2026-01-01,yes,`),
          bytes,
          Buffer.from('\n'),
        ]),
      );
      const r = await importEvents(csv, '--encoding', encoding);
      expect(r.err).not.toMatch(/advisor-desk:/);
      expect(r.code).toBe(0);
    }
    const db = openDatabase(dbFile);
    try {
      const city = (id: string) =>
        JSON.parse(db.prepare('SELECT custom_attributes_json FROM clients WHERE id = ?').pluck().get(id) as string)
          .city;
      expect(city('gb18030-1')).toBe('上海');
      expect(city('big5-1')).toBe('台北');
    } finally {
      db.close();
    }
  });

  it('refuses an encoding it does not know as a usage error', async () => {
    const r = await importEvents(
      file('e.csv', eventsCsv([['C1', 'P1', '2026-01-01', 'yes']])),
      '--encoding',
      'klingon',
    );
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--encoding "klingon" is not an encoding this app knows/);
  });
});

describe('values that would corrupt silently', () => {
  it('refuses a decimal comma as ambiguous, and reads it as 1.5 with --decimal ,', async () => {
    const csv = file('semi.csv', 'client_id;product_id;occurred_at;outcome;market.rate\nC1;P1;2026-01-01;yes;"1,5"\n');
    const refused = await importEvents(csv);
    expect(refused.code).toBe(5);
    expect(refused.err).toMatch(/"1,5" is ambiguous: a decimal comma or a thousands separator\?/);
    const read = await importEvents(csv, '--decimal', ',');
    expect(read.code).toBe(0);
    const db = openDatabase(dbFile);
    try {
      expect(JSON.parse(db.prepare('SELECT context_json FROM interactions').pluck().get() as string)).toEqual({
        rate: 1.5,
      });
    } finally {
      db.close();
    }
  });

  it('refuses NUL, control and zero-width characters in ids, and treats NFC and NFD spellings as one id', async () => {
    const zeroWidth = await importEvents(file('zw.csv', eventsCsv([['X1\u200B', 'P1', '2026-01-01', 'yes']])));
    expect(zeroWidth.code).toBe(5);
    expect(zeroWidth.err).toMatch(
      /client id: the id holds an invisible or control character \(U\+200B at position 3\)/,
    );
    const nul = await importEvents(file('nul.csv', eventsCsv([['X\u00001', 'P1', '2026-01-01', 'yes']])));
    expect(nul.code).toBe(5);
    expect(nul.err).toMatch(/nul\.csv, line 2, column "character 2": a NUL character/);
    const nfc = await importEvents(
      file(
        'nfc.csv',
        eventsCsv([
          ['Jos\u00e9', 'P1', '2026-01-01', 'yes'],
          ['Jose\u0301', 'P1', '2026-01-02', 'no'],
        ]),
      ),
    );
    expect(nfc.code).toBe(0);
    expect(stored()).toEqual({ interactions: 2, clients: 1 });
  });

  it('names the bound for years and amounts outside the domain', async () => {
    const years = await importEvents(
      file(
        'y.csv',
        eventsCsv([
          ['C1', 'P1', '2999-01-01', 'yes'],
          ['C1', 'P1', '0000-01-01', 'yes'],
        ]),
      ),
    );
    expect(years.code).toBe(5);
    expect(years.err).toMatch(/line 2, column "occurred_at": "2999-01-01" is outside the years 1900–2100/);
    const amounts = await importEvents(
      file('a.csv', 'client_id,product_id,occurred_at,outcome,market.rate\nC1,P1,2026-01-01,yes,1e308\n'),
    );
    expect(amounts.code).toBe(5);
    expect(amounts.err).toMatch(/"1e308" is outside the bound of ±1e\+15/);
  });
});

describe('cancelling and concurrency', () => {
  it('Ctrl-C during an import exits 130 and writes nothing', async () => {
    const csv = file(
      'many.csv',
      eventsCsv(
        Array.from({ length: 30_000 }, (_, i) => [
          `C${i % 500}`,
          `P${i % 9}`,
          `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}Z`,
          `${i % 2}`,
        ]).map((r, i) => [
          r[0] as string,
          r[1] as string,
          `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00Z`,
          r[3] as string,
        ]),
      ),
    );
    let stop: (() => void) | null = null;
    const run = capture((s) => {
      stop = s;
      return () => undefined;
    });
    const progress = run.io.stderr;
    run.io.stderr = (t) => {
      progress(t);
      // The first Ctrl-C once rows are being written.
      if (/^writing [1-9]/.test(t)) stop?.();
    };
    const code = await runCli(['import-events', csv, '--db', dbFile], run.io);
    expect(run.err()).toMatch(/Import cancelled: nothing was imported/);
    expect(code).toBe(130);
    expect(stored()).toEqual({ interactions: 0, clients: 0 });
  });

  it('waits for another writer, then says the database is busy with exit 6, writing nothing', async () => {
    const holder = openDatabase(dbFile);
    migrate(holder);
    holder.pragma('busy_timeout = 0');
    holder.exec('BEGIN IMMEDIATE');
    try {
      const csv = file('e.csv', eventsCsv([['C1', 'P1', '2026-01-01', 'yes']]));
      const started = Date.now();
      const r = await importEvents(csv);
      expect(r.code).toBe(6);
      expect(r.err).toMatch(
        /waiting for another import \(or another writer\) to finish…\n.*the database is busy with another import/s,
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(4000);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(stored().interactions).toBe(0);
  }, 20_000);

  it('imports one file twice at once: one imports it, the other is refused as already stored, never UNIQUE failed', async () => {
    const csv = file(
      'twice.csv',
      eventsCsv(
        Array.from({ length: 12_000 }, (_, i) => [
          `C${i % 40}`,
          `P${i % 5}`,
          `2025-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}T${String(i % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}Z`,
          `${i % 2}`,
        ]),
      ),
    );
    const results = await Promise.all([importEvents(csv), importEvents(csv)]);
    expect(results.map((r) => r.code).sort()).toEqual([0, 5]);
    const refused = results.find((r) => r.code === 5);
    expect(refused?.err).toMatch(/is already stored \(was this file imported before\?\)/);
    expect(refused?.err).not.toMatch(/UNIQUE/);
    expect(stored().interactions).toBe(12_000);
  }, 60_000);
});
