import type { DataSummary } from '../../app/contract/channels';
import { appendAudit, dropRecordSeals } from './audit-log';
import { countClients } from './client-repository';
import type { Db } from './connection';
import { countInteractions } from './interaction-repository';
import { countMarketSnapshots } from './market-repository';
import { countMeetings } from './meeting-repository';
import { ADVICE_RECORDS_NO_DELETE } from './migrations/0130-advice-records-frozen';
import { countProducts } from './product-repository';

/** Children before parents so foreign keys never block the delete. */
const WIPE_ORDER = [
  'advice_records',
  'pitch_reviews',
  'pitch_review_requests',
  'pitch_approvals',
  'pitch_draft_versions',
  'pitch_drafts',
  'recommendations',
  'interactions',
  'experiment_pitch_drafts',
  'experiment_assignments',
  'experiment_arms',
  'experiments',
  'ranking_impressions',
  'meetings',
  'holdings',
  'suitability_deviations',
  'questionnaire_responses',
  'clients',
  'products',
  'market_snapshots',
  'suitability_rule_sets',
  'model_versions',
  // Vectors of product descriptions: derived from the products, so they go with them.
  'llm_embeddings',
] as const;

export function summarizeData(db: Db): DataSummary {
  return {
    clients: countClients(db),
    products: countProducts(db),
    interactions: countInteractions(db),
    meetings: countMeetings(db),
    marketSnapshots: countMarketSnapshots(db),
  };
}

/**
 * Empties every business table. Settings stay (they are the user's, not data), and so does the audit trail:
 * it is append-only by design, so the wipe itself is recorded in it with the counts that were removed.
 */
export function wipeData(db: Db, meta: { at: string; actor: string }): void {
  db.transaction(() => {
    const before = summarizeData(db);
    // The one deletion of advice records there is: lifted for this transaction only, and recorded below.
    const guarded = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'trigger' AND name = 'advice_records_no_delete'")
      .get();
    if (guarded) db.exec('DROP TRIGGER advice_records_no_delete');
    for (const table of WIPE_ORDER) db.exec(`DELETE FROM ${table}`);
    if (guarded) db.exec(ADVICE_RECORDS_NO_DELETE);
    dropRecordSeals(db);
    appendAudit(db, {
      at: meta.at,
      actor: meta.actor,
      entity: 'data',
      entityId: '*',
      action: 'wipe',
      before,
      after: summarizeData(db),
    });
  }).immediate();
}
