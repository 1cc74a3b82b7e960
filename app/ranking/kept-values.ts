import type { Product } from '../domain';
import type { SuitabilityRuleSet } from '../suitability';

/**
 * Whether two values read from the store hold the same data: plain objects, arrays, strings, numbers, booleans and
 * null, compared whole (key order aside). Anything else is the same only when it is the very same value.
 */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i] && !sameData(a[i], b[i])) return false;
    return true;
  }
  if (
    Array.isArray(b) ||
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  )
    return false;
  // Read from one store, both usually list their keys in one order: their values are then compared in that order
  // (twice as fast as looking each key up in the other).
  const xKeys = Object.keys(a);
  const yKeys = Object.keys(b);
  if (xKeys.length !== yKeys.length) return false;
  let ordered = true;
  for (let i = 0; i < xKeys.length && ordered; i++) ordered = xKeys[i] === yKeys[i];
  if (ordered) {
    const xValues = Object.values(a);
    const yValues = Object.values(b);
    for (let i = 0; i < xValues.length; i++)
      if (xValues[i] !== yValues[i] && !sameData(xValues[i], yValues[i])) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let keys = 0;
  for (const key in x) {
    const u = x[key];
    const v = y[key];
    // Equal primitives, the common case, without a call; undefined only where y has the key too.
    if (u !== v ? !sameData(u, v) : u === undefined && !Object.hasOwn(y, key)) return false;
    keys++;
  }
  for (const key in y) if (Object.hasOwn(y, key)) keys--;
  return keys === 0;
}

/** The product object last seen for each id. */
const keptProducts = new Map<string, Product>();

/**
 * The products, each unchanged one replaced by the object seen before for its id. The store reads new objects on
 * every request, and the ranking keeps its work per product object (suitability facts, the scorer's share of each
 * sum): a product whose data is the same is the same product, so that work is reused for the cost of comparing
 * it, and a changed product replaces the kept one. Products are read as values: nobody changes one in place.
 */
export function keptProductsOf(products: readonly Product[]): Product[] {
  const out: Product[] = new Array(products.length);
  for (let i = 0; i < products.length; i++) {
    const product = products[i]!;
    const before = keptProducts.get(product.id);
    if (before === product || (before !== undefined && sameData(before, product))) out[i] = before;
    else {
      keptProducts.set(product.id, product);
      out[i] = product;
    }
  }
  return out;
}

/** The rule set object last seen for each id and version. */
const keptRuleSets = new Map<string, SuitabilityRuleSet>();

/** The rule set seen before with the same data, or this one (kept from now on): see keptProductsOf. */
export function keptRuleSetOf(ruleSet: SuitabilityRuleSet): SuitabilityRuleSet {
  const key = `${ruleSet.id}\u0001${ruleSet.version}`;
  const before = keptRuleSets.get(key);
  if (before === ruleSet || (before !== undefined && sameData(before, ruleSet))) return before;
  keptRuleSets.set(key, ruleSet);
  return ruleSet;
}
