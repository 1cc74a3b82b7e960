import { mulberry32 } from '../random/mulberry32';

/**
 * Off-policy estimates: what a candidate ranking policy's conversion would have been, computed from rankings that
 * another (the logging) policy showed, each shown product with the probability that policy gave it.
 *
 * The unit is one logged ranking (an impression). Conversion is per product shown: the candidate's value is the
 * expected share of its shown products that convert. Products are taken to convert on their own merits, whatever else
 * was shown beside them (the item-level model of a slate), so a shown product weighs 1 / (the probability the log
 * showed it) when the candidate would show it too, and 0 otherwise. A ranking of one product (an e-mail arm of the
 * Hillstrom test) is the plain one-action case.
 *
 * Estimators: inverse propensity (IPS, unbiased where the log gave every candidate choice some probability),
 * self-normalised IPS (SNIPS: divided by the weights' own total, a little biased, much steadier) and doubly robust
 * (DR: a reward model's prediction for the candidate's choices, corrected by the weighted errors on the shown ones;
 * unbiased when either the propensities or the reward model are right). Each has a percentile bootstrap interval
 * over rankings (seeded, so the same log gives the same interval) and the effective sample size of the weights.
 */

/** One product a logged ranking showed. */
export interface LoggedAction {
  action: string;
  /** The probability that the logging policy showed this action in this ranking, in (0, 1]. */
  propensity: number;
  /** The outcome: 1 converted, 0 not (or any value in [0, 1]). */
  reward: number;
}

/** One product the candidate would show in a logged ranking's context. */
export interface CandidateAction {
  action: string;
  /**
   * The probability the logging policy gave this action in this context: 0 when it could never have shown it (the
   * candidate's choice is then outside the log's support); null when it could have but the log did not record how
   * likely (positive, unknown). A shown action's own propensity is taken from the shown list.
   */
  logProbability: number | null;
}

export interface LoggedRanking {
  shown: readonly LoggedAction[];
  candidate: readonly CandidateAction[];
}

/** Predicts an action's outcome in a logged ranking's context, for the doubly robust estimator. */
export type RewardModel = (ranking: LoggedRanking, action: string) => number;

export interface OffPolicyOptions {
  /** Bootstrap resamples (default 500). */
  resamples?: number;
  /** Interval level (default 0.95). */
  level?: number;
  seed?: number;
  /** Refuse when more than this share of the candidate's choices had no probability under the log (default 0.01). */
  maxUnsupportedShare?: number;
  /** Refuse when a matched choice was shown with less probability than this (weights beyond 1/this; default 0.001). */
  minPropensity?: number;
  /** Refuse when the effective sample size is below this many rankings (default 30). */
  minEffectiveSampleSize?: number;
  /** The reward model for DR; default: each action's mean outcome in the log (see fitActionMeans). */
  rewardModel?: RewardModel;
}

export type EstimatorName = 'ips' | 'snips' | 'dr';

export interface Estimate {
  estimator: EstimatorName;
  value: number;
  interval: { low: number; high: number; level: number };
}

/** Why an estimate was refused: what is wrong with the log for this candidate, with the figures that show it. */
export type Refusal =
  | { reason: 'no-log' }
  | { reason: 'never-logged' }
  | { reason: 'unsupported'; share: number; allowed: number; examples: string[] }
  | { reason: 'low-propensity'; minPropensity: number; allowed: number; action: string }
  | { reason: 'low-ess'; effectiveSampleSize: number; required: number };

export interface Diagnostics {
  rankings: number;
  /** Candidate choices over all rankings, and those the log showed. */
  candidateActions: number;
  matched: number;
  /** Share of the candidate's choices the log gave no probability. */
  unsupportedShare: number;
  /** The smallest logged propensity among matched choices (null when none matched). */
  minPropensity: number | null;
  /** (Σ w)² / Σ w² over rankings, w a ranking's mean weight: how many rankings the estimate is worth. */
  effectiveSampleSize: number;
}

export type OffPolicyResult =
  | { ok: true; estimates: Estimate[]; diagnostics: Diagnostics }
  | { ok: false; refusal: Refusal; diagnostics: Diagnostics };

/** Each action's mean outcome over the shown products of the log; an action never shown gets the overall mean. */
export function fitActionMeans(log: readonly LoggedRanking[]): RewardModel {
  const sums = new Map<string, { n: number; r: number }>();
  let n = 0;
  let r = 0;
  for (const ranking of log)
    for (const s of ranking.shown) {
      const m = sums.get(s.action) ?? { n: 0, r: 0 };
      m.n += 1;
      m.r += s.reward;
      sums.set(s.action, m);
      n += 1;
      r += s.reward;
    }
  const overall = n > 0 ? r / n : 0;
  return (_ranking, action) => {
    const m = sums.get(action);
    return m && m.n > 0 ? m.r / m.n : overall;
  };
}

/** Per ranking: the IPS term, the mean weight (SNIPS' denominator) and the DR term. */
interface RankingTerms {
  ips: Float64Array;
  weight: Float64Array;
  dr: Float64Array;
}

export function estimateOffPolicy(log: readonly LoggedRanking[], options: OffPolicyOptions = {}): OffPolicyResult {
  const maxUnsupported = options.maxUnsupportedShare ?? 0.01;
  const minPropensity = options.minPropensity ?? 0.001;
  const minEss = options.minEffectiveSampleSize ?? 30;
  const q = options.rewardModel ?? fitActionMeans(log);
  const n = log.length;
  const terms: RankingTerms = { ips: new Float64Array(n), weight: new Float64Array(n), dr: new Float64Array(n) };
  let candidateActions = 0;
  let matched = 0;
  let unsupported = 0;
  const unsupportedExamples = new Set<string>();
  let smallest: { p: number; action: string } | null = null;
  log.forEach((ranking, i) => {
    const k = ranking.candidate.length;
    if (k === 0) return;
    const shownBy = new Map(ranking.shown.map((s) => [s.action, s]));
    let ips = 0;
    let weight = 0;
    let dr = 0;
    for (const c of ranking.candidate) {
      candidateActions += 1;
      const predicted = q(ranking, c.action);
      dr += predicted;
      const s = shownBy.get(c.action);
      if (!s) {
        if (c.logProbability === 0) {
          unsupported += 1;
          if (unsupportedExamples.size < 3) unsupportedExamples.add(c.action);
        }
        continue;
      }
      matched += 1;
      if (!smallest || s.propensity < smallest.p) smallest = { p: s.propensity, action: c.action };
      const w = 1 / s.propensity;
      ips += w * s.reward;
      weight += w;
      dr += w * (s.reward - predicted);
    }
    terms.ips[i] = ips / k;
    terms.weight[i] = weight / k;
    terms.dr[i] = dr / k;
  });
  let sumW = 0;
  let sumW2 = 0;
  for (let i = 0; i < n; i++) {
    sumW += terms.weight[i]!;
    sumW2 += terms.weight[i]! * terms.weight[i]!;
  }
  const found = smallest as { p: number; action: string } | null;
  const diagnostics: Diagnostics = {
    rankings: n,
    candidateActions,
    matched,
    unsupportedShare: candidateActions > 0 ? unsupported / candidateActions : 0,
    minPropensity: found ? found.p : null,
    effectiveSampleSize: sumW2 > 0 ? (sumW * sumW) / sumW2 : 0,
  };
  const refuse = (refusal: Refusal): OffPolicyResult => ({ ok: false, refusal, diagnostics });
  if (n === 0 || candidateActions === 0) return refuse({ reason: 'no-log' });
  if (diagnostics.unsupportedShare > maxUnsupported)
    return refuse({
      reason: 'unsupported',
      share: diagnostics.unsupportedShare,
      allowed: maxUnsupported,
      examples: [...unsupportedExamples],
    });
  if (!found) return refuse({ reason: 'never-logged' });
  if (found.p < minPropensity)
    return refuse({ reason: 'low-propensity', minPropensity: found.p, allowed: minPropensity, action: found.action });
  if (diagnostics.effectiveSampleSize < minEss)
    return refuse({ reason: 'low-ess', effectiveSampleSize: diagnostics.effectiveSampleSize, required: minEss });

  const point = estimatesOn(terms, null);
  const level = options.level ?? 0.95;
  const resamples = options.resamples ?? 500;
  const random = mulberry32(options.seed ?? 20260315);
  const draws = {
    ips: new Float64Array(resamples),
    snips: new Float64Array(resamples),
    dr: new Float64Array(resamples),
  };
  const pick = new Uint32Array(n);
  for (let b = 0; b < resamples; b++) {
    for (let i = 0; i < n; i++) pick[i] = Math.floor(random() * n);
    const e = estimatesOn(terms, pick);
    draws.ips[b] = e.ips;
    draws.snips[b] = e.snips;
    draws.dr[b] = e.dr;
  }
  const estimates = (['ips', 'snips', 'dr'] as const).map((estimator) => ({
    estimator,
    value: point[estimator],
    interval: { ...percentileInterval(draws[estimator], level), level },
  }));
  return { ok: true, estimates, diagnostics };
}

/** The three estimates over the rankings picked (all, once each, when `pick` is null). */
function estimatesOn(terms: RankingTerms, pick: Uint32Array | null): Record<EstimatorName, number> {
  const n = pick ? pick.length : terms.ips.length;
  let ips = 0;
  let weight = 0;
  let dr = 0;
  for (let j = 0; j < n; j++) {
    const i = pick ? pick[j]! : j;
    ips += terms.ips[i]!;
    weight += terms.weight[i]!;
    dr += terms.dr[i]!;
  }
  return { ips: ips / n, snips: weight > 0 ? ips / weight : 0, dr: dr / n };
}

function percentileInterval(draws: Float64Array, level: number): { low: number; high: number } {
  const sorted = Float64Array.from(draws).sort();
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(p * (sorted.length - 1))))]!;
  const tail = (1 - level) / 2;
  return { low: at(tail), high: at(1 - tail) };
}
