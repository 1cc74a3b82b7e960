import type { Client, Product } from '../../app/domain';
import { checkSuitability, type SuitabilityResult } from '../../app/suitability';
import { activeDeviation } from '../db/deviation-repository';
import type { Db } from '../db/connection';
import { listHoldingsForClient } from '../db/holding-repository';
import { listProducts } from '../db/product-repository';
import { activeRuleSet } from '../db/rule-set-repository';

/**
 * The verdict for one client and product exactly as the ranking reaches it: the active rule set, the client's
 * holdings, and the client's recorded deviation for this product if one is active. A pitch or an advice record
 * built on it carries `deviationApplied` when only the deviation made the product suitable.
 */
export function pairSuitability(db: Db, client: Client, product: Product, today: string): SuitabilityResult {
  return verdictsFor(db, client, [product], today).get(product.id)!;
}

/** pairSuitability for several products of one client, reading the client's holdings, rules and catalogue once. */
export function verdictsFor(
  db: Db,
  client: Client,
  products: readonly Product[],
  today: string,
): Map<string, SuitabilityResult> {
  const shared = {
    holdings: listHoldingsForClient(db, client.id),
    today,
    ruleSet: activeRuleSet(db),
    catalog: listProducts(db, { search: '', family: null }),
  };
  return new Map(products.map((product) => [product.id, verdictWith(db, client, product, shared)]));
}

function verdictWith(
  db: Db,
  client: Client,
  product: Product,
  shared: Omit<Parameters<typeof checkSuitability>[2], 'requestedDeviation'>,
): SuitabilityResult {
  const d = activeDeviation(db, client.id, product.id);
  return checkSuitability(client, product, {
    ...shared,
    ...(d
      ? {
          requestedDeviation: {
            warningShown: true,
            acknowledgedBy: d.acknowledgedBy,
            acknowledgedAt: d.acknowledgedAt,
          },
        }
      : {}),
  });
}
