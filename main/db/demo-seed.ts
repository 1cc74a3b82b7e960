import { DEMO_BRANCH_TIME_ZONE } from '../../app/demo/demo-activity';
import type { DemoData } from '../../app/demo/demo-data';
import { demoUsers } from '../../app/demo/demo-users';
import { sealRecordsWithoutEntry } from './audit-log';
import { bulkInsertClients } from './client-repository';
import type { Db } from './connection';
import { insertHoldings } from './holding-repository';
import { insertInteractions } from './interaction-repository';
import { upsertMarketSnapshots } from './market-repository';
import { insertMeetings } from './meeting-repository';
import { upsertProducts } from './product-repository';
import { getUser, insertUser } from './user-repository';

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
    // The demo branch's people, each added once (users outlive a reset of the book), audited like any new user.
    const createdAt = data.marketSnapshots[0]
      ? `${data.marketSnapshots[0].asOf}T08:00:00.000Z`
      : new Date().toISOString();
    for (const user of demoUsers(createdAt)) if (!getUser(db, user.id)) insertUser(db, user, DEMO_ACTOR);
    // The demo branch's meetings are in its office hours: its clock is the desk's until the advisor picks another.
    db.prepare(`INSERT OR IGNORE INTO settings (key, value_json, updated_at) VALUES ('timeZone', ?, ?)`).run(
      JSON.stringify(DEMO_BRANCH_TIME_ZONE),
      createdAt,
    );
  }).immediate();
}

/** True when there is nothing a user could lose: no clients and no products. */
export function isStoreEmpty(db: Db): boolean {
  return (
    db.prepare('SELECT EXISTS (SELECT 1 FROM clients) OR EXISTS (SELECT 1 FROM products) AS any').pluck().get() === 0
  );
}
