import { afterEach, describe, expect, it } from 'vitest';
import { insertInteractions, listInteractions } from '../../../main/db/interaction-repository';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

describe('migration 0060 interaction-context', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('gives existing interactions an empty context and keeps the market state recorded with new ones', () => {
    env = tempDb({ target: 50 });
    const { db } = env;
    insertRawClient(db, 'C1', 'Alice');
    insertRawProduct(db, 'P1');
    db.prepare(
      "INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, outcome, advisor_id) VALUES ('I1', 'C1', 'P1', '2026-01-02T00:00:00.000Z', 'call', 'advisor_choice', 'declined', 'ADV-01')",
    ).run();
    migrate(db, { target: 60 });
    expect(schemaVersion(db)).toBe(60);
    expect(db.prepare("SELECT context_json FROM interactions WHERE id = 'I1'").pluck().get()).toBe('{}');
    // Today's repository code reads and writes today's schema.
    migrate(db);

    insertInteractions(db, [
      {
        id: 'I2',
        clientId: 'C1',
        productId: 'P1',
        occurredAt: '2026-01-03T00:00:00.000Z',
        channel: 'meeting',
        policy: 'imported',
        score: null,
        outcome: 'accepted',
        advisorId: 'import',
        note: '',
        context: { month: '2026-01', rate: 1.5 },
      },
    ]);
    const [old, recorded] = listInteractions(db);
    expect(old).toMatchObject({ id: 'I1', outcome: 'declined' });
    expect(old).not.toHaveProperty('context');
    expect(recorded).toMatchObject({ id: 'I2', context: { month: '2026-01', rate: 1.5 } });
  });
});
