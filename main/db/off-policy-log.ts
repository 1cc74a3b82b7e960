import type { LoggedImpression } from '../../app/analytics/policy-replay';
import type { OffPolicyLogSource } from '../../app/use-cases/estimate-policies';
import type { Db } from './connection';
import { readLanguageModelColumn } from './impression-repository';
import { getModelVersion } from './model-version-repository';
import { cached } from './statement-cache';

interface Row {
  id: string;
  client_id: string;
  shown_at: string;
  policy: string | null;
  model_version: number | null;
  exploration_rate: number;
  language_model_json: string;
  ranked_json: string;
  excluded_json: string;
}

/**
 * The rankings shown in a time range with their propensities and the reactions recorded from them (undone ones left
 * out), for off-policy estimates. A product shown without a reaction counts as not converted.
 */
export function offPolicyLog(db: Db): OffPolicyLogSource {
  return {
    impressions({ from, to }) {
      const rows = cached(
        db,
        `SELECT id, client_id, shown_at, policy, model_version, exploration_rate, language_model_json, ranked_json,
           excluded_json FROM ranking_impressions
          WHERE shown_at >= coalesce(?, '') AND (? IS NULL OR shown_at < ?) ORDER BY shown_at, rowid`,
      ).all(from ?? null, to ?? null, to ?? null) as Row[];
      const reactions = cached(
        db,
        `SELECT i.impression_id AS impressionId, i.product_id AS productId, i.outcome AS outcome
           FROM interactions i JOIN ranking_impressions r ON r.id = i.impression_id
          WHERE i.undone_at IS NULL AND i.outcome IS NOT NULL
            AND r.shown_at >= coalesce(?, '') AND (? IS NULL OR r.shown_at < ?)`,
      ).all(from ?? null, to ?? null, to ?? null) as { impressionId: string; productId: string; outcome: string }[];
      const outcomes = new Map<string, 'accepted' | 'interested'>();
      for (const r of reactions) {
        const key = `${r.impressionId}\u0000${r.productId}`;
        if (r.outcome === 'accepted') outcomes.set(key, 'accepted');
        else if (r.outcome === 'interested' && !outcomes.has(key)) outcomes.set(key, 'interested');
      }
      return rows.map((row): LoggedImpression => {
        const ranked = JSON.parse(row.ranked_json) as { productId: string; propensity?: number }[];
        const excluded = JSON.parse(row.excluded_json) as { productId: string }[];
        // The language-model column also holds the credit filter the ranking was shown under (see its writer).
        const { credit } = readLanguageModelColumn(row.language_model_json);
        return {
          id: row.id,
          clientId: row.client_id,
          shownAt: row.shown_at,
          // Rows kept before migration 0200 carry no label: their model version names them, as in the funnel.
          policy: row.policy ?? (row.model_version === null ? 'popularity' : `model-v${row.model_version}`),
          explorationRate: row.exploration_rate,
          includeCredit: credit?.requested === true,
          shown: ranked.map((p) => ({
            productId: p.productId,
            propensity: p.propensity ?? null,
            outcome: outcomes.get(`${row.id}\u0000${p.productId}`) ?? 'other',
          })),
          excludedProductIds: excluded.map((e) => e.productId),
        };
      });
    },
    modelParams(version) {
      return getModelVersion(db, version)?.params ?? null;
    },
  };
}
