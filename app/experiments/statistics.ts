/**
 * The statistics of an A/B report, written out so each step can be checked: the normal distribution, Wilson
 * intervals for a rate, Newcombe's interval for a difference of rates, the pooled two-proportion z-test, the sample
 * size a pre-registered plan asks for, and an always-valid (mixture SPRT) interval that stays honest however often
 * the results are looked at.
 */

const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x ≥ 0: the Taylor series of erf near zero, Laplace's continued fraction further out (where the series
 * would lose its digits to cancellation). Both are exact expansions, so precision is limited only by doubles.
 */
function erfcNonNegative(x: number): number {
  if (x < 2.5) {
    // erf(x) = 2/√π Σ (-1)^n x^(2n+1) / (n! (2n+1))
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return 1 - (2 / SQRT_PI) * sum;
  }
  // erfc(x) = e^(−x²)/√π · 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + …)))), evaluated from the tail.
  let f = x;
  for (let n = 120; n >= 1; n--) f = x + n / 2 / f;
  return Math.exp(-x * x) / (SQRT_PI * f);
}

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  const t = Math.abs(z) / Math.SQRT2;
  const upper = erfcNonNegative(t) / 2; // P(Z > |z|)
  return z >= 0 ? 1 - upper : upper;
}

/** P(Z > z), kept precise in the far tail where 1 − cdf would round to zero. */
export function normalSurvival(z: number): number {
  return normalCdf(-z);
}

const normalDensity = (z: number) => Math.exp((-z * z) / 2) / Math.sqrt(2 * Math.PI);

/** The z with P(Z ≤ z) = p: Acklam's rational approximation, then Newton steps on the exact cdf. */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) {
    if (p === 0) return -Infinity;
    if (p === 1) return Infinity;
    return Number.NaN;
  }
  const a = [
    -39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const low = 0.02425;
  let z: number;
  if (p < low) {
    const q = Math.sqrt(-2 * Math.log(p));
    z =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - low) {
    const q = p - 0.5;
    const r = q * q;
    z =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    z =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  for (let i = 0; i < 3; i++) {
    // cdf(z) − p, written so neither side rounds away near p = 1.
    const error = p < 0.5 ? normalCdf(z) - p : 1 - p - normalSurvival(z);
    z -= error / normalDensity(z);
  }
  return z;
}

export interface Interval {
  low: number;
  high: number;
}

export interface RateEstimate extends Interval {
  successes: number;
  trials: number;
  /** successes / trials; null with no trials. */
  rate: number | null;
}

/**
 * Wilson's score interval for a binomial rate at confidence 1 − alpha: unlike the textbook p ± z·se it stays inside
 * [0, 1] and keeps its coverage for rare events (a conversion rate of 1 % on a few hundred clients).
 */
export function wilsonInterval(successes: number, trials: number, alpha = 0.05): RateEstimate {
  if (trials <= 0) return { successes, trials, rate: null, low: 0, high: 1 };
  const z = normalQuantile(1 - alpha / 2);
  const p = successes / trials;
  const z2n = (z * z) / trials;
  const centre = (p + z2n / 2) / (1 + z2n);
  const half = (z / (1 + z2n)) * Math.sqrt((p * (1 - p)) / trials + (z * z) / (4 * trials * trials));
  return { successes, trials, rate: p, low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

export interface DifferenceEstimate extends Interval {
  /** rate(b) − rate(a). */
  difference: number;
  /** Two-sided p-value of the pooled two-proportion z-test of no difference. */
  pValue: number;
  z: number;
}

/**
 * rate(b) − rate(a) with Newcombe's hybrid score interval (his method 10: the two Wilson intervals combined), which
 * keeps its coverage near 0 and 1 where the Wald interval does not, and the pooled z-test's two-sided p-value.
 */
export function rateDifference(
  a: { successes: number; trials: number },
  b: { successes: number; trials: number },
  alpha = 0.05,
): DifferenceEstimate | null {
  if (a.trials <= 0 || b.trials <= 0) return null;
  const pa = a.successes / a.trials;
  const pb = b.successes / b.trials;
  const wa = wilsonInterval(a.successes, a.trials, alpha);
  const wb = wilsonInterval(b.successes, b.trials, alpha);
  const difference = pb - pa;
  const low = difference - Math.sqrt((pb - wb.low) ** 2 + (wa.high - pa) ** 2);
  const high = difference + Math.sqrt((wb.high - pb) ** 2 + (pa - wa.low) ** 2);
  const pooled = (a.successes + b.successes) / (a.trials + b.trials);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.trials + 1 / b.trials));
  const z = se > 0 ? difference / se : 0;
  const pValue = se > 0 ? Math.min(1, 2 * normalSurvival(Math.abs(z))) : 1;
  return { difference, low, high, pValue, z };
}

export interface SamplePlan {
  /** The conversion rate expected without the change. */
  baselineRate: number;
  /** The smallest absolute change in the rate worth detecting (0.02 = two percentage points). */
  minimumDetectableEffect: number;
  alpha: number;
  power: number;
}

/**
 * Clients needed in each of two equal arms for a two-sided test at `alpha` to detect the planned effect with the
 * planned power (the standard formula for two proportions, pooled variance under the null), rounded up.
 */
export function sampleSizePerArm(plan: SamplePlan): number {
  const p1 = plan.baselineRate;
  const p2 = Math.min(1, Math.max(0, p1 + plan.minimumDetectableEffect));
  const delta = Math.abs(p2 - p1);
  if (delta === 0) return Infinity;
  const zAlpha = normalQuantile(1 - plan.alpha / 2);
  const zBeta = normalQuantile(plan.power);
  const mean = (p1 + p2) / 2;
  const root = zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
  return Math.ceil((root * root) / (delta * delta));
}

export interface AlwaysValidEstimate extends Interval {
  difference: number;
  /** The always-valid p-value at this look: 1 / the mixture likelihood ratio against no difference (capped at 1). */
  pValue: number;
}

/**
 * An always-valid interval for rate(b) − rate(a): the normal mixture sequential probability ratio test (Johari,
 * Pekelis and Walsh, "Always valid inference", 2017). With the difference's estimate d ~ N(θ, V) and a normal
 * mixture of width τ over alternatives, the mixture likelihood ratio against θ is
 * √(V/(V+τ²))·exp(τ²(d−θ)² / (2V(V+τ²))); the interval is every θ whose ratio stays below 1/alpha. Its chance of
 * ever excluding the true difference, over any number of looks, stays at most alpha; the price is width.
 * τ is the plan's minimum detectable effect: the mixture then weighs most the effects the test was planned for.
 */
export function alwaysValidDifference(
  a: { successes: number; trials: number },
  b: { successes: number; trials: number },
  alpha: number,
  tau: number,
): AlwaysValidEstimate | null {
  if (a.trials <= 0 || b.trials <= 0 || !(tau > 0)) return null;
  const pa = a.successes / a.trials;
  const pb = b.successes / b.trials;
  // A rate of exactly 0 or 1 has no variance; half a success each way keeps the early interval honest, not zero-wide.
  const va = Math.max(pa * (1 - pa), 0.5 / a.trials) / a.trials;
  const vb = Math.max(pb * (1 - pb), 0.5 / b.trials) / b.trials;
  const v = va + vb;
  const t2 = tau * tau;
  const half = Math.sqrt(((v * (v + t2)) / t2) * (2 * Math.log(1 / alpha) + Math.log((v + t2) / v)));
  const difference = pb - pa;
  const logRatio = 0.5 * Math.log(v / (v + t2)) + (t2 * difference * difference) / (2 * v * (v + t2));
  return {
    difference,
    low: Math.max(-1, difference - half),
    high: Math.min(1, difference + half),
    pValue: Math.min(1, Math.exp(-logRatio)),
  };
}
