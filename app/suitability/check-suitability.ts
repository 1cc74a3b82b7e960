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

/** Order is the order an advisor reads the reasons in: who the client is, then risk, then money, then credit. */
const RULES: readonly Rule[] = [
  checkKyc,
  checkClientKind,
  checkRiskClass,
  checkComplexProductKnowledge,
  checkHorizon,
  checkLiquidity,
  checkEmergencyReserve,
  checkMinimumInvestment,
  checkConcentration,
  checkAlreadyHeld,
  checkProductAgeLimits,
  checkLockupAge,
  checkDebtToIncome,
  checkCreditScore,
  checkYearsTrading,
  checkRevenue,
  checkCreditRating,
  checkSector,
];

function profileOf(client: SuitabilityClient): ClientProfile {
  return 'profile' in client ? client.profile : client;
}

/** Everything the rules read about the client that no product changes. */
function clientFacts(client: SuitabilityClient, context: Omit<SuitabilityContext, 'requestedDeviation'>): ClientFacts {
  const profile = profileOf(client);
  const { today, ruleSet } = context;
  const catalog = new Map((context.catalog ?? []).map((p) => [p.id, p]));
  const holdings = context.holdings.filter((h) => h.clientId === client.id);
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

/** The ranking's view of a verdict: the failed checks exactly as checkSuitability words them, and nothing else. */
export interface ScreenVerdict {
  suitable: boolean;
  /** The failed checks, in checkSuitability's order; empty when suitable. */
  failed: RuleCheck[];
  deviationApplied: boolean;
}

/** One client's suitability against many products: see suitabilityScreen. */
export type SuitabilityScreen = (product: Product, requestedDeviation?: RequestedDeviation) => ScreenVerdict;

/** Per rule set, the product facts of each product object seen (products are values: a changed one is a new object). */
const productFactsByRuleSet = new WeakMap<SuitabilityRuleSet, WeakMap<Product, ProductFacts>>();

/**
 * The same verdicts as checkSuitability, for one client against a whole catalogue: what does not depend on the
 * product (KYC, age, holdings summed per product and category) is worked out once for the client, what does not
 * depend on the client (scopes, commitment) once per product object and rule set, and a passing rule builds no
 * reason, so a pair costs a few comparisons. A failed check's reason is the one checkSuitability gives.
 */
export function suitabilityScreen(
  client: SuitabilityClient,
  context: Omit<SuitabilityContext, 'requestedDeviation'>,
): SuitabilityScreen {
  const forClient = clientFacts(client, context);
  const { ruleSet } = context;
  let known = productFactsByRuleSet.get(ruleSet);
  if (!known) productFactsByRuleSet.set(ruleSet, (known = new WeakMap()));
  const byProduct = known;
  // One facts object refilled per product: rules read it only while they run and keep nothing of it.
  let facts: SuitabilityFacts | null = null;
  return (product, requestedDeviation) => {
    let forProduct = byProduct.get(product);
    if (!forProduct) byProduct.set(product, (forProduct = productFacts(product, ruleSet)));
    if (facts === null) facts = pairFacts(forClient, forProduct, requestedDeviation, true);
    else {
      facts.product = forProduct.product;
      facts.isInvestment = forProduct.isInvestment;
      facts.isCredit = forProduct.isCredit;
      facts.commitment = forProduct.commitment;
      facts.deviation = requestedDeviation;
    }
    const failed: RuleCheck[] = [];
    let deviationApplied = false;
    for (const rule of RULES) {
      const result = rule(facts);
      if (result === null || result === QUIET_PASS) continue;
      const check = result as RuleCheck;
      if (!check.passed) failed.push(check);
      else if (check.deviation === true) deviationApplied = true;
    }
    return { suitable: failed.length === 0, failed, deviationApplied };
  };
}

/** The failed checks only: what the advisor is shown beside an ineligible product. */
export function failedChecks(result: SuitabilityResult): RuleCheck[] {
  return result.checks.filter((c) => !c.passed);
}
