import type { ExcludedProduct } from '../../../../app/contract';
import { RULE_IDS } from '../../../../app/suitability/suitability-types';

/** Products excluded for the same first reason, shown as one line an advisor can open. */
export interface ExcludedGroup {
  ruleId: string;
  products: ExcludedProduct[];
  /** Open at first: the reason says something about this client, not only about the product's market. */
  openAtFirst: boolean;
}

/**
 * Reasons that say nothing worth discussing product by product: a business product for an individual, or a KYC
 * review that blocks every product alike. Their group is one closed line; the line itself gives the reason.
 */
const STRUCTURAL = new Set<string>(['client-kind', 'kyc-current']);

const order = (ruleId: string): number => {
  const at = (RULE_IDS as readonly string[]).indexOf(ruleId);
  return at < 0 ? RULE_IDS.length : at;
};

/**
 * Groups excluded products by the first rule they fail, in the rule set's order (so a business product that would
 * also be too risky counts once, as a business product). Client-specific groups come first, open.
 */
export function groupExcluded(excluded: readonly ExcludedProduct[]): ExcludedGroup[] {
  const byRule = new Map<string, ExcludedProduct[]>();
  for (const product of excluded) {
    const first = [...product.failed].sort((a, b) => order(a.ruleId) - order(b.ruleId))[0];
    const ruleId = first?.ruleId ?? 'other';
    const list = byRule.get(ruleId) ?? [];
    list.push(product);
    byRule.set(ruleId, list);
  }
  return [...byRule.entries()]
    .map(([ruleId, products]) => ({ ruleId, products, openAtFirst: !STRUCTURAL.has(ruleId) }))
    .sort((a, b) => Number(b.openAtFirst) - Number(a.openAtFirst) || order(a.ruleId) - order(b.ruleId));
}
