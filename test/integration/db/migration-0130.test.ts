import { afterEach, describe, expect, it } from 'vitest';
import type { AdviceRecord } from '../../../app/records/advice-record';
import { getAdviceRecord, insertAdviceRecord, listAdviceRecords } from '../../../main/db/advice-record-repository';
import { wipeData } from '../../../main/db/data-maintenance';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, tempDb } from './temp-db';

const AT = '2026-03-01T10:00:00.000Z';
/** Only the fields the table reads; the rest of a record is opaque JSON to the store. */
const record = (id: string) =>
  ({
    schema: 'advisor-desk/advice-record@1',
    id,
    kind: 'pitch-approved',
    createdAt: AT,
    advisor: 'ana',
    approver: 'bo',
    client: { id: 'C-1' },
    product: { id: 'P-1' },
    pitch: { draftId: null },
  }) as unknown as AdviceRecord;

describe('migration 0130 advice-records-frozen', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('freezes records against change and deletion, except the audited erase-everything', () => {
    env = tempDb({ target: 120 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    // Through the latest schema: the repositories read and write the columns later migrations add.
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(130);

    const hash = insertAdviceRecord(db, record('AR-1'));
    expect(getAdviceRecord(db, 'AR-1')).toMatchObject({ contentHash: hash, intact: true });
    expect(listAdviceRecords(db, 'C-1')).toMatchObject([{ id: 'AR-1', kind: 'pitch-approved', productId: 'P-1' }]);
    expect(() => db.prepare(`UPDATE advice_records SET record_json = '{}'`).run()).toThrow(/cannot be changed/);
    expect(() => db.prepare('DELETE FROM advice_records').run()).toThrow(/cannot be deleted/);

    // With the triggers dropped, a changed text no longer matches its hash: the record says it is not intact.
    db.exec('DROP TRIGGER advice_records_no_update');
    db.prepare(`UPDATE advice_records SET record_json = replace(record_json, '"bo"', '"eve"')`).run();
    expect(getAdviceRecord(db, 'AR-1')?.intact).toBe(false);

    migrate(db);
    wipeData(db, { at: AT, actor: 'ana' });
    expect(listAdviceRecords(db, 'C-1')).toEqual([]);
    // The guard is back after the erasure.
    insertRawClient(db, 'C-1', 'Ada Client');
    insertAdviceRecord(db, record('AR-2'));
    expect(() => db.prepare('DELETE FROM advice_records').run()).toThrow(/cannot be deleted/);
  });
});
