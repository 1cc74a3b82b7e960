import type { HandlerTable } from '../../app/contract/dispatch';
import { DomainError } from '../../app/domain/domain-error';
import { createBookDataUseCases } from '../../app/use-cases/book-data';
import { APP_VERSION } from '../app-version';
import type { BackendContext } from './backend-context';
import { seedDemoHistory } from './demo-history';

type BookChannel =
  | 'app:info'
  | 'settings:get'
  | 'settings:update'
  | 'products:list'
  | 'products:get'
  | 'market:latest'
  | 'meetings:upcoming'
  | 'data:summary'
  | 'data:reset-demo'
  | 'data:wipe';

/** The catalogue, market, meetings, settings and whole-book requests: reads from the store and small use-cases. */
export function bookHandlers(
  ctx: BackendContext,
  about: { mode: 'electron' | 'browser'; databasePath: string; demoHistory?: boolean },
): Pick<HandlerTable, BookChannel> {
  const { stores, clock } = ctx;
  const book = createBookDataUseCases(ctx);
  return {
    'app:info': () => ({
      version: APP_VERSION,
      mode: about.mode,
      dataDir: ctx.dataDir,
      databasePath: about.databasePath,
      clientCount: stores.clients.count(),
      productCount: stores.products.count(),
    }),
    'settings:get': () => stores.settings.get(),
    'settings:update': (patch) => {
      const settings = stores.settings.update(patch, clock.nowIso());
      ctx.events.emit('data:changed', { entity: 'settings' });
      return settings;
    },
    'products:list': (query) => stores.products.list(query),
    'products:get': ({ id }) => {
      const product = stores.products.get(id);
      if (!product) throw new DomainError('not_found', `No product with id ${id}.`);
      return product;
    },
    'market:latest': () => stores.market.latest(clock.today()) ?? stores.market.latest(),
    'meetings:upcoming': ({ limit }) => stores.meetings.upcoming(clock.nowIso(), limit),
    'data:summary': () => stores.book.summary(),
    'data:reset-demo': async () => {
      book.resetDemo();
      // The fresh demo book gets its history too, as a new store does; the summary counts it.
      if (about.demoHistory) await seedDemoHistory(ctx);
      ctx.emit('data:changed', { entity: 'all' });
      return stores.book.summary();
    },
    'data:wipe': () => book.wipe(),
  };
}
