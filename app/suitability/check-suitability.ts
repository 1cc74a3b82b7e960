import type { ClientProfile } from '../domain/client';
import type { Product } from '../domain/product';
import {
  checkClientKind,
  checkCreditRating,
  checkCreditScore,
  checkDebtToIncome,
  checkKyc,
  checkLockupAge,
  kycCheck,
  checkProductAgeLimits,
  checkRevenue,
  checkSector,
  checkYearsTrading,
} from './eligibility-rules';
import {
  checkAlreadyHeld,
  checkComplexProductKnowledge,
  checkConcentration,
  checkEmergencyReserve,
  checkHorizon,
  checkLiquidity,
  checkMinimumInvestment,
} from './investment-rules';
import { checkRiskClass } from './risk-class-rule';
import { commitmentMonths, inScope, wholeYearsBetween } from './suitability-facts';
import type { SuitabilityRuleSet } from './rule-set';
import {
  QUIET_PASS,
  type ClientFacts,
  type ProductFacts,
  type RequestedDeviation,
  type RuleAnswer,
  type RuleCheck,
  type SuitabilityClient,
  type SuitabilityContext,
  type SuitabilityFacts,
  type SuitabilityResult,
} from './suitability-types';

type Rule = (facts: SuitabilityFacts) => RuleAnswer;

/** Values joined into one key; numbers by String (an infinite commitment stays apart from a missing value). */
function keyOf(...parts: unknown[]): string {
  return parts.map((v) => (typeof v === 'number' ? String(v) : JSON.stringify(v))).join('\u0001');
}

/**
 * A rule, with everything it reads of the product (and of the product's facts) as one key: for one client and rule
 * set, products with equal keys get the same answer, so the ranking's screen asks the rule once per key (see
 * suitabilityScreen). `heldApart`: the answer also depends on what the client holds of this very product, so a
 * product the client holds is asked on its own. A rule that comes to read another product field must add it to
 * its key; the screen test compares every verdict and reason with checkSuitability over a catalogue of near-copies.
 */
interface ScreenedRule {
  rule: Rule;
  reads: (p: ProductFacts) => string;
  heldApart?: true;
}

/** Order is the order an advisor reads the reasons in: who the client is, then risk, then money, then credit. */
const SCREENED_RULES: readonly ScreenedRule[] = [
  // The client's own verdict, whatever the product.
  { rule: checkKyc, reads: () => '' },
  { rule: checkClientKind, reads: (f) => keyOf(f.product.eligibility.clientKinds) },
  // A recorded deviation is per product: a product with one is asked on its own.
  { rule: checkRiskClass, reads: (f) => keyOf(f.isInvestment, f.product.riskGrade) },
  { rule: checkComplexProductKnowledge, reads: (f) => keyOf(f.product.complex) },
  { rule: checkHorizon, reads: (f) => keyOf(f.isInvestment, f.commitment) },
  { rule: checkLiquidity, reads: (f) => keyOf(f.isInvestment, f.commitment, f.product.liquidity) },
  {
    rule: checkEmergencyReserve,
    reads: (f) =>
      keyOf(
        f.isInvestment,
        f.product.liquidity,
        f.product.lockupMonths,
        f.product.riskGrade,
        f.product.minimumAmount,
        f.product.currency,
      ),
  },
  { rule: checkMinimumInvestment, reads: (f) => keyOf(f.isInvestment, f.product.minimumAmount, f.product.currency) },
  {
    rule: checkConcentration,
    reads: (f) =>
      keyOf(f.isInvestment, f.product.insured, f.product.category, f.product.minimumAmount, f.product.currency),
    heldApart: true,
  },
  { rule: checkAlreadyHeld, reads: (f) => keyOf(f.product.category), heldApart: true },
  {
    rule: checkProductAgeLimits,
    reads: (f) => keyOf(f.product.eligibility.minAge, f.product.eligibility.maxAge),
  },
  { rule: checkLockupAge, reads: (f) => keyOf(f.isCredit, f.commitment) },
  {
    rule: checkDebtToIncome,
    reads: (f) =>
      keyOf(
        f.isCredit,
        f.product.eligibility.maxDebtToIncome,
        f.product.minimumAmount,
        f.product.rateMax,
        f.product.termMonths,
        f.product.currency,
      ),
  },
  { rule: checkCreditScore, reads: (f) => keyOf(f.isCredit, f.product.eligibility.minCreditScore) },
  { rule: checkYearsTrading, reads: (f) => keyOf(f.isCredit, f.product.eligibility.minYearsTrading) },
  { rule: checkRevenue, reads: (f) => keyOf(f.product.eligibility.minAnnualRevenue) },
  { rule: checkCreditRating, reads: (f) => keyOf(f.isCredit) },
  { rule: checkSector, reads: (f) => keyOf(f.product.eligibility.excludedSectors) },
];

const RULES: readonly Rule[] = SCREENED_RULES.map((r) => r.rule);
/** Per rule, whether a held product is asked on its own (ScreenedRule.heldApart). */
const HELD_APART: readonly boolean[] = SCREENED_RULES.map((r) => r.heldApart === true);

function profileOf(client: SuitabilityClient): ClientProfile {
  return 'profile' in client ? client.profile : client;
}

/** Everything the rules read about the client that no product changes. */
function clientFacts(client: SuitabilityClient, context: Omit<SuitabilityContext, 'requestedDeviation'>): ClientFacts {
  const profile = profileOf(client);
  const { today, ruleSet } = context;
  const holdings = context.holdings.filter((h) => h.clientId === client.id);
  // The rules look the catalog up only for products the client holds (a ranking hands in the whole catalogue).
  const held = new Set(holdings.map((h) => h.productId));
  const catalog = new Map<string, Product>();
  if (held.size > 0) for (const p of context.catalog ?? []) if (held.has(p.id)) catalog.set(p.id, p);
  let heldTotal = 0;
  const heldByProduct = new Map<string, number>();
  const heldByCategory = new Map<string, number>();
  const firstAcquired = new Map<string, string>();
  for (const h of holdings) {
    heldTotal += h.amount;
    heldByProduct.set(h.productId, (heldByProduct.get(h.productId) ?? 0) + h.amount);
    const category = catalog.get(h.productId)?.category;
    if (category !== undefined) heldByCategory.set(category, (heldByCategory.get(category) ?? 0) + h.amount);
    const first = firstAcquired.get(h.productId);
    if (first === undefined || h.acquiredOn < first) firstAcquired.set(h.productId, h.acquiredOn);
  }
  return {
    clientId: client.id,
    profile,
    riskClass: client.riskClass,
    holdings,
    catalog,
    today,
    ruleSet,
    age: profile.birthDate ? wholeYearsBetween(profile.birthDate, today) : null,
    yearsTrading: profile.foundedDate ? wholeYearsBetween(profile.foundedDate, today) : null,
    kyc: kycCheck(profile, today, ruleSet),
    heldTotal,
    heldByProduct,
    heldByCategory,
    firstAcquired,
  };
}

/** Everything the rules read about the product that no client changes. */
function productFacts(product: Product, ruleSet: SuitabilityRuleSet): ProductFacts {
  return {
    product,
    isInvestment: inScope(product, ruleSet.scopes.investment),
    isCredit: inScope(product, ruleSet.scopes.credit),
    commitment: commitmentMonths(product),
  };
}

function pairFacts(
  c: ClientFacts,
  p: ProductFacts,
  deviation: RequestedDeviation | undefined,
  failuresOnly: boolean,
): SuitabilityFacts {
  return {
    clientId: c.clientId,
    profile: c.profile,
    riskClass: c.riskClass,
    holdings: c.holdings,
    catalog: c.catalog,
    today: c.today,
    ruleSet: c.ruleSet,
    age: c.age,
    yearsTrading: c.yearsTrading,
    kyc: c.kyc,
    heldTotal: c.heldTotal,
    heldByProduct: c.heldByProduct,
    heldByCategory: c.heldByCategory,
    firstAcquired: c.firstAcquired,
    product: p.product,
    isInvestment: p.isInvestment,
    isCredit: p.isCredit,
    commitment: p.commitment,
    deviation,
    failuresOnly,
  };
}

/**
 * Runs every rule that applies to this client and product. Rules that do not apply (a risk class for a
 * loan, a credit score for a fund) are left out rather than reported as passed, so the list holds only
 * what decided the verdict. The product is suitable only when every check passed; all checks run even
 * after a failure so the advisor sees every reason at once.
 */
export function checkSuitability(
  client: SuitabilityClient,
  product: Product,
  context: SuitabilityContext,
): SuitabilityResult {
  const { ruleSet } = context;
  const facts = pairFacts(
    clientFacts(client, context),
    productFacts(product, ruleSet),
    context.requestedDeviation,
    false,
  );
  const checks: RuleCheck[] = [];
  for (const rule of RULES) {
    const result = rule(facts);
    if (result && result !== QUIET_PASS) checks.push(result as RuleCheck);
  }
  return {
    suitable: checks.every((c) => c.passed),
    checks,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    deviationApplied: checks.some((c) => c.deviation === true && c.passed),
  };
}

/**
 * The ranking's view of a verdict: the failed checks exactly as checkSuitability words them, and nothing else. The
 * verdict of a product suitable without a deviation is one frozen object shared by every such product.
 */
export interface ScreenVerdict {
  readonly suitable: boolean;
  /** The failed checks, in checkSuitability's order; empty when suitable. */
  readonly failed: RuleCheck[];
  readonly deviationApplied: boolean;
}

const SUITABLE: ScreenVerdict = Object.freeze({
  suitable: true,
  failed: Object.freeze([]) as unknown as RuleCheck[],
  deviationApplied: false,
});

/** One client's suitability against many products: see suitabilityScreen. */
export type SuitabilityScreen = (product: Product, requestedDeviation?: RequestedDeviation) => ScreenVerdict;

/** A product's facts under one rule set, with the number of each rule's key (see ScreenedRule). */
interface KnownProduct {
  facts: ProductFacts;
  keys: Int32Array;
}

/** Per rule set, each product object seen (products are values: a changed one is a new object), and the keys' numbers. */
const knownByRuleSet = new WeakMap<
  SuitabilityRuleSet,
  { products: WeakMap<Product, KnownProduct>; keyIds: Map<string, number>[]; next: number }
>();

function knownProduct(
  product: Product,
  ruleSet: SuitabilityRuleSet,
  known: { keyIds: Map<string, number>[]; next: number },
): KnownProduct {
  const facts = productFacts(product, ruleSet);
  const keys = new Int32Array(RULES.length);
  SCREENED_RULES.forEach(({ reads }, r) => {
    const key = reads(facts);
    let id = known.keyIds[r]!.get(key);
    if (id === undefined) known.keyIds[r]!.set(key, (id = known.next++));
    keys[r] = id;
  });
  return { facts, keys };
}

/**
 * The same verdicts as checkSuitability, for one client against a whole catalogue: what does not depend on the
 * product (KYC, age, holdings summed per product and category) is worked out once for the client, what does not
 * depend on the client (scopes, commitment, what each rule reads of the product) once per product object and rule
 * set, and a passing rule builds no reason. Each rule is asked once per key of what it reads of the product (a
 * thousand products have a few risk grades), so most pairs cost a few look-ups, and products that fail a rule for
 * the same reason share its check. A failed check's reason is the one checkSuitability gives.
 */
export function suitabilityScreen(
  client: SuitabilityClient,
  context: Omit<SuitabilityContext, 'requestedDeviation'>,
): SuitabilityScreen {
  const forClient = clientFacts(client, context);
  const { ruleSet } = context;
  let ofRuleSet = knownByRuleSet.get(ruleSet);
  if (!ofRuleSet)
    knownByRuleSet.set(ruleSet, (ofRuleSet = { products: new WeakMap(), keyIds: RULES.map(() => new Map()), next: 0 }));
  const known = ofRuleSet;
  const byProduct = known.products;
  // This client's answer per rule key (indexed by the key's number); undefined until asked.
  const answers: (RuleAnswer | undefined)[] = new Array(known.next);
  // One facts object refilled per product: rules read it only while they run and keep nothing of it.
  let facts: SuitabilityFacts | null = null;
  // The failed checks gathered here (never emptied, only overwritten: emptying an array gives its storage back),
  // then copied out at their size (most products fail one to three rules).
  const scratch: RuleCheck[] = [];
  return (product, requestedDeviation) => {
    let forProduct = byProduct.get(product);
    if (!forProduct) byProduct.set(product, (forProduct = knownProduct(product, ruleSet, known)));
    const pf = forProduct.facts;
    if (facts === null) facts = pairFacts(forClient, pf, requestedDeviation, true);
    else {
      facts.product = pf.product;
      facts.isInvestment = pf.isInvestment;
      facts.isCredit = pf.isCredit;
      facts.commitment = pf.commitment;
      facts.deviation = requestedDeviation;
    }
    const keys = forProduct.keys;
    // A recorded deviation belongs to this product alone: its rules are asked afresh. So are the rules that read
    // what the client holds of the product, for a product held.
    const shared = requestedDeviation === undefined;
    const held = forClient.heldByProduct.has(pf.product.id);
    let failedCount = 0;
    let deviationApplied = false;
    for (let r = 0; r < RULES.length; r++) {
      let result: RuleAnswer | undefined;
      if (shared && !(held && HELD_APART[r])) {
        const key = keys[r]!;
        result = answers[key];
        if (result === undefined) answers[key] = result = RULES[r]!(facts);
      } else result = RULES[r]!(facts);
      if (result === null || result === QUIET_PASS) continue;
      const check = result as RuleCheck;
      if (!check.passed) scratch[failedCount++] = check;
      else if (check.deviation === true) deviationApplied = true;
    }
    if (failedCount === 0) return deviationApplied ? { suitable: true, failed: [], deviationApplied } : SUITABLE;
    return { suitable: false, failed: scratch.slice(0, failedCount), deviationApplied };
  };
}

/** The failed checks only: what the advisor is shown beside an ineligible product. */
export function failedChecks(result: SuitabilityResult): RuleCheck[] {
  return result.checks.filter((c) => !c.passed);
}
