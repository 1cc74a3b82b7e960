import type { Holding, Objective, Product } from '../domain';
import type { CreditFilter } from '../domain/ranking';
import type { ScoredClient } from '../scoring/scoring-context';
import type { SuitabilityRuleSet } from '../suitability';
import { inScope } from '../suitability/suitability-facts';

/** Objectives that are met by borrowing: buying a home, growing a business, funding its day-to-day trade. */
export const BORROWING_OBJECTIVES: readonly Objective[] = ['home_purchase', 'business_expansion', 'working_capital'];

/** Months of expenses an individual's investable assets must cover before a shortfall of income counts as a gap. */
export const LIQUIDITY_GAP_RESERVE_MONTHS = 6;

/** Why a profile shows a need to borrow; empty when it shows none. */
export type BorrowingSignal = CreditFilter['borrowingNeed'][number];

/**
 * Whether the client's profile gives a reason to borrow, and which. The rule:
 * - an objective met by borrowing (home purchase, business expansion, working capital);
 * - credit already held (a loan, a card, a facility in the rule set's credit scope): the client borrows today, and
 *   refinancing or a limit can be discussed;
 * - a liquidity gap: spending plus debt payments above income (revenue for a business), with investable assets that
 *   do not cover LIQUIDITY_GAP_RESERVE_MONTHS of expenses.
 * A "liquidity" objective alone is not one: it asks for money that can be had back, not for money lent. Credit is a
 * ranking filter after suitability; the advisor can always ask for credit products regardless.
 */
export function borrowingNeed(
  client: ScoredClient,
  holdings: readonly Holding[],
  catalog: readonly Product[],
  ruleSet: SuitabilityRuleSet,
): BorrowingSignal[] {
  const signals: BorrowingSignal[] = [];
  if (client.objectives.some((o) => BORROWING_OBJECTIVES.includes(o))) signals.push('objective');
  // Only the held products are looked up: a map of the whole catalogue per ranking was most of this call's cost.
  const held = new Set(holdings.map((h) => h.productId));
  const byId = new Map<string, Product>();
  if (held.size > 0) for (const p of catalog) if (held.has(p.id)) byId.set(p.id, p);
  if (
    holdings.some((h) => {
      const product = byId.get(h.productId);
      return h.clientId === client.id && product !== undefined && inScope(product, ruleSet.scopes.credit);
    })
  )
    signals.push('holds-credit');
  const income = client.kind === 'business' ? client.annualRevenue : client.annualIncome;
  const expenses = client.monthlyExpenses;
  if (income !== null && expenses !== null && expenses > 0) {
    const outgoings = (expenses + client.monthlyDebtPayments) * 12;
    if (outgoings > income && client.investableAssets < LIQUIDITY_GAP_RESERVE_MONTHS * expenses)
      signals.push('liquidity-gap');
  }
  return signals;
}
