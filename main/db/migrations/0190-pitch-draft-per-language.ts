import type { Db } from '../connection';

/**
 * One pitch draft per client, product and language, so its versions are numbered in one sequence: a second draft
 * for the same three started its own "version 1" beside the first. A trigger, not a unique index: stores that
 * already hold such twins keep them (their versions and approvals stay as recorded); only new twins are refused.
 */
export const migration0190 = {
  version: 190,
  name: 'pitch-draft-per-language',
  up(db: Db): void {
    db.exec(`
      CREATE INDEX pitch_drafts_subject ON pitch_drafts (client_id, product_id, language);
      CREATE TRIGGER pitch_drafts_one_per_language BEFORE INSERT ON pitch_drafts
        WHEN EXISTS (SELECT 1 FROM pitch_drafts WHERE client_id = NEW.client_id AND product_id = NEW.product_id
                       AND language = NEW.language)
        BEGIN SELECT RAISE(ABORT, 'a pitch draft for this client, product and language already exists'); END;
    `);
  },
};
