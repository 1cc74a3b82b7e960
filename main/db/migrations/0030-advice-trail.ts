import type { Db } from '../connection';

/**
 * How advice was produced and what was handed over: ranked recommendations, machine and advisor
 * drafts kept version by version, and the frozen advice record compliance exports.
 */
export const migration0030 = {
  version: 30,
  name: 'advice-trail',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE recommendations (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        product_id TEXT NOT NULL REFERENCES products (id),
        created_at TEXT NOT NULL,
        policy TEXT NOT NULL,
        model_version_id TEXT,
        rank INTEGER,
        score REAL,
        eligible INTEGER NOT NULL,
        reasons_json TEXT NOT NULL DEFAULT '[]',
        contributions_json TEXT NOT NULL DEFAULT '{}',
        interaction_id TEXT REFERENCES interactions (id) ON DELETE SET NULL
      );
      CREATE INDEX recommendations_client_time ON recommendations (client_id, created_at);

      CREATE TABLE pitch_drafts (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        product_id TEXT NOT NULL REFERENCES products (id),
        recommendation_id TEXT REFERENCES recommendations (id) ON DELETE SET NULL,
        language TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'draft',
        current_version INTEGER NOT NULL DEFAULT 1,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE INDEX pitch_drafts_client ON pitch_drafts (client_id, updated_at);

      CREATE TABLE pitch_draft_versions (
        draft_id TEXT NOT NULL REFERENCES pitch_drafts (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        author TEXT NOT NULL,
        text TEXT NOT NULL,
        prompt_hash TEXT,
        generation_json TEXT NOT NULL DEFAULT '{}',
        lint_json TEXT NOT NULL DEFAULT '[]',
        created_at TEXT NOT NULL,
        PRIMARY KEY (draft_id, version)
      );

      CREATE TABLE advice_records (
        id TEXT PRIMARY KEY,
        client_id TEXT NOT NULL REFERENCES clients (id),
        created_at TEXT NOT NULL,
        advisor_id TEXT NOT NULL,
        approver_id TEXT,
        status TEXT NOT NULL DEFAULT 'final',
        questionnaire_response_id TEXT REFERENCES questionnaire_responses (id),
        pitch_draft_id TEXT REFERENCES pitch_drafts (id),
        record_json TEXT NOT NULL,
        content_hash TEXT NOT NULL,
        exported_at TEXT
      );
      CREATE INDEX advice_records_time ON advice_records (created_at);
      CREATE INDEX advice_records_client ON advice_records (client_id, created_at);
    `);
  },
};
