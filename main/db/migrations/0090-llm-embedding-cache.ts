import type { Db } from '../connection';

/**
 * Cached text embeddings for the language-model ranking signals. A product description is embedded once
 * per model file (its sha256) and per text (the sha256 of the exact text embedded), so an edited description or
 * another model is embedded afresh and an old row is simply never read again. Vectors are stored as little-endian
 * float32 blobs; nothing here is client data (client texts are embedded per request and not stored).
 */
export const migration0090 = {
  version: 90,
  name: 'llm-embedding-cache',
  up(db: Db): void {
    db.exec(`
      CREATE TABLE llm_embeddings (
        model_sha256 TEXT NOT NULL,
        text_sha256 TEXT NOT NULL,
        dimensions INTEGER NOT NULL CHECK (dimensions > 0),
        vector BLOB NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (model_sha256, text_sha256)
      ) WITHOUT ROWID;
    `);
  },
};
