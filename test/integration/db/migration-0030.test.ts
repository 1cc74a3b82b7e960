import { afterEach, describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../main/db/migrate';
import { insertRawClient, insertRawProduct, tempDb } from './temp-db';

describe('migration 0030 advice-trail', () => {
  let env: ReturnType<typeof tempDb>;
  afterEach(() => env.cleanup());

  it('adds recommendations, versioned pitch drafts and advice records over existing clients and interactions', () => {
    env = tempDb({ target: 20 });
    const { db } = env;
    insertRawClient(db, 'C1', 'Alice');
    insertRawProduct(db, 'P1');
    db.prepare(
      "INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, advisor_id) VALUES ('I1', 'C1', 'P1', '2026-01-02T00:00:00Z', 'meeting', 'rules_v1', 'ADV-01')",
    ).run();
    migrate(db, { target: 30 });
    expect(schemaVersion(db)).toBe(30);
    expect(db.prepare('SELECT count(*) FROM interactions').pluck().get()).toBe(1);
    db.prepare(
      "INSERT INTO recommendations (id, client_id, product_id, created_at, policy, eligible, interaction_id) VALUES ('R1', 'C1', 'P1', 'now', 'rules_v1', 1, 'I1')",
    ).run();
    db.prepare(
      "INSERT INTO pitch_drafts (id, client_id, product_id, recommendation_id, language, created_at, updated_at) VALUES ('D1', 'C1', 'P1', 'R1', 'en', 'now', 'now')",
    ).run();
    db.prepare(
      "INSERT INTO pitch_draft_versions (draft_id, version, author, text, created_at) VALUES ('D1', 1, 'model', 'Draft', 'now'), ('D1', 2, 'advisor', 'Edited', 'now')",
    ).run();
    expect(() =>
      db
        .prepare(
          "INSERT INTO pitch_draft_versions (draft_id, version, author, text, created_at) VALUES ('D1', 2, 'advisor', 'again', 'now')",
        )
        .run(),
    ).toThrow(/UNIQUE|PRIMARY/);
    db.prepare(
      "INSERT INTO advice_records (id, client_id, created_at, advisor_id, pitch_draft_id, record_json, content_hash) VALUES ('A1', 'C1', 'now', 'ADV-01', 'D1', '{}', 'h')",
    ).run();
    expect(db.prepare('SELECT count(*) FROM pitch_draft_versions WHERE draft_id = ?').pluck().get('D1')).toBe(2);
  });
});
