import type { ClientProfile, NewClient } from '../domain/client';
import type { RiskClass } from '../domain/enums';
import type { Holding } from '../domain/holding';
import type { Message } from '../messages';
import type { Product } from '../domain/product';
import type { SuitabilityRuleSet } from './rule-set';

export const RULE_IDS = [
  'kyc-current',
  'client-kind',
  'risk-class',
  'complex-product-knowledge',
  'horizon-term',
  'liquidity-redemption',
  'emergency-reserve',
  'minimum-investment',
  'concentration',
  'already-held',
  'product-age-limits',
  'lockup-age-limit',
  'credit-debt-to-income',
  'credit-score',
  'business-years-trading',
  'business-revenue',
  'business-credit-rating',
  'business-sector',
] as const;
export type SuitabilityRuleId = (typeof RULE_IDS)[number];

/** One rule's verdict; the reason names the figures that decided it so an advisor or auditor can re-check it. */
export interface RuleCheck {
  ruleId: SuitabilityRuleId;
  passed: boolean;
  reason: Message;
  /** Set when the check passed only because the client asked for a riskier product and acknowledged the warning. */
  deviation?: true;
  /** Set on a failed risk-class check that a recorded client-requested deviation would lift (never for C1). */
  deviationPossible?: true;
}

export interface SuitabilityResult {
  suitable: boolean;
  checks: RuleCheck[];
  /** Rule set the verdict was reached under, for the advice record. */
  ruleSet: { id: string; version: number };
  /** True when the risk-class check passed only through a recorded client-requested deviation; the advice record must carry it. */
  deviationApplied: boolean;
}

/** The client asked for a product riskier than their class allows; the warning and acknowledgement are the record. */
export interface RequestedDeviation {
  warningShown: boolean;
  /** ISO date or date-time of the client's acknowledgement. */
  acknowledgedAt: string | null;
  /** Who acknowledged: the client's name or signature reference. */
  acknowledgedBy: string | null;
}

export interface SuitabilityContext {
  /** The client's current positions; other clients' holdings are ignored. */
  holdings: readonly Holding[];
  /** YYYY-MM-DD; passed in so a verdict does not depend on the clock. */
  today: string;
  ruleSet: SuitabilityRuleSet;
  requestedDeviation?: RequestedDeviation;
  /** Products the holdings refer to, for per-category concentration; holdings of unknown products count only per product. */
  catalog?: readonly Product[];
}

/** A stored client (profile fields at top level) or one being created (profile nested), as the callers have them. */
export type SuitabilityClient = (ClientProfile & { id: string; riskClass: RiskClass | null }) | NewClient;

/** The facts every rule reads, resolved once per check. */
export interface SuitabilityFacts {
  clientId: string;
  profile: ClientProfile;
  riskClass: RiskClass | null;
  product: Product;
  holdings: readonly Holding[];
  catalog: ReadonlyMap<string, Product>;
  today: string;
  ruleSet: SuitabilityRuleSet;
  deviation: RequestedDeviation | undefined;
  isInvestment: boolean;
  isCredit: boolean;
}
