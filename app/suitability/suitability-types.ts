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

/** What a rule answers when only failures were asked for and it passed: no reason is built for it. */
export interface QuietPass {
  readonly quiet: true;
}
export const QUIET_PASS: QuietPass = Object.freeze({ quiet: true });

/** A rule's answer: a check, a quiet pass (failures only), or null when the rule does not apply. */
export type RuleAnswer = RuleCheck | QuietPass | null;

/** What the rules read about the client: worked out once per client, whatever the product. */
export interface ClientFacts {
  clientId: string;
  profile: ClientProfile;
  riskClass: RiskClass | null;
  /** The client's own holdings (other clients' ones left out), in the order given. */
  holdings: readonly Holding[];
  /** The catalog's entries for the products the client holds (the only ones the rules look up), by id. */
  catalog: ReadonlyMap<string, Product>;
  today: string;
  ruleSet: SuitabilityRuleSet;
  /** Whole years of age today; null without a birth date. */
  age: number | null;
  /** Whole years since a business was founded; null without a founding date. */
  yearsTrading: number | null;
  /** The KYC verdict, which no product changes. */
  kyc: RuleCheck;
  /** Sums of the own holdings, added in the order held: in all, per product id, per catalog category. */
  heldTotal: number;
  heldByProduct: ReadonlyMap<string, number>;
  heldByCategory: ReadonlyMap<string, number>;
  /** The earliest acquisition date per product id held. */
  firstAcquired: ReadonlyMap<string, string>;
}

/** What the rules read about the product under a rule set: the same for every client. */
export interface ProductFacts {
  product: Product;
  isInvestment: boolean;
  isCredit: boolean;
  /** commitmentMonths(product). */
  commitment: number;
}

/** The facts every rule reads for one client and product. */
export interface SuitabilityFacts extends ClientFacts, ProductFacts {
  deviation: RequestedDeviation | undefined;
  /** Set by the ranking's screen: a rule that passes answers QUIET_PASS instead of building its reason. */
  failuresOnly: boolean;
}
