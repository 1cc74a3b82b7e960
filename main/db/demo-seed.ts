import type { DemoData } from '../../app/demo/demo-data';
import { sealRecordsWithoutEntry } from './audit-log';
import { bulkInsertClients } from './client-repository';
import type { Db } from './connection';
import { insertHoldings } from './holding-repository';
import { insertInteractions } from './interaction-repository';
import { upsertMarketSnapshots } from './market-repository';
import { insertMeetings } from './meeting-repository';
import { upsertProducts } from './product-repository';

export const DEMO_ACTOR = 'demo-seed';

/** Loads a generated book of business in one transaction, so a failed seed leaves the database as it was. */
export function seedDemoData(db: Db, data: DemoData): void {
  db.transaction(() => {
    upsertProducts(db, data.products);
    sealRecordsWithoutEntry(
      db,
      'product',
      data.products.map((p) => p.id),
    );
    bulkInsertClients(db, data.clients, DEMO_ACTOR);
    upsertMarketSnapshots(db, data.marketSnapshots);
    insertHoldings(db, data.holdings);
    insertMeetings(db, data.meetings);
    insertInteractions(db, data.interactions);
  }).immediate();
}

/** True when there is nothing a user could lose: no clients and no products. */
export function isStoreEmpty(db: Db): boolean {
  return (
    db.prepare('SELECT EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM products) AS any').pluck().get() === 0
  );
}
