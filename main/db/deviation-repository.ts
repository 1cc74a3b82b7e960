import type { NewDeviation, SuitabilityDeviation } from '../../app/ports/records';
import type { RequestedDeviation } from '../../app/suitability';
import { appendAudit } from './audit-log';
import type { Db } from './connection';
import { cached } from './statement-cache';

export type { NewDeviation, SuitabilityDeviation };

interface DeviationRow {
  id: string;
  client_id: string;
  product_id: string;
  warning_en: string;
  warning_zh: string;
  acknowledged_by: string;
  acknowledged_at: string;
  reason: string;
  rule_set_id: string;
  rule_set_version: number;
  recorded_by: string;
  withdrawn_at: string | null;
  withdrawn_by: string | null;
}

/** Recording a second active deviation for the same client and product; the first must be withdrawn first. */
export class DeviationExistsError extends Error {
  constructor(readonly existing: SuitabilityDeviation) {
    super(
      `A client-requested deviation for product ${existing.productId} is already recorded (${existing.id}); withdraw it before recording another.`,
    );
    this.name = 'DeviationExistsError';
  }
}

function fromRow(row: DeviationRow): SuitabilityDeviation {
  return {
    id: row.id,
    clientId: row.client_id,
    productId: row.product_id,
    warning: { en: row.warning_en, zh: row.warning_zh },
    acknowledgedBy: row.acknowledged_by,
    acknowledgedAt: row.acknowledged_at,
    reason: row.reason,
    ruleSet: { id: row.rule_set_id, version: row.rule_set_version },
    recordedBy: row.recorded_by,
    withdrawnAt: row.withdrawn_at,
    withdrawnBy: row.withdrawn_by,
  };
}

export function getDeviation(db: Db, id: string): SuitabilityDeviation | null {
  const row = cached(db, 'SELECT * FROM suitability_deviations WHERE id = ?').get(id) as DeviationRow | undefined;
  return row ? fromRow(row) : null;
}

/** Every deviation recorded for the client, withdrawn ones included, newest first: the page shows the history. */
export function listDeviationsForClient(db: Db, clientId: string): SuitabilityDeviation[] {
  return (
    cached(db, 'SELECT * FROM suitability_deviations WHERE client_id = ? ORDER BY acknowledged_at DESC, id').all(
      clientId,
    ) as DeviationRow[]
  ).map(fromRow);
}

export function activeDeviation(db: Db, clientId: string, productId: string): SuitabilityDeviation | null {
  const row = cached(
    db,
    'SELECT * FROM suitability_deviations WHERE client_id = ? AND product_id = ? AND withdrawn_at IS NULL',
  ).get(clientId, productId) as DeviationRow | undefined;
  return row ? fromRow(row) : null;
}

/** The client's active deviations in the shape the suitability rules read, keyed by product id. */
export function activeDeviationsForRanking(db: Db, clientId: string): Map<string, RequestedDeviation> {
  const rows = cached(db, 'SELECT * FROM suitability_deviations WHERE client_id = ? AND withdrawn_at IS NULL').all(
    clientId,
  ) as DeviationRow[];
  return new Map(
    rows.map((r) => [
      r.product_id,
      { warningShown: true, acknowledgedBy: r.acknowledged_by, acknowledgedAt: r.acknowledged_at },
    ]),
  );
}

/** Stores the deviation and its audit entry in one transaction; refuses a second active one for the same pair. */
export function recordDeviation(
  db: Db,
  input: NewDeviation,
  meta: { at: string; actor: string },
): SuitabilityDeviation {
  return db
    .transaction((): SuitabilityDeviation => {
      const existing = activeDeviation(db, input.clientId, input.productId);
      if (existing) throw new DeviationExistsError(existing);
      cached(
        db,
        `INSERT INTO suitability_deviations (id, client_id, product_id, warning_en, warning_zh, acknowledged_by, acknowledged_at, reason, rule_set_id, rule_set_version, recorded_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.id,
        input.clientId,
        input.productId,
        input.warning.en,
        input.warning.zh,
        input.acknowledgedBy,
        input.acknowledgedAt,
        input.reason,
        input.ruleSet.id,
        input.ruleSet.version,
        input.recordedBy,
      );
      const stored = getDeviation(db, input.id)!;
      appendAudit(db, {
        at: meta.at,
        actor: meta.actor,
        entity: 'suitability_deviation',
        entityId: stored.id,
        action: 'record',
        before: null,
        after: stored,
      });
      return stored;
    })
    .immediate();
}

/**
 * Marks the deviation withdrawn (the row stays, so the advice trail can still show what was once allowed).
 * Returns null when there is no such deviation; withdrawing one already withdrawn changes nothing.
 */
export function withdrawDeviation(
  db: Db,
  id: string,
  meta: { at: string; actor: string },
): SuitabilityDeviation | null {
  return db
    .transaction((): SuitabilityDeviation | null => {
      const before = getDeviation(db, id);
      if (!before || before.withdrawnAt !== null) return before;
      cached(db, 'UPDATE suitability_deviations SET withdrawn_at = ?, withdrawn_by = ? WHERE id = ?').run(
        meta.at,
        meta.actor,
        id,
      );
      const after = getDeviation(db, id)!;
      appendAudit(db, {
        at: meta.at,
        actor: meta.actor,
        entity: 'suitability_deviation',
        entityId: id,
        action: 'withdraw',
        before,
        after,
      });
      return after;
    })
    .immediate();
}
