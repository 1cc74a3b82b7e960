import type {
  ClientProfile,
  CustomAttributes,
  InteractionChannel,
  MarketSnapshot,
  Product,
  RiskClass,
} from '../domain';

/**
 * What the model sees for one (client, product, moment): the stored Client satisfies ScoredClient as it is;
 * a NewClient is spread as `{ ...profile, id, riskClass }`.
 */
export type ScoredClient = ClientProfile & { id: string; riskClass: RiskClass | null };

export interface ScoringContext {
  client: ScoredClient;
  product: Product;
  /** The market state at the time of the interaction (or now, when ranking); null when none is known. */
  market: MarketSnapshot | null;
  /** ISO date or time the score is for: ages, KYC staleness and business age are measured to it. */
  at: string;
  /** How the product is presented, when known; ranking for an unknown channel leaves it null. */
  channel?: InteractionChannel | null;
  /** Market facts recorded with this interaction (imported `market.<name>` columns); become `market.custom.<name>`. */
  contextAttributes?: CustomAttributes;
  /**
   * Optional language-model signals for this client and product (`similarity`, `fit`, each 0..1), which become
   * numeric features `llm.<name>`. A model trained without them ignores them; null or a non-finite value is missing.
   */
  signals?: Readonly<Record<string, number | null>>;
}

/**
 * Named raw features before standardisation. Categorical features are lists so multi-valued fields
 * (objectives, regulatory flags) are multi-hot; an empty list means missing.
 */
export interface RawFeatures {
  numeric: Record<string, number | null>;
  categorical: Record<string, string[]>;
}

/** The market snapshot in force at `at`: the latest on or before that date, else the earliest (sorted by asOf). */
export function marketAt(sortedSnapshots: readonly MarketSnapshot[], at: string): MarketSnapshot | null {
  if (sortedSnapshots.length === 0) return null;
  const day = at.slice(0, 10);
  let lo = 0;
  let hi = sortedSnapshots.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sortedSnapshots[mid]!.asOf <= day) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return sortedSnapshots[Math.max(0, found)]!;
}
