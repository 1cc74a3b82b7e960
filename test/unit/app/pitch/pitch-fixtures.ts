import type { MarketSnapshot, Product } from '../../../../app/domain';
import { generateDemoData, type DemoData } from '../../../../app/demo';
import { pitchFacts, type PitchFacts } from '../../../../app/pitch';
import {
  DEFAULT_RULE_SET,
  checkSuitability,
  type SuitabilityClient,
  type SuitabilityResult,
} from '../../../../app/suitability';

export const TODAY = '2026-01-01';

let cached: DemoData | null = null;
export function demo(): DemoData {
  cached ??= generateDemoData({ today: TODAY, clientCount: 200, interactionCount: 10 });
  return cached;
}

export function latestMarket(): MarketSnapshot {
  return demo().marketSnapshots.at(-1)!;
}

export function demoProduct(id: string): Product {
  const found = demo().products.find((p) => p.id === id);
  if (!found) throw new Error(`no demo product ${id}`);
  return found;
}

export function suitabilityOf(client: SuitabilityClient, product: Product): SuitabilityResult {
  const holdings = demo().holdings.filter((h) => h.clientId === client.id);
  return checkSuitability(client, product, {
    holdings,
    today: TODAY,
    ruleSet: DEFAULT_RULE_SET,
    catalog: demo().products,
  });
}

/** Every suitable (client, product) pair of the demo book, with its facts. */
let pairs: { client: SuitabilityClient; product: Product; facts: PitchFacts }[] | null = null;
export function suitablePairs(): { client: SuitabilityClient; product: Product; facts: PitchFacts }[] {
  if (pairs) return pairs;
  const out: { client: SuitabilityClient; product: Product; facts: PitchFacts }[] = [];
  for (const client of demo().clients) {
    for (const product of demo().products) {
      const suitability = suitabilityOf(client, product);
      if (!suitability.suitable) continue;
      out.push({ client, product, facts: pitchFacts(client, product, latestMarket(), suitability, { today: TODAY }) });
    }
  }
  pairs = out;
  return out;
}

/** A suitable pair for a given product, for tests that need one realistic case. */
export function factsFor(productId: string): PitchFacts {
  const pair = suitablePairs().find((p) => p.product.id === productId);
  if (!pair) throw new Error(`no demo client suits ${productId}`);
  return pair.facts;
}
