import type { Interaction } from '../../app/domain';
import type { Db } from './connection';

export interface InteractionWithProduct extends Interaction {
  productNameEn: string;
  productNameZh: string;
}

const COLUMNS = `i.id, i.client_id AS clientId, i.product_id AS productId, i.occurred_at AS occurredAt, i.channel, i.policy,
  i.score, i.outcome, i.advisor_id AS advisorId, i.note`;

export function insertInteractions(db: Db, interactions: readonly Interaction[]): void {
  const stmt = db.prepare(`INSERT INTO interactions (id, client_id, product_id, occurred_at, channel, policy, score, outcome, advisor_id, note)
    VALUES (@id, @clientId, @productId, @occurredAt, @channel, @policy, @score, @outcome, @advisorId, @note)`);
  db.transaction(() => {
    for (const i of interactions) stmt.run(i);
  })();
}

/** Newest first: the client page shows the latest reactions at the top. */
export function listInteractionsForClient(db: Db, clientId: string, limit = 200): InteractionWithProduct[] {
  return db
    .prepare(
      `SELECT ${COLUMNS}, p.name_en AS productNameEn, p.name_zh AS productNameZh
       FROM interactions i JOIN products p ON p.id = i.product_id
       WHERE i.client_id = ? ORDER BY i.occurred_at DESC, i.id DESC LIMIT ?`,
    )
    .all(clientId, limit) as InteractionWithProduct[];
}

/** Oldest first, optionally from a date: the order a model is trained and evaluated in. */
export function listInteractions(db: Db, filter: { since?: string; until?: string } = {}): Interaction[] {
  return db
    .prepare(
      `SELECT ${COLUMNS} FROM interactions i
       WHERE (@since IS NULL OR i.occurred_at >= @since) AND (@until IS NULL OR i.occurred_at < @until)
       ORDER BY i.occurred_at, i.id`,
    )
    .all({ since: filter.since ?? null, until: filter.until ?? null }) as Interaction[];
}

export function countInteractions(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM interactions').get() as { n: number }).n;
}
