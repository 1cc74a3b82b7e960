import type { RawFeatures } from './scoring-context';
import { createSeededRandom } from './seeded-random';

/**
 * Gradient-boosted decision trees written for this engine: histogram splits on binned raw features (quantile cut
 * points for numbers, the most frequent values for categories, bin 0 for missing), depth-limited trees with
 * second-order leaf values and L2 on the leaves (as XGBoost and LightGBM do), shrinkage, and the number of trees
 * chosen by the log loss on the latest share of the (time-ordered) rows. No randomness: the same rows give the
 * same trees. They start from a margin given per row, so they can boost another model's logit (a blend member)
 * or stand alone from the base rate.
 */
export interface BoostedTreesOptions {
  /** The most trees; fewer when the held-out loss stops improving. */
  trees?: number;
  depth?: number;
  shrinkage?: number;
  /** Bins per numeric column besides the missing one (at most 254). */
  maxBins?: number;
  /** Values kept per categorical column, most frequent first; the rest share one bin. */
  maxCategories?: number;
  /** A category needs this many training rows to get a bin of its own. */
  minCategoryRows?: number;
  /**
   * Added to a category's hessian when categories are ordered for a split, so a small category's extreme average
   * cannot put it at either end (LightGBM's cat_smooth): splits on many values overfit first.
   */
  categorySmoothing?: number;
  /** L2 on leaf values. */
  lambda?: number;
  minLeafRows?: number;
  /** Least summed hessian in a leaf, so a leaf of all-negative rows at a tiny rate cannot take an extreme value. */
  minLeafHessian?: number;
  /**
   * Each tree is grown on at most this many of the fitted rows, drawn afresh per tree with a seeded generator
   * (stochastic gradient boosting, Friedman 2002): a tree's cost is its histograms, so on 100,000 rows this
   * bounds the training time; below the cap every row is used.
   */
  maxRowsPerTree?: number;
  seed?: number;
  /** Raw columns the trees never split on. */
  skipColumns?: readonly string[];
  /**
   * Categorical columns split as ordered codes rather than grouped by outcome: every value seen gets a code in a
   * fixed order by a hash of the value, the codes are cut into quantile bins like a number, and a split sends a
   * range of codes each way. Meant for client and product ids, as scikit-learn's HistGradientBoosting treats ids
   * with more values than its bins (ordinal codes): each split sends an arbitrary share of the ids each way, so an
   * id's own effect is learned only through many such groupings, shrunk, where grouping the few hundred most
   * frequent ids by their own average outcome memorises them. On AmExpert in time order (scikit-learn, same rows):
   * 0.836 test AUC with its codes, 0.826 to 0.841 with four random orders of them, 0.811 with the ids in their
   * natural order (neighbouring ids alike, so fewer distinct groupings) and 0.807 without the ids; our trees alone
   * 0.805 without them, 0.775 in natural order and 0.815 in hashed order. An id never seen goes with the larger
   * side of each split, as a category the node never saw.
   */
  orderedColumns?: readonly string[];
  /** Latest share of the rows that stops the boosting; 0 runs every tree. */
  validationShare?: number;
  patience?: number;
}

export const BOOSTED_TREES_DEFAULTS: Required<BoostedTreesOptions> = {
  trees: 200,
  depth: 4,
  shrinkage: 0.1,
  maxBins: 64,
  maxCategories: 250,
  minCategoryRows: 50,
  categorySmoothing: 10,
  lambda: 1,
  minLeafRows: 20,
  minLeafHessian: 1e-3,
  validationShare: 0.1,
  patience: 20,
  maxRowsPerTree: 20_000,
  seed: 1,
  skipColumns: [],
  orderedColumns: [],
};

/** One raw feature as the trees read it: bin 0 is missing, the last bin of a categorical column is 'other'. */
export interface TreeColumn {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Numeric: ascending cut points; a value falls in bin 1 + (number of edges at or below it). */
  edges: number[];
  /** Categorical: value (multi-valued features joined with '+', sorted) to bin. */
  codes: Record<string, number>;
  bins: number;
  /** Categorical with its codes in the values' order (orderedColumns): splits keep the order, as for a number. */
  ordered?: boolean;
}

/**
 * Trees as flat arrays, node 0 the root: `feature` is the column split on (-1 at a leaf), `left` the bins that go to
 * child `lo` (the rest to `hi`), `value` the node's value as if it were a leaf (shrinkage applied), which the
 * path-based contributions read.
 */
export interface TreeState {
  feature: number[];
  left: number[][];
  lo: number[];
  hi: number[];
  value: number[];
}

export interface BoostedTreesState {
  kind: 'boosted-trees';
  version: 1;
  columns: TreeColumn[];
  trees: TreeState[];
  /** How the boosting stopped: trees kept and the held-out loss per tree. */
  report: { treesKept: number; validationLoss: number[] };
}

/** A tree ready to walk: `left` as one flag per bin of the node's column. */
interface FastTree {
  feature: Int32Array;
  left: Uint8Array[];
  lo: Int32Array;
  hi: Int32Array;
  value: Float64Array;
}

function categoryKey(values: readonly string[] | undefined): string | null {
  if (!values || values.length === 0) return null;
  return values.length === 1 ? values[0]! : [...values].sort().join('+');
}

function fnv(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/** A fixed order unrelated to the values' meaning: by a hash of each value, ties by the value. */
export function hashCompare(a: string, b: string): number {
  return fnv(a) - fnv(b) || (a < b ? -1 : a > b ? 1 : 0);
}

/**
 * An ordered categorical column: each value seen gets a bin of codes in natural order, the bins cut at row
 * quantiles (a value's rows never straddle two bins), 0 for missing and the last bin for a value never seen.
 */
function orderedColumn(name: string, counts: Map<string, number>, total: number, maxBins: number): TreeColumn | null {
  const values = [...counts.keys()].sort(hashCompare);
  // No value, or one value and never missing: nothing to split.
  if (values.length === 0 || (values.length === 1 && counts.get(values[0]!) === total)) return null;
  const rows = values.reduce((s, v) => s + counts.get(v)!, 0);
  const cuts = Math.max(1, Math.min(253, maxBins));
  const codes: Record<string, number> = {};
  let bin = 1;
  let seen = 0;
  for (const v of values) {
    codes[v] = bin;
    seen += counts.get(v)!;
    // Move on to the next bin once this one holds its share of the rows.
    if (bin < cuts && seen >= (bin * rows) / cuts) bin++;
  }
  return { name, kind: 'categorical', edges: [], codes, bins: codes[values[values.length - 1]!]! + 2, ordered: true };
}

function fitColumns(
  numeric: readonly string[],
  categorical: readonly string[],
  rows: readonly RawFeatures[],
  o: Required<BoostedTreesOptions>,
): TreeColumn[] {
  const columns: TreeColumn[] = [];
  const cuts = Math.max(1, Math.min(254, o.maxBins));
  for (const name of numeric) {
    const values: number[] = [];
    for (const r of rows) {
      const v = r.numeric[name];
      if (v !== null && v !== undefined && Number.isFinite(v)) values.push(v);
    }
    if (values.length === 0) continue;
    const sorted = Float64Array.from(values).sort();
    // A number with one value and never missing cannot split anything.
    if (sorted[0] === sorted[sorted.length - 1] && values.length === rows.length) continue;
    const edges: number[] = [];
    for (let b = 1; b < cuts; b++) {
      const cut = sorted[Math.floor((b * sorted.length) / cuts)]!;
      if (cut > sorted[0]! && (edges.length === 0 || cut > edges[edges.length - 1]!)) edges.push(cut);
    }
    columns.push({ name, kind: 'numeric', edges, codes: {}, bins: edges.length + 2 });
  }
  for (const name of categorical) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = categoryKey(r.categorical[name]);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    if (o.orderedColumns.includes(name)) {
      const column = orderedColumn(name, counts, rows.length, o.maxBins);
      if (column) columns.push(column);
      continue;
    }
    const kept = [...counts.entries()]
      .filter(([, n]) => n >= o.minCategoryRows)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, Math.min(252, o.maxCategories));
    // One value and nothing else (no missing, no rarer values): nothing to split.
    if (kept.length === 0 || (kept.length === 1 && kept[0]![1] === rows.length)) continue;
    const codes: Record<string, number> = {};
    kept.forEach(([value], i) => (codes[value] = i + 1));
    columns.push({ name, kind: 'categorical', edges: [], codes, bins: kept.length + 2 });
  }
  return columns;
}

/** The bin of a number in a numeric column: 0 for a missing value, else 1 + the count of cut points at or below it. */
export function numericBin(column: TreeColumn, v: number | null | undefined): number {
  if (v === null || v === undefined || !Number.isFinite(v)) return 0;
  const edges = column.edges;
  let lo = 0;
  let hi = edges.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (edges[mid]! <= v) lo = mid + 1;
    else hi = mid;
  }
  return 1 + lo;
}

/** The bin of one column's raw value. */
export function binOfColumn(column: TreeColumn, raw: RawFeatures): number {
  if (column.kind === 'numeric') return numericBin(column, raw.numeric[column.name]);
  const key = categoryKey(raw.categorical[column.name]);
  return key === null ? 0 : (column.codes[key] ?? column.bins - 1);
}

function toFast(t: TreeState, columns: readonly TreeColumn[]): FastTree {
  return {
    feature: Int32Array.from(t.feature),
    left: t.feature.map((f, n) => {
      const flags = new Uint8Array(f >= 0 ? columns[f]!.bins : 0);
      for (const b of t.left[n]!) flags[b] = 1;
      return flags;
    }),
    lo: Int32Array.from(t.lo),
    hi: Int32Array.from(t.hi),
    value: Float64Array.from(t.value),
  };
}

/** Histograms of one node: per column and bin, summed gradient, hessian and row count, interleaved at 3 × bin. */
type Histogram = Float64Array;

/**
 * Which bins of the split column go to the `lo` child (1) and which to `hi` (0), from the bins the best split sent
 * left. The split only saw the bins that hold rows of this node; a value the node never saw still has to go
 * somewhere when scoring (a category that appeared after training, or too rare to have a bin; a number in a gap
 * between the node's values; a missing value where training had none). A number in a gap goes with its
 * neighbours: the left side is every bin up to the highest one the split sent left. A category or a missing value
 * the node never saw goes to the child that holds more of the node's rows, as scikit-learn's and LightGBM's trees
 * do, rather than always to the same side. On AmExpert in time order, where most later campaigns, coupons and
 * clients are new, trees alone went 0.661 → 0.665 test AUC and the 'boosted' candidate 0.674 → 0.680; the
 * other sets of the quality bench held (±0.001).
 */
function routeBins(column: TreeColumn, left: readonly number[], hist: Histogram, at: number, rows: number): Uint8Array {
  const flags = new Uint8Array(column.bins);
  let leftRows = 0;
  for (const b of left) {
    flags[b] = 1;
    leftRows += hist[3 * (at + b) + 2]!;
  }
  const unseenLeft = leftRows * 2 >= rows ? 1 : 0;
  if (column.kind === 'numeric' || column.ordered) {
    let highest = 0;
    for (const b of left) if (b > highest) highest = b;
    // An ordered categorical's last bin is the value never seen, which has no neighbours.
    const top = column.ordered ? column.bins - 2 : column.bins - 1;
    for (let b = 1; b <= Math.min(highest, top); b++) flags[b] = 1;
    if (hist[3 * at + 2]! === 0) flags[0] = unseenLeft;
    if (column.ordered && hist[3 * (at + column.bins - 1) + 2]! === 0) flags[column.bins - 1] = unseenLeft;
  } else {
    for (let b = 0; b < column.bins; b++) if (hist[3 * (at + b) + 2]! === 0) flags[b] = unseenLeft;
  }
  return flags;
}

export class BoostedTrees {
  private readonly fast: FastTree[];
  /**
   * Every tree's nodes in one table (children as absolute node numbers, roots listed), with the left-going bins
   * of all splits in one array from leftAt[node]: a walk reads flat typed arrays only, which is what a ranking
   * of a thousand products times a few hundred trees costs.
   */
  private readonly flat: {
    roots: Int32Array;
    feature: Int32Array;
    lo: Int32Array;
    hi: Int32Array;
    value: Float64Array;
    leftAt: Int32Array;
    left: Uint8Array;
  };

  private constructor(
    readonly columns: readonly TreeColumn[],
    private readonly trees: readonly TreeState[],
    readonly report: BoostedTreesState['report'],
  ) {
    this.fast = trees.map((t) => toFast(t, columns));
    const nodes = trees.reduce((s, t) => s + t.feature.length, 0);
    const flat = {
      roots: new Int32Array(trees.length),
      feature: new Int32Array(nodes),
      lo: new Int32Array(nodes),
      hi: new Int32Array(nodes),
      value: new Float64Array(nodes),
      leftAt: new Int32Array(nodes),
      left: new Uint8Array(this.fast.reduce((s, t) => s + t.left.reduce((a, l) => a + l.length, 0), 0)),
    };
    let at = 0;
    let flagsAt = 0;
    this.fast.forEach((t, i) => {
      flat.roots[i] = at;
      for (let n = 0; n < t.feature.length; n++) {
        flat.feature[at + n] = t.feature[n]!;
        flat.lo[at + n] = t.lo[n]! + at;
        flat.hi[at + n] = t.hi[n]! + at;
        flat.value[at + n] = t.value[n]!;
        flat.leftAt[at + n] = flagsAt;
        flat.left.set(t.left[n]!, flagsAt);
        flagsAt += t.left[n]!.length;
      }
      at += t.feature.length;
    });
    this.flat = flat;
  }

  get size(): number {
    return this.trees.length;
  }

  /**
   * Boosts from `baseMargin` (one logit per row; the base rate's when omitted). Rows in time order: the latest
   * validationShare of them stops the boosting and is not fitted on.
   */
  static train(
    columnNames: { numeric: readonly string[]; categorical: readonly string[] },
    rows: readonly RawFeatures[],
    labels: readonly number[],
    options: BoostedTreesOptions = {},
    baseMargin?: ArrayLike<number>,
  ): BoostedTrees {
    const o = { ...BOOSTED_TREES_DEFAULTS, ...options };
    const n = rows.length;
    const held = n >= 200 ? Math.floor(n * o.validationShare) : 0;
    const fitN = n - held;
    const kept = (name: string) => !o.skipColumns.includes(name);
    const columns = fitColumns(
      columnNames.numeric.filter(kept),
      columnNames.categorical.filter(kept),
      rows.slice(0, fitN),
      o,
    );
    const C = columns.length;
    // Column-major bins: a histogram reads one column for every row of a node.
    const X = columns.map((c) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = binOfColumn(c, rows[i]!);
      return out;
    });
    const offsets = new Int32Array(C + 1);
    for (let c = 0; c < C; c++) offsets[c + 1] = offsets[c]! + columns[c]!.bins;
    const totalBins = offsets[C]!;
    const F = new Float64Array(n);
    if (baseMargin) for (let i = 0; i < n; i++) F[i] = baseMargin[i]!;
    else {
      let pos = 0;
      for (let i = 0; i < fitN; i++) pos += labels[i]!;
      const rate = Math.min(0.999, Math.max(0.001, pos / Math.max(1, fitN)));
      F.fill(Math.log(rate / (1 - rate)));
    }
    // Gradient and hessian of row i at 2i and 2i + 1: one histogram add reads them together.
    const gh = new Float64Array(2 * fitN);
    const trees: TreeState[] = [];
    const losses: number[] = [];
    const heldLoss = (): number => {
      let loss = 0;
      for (let i = fitN; i < n; i++) {
        const p = Math.min(1 - 1e-12, Math.max(1e-12, 1 / (1 + Math.exp(-F[i]!))));
        loss -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
      }
      return loss / Math.max(1, held);
    };
    let best = held > 0 ? heldLoss() : Infinity;
    let bestCount = 0;
    const all = new Int32Array(fitN);
    for (let i = 0; i < fitN; i++) all[i] = i;
    const perTree = Math.max(1, Math.min(fitN, o.maxRowsPerTree));
    const random = createSeededRandom(o.seed);
    /** The rows of the next tree: all of them, or a fresh sample without replacement, in row order. */
    const sample = (): Int32Array => {
      if (perTree >= fitN) return all;
      for (let i = 0; i < perTree; i++) {
        const j = i + Math.floor(random.next() * (fitN - i));
        const t = all[i]!;
        all[i] = all[j]!;
        all[j] = t;
      }
      return all.slice(0, perTree).sort();
    };
    const newHistogram = (): Histogram => new Float64Array(3 * totalBins);
    const fill = (hist: Histogram, members: Int32Array): void => {
      hist.fill(0);
      const m = members.length;
      for (let c = 0; c < C; c++) {
        const col = X[c]!;
        const at = offsets[c]!;
        for (let j = 0; j < m; j++) {
          const i = members[j]!;
          const b = 3 * (at + col[i]!);
          hist[b]! += gh[2 * i]!;
          hist[b + 1]! += gh[2 * i + 1]!;
          hist[b + 2]!++;
        }
      }
    };
    for (let t = 0; t < o.trees; t++) {
      for (let i = 0; i < fitN; i++) {
        const p = 1 / (1 + Math.exp(-F[i]!));
        gh[2 * i] = p - labels[i]!;
        gh[2 * i + 1] = Math.max(1e-6, p * (1 - p));
      }
      const tree: TreeState = { feature: [], left: [], lo: [], hi: [], value: [] };
      const rootHist = newHistogram();
      const rowsOfTree = sample();
      fill(rootHist, rowsOfTree);
      grow(tree, rowsOfTree, rootHist, o.depth);
      trees.push(tree);
      const fast = toFast(tree, columns);
      for (let i = 0; i < n; i++) {
        let node = 0;
        while (fast.feature[node]! >= 0)
          node = fast.left[node]![X[fast.feature[node]!]![i]!] ? fast.lo[node]! : fast.hi[node]!;
        F[i]! += fast.value[node]!;
      }
      if (held > 0) {
        const loss = heldLoss();
        losses.push(loss);
        if (loss < best - 1e-9) {
          best = loss;
          bestCount = t + 1;
        } else if (t + 1 - bestCount >= o.patience) break;
      } else bestCount = t + 1;
    }
    return new BoostedTrees(columns, trees.slice(0, bestCount), { treesKept: bestCount, validationLoss: losses });

    /** Adds a node for `members` (its histogram given) and its subtree; returns the node's number. */
    function grow(tree: TreeState, members: Int32Array, hist: Histogram, depth: number): number {
      const id = tree.feature.length;
      let G = 0;
      let H = 0;
      // Every row falls in exactly one bin of column 0, so its bins hold the node's sums.
      const end0 = C > 0 ? offsets[1]! : 0;
      if (C > 0)
        for (let b = 0; b < end0; b++) {
          G += hist[3 * b]!;
          H += hist[3 * b + 1]!;
        }
      else
        for (const i of members) {
          G += gh[2 * i]!;
          H += gh[2 * i + 1]!;
        }
      tree.feature.push(-1);
      tree.left.push([]);
      tree.lo.push(-1);
      tree.hi.push(-1);
      tree.value.push((-G / (H + o.lambda)) * o.shrinkage);
      if (depth === 0 || members.length < 2 * o.minLeafRows) return id;
      const parentScore = (G * G) / (H + o.lambda);
      let bestGain = 1e-9;
      let bestColumn = -1;
      let bestLeft: number[] = [];
      for (let c = 0; c < C; c++) {
        const column = columns[c]!;
        const at = offsets[c]!;
        const bins = column.bins;
        // Numbers keep their order (missing tried on either side); categories are ordered by gradient over
        // hessian, which finds the best two-way grouping of values in one scan (Fisher 1958; LightGBM does so too).
        let order: number[];
        const ordered = column.kind === 'numeric' || column.ordered === true;
        if (ordered) {
          order = [];
          for (let b = 1; b < bins; b++) if (hist[3 * (at + b) + 2]! > 0) order.push(b);
        } else {
          order = [];
          for (let b = 0; b < bins; b++) if (hist[3 * (at + b) + 2]! > 0) order.push(b);
          order.sort(
            (a, b) =>
              hist[3 * (at + a)]! / (hist[3 * (at + a) + 1]! + o.categorySmoothing) -
                hist[3 * (at + b)]! / (hist[3 * (at + b) + 1]! + o.categorySmoothing) || a - b,
          );
        }
        const missingFirst = ordered && hist[3 * at + 2]! > 0 ? [true, false] : [false];
        for (const missingLeft of missingFirst) {
          let gl = missingLeft ? hist[3 * at]! : 0;
          let hl = missingLeft ? hist[3 * at + 1]! : 0;
          let nl = missingLeft ? hist[3 * at + 2]! : 0;
          for (let k = 0; k < order.length - 1; k++) {
            const b = at + order[k]!;
            gl += hist[3 * b]!;
            hl += hist[3 * b + 1]!;
            nl += hist[3 * b + 2]!;
            const nr = members.length - nl;
            const hr = H - hl;
            if (nl < o.minLeafRows || nr < o.minLeafRows || hl < o.minLeafHessian || hr < o.minLeafHessian) continue;
            const gr = G - gl;
            const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parentScore;
            if (gain > bestGain) {
              bestGain = gain;
              bestColumn = c;
              bestLeft = order.slice(0, k + 1);
              if (missingLeft) bestLeft.push(0);
            }
          }
        }
      }
      if (bestColumn < 0) return id;
      const flags = routeBins(columns[bestColumn]!, bestLeft, hist, offsets[bestColumn]!, members.length);
      const col = X[bestColumn]!;
      let nLo = 0;
      for (const i of members) if (flags[col[i]!]) nLo++;
      const loRows = new Int32Array(nLo);
      const hiRows = new Int32Array(members.length - nLo);
      let a = 0;
      let z = 0;
      for (const i of members) {
        if (flags[col[i]!]) loRows[a++] = i;
        else hiRows[z++] = i;
      }
      // The smaller child's histogram is summed, the larger one's is the parent's less it.
      const small = newHistogram();
      fill(small, nLo <= members.length - nLo ? loRows : hiRows);
      for (let b = 0; b < 3 * totalBins; b++) hist[b]! -= small[b]!;
      const [loHist, hiHist] = nLo <= members.length - nLo ? [small, hist] : [hist, small];
      tree.feature[id] = bestColumn;
      tree.left[id] = [];
      flags.forEach((f, b) => f && tree.left[id]!.push(b));
      tree.lo[id] = grow(tree, loRows, loHist, depth - 1);
      tree.hi[id] = grow(tree, hiRows, hiHist, depth - 1);
      return id;
    }
  }

  /**
   * Several ensembles as one, each tree's values scaled by its ensemble's factor: its margin is the scaled
   * margins' sum. Columns of the same name and kind must be binned alike (fitted on the same rows with the same bins),
   * which holds for ensembles trained on the same rows; otherwise this throws.
   */
  static combine(parts: readonly { trees: BoostedTrees; scale: number }[]): BoostedTrees {
    const columns: TreeColumn[] = [];
    const at = new Map<string, number>();
    const trees: TreeState[] = [];
    for (const { trees: part, scale } of parts) {
      const state = part.toJSON();
      const index = state.columns.map((c) => {
        // A raw feature may be both a number and a category under one name: the kind is part of the key.
        const key = `${c.kind}:${c.name}`;
        const known = at.get(key);
        if (known === undefined) {
          at.set(key, columns.length);
          columns.push(c);
          return columns.length - 1;
        }
        if (JSON.stringify(columns[known]) !== JSON.stringify(c))
          throw new Error(`column ${c.name} is binned differently in the ensembles combined`);
        return known;
      });
      for (const t of state.trees)
        trees.push({
          ...t,
          feature: t.feature.map((f) => (f >= 0 ? index[f]! : f)),
          value: t.value.map((v) => v * scale),
        });
    }
    return new BoostedTrees(columns, trees, { treesKept: trees.length, validationLoss: [] });
  }

  /** The columns some tree splits on, ascending. */
  usedColumns(): number[] {
    const used = new Set<number>();
    for (const t of this.trees) for (const f of t.feature) if (f >= 0) used.add(f);
    return [...used].sort((a, b) => a - b);
  }

  /** Every column's bin for one row of raw features. */
  bin(raw: RawFeatures): Uint8Array {
    const out = new Uint8Array(this.columns.length);
    for (let c = 0; c < this.columns.length; c++) out[c] = binOfColumn(this.columns[c]!, raw);
    return out;
  }

  /** The columns tree t splits on. */
  columnsOfTree(t: number): number[] {
    return [...new Set(this.trees[t]!.feature.filter((f) => f >= 0))];
  }

  /** The sum of the trees listed, for a binned row. */
  marginOfTrees(list: Int32Array, bins: ArrayLike<number>): number {
    const { roots, feature, lo, hi, value, leftAt, left } = this.flat;
    let z = 0;
    for (let j = 0; j < list.length; j++) {
      let node = roots[list[j]!]!;
      let f = feature[node]!;
      while (f >= 0) {
        node = left[leftAt[node]! + bins[f]!] ? lo[node]! : hi[node]!;
        f = feature[node]!;
      }
      z += value[node]!;
    }
    return z;
  }

  /** The trees' sum for a binned row. */
  marginOfBins(bins: ArrayLike<number>): number {
    const { roots, feature, lo, hi, value, leftAt, left } = this.flat;
    let z = 0;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t]!;
      let f = feature[node]!;
      while (f >= 0) {
        node = left[leftAt[node]! + bins[f]!] ? lo[node]! : hi[node]!;
        f = feature[node]!;
      }
      z += value[node]!;
    }
    return z;
  }

  /** What the trees add to the row's logit. */
  margin(raw: RawFeatures): number {
    return this.marginOfBins(this.bin(raw));
  }

  /**
   * Path-based contributions (Saabas): along each tree's path, the change in the node value at a split is
   * credited to the column split on. Per column; with `expected` (the root values summed) they add up to margin().
   */
  contributions(raw: RawFeatures): { expected: number; byColumn: Float64Array } {
    const bins = this.bin(raw);
    const byColumn = new Float64Array(this.columns.length);
    // The flat tables, as marginOfBins walks them: a ranking explains ten products, each through every tree.
    const { roots, feature, lo, hi, value, leftAt, left } = this.flat;
    let expected = 0;
    for (let t = 0; t < roots.length; t++) {
      let node = roots[t]!;
      expected += value[node]!;
      let f = feature[node]!;
      while (f >= 0) {
        const next = left[leftAt[node]! + bins[f]!] ? lo[node]! : hi[node]!;
        byColumn[f]! += value[next]! - value[node]!;
        node = next;
        f = feature[node]!;
      }
    }
    return { expected, byColumn };
  }

  toJSON(): BoostedTreesState {
    return {
      kind: 'boosted-trees',
      version: 1,
      columns: this.columns.map((c) => ({ ...c, edges: [...c.edges], codes: { ...c.codes } })),
      trees: this.trees.map((t) => ({
        feature: [...t.feature],
        left: t.left.map((l) => [...l]),
        lo: [...t.lo],
        hi: [...t.hi],
        value: [...t.value],
      })),
      report: { treesKept: this.report.treesKept, validationLoss: [...this.report.validationLoss] },
    };
  }

  /** Reads stored trees back; throws with a plain reason when they do not hold together. */
  static fromJSON(state: BoostedTreesState): BoostedTrees {
    if (state?.kind !== 'boosted-trees' || state.version !== 1) throw new Error('not a version 1 tree ensemble');
    const columns = state.columns;
    if (!Array.isArray(columns) || !Array.isArray(state.trees))
      throw new Error('tree ensemble without columns or trees');
    for (const c of columns) {
      const shaped =
        typeof c?.name === 'string' &&
        (c.kind === 'numeric' || c.kind === 'categorical') &&
        Array.isArray(c.edges) &&
        c.edges.every((e) => Number.isFinite(e)) &&
        typeof c.codes === 'object' &&
        c.codes !== null &&
        Number.isInteger(c.bins) &&
        c.bins >= 2 &&
        c.bins <= 256 &&
        Object.values(c.codes).every((b) => Number.isInteger(b) && b > 0 && b < c.bins);
      if (!shaped) throw new Error('a stored tree column is not one this version can read');
    }
    for (const t of state.trees) {
      if (!Array.isArray(t?.feature) || !Array.isArray(t.left) || !Array.isArray(t.lo) || !Array.isArray(t.hi))
        throw new Error('a stored tree is not a table of nodes');
      const nodes = t.feature.length;
      if (t.lo.length !== nodes || t.hi.length !== nodes || t.value.length !== nodes || t.left.length !== nodes)
        throw new Error('a stored tree has arrays of different lengths');
      for (let node = 0; node < nodes; node++) {
        if (!Number.isFinite(t.value[node])) throw new Error('a stored tree has a value that is not finite');
        const f = t.feature[node]!;
        if (f < 0) continue;
        if (f >= columns.length) throw new Error('a stored tree splits on a column it does not have');
        // Children come after their parent, so a walk always ends at a leaf.
        if (!(t.lo[node]! > node && t.lo[node]! < nodes && t.hi[node]! > node && t.hi[node]! < nodes))
          throw new Error('a stored tree has a child out of place');
      }
    }
    return new BoostedTrees(
      columns,
      state.trees,
      state.report ?? { treesKept: state.trees.length, validationLoss: [] },
    );
  }
}
