import {
  calibrationView,
  selectionView,
  type ModelVersionSummary,
  type StoredModelMetrics,
} from '../../app/domain/model-version';
import type { NewModelVersion, StoredModelVersion } from '../../app/ports/stores';

// The shapes are the store port's; re-exported for the callers that import them from here.
export type { NewModelVersion, StoredModelMetrics, StoredModelVersion };
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { cached } from './statement-cache';

/** The one kind of model the engine trains today; other kinds (an LLM re-ranker) would get their own rows. */
export const INTEREST_MODEL_KIND = 'interest-fm';

interface ModelVersionRow {
  version: number;
  kind: string;
  params_json: string;
  metrics_json: string;
  trained_on_through: string | null;
  trained_from: string | null;
  active: number;
  created_at: string;
  note: string;
  train_rows: number;
  test_rows: number;
  online_updates: number;
}

const SUMMARY_COLUMNS =
  'version, kind, metrics_json, trained_on_through, trained_from, active, created_at, note, train_rows, test_rows, online_updates';

function summaryOf(row: Omit<ModelVersionRow, 'params_json'>): ModelVersionSummary {
  let metrics: Partial<StoredModelMetrics> = {};
  try {
    metrics = JSON.parse(row.metrics_json) as Partial<StoredModelMetrics>;
  } catch {
    // A damaged metrics column loses the figures, not the version: it can still score and be activated.
  }
  return {
    version: row.version,
    kind: row.kind,
    createdAt: row.created_at,
    active: row.active === 1,
    trainedFrom: row.trained_from,
    trainedTo: row.trained_on_through,
    trainRows: row.train_rows,
    testRows: row.test_rows,
    onlineUpdates: row.online_updates,
    metrics: metrics.model ?? null,
    baselines: metrics.baselines ?? {},
    note: row.note,
    selection: selectionView(metrics),
    comparison: metrics.comparison ?? null,
    calibration: calibrationView(metrics),
  };
}

/** Newest first, as the versions page lists them. */
export function listModelVersions(db: Db, kind = INTEREST_MODEL_KIND): ModelVersionSummary[] {
  const rows = cached(db, `SELECT ${SUMMARY_COLUMNS} FROM model_versions WHERE kind = ? ORDER BY version DESC`).all(
    kind,
  ) as ModelVersionRow[];
  return rows.map(summaryOf);
}

/** Which version is live and how many outcomes it has learned: cheap, so a cached model can check it is current. */
export function activeModelStamp(
  db: Db,
  kind = INTEREST_MODEL_KIND,
): { version: number; onlineUpdates: number } | null {
  const row = cached(db, 'SELECT version, online_updates FROM model_versions WHERE kind = ? AND active = 1').get(
    kind,
  ) as { version: number; online_updates: number } | undefined;
  return row ? { version: row.version, onlineUpdates: row.online_updates } : null;
}

export function getModelVersion(db: Db, version: number, kind = INTEREST_MODEL_KIND): StoredModelVersion | null {
  const row = cached(
    db,
    `SELECT ${SUMMARY_COLUMNS}, params_json FROM model_versions WHERE kind = ? AND version = ?`,
  ).get(kind, version) as ModelVersionRow | undefined;
  return row ? { summary: summaryOf(row), params: JSON.parse(row.params_json) as unknown } : null;
}

export function getActiveModelVersion(db: Db, kind = INTEREST_MODEL_KIND): StoredModelVersion | null {
  const stamp = activeModelStamp(db, kind);
  return stamp ? getModelVersion(db, stamp.version, kind) : null;
}

function markActive(db: Db, kind: string, version: number): void {
  // Two statements, deactivate first: the partial unique index allows one active row per kind at any moment.
  cached(db, 'UPDATE model_versions SET active = 0 WHERE kind = ? AND active = 1 AND version <> ?').run(kind, version);
  cached(db, 'UPDATE model_versions SET active = 1 WHERE kind = ? AND version = ?').run(kind, version);
}

/**
 * Stores a trained model as the next version and makes it the live one, with its audit entry, in one
 * transaction: either the new version is live with its metrics or nothing changed. A version that scored worse
 * than the live one on the same held-out outcomes (its comparison says not made live) is stored but not made live.
 */
export function insertModelVersion(db: Db, input: NewModelVersion, kind = INTEREST_MODEL_KIND): ModelVersionSummary {
  return db
    .transaction((): ModelVersionSummary => {
      const previous = activeModelStamp(db, kind);
      const version =
        ((cached(db, 'SELECT MAX(version) AS v FROM model_versions WHERE kind = ?').get(kind) as { v: number | null })
          .v ?? 0) + 1;
      cached(
        db,
        `INSERT INTO model_versions (id, kind, version, params_json, metrics_json, trained_on_through, trained_from, active, created_at, updated_at, note, train_rows, test_rows, online_updates)
       VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, 0)`,
      ).run(
        `${kind}@${version}`,
        kind,
        version,
        JSON.stringify(input.params),
        JSON.stringify(input.comparison ? { ...input.metrics, comparison: input.comparison } : input.metrics),
        input.trainedTo,
        input.trainedFrom,
        input.at,
        input.at,
        input.note,
        input.trainRows,
        input.testRows,
      );
      // With no live version there is nothing to keep: the first version always goes live.
      const goesLive = !previous || input.comparison?.madeLive !== false;
      if (goesLive) markActive(db, kind, version);
      appendAudit(db, {
        at: input.at,
        actor: input.actor,
        entity: 'model_version',
        entityId: `${kind}@${version}`,
        action: 'train',
        before: { activeVersion: previous?.version ?? null },
        after: {
          activeVersion: goesLive ? version : (previous?.version ?? null),
          ...(input.comparison ? { comparison: input.comparison } : {}),
          note: input.note,
          trainRows: input.trainRows,
          testRows: input.testRows,
          trainedFrom: input.trainedFrom,
          trainedTo: input.trainedTo,
          metrics: input.metrics.model,
        },
      });
      return getModelVersion(db, version, kind)!.summary;
    })
    .immediate();
}

/** Makes a stored version the live one (a rollback is the same move); null when there is no such version. */
export function activateModelVersion(
  db: Db,
  version: number,
  meta: { at: string; actor: string },
  kind = INTEREST_MODEL_KIND,
): ModelVersionSummary | null {
  return db
    .transaction((): ModelVersionSummary | null => {
      const target = getModelVersion(db, version, kind);
      if (!target) return null;
      const before = activeModelStamp(db, kind);
      markActive(db, kind, version);
      appendAudit(db, {
        at: meta.at,
        actor: meta.actor,
        entity: 'model_version',
        entityId: `${kind}@${version}`,
        action: 'activate',
        before: { activeVersion: before?.version ?? null },
        after: { activeVersion: version },
      });
      return { ...target.summary, active: true };
    })
    .immediate();
}

/**
 * Saves the live version's parameters after it learned one more outcome and counts it. Call inside the
 * transaction that records the outcome, so the outcome and what the model learned from it commit together.
 * Not audited per call: the interaction itself is the record, and the counter says how many were learned.
 */
/** Restores the parameters from before the latest online update, only if no other update came after it. */
export function revertOnlineUpdate(
  db: Db,
  version: number,
  paramsJson: string,
  updatesAfter: number,
  at: string,
  kind = INTEREST_MODEL_KIND,
): boolean {
  const changed = cached(
    db,
    `UPDATE model_versions SET params_json = ?, online_updates = online_updates - 1, updated_at = ?
      WHERE kind = ? AND version = ? AND online_updates = ?`,
  ).run(paramsJson, at, kind, version, updatesAfter).changes;
  return changed === 1;
}

export function saveOnlineUpdate(
  db: Db,
  version: number,
  params: unknown,
  at: string,
  kind = INTEREST_MODEL_KIND,
): number {
  cached(
    db,
    'UPDATE model_versions SET params_json = ?, online_updates = online_updates + 1, updated_at = ? WHERE kind = ? AND version = ?',
  ).run(JSON.stringify(params), at, kind, version);
  return (
    cached(db, 'SELECT online_updates FROM model_versions WHERE kind = ? AND version = ?').get(kind, version) as {
      online_updates: number;
    }
  ).online_updates;
}
