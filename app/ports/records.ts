import type { Holding } from '../domain/holding';
import type { Interaction } from '../domain/interaction';
import type { LocalizedText } from '../domain/localized-text';
import type { SuitabilityRuleSet } from '../suitability/rule-set';

// Records as the store keeps them: what the store ports hand to the use-cases.

/** A recorded client-requested deviation from the risk-class rule, as stored. */
export interface SuitabilityDeviation {
  id: string;
  clientId: string;
  productId: string;
  /** The warning the client was shown, word for word, in both languages. */
  warning: LocalizedText;
  acknowledgedBy: string;
  acknowledgedAt: string;
  /** The client's own reason for wanting the product anyway. */
  reason: string;
  ruleSet: { id: string; version: number };
  recordedBy: string;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
}

export type NewDeviation = Omit<SuitabilityDeviation, 'withdrawnAt' | 'withdrawnBy'>;

export interface RuleSetVersion {
  version: number;
  name: string;
  active: boolean;
  createdAt: string;
  createdBy: string;
  ruleSet: SuitabilityRuleSet;
}

export interface HoldingWithProduct extends Holding {
  productNameEn: string;
  productNameZh: string;
  family: string;
}

export interface InteractionWithProduct extends Interaction {
  productNameEn: string;
  productNameZh: string;
}
