import type { MarketSnapshot } from '../domain';
import { binOfColumn, numericBin, type BoostedTrees, type TreeColumn } from './boosted-trees';
import { eachApart, groupCrosses, partitionBy, representatives, refine, type Partition } from './cross-groups';
import {
  addProductFeatures,
  CATEGORICAL_CROSSES,
  emptyRawFeatures,
  featureSide,
  NUMERIC_CROSSES,
  type CategoricalCross,
  type ClientFacts,
  type ProductFacts,
} from './raw-features';
import type { RawFeatures } from './scoring-context';

/**
 * How one column the trees split on that depends on both the client and the product is binned for a client: once
 * per key of `partition` (products with one key get one bin for any client), for the product `reps[key]`.
 */
type PairColumn = { column: number; partition: Partition; reps: Int32Array; bins: Uint8Array } & (
  | { kind: 'numeric-cross'; value: (c: ClientFacts, p: ProductFacts) => number | null }
  | { kind: 'categorical-cross'; cross: CategoricalCross; tokens: string[] }
  | { kind: 'signal'; name: string }
);

/**
 * A tree walk (a few dependent loads per level) costs about this many times one product's add of a group's sum: the
 * grouping weighs walks per key against adds per product with it.
 */
const WALK_COST = 16;

/** Trees walked together per client: once per key of their partition, for the product reps[key]. */
interface TreeGroup {
  trees: Int32Array;
  keys: number;
  reps: Int32Array;
  /** The product-side columns the trees read (binned once per product), and the pair columns (indices into pairColumns). */
  productColumns: Int32Array;
  pairColumns: Int32Array;
  /** Where the group's sums start in groupSums. */
  offset: number;
}

/**
 * The trees' part of every score of one catalogue. A tree's leaf for a pair depends on the client's columns, which
 * are fixed for a client, and on the product and pair columns it reads; products that agree on what those columns
 * read from the product (a product column's bin, a categorical cross's product token, a numeric cross's product
 * key) reach the same leaf for any client. So per client, each group of trees is walked once per such key, not
 * once per product, and each product adds one looked-up sum per group. Trees that read no client column are summed
 * once per product, and the crosses of the product with the market (fixed for the ranker) are product columns.
 * Gives BoostedTrees.margin of the pair's raw features, to rounding (the sum is taken in another order).
 */
export class FastTrees {
  private readonly productBins: Uint8Array;
  /** Per product, the sum of the trees that read no client column. */
  private readonly productMargins: Float64Array;
  private readonly clientColumns: number[] = [];
  private readonly pairColumns: PairColumn[] = [];
  private readonly groups: TreeGroup[];
  /** Per group and product (group × products + product), where its sum is in groupSums. */
  private readonly keyAt: Int32Array;
  private readonly groupSums: Float64Array;
  private readonly row: Uint8Array;
  private readonly width: number;

  constructor(
    private readonly trees: BoostedTrees,
    private readonly facts: readonly ProductFacts[],
    market: MarketSnapshot | null,
  ) {
    const columns = trees.columns;
    const n = facts.length;
    const width = (this.width = columns.length);
    this.row = new Uint8Array(width);
    this.productBins = new Uint8Array(n * width);
    const raws = facts.map((pf) => {
      const raw = emptyRawFeatures();
      addProductFeatures(raw, pf);
      return raw;
    });
    // Per column: 'client', 'product' (bins in productBins), an index into pairColumns, or null (always missing).
    const source: ('client' | 'product' | number | null)[] = columns.map(() => null);
    const partitions: (Partition | null)[] = columns.map(() => null);
    const byBin = (c: number): Partition => partitionBy(n, (p) => this.productBins[p * width + c]!);
    for (const c of trees.usedColumns()) {
      const column = columns[c]!;
      const side = featureSide(column.name);
      if (side === 'client') {
        this.clientColumns.push(c);
        source[c] = 'client';
      } else if (side === 'product') {
        for (let p = 0; p < n; p++) this.productBins[p * width + c] = binOfColumn(column, raws[p]!);
        source[c] = 'product';
        partitions[c] = byBin(c);
      } else if (side === 'pair') {
        const pair = this.pairColumn(c, column, market);
        if (pair === 'product') {
          source[c] = 'product';
          partitions[c] = byBin(c);
        } else if (pair !== null) {
          source[c] = this.pairColumns.length;
          partitions[c] = pair.partition;
          this.pairColumns.push(pair);
        }
      }
      // Any other column is missing (bin 0) for every pair, as rawFeatures leaves it.
    }

    // Trees by the product and pair columns they read; the ones that read no client column are summed per product.
    const productOnly: number[] = [];
    const bySet = new Map<string, { trees: number[]; columns: number[] }>();
    for (let t = 0; t < trees.size; t++) {
      const read = trees.columnsOfTree(t).filter((c) => source[c] !== null);
      const varying = read.filter((c) => source[c] !== 'client').sort((a, b) => a - b);
      if (read.every((c) => source[c] === 'product')) {
        productOnly.push(t);
        continue;
      }
      const key = varying.join(',');
      let set = bySet.get(key);
      if (!set) bySet.set(key, (set = { trees: [], columns: varying }));
      set.trees.push(t);
    }
    this.productMargins = new Float64Array(n);
    const only = Int32Array.from(productOnly);
    if (only.length > 0)
      for (let p = 0; p < n; p++)
        this.productMargins[p] = trees.marginOfTrees(only, this.productBins.subarray(p * width, (p + 1) * width));

    // Each set of trees with the partition its columns make; sets are then put together where that saves work.
    const sets = [...bySet.values()];
    const setPartitions = sets.map(({ columns: read }) =>
      read.reduce<Partition>(
        (joined, c) => refine(joined, partitions[c]!),
        partitionBy(n, () => 0),
      ),
    );
    const grouped = groupCrosses(
      setPartitions,
      n,
      sets.map((s) => s.trees.length * WALK_COST),
    );
    this.keyAt = new Int32Array(grouped.length * n);
    let offset = 0;
    this.groups = grouped.map(({ partition, members }, g) => {
      const read = [...new Set(members.flatMap((m) => sets[m]!.columns))];
      const group: TreeGroup = {
        trees: Int32Array.from(members.flatMap((m) => sets[m]!.trees).sort((a, b) => a - b)),
        keys: partition.count,
        reps: representatives(partition),
        productColumns: Int32Array.from(read.filter((c) => source[c] === 'product')),
        pairColumns: Int32Array.from(read.filter((c) => typeof source[c] === 'number').map((c) => source[c] as number)),
        offset,
      };
      for (let p = 0; p < n; p++) this.keyAt[g * n + p] = offset + partition.ids[p]!;
      offset += partition.count;
      return group;
    });
    this.groupSums = new Float64Array(offset);
  }

  /** How a pair-side column is worked out: a product column where the market alone decides it, null where unknown. */
  private pairColumn(c: number, column: TreeColumn, market: MarketSnapshot | null): PairColumn | 'product' | null {
    const facts = this.facts;
    const n = facts.length;
    const numeric = NUMERIC_CROSSES.find((x) => x.name === column.name);
    const categorical = CATEGORICAL_CROSSES.find((x) => x.name === column.name);
    if (column.kind === 'numeric' && numeric) {
      const productValue = numeric.productValue;
      if (productValue) {
        for (let p = 0; p < n; p++)
          this.productBins[p * this.width + c] = numericBin(column, productValue(facts[p]!, market));
        return 'product';
      }
      const key = numeric.productKey;
      const partition = key ? partitionBy(n, (p) => key(facts[p]!)) : eachApart(n);
      return {
        column: c,
        kind: 'numeric-cross',
        value: (cf, pf) => numeric.value(cf, pf, market),
        partition,
        reps: representatives(partition),
        bins: new Uint8Array(partition.count),
      };
    }
    if (column.kind === 'categorical' && categorical) {
      const partition = partitionBy(n, (p) => categorical.productToken(facts[p]!));
      const reps = representatives(partition);
      return {
        column: c,
        kind: 'categorical-cross',
        cross: categorical,
        tokens: Array.from(reps, (p) => categorical.productToken(facts[p]!)),
        partition,
        reps,
        bins: new Uint8Array(partition.count),
      };
    }
    if (column.kind === 'numeric' && column.name.startsWith('llm.')) {
      const partition = eachApart(n);
      return {
        column: c,
        kind: 'signal',
        name: column.name.slice(4),
        partition,
        reps: partition.ids,
        bins: new Uint8Array(n),
      };
    }
    return null;
  }

  /** This client's bin of every pair column, once per key of the column's partition. */
  private fillPairBins(facts: ClientFacts, signal: (name: string, p: number) => number | null | undefined): void {
    const columns = this.trees.columns;
    for (const pc of this.pairColumns) {
      const column = columns[pc.column]!;
      const { bins, reps } = pc;
      if (pc.kind === 'numeric-cross') {
        for (let key = 0; key < bins.length; key++)
          bins[key] = numericBin(column, pc.value(facts, this.facts[reps[key]!]!));
      } else if (pc.kind === 'signal') {
        for (let p = 0; p < bins.length; p++) bins[p] = numericBin(column, signal(pc.name, p));
      } else {
        const tokens = pc.cross.clientTokens(facts);
        for (let key = 0; key < bins.length; key++) {
          if (tokens.length === 0) {
            bins[key] = 0;
            continue;
          }
          const values = tokens.map((token) => pc.cross.combine(token, pc.tokens[key]!));
          const value = values.length === 1 ? values[0]! : values.sort().join('+');
          bins[key] = column.codes[value] ?? column.bins - 1;
        }
      }
    }
  }

  /**
   * The trees' margin for every product, for one client: `clientRaw` holds its client and moment features,
   * `signal` a product's language-model signal by name (null when none).
   */
  margins(
    facts: ClientFacts,
    clientRaw: RawFeatures,
    signal: (name: string, p: number) => number | null | undefined,
    out: Float64Array,
  ): void {
    const columns = this.trees.columns;
    const row = this.row;
    const width = this.width;
    // Client columns stay put for every product; product and pair columns are rewritten per key.
    for (const c of this.clientColumns) row[c] = binOfColumn(columns[c]!, clientRaw);
    this.fillPairBins(facts, signal);
    const productBins = this.productBins;
    const pairColumns = this.pairColumns;
    const sums = this.groupSums;
    for (const { trees, keys, reps, productColumns, pairColumns: pairRead, offset } of this.groups) {
      for (let key = 0; key < keys; key++) {
        const p = reps[key]!;
        for (let j = 0; j < productColumns.length; j++) {
          const c = productColumns[j]!;
          row[c] = productBins[p * width + c]!;
        }
        for (let j = 0; j < pairRead.length; j++) {
          const pc = pairColumns[pairRead[j]!]!;
          row[pc.column] = pc.bins[pc.partition.ids[p]!]!;
        }
        sums[offset + key] = this.trees.marginOfTrees(trees, row);
      }
    }
    const n = this.facts.length;
    const groups = this.groups.length;
    const keyAt = this.keyAt;
    const productMargins = this.productMargins;
    for (let p = 0; p < n; p++) {
      let z = productMargins[p]!;
      for (let g = 0; g < groups; g++) z += sums[keyAt[g * n + p]!]!;
      out[p] = z;
    }
  }
}
