import { afterEach, describe, expect, it } from 'vitest';
import { listAuditEntries } from '../../../main/db/audit-log';
import {
  activeDeviationsForRanking,
  listDeviationsForClient,
  recordDeviation,
  withdrawDeviation,
} from '../../../main/db/deviation-repository';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

const deviation = {
  id: 'DV-1',
  clientId: 'C-1',
  productId: 'P-1',
  warning: { en: 'Risk warning: R3 is 1 grade above R2', zh: '风险警示：R3 比 R2 高 1 级' },
  acknowledgedBy: 'Ada Client',
  acknowledgedAt: '2026-03-01T10:00:00.000Z',
  reason: 'Wants exposure to equities',
  ruleSet: { id: 'default', version: 1 },
  recordedBy: 'advisor',
};

describe('migration 0080 suitability-deviations', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('adds the table to a database with clients and products, keeping them, and stores a deviation against them', () => {
    env = tempDb({ target: 70 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    insertRawProduct(db, 'P-1');
    migrate(db, { target: 80 });
    expect(schemaVersion(db)).toBe(80);
    expect((db.prepare('SELECT COUNT(*) AS n FROM clients').get() as { n: number }).n).toBe(1);

    const stored = recordDeviation(db, deviation, { at: '2026-03-01T10:00:00.000Z', actor: 'advisor' });
    expect(stored).toMatchObject({ ...deviation, withdrawnAt: null, withdrawnBy: null });
    expect(activeDeviationsForRanking(db, 'C-1').get('P-1')).toEqual({
      warningShown: true,
      acknowledgedBy: 'Ada Client',
      acknowledgedAt: '2026-03-01T10:00:00.000Z',
    });
  });

  it('allows one active deviation per client and product, a new one after a withdrawal, and refuses a blank reason or an unknown client', () => {
    env = tempDb({ target: 70 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    insertRawProduct(db, 'P-1');
    migrate(db, { target: 80 });
    recordDeviation(db, deviation, { at: '2026-03-01T10:00:00.000Z', actor: 'advisor' });
    expect(() =>
      db
        .prepare(
          "INSERT INTO suitability_deviations (id, client_id, product_id, warning_en, warning_zh, acknowledged_by, acknowledged_at, reason, rule_set_id, rule_set_version, recorded_by) VALUES ('DV-2', 'C-1', 'P-1', 'w', 'w', 'x', '2026-03-02', 'r', 'default', 1, 'a')",
        )
        .run(),
    ).toThrow(/UNIQUE/);
    withdrawDeviation(db, 'DV-1', { at: '2026-03-02T00:00:00.000Z', actor: 'advisor' });
    recordDeviation(
      db,
      { ...deviation, id: 'DV-2', acknowledgedAt: '2026-03-03T00:00:00.000Z' },
      { at: '2026-03-03T00:00:00.000Z', actor: 'advisor' },
    );
    expect(listDeviationsForClient(db, 'C-1').map((d) => [d.id, d.withdrawnAt])).toEqual([
      ['DV-2', null],
      ['DV-1', '2026-03-02T00:00:00.000Z'],
    ]);
    expect(() =>
      recordDeviation(
        db,
        { ...deviation, id: 'DV-3', productId: 'P-1', reason: '  ' },
        { at: '2026-03-04T00:00:00.000Z', actor: 'advisor' },
      ),
    ).toThrow();
    expect(() =>
      recordDeviation(
        db,
        { ...deviation, id: 'DV-4', clientId: 'C-404' },
        { at: '2026-03-04T00:00:00.000Z', actor: 'advisor' },
      ),
    ).toThrow(/FOREIGN KEY/);
    expect(listAuditEntries(db, { entity: 'suitability_deviation' }).map((e) => [e.entityId, e.action])).toEqual([
      ['DV-1', 'record'],
      ['DV-1', 'withdraw'],
      ['DV-2', 'record'],
    ]);
  });
});
