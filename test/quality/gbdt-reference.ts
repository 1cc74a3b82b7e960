import type { FeatureEncoding } from '../../app/scoring/feature-encoding';
import type { RawFeatures } from '../../app/scoring/scoring-context';

/**
 * A small histogram gradient-boosted-trees classifier (logistic loss, second-order leaf values as in XGBoost and
 * LightGBM), used only as a yardstick: the interest model should come close to it on tabular data. Not shipped.
 * It reads the same raw features and the same column choice (numeric vs categorical) as the app's encoding.
 */
export interface GbdtOptions {
  trees?: number;
  depth?: number;
  shrinkage?: number;
  /** Bins per numeric column; bin 0 is reserved for missing. */
  maxBins?: number;
  /** Most frequent values kept per categorical column; the rest share one bin. */
  maxCategories?: number;
  lambda?: number;
  minLeafRows?: number;
  /** Latest share of the (time-ordered) rows used to pick the number of trees. */
  validationShare?: number;
  patience?: number;
}

const DEFAULTS: Required<GbdtOptions> = {
  trees: 200,
  depth: 4,
  shrinkage: 0.1,
  maxBins: 64,
  maxCategories: 62,
  lambda: 1,
  minLeafRows: 20,
  validationShare: 0.1,
  patience: 30,
};

interface Column {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Numeric: ascending cut points (bin = 1 + edges at or below the value). */
  edges: number[];
  /** Categorical: value to bin (1..); unknown values go to `other`. */
  codes: Map<string, number>;
  other: number;
  bins: number;
}

interface Split {
  feature: number;
  /** 1 where a bin goes left. */
  left: Uint8Array;
}

type Node = { leaf: number } | { split: Split; lo: Node; hi: Node };

function fitColumns(encoding: FeatureEncoding, rows: readonly RawFeatures[], o: Required<GbdtOptions>): Column[] {
  const columns: Column[] = [];
  for (const c of encoding.numeric) {
    const values: number[] = [];
    for (const r of rows) {
      const v = r.numeric[c.name];
      if (v !== null && v !== undefined && Number.isFinite(v)) values.push(v);
    }
    values.sort((a, b) => a - b);
    const edges: number[] = [];
    for (let b = 1; b < o.maxBins - 1; b++) {
      const i = Math.floor((b * values.length) / (o.maxBins - 1));
      if (i <= 0 || i >= values.length) continue;
      const cut = values[i]!;
      if (cut > values[0]! && (edges.length === 0 || cut > edges[edges.length - 1]!)) edges.push(cut);
    }
    columns.push({ name: c.name, kind: 'numeric', edges, codes: new Map(), other: 0, bins: edges.length + 2 });
  }
  for (const c of encoding.categorical) {
    const counts = new Map<string, number>();
    for (const r of rows) {
      const key = categoryKey(r.categorical[c.name]);
      if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const kept = [...counts.entries()]
      .filter(([, n]) => n >= 5)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, o.maxCategories);
    if (kept.length === 0) continue;
    const codes = new Map(kept.map(([value], i) => [value, i + 1]));
    columns.push({
      name: c.name,
      kind: 'categorical',
      edges: [],
      codes,
      other: kept.length + 1,
      bins: kept.length + 2,
    });
  }
  return columns;
}

function categoryKey(values: readonly string[] | undefined): string | null {
  return values && values.length > 0 ? [...values].sort().join('+') : null;
}

function binRow(columns: readonly Column[], raw: RawFeatures): Uint8Array {
  const out = new Uint8Array(columns.length);
  columns.forEach((c, f) => {
    if (c.kind === 'numeric') {
      const v = raw.numeric[c.name];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      let lo = 0;
      let hi = c.edges.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (c.edges[mid]! <= v) lo = mid + 1;
        else hi = mid;
      }
      out[f] = 1 + lo;
    } else {
      const key = categoryKey(raw.categorical[c.name]);
      out[f] = key === null ? 0 : (c.codes.get(key) ?? c.other);
    }
  });
  return out;
}

export class GradientBoostedTrees {
  private constructor(
    private readonly columns: Column[],
    private readonly base: number,
    private readonly trees: Node[],
    readonly treesKept: number,
  ) {}

  static train(
    encoding: FeatureEncoding,
    rows: readonly RawFeatures[],
    labels: readonly number[],
    options: GbdtOptions = {},
  ): GradientBoostedTrees {
    const o = { ...DEFAULTS, ...options };
    const columns = fitColumns(encoding, rows, o);
    const X = rows.map((r) => binRow(columns, r));
    const held = Math.floor(rows.length * o.validationShare);
    const fitN = rows.length - held;
    const rate = Math.min(0.999, Math.max(0.001, labels.slice(0, fitN).reduce((a, b) => a + b, 0) / fitN));
    const base = Math.log(rate / (1 - rate));
    const F = new Float64Array(rows.length).fill(base);
    const g = new Float64Array(fitN);
    const h = new Float64Array(fitN);
    const trees: Node[] = [];
    let best = Infinity;
    let bestCount = 0;
    for (let t = 0; t < o.trees; t++) {
      for (let i = 0; i < fitN; i++) {
        const p = 1 / (1 + Math.exp(-F[i]!));
        g[i] = p - labels[i]!;
        h[i] = Math.max(1e-6, p * (1 - p));
      }
      const all = new Int32Array(fitN);
      for (let i = 0; i < fitN; i++) all[i] = i;
      const tree = grow(columns, X, g, h, all, o.depth, o);
      trees.push(tree);
      for (let i = 0; i < rows.length; i++) F[i]! += predictTree(tree, X[i]!);
      if (held > 0) {
        let loss = 0;
        for (let i = fitN; i < rows.length; i++) {
          const p = Math.min(1 - 1e-12, Math.max(1e-12, 1 / (1 + Math.exp(-F[i]!))));
          loss -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
        }
        if (loss < best - 1e-9) {
          best = loss;
          bestCount = t + 1;
        } else if (t + 1 - bestCount >= o.patience) break;
      } else bestCount = t + 1;
    }
    return new GradientBoostedTrees(columns, base, trees.slice(0, bestCount), bestCount);
  }

  predict(raw: RawFeatures): number {
    const x = binRow(this.columns, raw);
    let z = this.base;
    for (const tree of this.trees) z += predictTree(tree, x);
    return 1 / (1 + Math.exp(-z));
  }
}

function predictTree(node: Node, x: Uint8Array): number {
  let n = node;
  while (!('leaf' in n)) n = n.split.left[x[n.split.feature]!] ? n.lo : n.hi;
  return n.leaf;
}

function grow(
  columns: readonly Column[],
  X: readonly Uint8Array[],
  g: Float64Array,
  h: Float64Array,
  rows: Int32Array,
  depth: number,
  o: Required<GbdtOptions>,
): Node {
  let G = 0;
  let H = 0;
  for (const i of rows) {
    G += g[i]!;
    H += h[i]!;
  }
  const leaf = { leaf: (-G / (H + o.lambda)) * o.shrinkage };
  if (depth === 0 || rows.length < 2 * o.minLeafRows) return leaf;
  const parentScore = (G * G) / (H + o.lambda);
  let bestGain = 1e-6;
  let best: Split | null = null;
  for (let f = 0; f < columns.length; f++) {
    const c = columns[f]!;
    const hg = new Float64Array(c.bins);
    const hh = new Float64Array(c.bins);
    const hn = new Int32Array(c.bins);
    for (const i of rows) {
      const b = X[i]![f]!;
      hg[b]! += g[i]!;
      hh[b]! += h[i]!;
      hn[b]!++;
    }
    // Numeric bins keep their order (missing tried on each side); categories are ordered by their gradient ratio,
    // which finds the best two-way grouping of values in one scan (Fisher 1958; LightGBM does the same).
    let order: number[];
    if (c.kind === 'numeric') order = Array.from({ length: c.bins - 1 }, (_, b) => b + 1);
    else
      order = Array.from({ length: c.bins }, (_, b) => b)
        .filter((b) => hn[b]! > 0)
        .sort((a, b) => hg[a]! / (hh[a]! + o.lambda) - hg[b]! / (hh[b]! + o.lambda));
    const missingOptions = c.kind === 'numeric' && hn[0]! > 0 ? [true, false] : [false];
    for (const missingLeft of missingOptions) {
      let gl = missingLeft ? hg[0]! : 0;
      let hl = missingLeft ? hh[0]! : 0;
      let nl = missingLeft ? hn[0]! : 0;
      for (let k = 0; k < order.length - 1; k++) {
        const b = order[k]!;
        gl += hg[b]!;
        hl += hh[b]!;
        nl += hn[b]!;
        const nr = rows.length - nl;
        if (nl < o.minLeafRows || nr < o.minLeafRows) continue;
        const gr = G - gl;
        const hr = H - hl;
        const gain = (gl * gl) / (hl + o.lambda) + (gr * gr) / (hr + o.lambda) - parentScore;
        if (gain > bestGain) {
          bestGain = gain;
          const left = new Uint8Array(c.bins);
          for (let j = 0; j <= k; j++) left[order[j]!] = 1;
          if (missingLeft) left[0] = 1;
          best = { feature: f, left };
        }
      }
    }
  }
  if (!best) return leaf;
  const lo: number[] = [];
  const hi: number[] = [];
  for (const i of rows) (best.left[X[i]![best.feature]!] ? lo : hi).push(i);
  return {
    split: best,
    lo: grow(columns, X, g, h, Int32Array.from(lo), depth - 1, o),
    hi: grow(columns, X, g, h, Int32Array.from(hi), depth - 1, o),
  };
}
