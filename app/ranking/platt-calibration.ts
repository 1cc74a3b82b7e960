/**
 * Platt scaling: p = sigmoid(a · logit + b), fitted on held-out predictions so a shown "30 %" means about 30 %.
 * Two numbers, so it cannot reorder products; it only corrects a model that is over- or under-confident.
 */
export interface PlattCalibration {
  kind: 'platt';
  a: number;
  b: number;
  /** Held-out rows it was fitted on. */
  rows: number;
  /**
   * How a and b were fitted: 'platt' both on held-out predictions; 'shift' the intercept alone (a = 1) on the
   * latest window, see fitInterceptShift. Absent in versions stored before the shift existed: those are 'platt'.
   */
  method?: 'platt' | 'shift';
}

export const IDENTITY_CALIBRATION: PlattCalibration = { kind: 'platt', a: 1, b: 0, rows: 0 };

const clamp = (z: number): number => Math.max(-35, Math.min(35, z));
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-clamp(z)));

export function logitOf(p: number): number {
  const q = Math.min(1 - 1e-12, Math.max(1e-12, p));
  return Math.log(q / (1 - q));
}

/**
 * Newton's method on the two parameters of the log loss, with Platt's smoothed targets so a perfectly
 * separated small set cannot send a to infinity. Falls back to the identity when there is too little to fit
 * (fewer than 30 rows or one class only) or the fit does not converge to finite numbers.
 */
export function fitPlatt(logits: readonly number[], labels: readonly number[]): PlattCalibration {
  const n = logits.length;
  const positives = labels.reduce((s, y) => s + (y === 1 ? 1 : 0), 0);
  if (n < 30 || positives === 0 || positives === n) return IDENTITY_CALIBRATION;
  const hi = (positives + 1) / (positives + 2);
  const lo = 1 / (n - positives + 2);
  const targets = labels.map((y) => (y === 1 ? hi : lo));
  let a = 1;
  let b = 0;
  for (let iter = 0; iter < 50; iter++) {
    let ga = 0;
    let gb = 0;
    let haa = 1e-9;
    let hab = 0;
    let hbb = 1e-9;
    for (let i = 0; i < n; i++) {
      const z = logits[i]!;
      const p = sigmoid(a * z + b);
      const d = p - targets[i]!;
      const w = p * (1 - p);
      ga += d * z;
      gb += d;
      haa += w * z * z;
      hab += w * z;
      hbb += w;
    }
    const det = haa * hbb - hab * hab;
    if (!(Math.abs(det) > 1e-12)) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a -= da;
    b -= db;
    if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) break;
  }
  if (!Number.isFinite(a) || !Number.isFinite(b) || a <= 0) return IDENTITY_CALIBRATION;
  return { kind: 'platt', a, b, rows: n, method: 'platt' };
}

/**
 * The intercept-only recalibration: the b that makes the mean of sigmoid(logit + b) over the rows equal their
 * observed positive rate, the slope left at 1. One number moves every probability the same way on the logit
 * scale, so it cannot reorder products nor overfit a window; it carries the latest positive rate where the rate
 * drifts. Identity (b = 0) with fewer than 30 rows or one class only.
 */
export function fitInterceptShift(logits: readonly number[], labels: readonly number[]): PlattCalibration {
  const n = logits.length;
  const positives = labels.reduce((s, y) => s + (y === 1 ? 1 : 0), 0);
  if (n < 30 || positives === 0 || positives === n) return IDENTITY_CALIBRATION;
  let b = 0;
  for (let iter = 0; iter < 100; iter++) {
    let excess = -positives;
    let slope = 1e-9;
    for (const z of logits) {
      const p = sigmoid(z + b);
      excess += p;
      slope += p * (1 - p);
    }
    // Newton's step, bounded so a window of near-certain predictions cannot throw b far in one go.
    const step = Math.max(-2, Math.min(2, excess / slope));
    b -= step;
    if (Math.abs(step) < 1e-10) break;
  }
  if (!Number.isFinite(b)) return IDENTITY_CALIBRATION;
  return { kind: 'platt', a: 1, b, rows: n, method: 'shift' };
}

export function calibrate(calibration: PlattCalibration | null, logit: number): number {
  return calibration ? sigmoid(calibration.a * logit + calibration.b) : sigmoid(logit);
}
