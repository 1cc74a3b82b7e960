import type { ClientProfile } from '../domain/client';
import type { Product } from '../domain/product';
import {
  checkClientKind,
  checkCreditRating,
  checkCreditScore,
  checkDebtToIncome,
  checkKyc,
  checkLockupAge,
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
import { inScope } from './suitability-facts';
import type {
  RuleCheck,
  SuitabilityClient,
  SuitabilityContext,
  SuitabilityFacts,
  SuitabilityResult,
} from './suitability-types';

type Rule = (facts: SuitabilityFacts) => RuleCheck | null;

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
  const facts: SuitabilityFacts = {
    clientId: client.id,
    profile: profileOf(client),
    riskClass: client.riskClass,
    product,
    holdings: context.holdings,
    catalog: new Map((context.catalog ?? []).map((p) => [p.id, p])),
    today: context.today,
    ruleSet,
    deviation: context.requestedDeviation,
    isInvestment: inScope(product, ruleSet.scopes.investment),
    isCredit: inScope(product, ruleSet.scopes.credit),
  };
  const checks: RuleCheck[] = [];
  for (const rule of RULES) {
    const result = rule(facts);
    if (result) checks.push(result);
  }
  return {
    suitable: checks.every((c) => c.passed),
    checks,
    ruleSet: { id: ruleSet.id, version: ruleSet.version },
    deviationApplied: checks.some((c) => c.deviation === true && c.passed),
  };
}

/** The failed checks only: what the advisor is shown beside an ineligible product. */
export function failedChecks(result: SuitabilityResult): RuleCheck[] {
  return result.checks.filter((c) => !c.passed);
}
