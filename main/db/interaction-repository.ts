import type { CustomAttributes, Interaction } from '../../app/domain';
import type { InteractionWithProduct } from '../../app/ports/records';
import type { Db } from './connection';
import { existingKeys } from './existing-keys';

export type { InteractionWithProduct };

const COLUMNS = `i.id, i.client_id AS clientId, i.product_id AS productId, i.occurred_at AS occurredAt, i.channel, i.policy,
  i.score, i.outcome, i.advisor_id AS advisorId, i.note, i.context_json AS contextJson, i.impression_id AS impressionId`;

type InteractionRow = Omit<Interaction, 'context' | 'impressionId'> & {
  contextJson: string;
  impressionId: string | null;
};

/**
 * The stored context is '{}' for interactions that recorded none, and the impression NULL for those not recorded
 * from a ranking: they read back without the fields, as they were written.
 */
function fromRow<T extends InteractionRow>(
  row: T,
): Omit<T, 'contextJson' | 'impressionId'> & { context?: CustomAttributes; impressionId?: string } {
  const { contextJson, impressionId, ...rest } = row;
  // Most rows carry neither (training reads every one): no further object for them.
  if (contextJson === '{}' && impressionId === null) return rest;
  const out: typeof rest & { context?: CustomAttributes; impressionId?: string } = rest;
  if (contextJson !== '{}') out.context = JSON.parse(contextJson) as CustomAttributes;
  if (impressionId !== null) out.impressionId = impressionId;
  return out;
}

const INSERT = `INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, score, outcome, advisor_id, note, context_json, impression_id)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

/** Positional parameters and no intermediate objects: this is the inner loop of a 100,000-row import. */
export function insertInteractions(db: Db, interactions: readonly Interaction[]): void {
  const stmt = db.prepare(INSERT);
  db.transaction(() => {
    for (const i of interactions) {
      stmt.run(
        i.id,
        i.clientId,
        i.productId,
        i.occurredAt,
        i.channel,
        i.policy,
        i.score,
        i.outcome,
        i.advisorId,
        i.note,
        i.context ? JSON.stringify(i.context) : '{}',
        i.impressionId ?? null,
      );
    }
  })();
}

/** Ids of these interactions that are already stored: an import checks its whole batch at once. */
export function existingInteractionIds(db: Db, ids: Iterable<string>): Set<string> {
  return existingKeys(db, 'interactions', 'id', ids);
}

/** Newest first: the client page shows the latest reactions at the top. */
export function listInteractionsForClient(db: Db, clientId: string, limit = 200): InteractionWithProduct[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, p.name_en AS productNameEn, p.name_zh AS productNameZh
       FROM interactions i JOIN products p ON p.id = i.product_id
       WHERE i.client_id = ? AND i.undone_at IS NULL ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`,
    )
    .all(clientId, limit) as (InteractionRow & { productNameEn: string; productNameZh: string })[];
  return rows.map(fromRow);
}

/** Oldest first, optionally from a date: the order a model is trained and evaluated in. */
export function listInteractions(db: Db, filter: { since?: string; until?: string } = {}): Interaction[] {
  const rows = db
    .prepare(
      `SELECT ${COLUMNS} FROM interactions i
       WHERE i.undone_at IS NULL AND (@since IS NULL OR i.occurred_at >= @since) AND (@until IS NULL OR i.occurred_at < @until)
       ORDER BY i.occurred_at, i.id`,
    )
    .all({ since: filter.since ?? null, until: filter.until ?? null }) as InteractionRow[];
  return rows.map(fromRow);
}

export function countInteractions(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM interactions WHERE undone_at IS NULL').get() as { n: number }).n;
}

/** One interaction, undone or not, with when and by whom it was undone. */
export function getInteraction(db: Db, id: string): (Interaction & { undoneAt: string | null }) | null {
  const row = db.prepare(`SELECT ${COLUMNS}, i.undone_at AS undoneAt FROM interactions i WHERE i.id = ?`).get(id) as
    (InteractionRow & { undoneAt: string | null }) | undefined;
  return row ? { ...fromRow(row), undoneAt: row.undoneAt } : null;
}

/** Marks a reaction as withdrawn (a wrong click): it stays in the table, and every reader leaves it out. */
export function markInteractionUndone(db: Db, id: string, at: string, actor: string): void {
  db.prepare('UPDATE interactions SET undone_at = ?, undone_by = ? WHERE id = ? AND undone_at IS NULL').run(
    at,
    actor,
    id,
  );
}
