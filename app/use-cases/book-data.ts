import { generateDemoData } from '../demo/demo-data';
import type { BookSummary, Clock, EventSink, Stores } from '../ports';

export interface BookDataDeps {
  stores: Pick<Stores, 'book' | 'transactions'>;
  clock: Clock;
  events: EventSink;
  actor: string;
}

/** The built-in demo book, and erasing everything: both announced to every window. */
export function createBookDataUseCases(deps: BookDataDeps) {
  const { book } = deps.stores;
  const seed = (): void => book.seed(generateDemoData({ today: deps.clock.today() }));
  return {
    /** Seeds the demo book into a brand-new, empty store; a store the advisor wiped stays empty. */
    /** Seeds the demo book into an empty store; says whether it did. */
    seedIfEmpty(): boolean {
      if (!book.isEmpty()) return false;
      seed();
      return true;
    },

    resetDemo(): BookSummary {
      deps.stores.transactions.write(() => {
        book.wipe({ at: deps.clock.nowIso(), actor: deps.actor });
        seed();
      });
      deps.events.emit('data:changed', { entity: 'all' });
      return book.summary();
    },

    wipe(): BookSummary {
      book.wipe({ at: deps.clock.nowIso(), actor: deps.actor });
      deps.events.emit('data:changed', { entity: 'all' });
      return book.summary();
    },
  };
}
