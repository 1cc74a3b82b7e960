import type { Holding } from '../../app/domain';
import type { HoldingWithProduct } from '../../app/ports/records';
import type { Db } from './connection';
import { existingKeys } from './existing-keys';

export type { HoldingWithProduct };

export function insertHoldings(db: Db, holdings: readonly Holding[]): void {
  const stmt = db.prepare(
    'INSERT INTO holdings (id, client_id, product_id, amount, acquired_on) VALUES (@id, @clientId, @productId, @amount, @acquiredOn)',
  );
  db.transaction(() => {
    for (const h of holdings) stmt.run(h);
  })();
}

/** Which of these holding ids are stored. */
export function existingHoldingIds(db: Db, ids: Iterable<string>): Set<string> {
  return existingKeys(db, 'holdings', 'id', ids);
}

export function listHoldingsForClient(db: Db, clientId: string): HoldingWithProduct[] {
  return db
    .prepare(
      `SELECT h.id, h.client_id AS clientId, h.product_id AS productId, h.amount, h.acquired_on AS acquiredOn,
              p.name_en AS productNameEn, p.name_zh AS productNameZh, p.family
       FROM holdings h JOIN products p ON p.id = h.product_id
       WHERE h.client_id = ? ORDER BY h.amount DESC, h.id`,
    )
    .all(clientId) as HoldingWithProduct[];
}

export function listHoldings(db: Db): Holding[] {
  return db
    .prepare(
      'SELECT id, client_id AS clientId, product_id AS productId, amount, acquired_on AS acquiredOn FROM holdings ORDER BY id',
    )
    .all() as Holding[];
}
