import { checkSuitability, DEFAULT_RULE_SET, type SuitabilityRuleSet } from '../suitability';
import type { ScoringContext } from '../scoring/scoring-context';

/**
 * What the suitability engine alone says about a (client, product, moment), with no learning from outcomes:
 * 1 when every applicable rule passes, otherwise the share of applicable rules that passed (a product failing one
 * rule of ten reads 0.9, failing all of them 0). Judged on the interaction's own date and without holdings: the store
 * keeps no history of holdings, and today's would leak purchases made after the outcome into the verdict.
 */
export function rulesOnlyScore(context: ScoringContext, ruleSet: SuitabilityRuleSet = DEFAULT_RULE_SET): number {
  const result = checkSuitability(context.client, context.product, {
    holdings: [],
    today: context.at.slice(0, 10),
    ruleSet,
  });
  if (result.suitable) return 1;
  const passed = result.checks.filter((c) => c.passed).length;
  return result.checks.length > 0 ? passed / result.checks.length : 0;
}

export interface RulesOnlyBaseline {
  kind: 'rules-only';
  globalRate: number;
  /** Smoothed positive rate of training rows per rules score (the score's text form, so 0.9 and 9/10 agree). */
  rates: Record<string, number>;
}

const keyOf = (score: number) => score.toFixed(6);

/**
 * A rules score is not a probability (a suitable product is not certain to interest), so it is read as the rate of
 * interest training rows with the same score showed, shrunk towards the overall rate like the popularity baseline.
 * Log loss and calibration then compare like with like. The only thing learned is one rate per rules verdict, so
 * products with the same verdict tie and verdicts are ordered by how often they came with interest in training.
 */
export function fitRulesOnly(rows: readonly { score: number; label: 0 | 1 }[], priorWeight = 10): RulesOnlyBaseline {
  const totals = new Map<string, { n: number; pos: number }>();
  let positives = 0;
  for (const row of rows) {
    const key = keyOf(row.score);
    const t = totals.get(key) ?? { n: 0, pos: 0 };
    t.n++;
    t.pos += row.label;
    positives += row.label;
    totals.set(key, t);
  }
  const globalRate = rows.length > 0 ? positives / rows.length : 0.5;
  const rates: Record<string, number> = {};
  for (const [key, t] of totals) rates[key] = (t.pos + priorWeight * globalRate) / (t.n + priorWeight);
  return { kind: 'rules-only', globalRate, rates };
}

/** A rules score never seen in training gets the overall rate. */
export function rulesOnlyProbability(model: RulesOnlyBaseline, score: number): number {
  const key = keyOf(score);
  return Object.prototype.hasOwnProperty.call(model.rates, key) ? model.rates[key]! : model.globalRate;
}
