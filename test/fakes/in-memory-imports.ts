import type {
  Client,
  CustomAttributes,
  Holding,
  Interaction,
  MarketSnapshot,
  NewClient,
  Product,
} from '../../app/domain';
import { DomainError } from '../../app/domain/domain-error';
import type { ImportStore, Stores } from '../../app/ports';

/** What an import wrote, as plain data a test can compare. */
export interface ImportedState {
  clients: Map<string, NewClient>;
  products: Map<string, Product>;
  holdings: Map<string, Holding>;
  interactions: Map<string, Interaction>;
  market: Map<string, MarketSnapshot>;
  audit: { file: string; sha256: string; kind: string; summary: Record<string, unknown> }[];
}

const empty = (): ImportedState => ({
  clients: new Map(),
  products: new Map(),
  holdings: new Map(),
  interactions: new Map(),
  market: new Map(),
  audit: [],
});

const copy = (s: ImportedState): ImportedState => ({
  clients: new Map(s.clients),
  products: new Map(s.products),
  holdings: new Map(s.holdings),
  interactions: new Map(s.interactions),
  market: new Map(s.market),
  audit: [...s.audit],
});

const has = (map: Map<string, unknown>, ids: Iterable<string>) => new Set([...ids].filter((id) => map.has(id)));

function merge<T extends { customAttributes: CustomAttributes }>(
  target: T | undefined,
  attrs: CustomAttributes,
): T | undefined {
  return target ? { ...target, customAttributes: { ...target.customAttributes, ...attrs } } : undefined;
}

/**
 * The import's store held in memory, with a write transaction that really rolls back: a stepped write keeps a copy
 * of the state and puts it back when the work throws or the signal aborts. `writes` counts the steps taken, and
 * `onStep` lets a test act between two of them (abort, or play the other process).
 */
export function inMemoryImports(seed: Partial<ImportedState> = {}) {
  let state: ImportedState = { ...empty(), ...seed };
  let steps = 0;
  let onStep: ((n: number) => void) | null = null;
  const imports: ImportStore = {
    existingClientIds: (ids) => has(state.clients, ids),
    existingProductIds: (ids) => has(state.products, ids),
    existingHoldingIds: (ids) => has(state.holdings, ids),
    existingInteractionIds: (ids) => has(state.interactions, ids),
    existingMarketDates: (dates) => has(state.market, dates),
    insertClients: (clients) => {
      for (const c of clients) {
        if (state.clients.has(c.id)) throw new Error(`UNIQUE constraint failed: clients.id ${c.id}`);
        state.clients.set(c.id, c);
      }
    },
    mergeClientAttributes: (updates) => {
      for (const [id, attrs] of updates) {
        const c = state.clients.get(id);
        if (c) state.clients.set(id, { ...c, profile: merge(c.profile as Client, attrs) ?? c.profile });
      }
      return updates.size;
    },
    putProducts: (products) => {
      let created = 0;
      for (const p of products) {
        if (!state.products.has(p.id)) created++;
        state.products.set(p.id, p);
      }
      return { created, updated: products.length - created };
    },
    mergeProductAttributes: (updates) => {
      for (const [id, attrs] of updates) {
        const p = merge(state.products.get(id), attrs);
        if (p) state.products.set(id, p);
      }
      return updates.size;
    },
    insertHoldings: (holdings) => holdings.forEach((h) => state.holdings.set(h.id, h)),
    insertInteractions: (interactions) => {
      for (const i of interactions) {
        if (state.interactions.has(i.id)) throw new Error(`UNIQUE constraint failed: interactions.id ${i.id}`);
        state.interactions.set(i.id, i);
      }
    },
    putMarketSnapshots: (snapshots) => snapshots.forEach((s) => state.market.set(s.asOf, s)),
    auditBatch: ({ file, sha256, kind, summary }) => void state.audit.push({ file, sha256, kind, summary }),
  };
  let open = false;
  const transactions: Stores['transactions'] = {
    write: (work) => {
      const before = copy(state);
      try {
        return work();
      } catch (error) {
        state = before;
        throw error;
      }
    },
    writeInSteps: async (work, signal) => {
      if (open) throw new DomainError('busy', 'the database is busy with another import');
      open = true;
      const before = copy(state);
      try {
        const result = await work(async () => {
          await new Promise<void>((resolve) => setImmediate(resolve));
          onStep?.(++steps);
          if (signal?.aborted) throw new DomainError('cancelled', 'cancelled');
        });
        if (signal?.aborted) throw new DomainError('cancelled', 'cancelled');
        return result;
      } catch (error) {
        state = before;
        throw error;
      } finally {
        open = false;
      }
    },
  };
  return {
    stores: { imports, transactions },
    state: () => state,
    steps: () => steps,
    betweenSteps(fn: (n: number) => void) {
      onStep = fn;
    },
  };
}
