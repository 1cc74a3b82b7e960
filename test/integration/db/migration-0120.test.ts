import { afterEach, describe, expect, it } from 'vitest';
import { insertInteractions, listInteractionsForClient } from '../../../main/db/interaction-repository';
import { findImpression, recordImpression } from '../../../main/db/impression-repository';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

const AT = '2026-03-01T10:00:00.000Z';
const interaction = (id: string, impressionId?: string) => ({
  id,
  clientId: 'C-1',
  productId: 'P-1',
  occurredAt: AT,
  channel: 'meeting' as const,
  policy: 'advisor-recorded',
  score: 0.4,
  outcome: 'interested' as const,
  advisorId: 'ana',
  note: '',
  ...(impressionId ? { impressionId } : {}),
});

describe('migration 0120 ranking-impressions', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('keeps earlier reactions as they were (no impression) and links new ones to the ranking they came from', () => {
    env = tempDb({ target: 110 });
    const { db } = env;
    insertRawClient(db, 'C-1', 'Ada Client');
    insertRawProduct(db, 'P-1');
    db.prepare(
      `INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, score, outcome, advisor_id, note)
       VALUES ('IA-OLD', 'C-1', 'P-1', ?, 'meeting', 'advisor-recorded', 0.3, 'declined', 'ana', '')`,
    ).run(AT);
    // Through the latest schema: the repositories read and write the columns later migrations add.
    migrate(db);
    expect(schemaVersion(db)).toBeGreaterThanOrEqual(120);

    recordImpression(db, {
      id: 'IM-1',
      shownAt: AT,
      surface: 'app',
      shownTo: 'ana',
      ranking: {
        clientId: 'C-1',
        at: AT,
        modelVersion: null,
        ruleSet: { id: 'default', version: 1 },
        languageModel: null,
        ranked: [],
        excluded: [],
        impressionId: null,
      },
    });
    expect(findImpression(db, 'IM-1')).toEqual({ clientId: 'C-1', rankedProductIds: [] });
    insertInteractions(db, [interaction('IA-NEW', 'IM-1')]);
    const stored = listInteractionsForClient(db, 'C-1');
    expect(stored.find((i) => i.id === 'IA-OLD')).not.toHaveProperty('impressionId');
    expect(stored.find((i) => i.id === 'IA-NEW')?.impressionId).toBe('IM-1');
    expect(() => db.prepare(`UPDATE ranking_impressions SET shown_to = 'x'`).run()).toThrow(/cannot be changed/);
  });
});
