import { defaultPolicyLabel, type RankingImpression, type StoredImpression } from '../../app/ports/stores';
import type { RankingShown } from '../../app/records/advice-record';
import type { ClientRanking } from '../../app/domain/ranking';
import type { Db } from './connection';
import { cached } from './statement-cache';

/**
 * Rankings as shown (migration 0120): what was ranked, in which order, with what probability and reasons, and what
 * was excluded by which rules, with the model and rule-set versions that produced them. Never changed once written.
 */
export function recordImpression(db: Db, impression: RankingImpression): void {
  const r = impression.ranking;
  cached(
    db,
    `INSERT INTO ranking_impressions (id, client_id, shown_at, surface, shown_to, model_version, rule_set_id,
       rule_set_version, language_model_json, ranked_json, excluded_json, policy, experiment_id, arm,
       assignment_propensity, exploration_rate) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    impression.id,
    r.clientId,
    impression.shownAt,
    impression.surface,
    impression.shownTo,
    r.modelVersion,
    r.ruleSet.id,
    r.ruleSet.version,
    languageModelColumn(r.languageModel, r.credit),
    JSON.stringify(
      r.ranked.map((p) => ({
        position: p.rank,
        productId: p.productId,
        probability: p.probability,
        reasons: p.reasons,
        movedForDiversity: p.movedForDiversity,
        deviation: p.deviation,
        // The chance the logging policy put it here (off-policy estimates); older rows have none and read back so.
        ...(p.propensity !== undefined ? { propensity: p.propensity } : {}),
        ...(p.explored ? { explored: true } : {}),
      })),
    ),
    JSON.stringify(r.excluded.map((p) => ({ productId: p.productId, failed: p.failed }))),
    impression.policy ?? defaultPolicyLabel(r),
    impression.experiment?.id ?? null,
    impression.experiment?.arm ?? null,
    impression.experiment?.propensity ?? null,
    impression.explorationRate ?? 0,
  );
}

/**
 * The ranking's policy beyond its model and rule set travels in the language-model column: the signals used and the
 * credit filter (whether credit products were ranked, and why). Written as `{languageModel, credit}`; rows kept before
 * the credit filter hold the language model alone and read back with `credit: null`. No migration was needed for one
 * more policy field, and the row stays unchangeable as before.
 */
function languageModelColumn(languageModel: ClientRanking['languageModel'], credit: ClientRanking['credit']): string {
  return JSON.stringify(credit ? { languageModel, credit } : languageModel);
}

export function readLanguageModelColumn(json: string): Pick<StoredImpression, 'languageModel' | 'credit'> {
  const value = JSON.parse(json) as unknown;
  if (value && typeof value === 'object' && 'credit' in value && 'languageModel' in value) {
    const policy = value as { languageModel: StoredImpression['languageModel']; credit: StoredImpression['credit'] };
    return { languageModel: policy.languageModel, credit: policy.credit };
  }
  return { languageModel: value as StoredImpression['languageModel'], credit: null };
}

interface ImpressionRow {
  id: string;
  client_id: string;
  shown_at: string;
  surface: StoredImpression['surface'];
  shown_to: string;
  model_version: number | null;
  rule_set_id: string;
  rule_set_version: number;
  language_model_json: string;
  ranked_json: string;
  excluded_json: string;
}

/** The whole impression as it was shown; null when there is none with that id. */
export function getImpression(db: Db, id: string): StoredImpression | null {
  const row = cached(db, 'SELECT * FROM ranking_impressions WHERE id = ?').get(id) as ImpressionRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    clientId: row.client_id,
    shownAt: row.shown_at,
    surface: row.surface,
    shownTo: row.shown_to,
    modelVersion: row.model_version,
    ruleSet: { id: row.rule_set_id, version: row.rule_set_version },
    ...readLanguageModelColumn(row.language_model_json),
    ranked: JSON.parse(row.ranked_json) as StoredImpression['ranked'],
    excluded: JSON.parse(row.excluded_json) as StoredImpression['excluded'],
  };
}

export function findImpression(db: Db, id: string): { clientId: string; rankedProductIds: string[] } | null {
  const row = cached(db, 'SELECT client_id, ranked_json FROM ranking_impressions WHERE id = ?').get(id) as
    { client_id: string; ranked_json: string } | undefined;
  if (!row) return null;
  const ranked = JSON.parse(row.ranked_json) as { productId: string }[];
  return { clientId: row.client_id, rankedProductIds: ranked.map((p) => p.productId) };
}

/** Where a product stood in the latest of the client's last 50 impressions that ranked it; null when none did. */
export function latestShowing(db: Db, clientId: string, productId: string): RankingShown | null {
  const rows = cached(
    db,
    `SELECT id, shown_at, model_version, ranked_json FROM ranking_impressions
      WHERE client_id = ? ORDER BY shown_at DESC, rowid DESC LIMIT 50`,
  ).all(clientId) as { id: string; shown_at: string; model_version: number | null; ranked_json: string }[];
  for (const row of rows) {
    const ranked = JSON.parse(row.ranked_json) as {
      position: number;
      productId: string;
      probability: number;
      reasons: RankingShown['reasons'];
    }[];
    const hit = ranked.find((p) => p.productId === productId);
    if (hit)
      return {
        impressionId: row.id,
        shownAt: row.shown_at,
        position: hit.position,
        probability: hit.probability,
        modelVersion: row.model_version,
        reasons: hit.reasons,
      };
  }
  return null;
}
