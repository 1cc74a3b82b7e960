import type { Holding, Interaction, MarketSnapshot, Meeting, Product } from '../domain';
import { generateHoldings, generateInteractions, generateMeetings } from './demo-activity';
import { generateClient, type DemoClient } from './demo-clients';
import { coverAndCreditProducts } from './demo-products-cover-credit';
import { investmentProducts } from './demo-products-invest';
import { generateMarketSnapshots } from './demo-market';
import { createPrng } from './prng';

export interface DemoData {
  clients: DemoClient[];
  products: Product[];
  marketSnapshots: MarketSnapshot[];
  holdings: Holding[];
  meetings: Omit<Meeting, 'clientName'>[];
  interactions: Interaction[];
}

export interface DemoOptions {
  /** Same seed and today, same data, byte for byte. */
  seed?: number;
  /** YYYY-MM-DD: the market history ends here, meetings start here. */
  today: string;
  clientCount?: number;
  interactionCount?: number;
}

export const DEFAULT_DEMO_SEED = 20260101;

export function demoProducts(today: string): Product[] {
  const at = `${today}T00:00:00.000Z`;
  return [...investmentProducts(at), ...coverAndCreditProducts(at)];
}

/** The built-in demo book of business. Each part draws from its own forked generator so parts stay stable independently. */
export function generateDemoData(options: DemoOptions): DemoData {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const rng = createPrng(seed);
  const today = options.today;
  const clientRng = rng.fork('clients');
  const clients = Array.from({ length: options.clientCount ?? 200 }, (_, i) =>
    generateClient(clientRng, i + 1, 'CL-', today),
  );
  const products = demoProducts(today);
  const marketSnapshots = generateMarketSnapshots(rng.fork('market'), today);
  return {
    clients,
    products,
    marketSnapshots,
    holdings: generateHoldings(rng.fork('holdings'), clients, products, today),
    meetings: generateMeetings(rng.fork('meetings'), clients, today),
    interactions: generateInteractions(
      rng.fork('interactions'),
      clients,
      products,
      marketSnapshots,
      today,
      options.interactionCount ?? 6000,
    ),
  };
}

/** Many plausible clients quickly, for benchmarks and load tests. Ids are BK-000001 … so they never clash with the demo's CL- ids. */
export function generateBulkClients(n: number, seed: number, today = '2026-01-01'): DemoClient[] {
  const rng = createPrng(seed).fork('bulk');
  return Array.from({ length: n }, (_, i) => generateClient(rng, i + 1, 'BK-', today));
}
