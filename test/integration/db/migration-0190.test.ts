import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

const AT = '2026-03-01T10:00:00.000Z';

describe('migration 0190 pitch-draft-per-language', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('keeps twin drafts a store already holds, and refuses a new one for the same client, product and language', () => {
    env = tempDb({ target: 160 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    insertRawProduct(db, 'P-1');
    const product = 'P-1';
    const insert = db.prepare(
      `INSERT INTO pitch_drafts (id, client_id, product_id, language, status, current_version, created_at, updated_at)
       VALUES (?, 'C-1', ?, ?, 'draft', 1, ?, ?)`,
    );
    insert.run('PD-1', product, 'en', AT, AT);
    insert.run('PD-2', product, 'en', AT, AT);
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(190);
    expect((db.prepare('SELECT COUNT(*) AS n FROM pitch_drafts').get() as { n: number }).n).toBe(2);
    expect(() => insert.run('PD-3', product, 'en', AT, AT)).toThrow(/already exists/);
    insert.run('PD-4', product, 'zh-CN', AT, AT);
  });
});
