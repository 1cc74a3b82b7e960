/**
 * Isotonic calibration: a non-decreasing map from the model's logit to a probability, fitted by pooling adjacent
 * violators on held-out predictions. Unlike Platt's two numbers it can bend (a model over-confident at the top
 * and right at the bottom), so it needs more rows: every block pools at least `minBlock` of them, or a small
 * window's noise becomes the map. Between block centres the map is linear in the logit, so it keeps the
 * model's order wherever two blocks differ and only ties products inside the flat ends.
 */
export interface IsotonicCalibration {
  kind: 'isotonic';
  /** Block centres (mean logit of the block), increasing. */
  logits: number[];
  /** The block's observed rate, non-decreasing, kept away from 0 and 1. */
  rates: number[];
  /** Held-out rows it was fitted on. */
  rows: number;
}

/** Fewer rows than this and the map is not fitted: a handful of blocks would be noise. */
export const MIN_ISOTONIC_ROWS = 200;

interface Block {
  n: number;
  positives: number;
  logitSum: number;
}

const rateOf = (b: Block): number => b.positives / b.n;

function merge(a: Block, b: Block): Block {
  return { n: a.n + b.n, positives: a.positives + b.positives, logitSum: a.logitSum + b.logitSum };
}

/** Pool adjacent violators over blocks already in logit order: the result's rates never decrease. */
function pool(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    let b = block;
    while (out.length > 0 && rateOf(out[out.length - 1]!) >= rateOf(b)) b = merge(out.pop()!, b);
    out.push(b);
  }
  return out;
}

/**
 * Fits the map; null when there are too few rows or one class only. `minBlock` defaults to the larger of 50 rows
 * and a twentieth of them, so no block's rate rests on fewer outcomes than a reader would trust.
 */
export function fitIsotonic(
  logits: readonly number[],
  labels: readonly number[],
  minBlock = Math.max(50, Math.ceil(logits.length / 20)),
): IsotonicCalibration | null {
  const n = logits.length;
  const positives = labels.reduce((s, y) => s + (y === 1 ? 1 : 0), 0);
  if (n < MIN_ISOTONIC_ROWS || positives === 0 || positives === n) return null;
  const order = logits.map((_, i) => i).sort((a, b) => logits[a]! - logits[b]! || a - b);
  // Equal logits go in one block, so the map cannot depend on the order of ties.
  const start: Block[] = [];
  for (const i of order) {
    const last = start[start.length - 1];
    const z = logits[i]!;
    const y = labels[i] === 1 ? 1 : 0;
    if (last && last.logitSum / last.n === z) {
      last.n++;
      last.positives += y;
      last.logitSum += z;
    } else start.push({ n: 1, positives: y, logitSum: z });
  }
  let blocks = pool(start);
  // A block below the minimum joins the neighbour whose rate is nearer; joining neighbours keeps the order.
  for (let small = blocks.findIndex((b) => b.n < minBlock); small >= 0 && blocks.length > 1;) {
    const left = blocks[small - 1];
    const right = blocks[small + 1];
    const here = blocks[small]!;
    const withLeft = !right || (left !== undefined && rateOf(here) - rateOf(left) <= rateOf(right) - rateOf(here));
    if (withLeft) blocks.splice(small - 1, 2, merge(left!, here));
    else blocks.splice(small, 2, merge(here, right));
    blocks = pool(blocks);
    small = blocks.findIndex((b) => b.n < minBlock);
  }
  return {
    kind: 'isotonic',
    logits: blocks.map((b) => b.logitSum / b.n),
    // Half an outcome each way, so a block of all misses does not claim a certain "no".
    rates: blocks.map((b) => (b.positives + 0.5) / (b.n + 1)),
    rows: n,
  };
}

/** The calibrated probability for a logit: linear between block centres, the end blocks' rates beyond them. */
export function applyIsotonic(map: IsotonicCalibration, logit: number): number {
  const { logits, rates } = map;
  const last = logits.length - 1;
  if (!(logit > logits[0]!)) return rates[0]!;
  if (logit >= logits[last]!) return rates[last]!;
  let lo = 0;
  let hi = last;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (logits[mid]! <= logit) lo = mid;
    else hi = mid;
  }
  const t = (logit - logits[lo]!) / (logits[hi]! - logits[lo]!);
  return rates[lo]! + t * (rates[hi]! - rates[lo]!);
}

/** Whether stored JSON is a usable isotonic map (versions are read back from the store). */
export function isIsotonicCalibration(value: unknown): value is IsotonicCalibration {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Partial<IsotonicCalibration>;
  if (c.kind !== 'isotonic' || !Array.isArray(c.logits) || !Array.isArray(c.rates)) return false;
  if (c.logits.length === 0 || c.logits.length !== c.rates.length || typeof c.rows !== 'number') return false;
  for (let i = 0; i < c.logits.length; i++) {
    const z = c.logits[i];
    const r = c.rates[i];
    if (typeof z !== 'number' || typeof r !== 'number' || !Number.isFinite(z) || !(r > 0 && r < 1)) return false;
    if (i > 0 && !(z > c.logits[i - 1]! && r >= c.rates[i - 1]!)) return false;
  }
  return true;
}
