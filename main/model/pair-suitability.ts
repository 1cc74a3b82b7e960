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
  const d = activeDeviation(db, client.id, product.id);
  return checkSuitability(client, product, {
    holdings: listHoldingsForClient(db, client.id),
    today,
    ruleSet: activeRuleSet(db),
    catalog: listProducts(db, { search: '', family: null }),
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
