import { afterEach, describe, expect, it } from 'vitest';
import { funnelCells } from '../../../main/db/funnel-repository';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

describe('migration 0210 conversion-funnel', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('counts the rankings and reactions a store already holds, and keeps counting new ones', () => {
    env = tempDb({ target: 200 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    insertRawProduct(db, 'P-1');
    insertRawProduct(db, 'P-2');
    const impression = db.prepare(
      `INSERT INTO ranking_impressions (id, client_id, shown_at, surface, shown_to, model_version, rule_set_id, rule_set_version, ranked_json, excluded_json)
       VALUES (?, 'C-1', ?, 'app', 'ADV-1', NULL, 'RS', 1, '[{"position":1,"productId":"P-1"},{"position":2,"productId":"P-2"}]', '[]')`,
    );
    impression.run('R-1', '2026-03-02T10:00:00.000Z');
    db.prepare(
      `INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, score, outcome, advisor_id, note, impression_id)
       VALUES ('I-1', 'C-1', 'P-2', '2026-03-02T11:00:00.000Z', 'meeting', 'p', NULL, 'interested', 'ADV-1', '', 'R-1')`,
    ).run();
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(210);
    const total = () =>
      funnelCells(db, { from: '2026-03-01', to: '2026-03-31', groupBy: 'product', period: 'month' }).reduce(
        (sum, c) => ({ shown: sum.shown + c.counts.shown, interested: sum.interested + c.counts.interested }),
        { shown: 0, interested: 0 },
      );
    expect(total()).toEqual({ shown: 2, interested: 1 });
    impression.run('R-2', '2026-03-03T10:00:00.000Z');
    expect(total()).toEqual({ shown: 4, interested: 1 });
  });
});
