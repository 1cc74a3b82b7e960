import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../main/db/connection';
import { migrate } from '../../../main/db/migrate';

export { profile } from '../../fixtures/client-profile';

/** A real file-backed database in its own temp folder; cleanup closes it and removes the folder. */
export function tempDb(options: { target?: number } = {}): { db: Db; file: string; dir: string; cleanup(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-db-'));
  const file = path.join(dir, 'test.sqlite');
  const db = openDatabase(file);
  migrate(db, options);
  return {
    db,
    file,
    dir,
    cleanup() {
      if (db.open) db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(prefix = 'ad-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Inserts a minimal client row with SQL, for migration tests that run before the repositories' schema exists. */
export function insertRawClient(db: Db, id: string, name: string): void {
  db.prepare(
    `INSERT INTO clients (id, kind, display_name, language, liquidity_need, knowledge_level, created_at, updated_at, search_text)
     VALUES (?, 'individual', ?, 'en', 'low', 'basic', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', lower(?))`,
  ).run(id, name, name);
}

export function insertRawProduct(db: Db, id: string): void {
  db.prepare(
    `INSERT INTO products (id, family, category, name_en, name_zh, risk_grade, rate_kind, liquidity, currency, eligibility_json, updated_at)
     VALUES (?, 'deposit', 'savings', 'Saver', '储蓄', 'R1', 'fixed_rate', 'daily', 'CNY', '{"clientKinds":["individual"]}', '2026-01-01T00:00:00.000Z')`,
  ).run(id);
}
