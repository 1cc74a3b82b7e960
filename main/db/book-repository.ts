import type { Client } from '../../app/domain';
import type { BookOfBusiness } from '../../app/scoring/training-rows';
import { getClient } from './client-repository';
import { CLIENT_SELECT, rowToClient, type ClientRow } from './client-rows';
import type { Db } from './connection';
import { listMarketSnapshots } from './market-repository';
import { listProducts } from './product-repository';

/** Every client, oldest id first: what a full retrain joins the recorded outcomes to. */
export function listAllClients(db: Db): Client[] {
  return (db.prepare(`${CLIENT_SELECT} ORDER BY c.id`).all() as ClientRow[]).map(rowToClient);
}

/** The whole book as the model sees it: stored clients are flat profiles, which is what scoring takes. */
export function loadBookOfBusiness(db: Db): BookOfBusiness {
  return {
    clients: listAllClients(db),
    products: listProducts(db, { search: '', family: null }),
    marketSnapshots: listMarketSnapshots(db),
  };
}

/** The book for some clients only (those with outcomes, for an evaluation): every product and market day still. */
export function loadBookOfClients(db: Db, clientIds: ReadonlySet<string>): BookOfBusiness {
  const clients: Client[] = [];
  for (const id of clientIds) {
    const client = getClient(db, id);
    if (client) clients.push(client);
  }
  return {
    clients,
    products: listProducts(db, { search: '', family: null }),
    marketSnapshots: listMarketSnapshots(db),
  };
}
