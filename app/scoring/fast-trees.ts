import type { MarketSnapshot } from '../domain';
import { binOfColumn, numericBin, type BoostedTrees } from './boosted-trees';
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

/** How one pair-side column the trees split on is worked out for a client and a product. */
type PairColumn =
  | { column: number; kind: 'numeric-cross'; value: (c: ClientFacts, p: ProductFacts) => number | null }
  | { column: number; kind: 'categorical-cross'; cross: CategoricalCross; product: string[] }
  | { column: number; kind: 'signal'; name: string };

/**
 * The trees' part of every score of one catalogue: the columns the trees split on are binned once per product
 * (product side) and once per client (client, market and context), and only the crosses and signals they read are
 * worked out per pair. A tree that reads only product columns is summed once per product, one that reads only the
 * client's once per client; only the others are walked per pair. Gives BoostedTrees.margin of the pair's raw
 * features, to rounding (the sum is taken in another order).
 */
export class FastTrees {
  private readonly productBins: Uint8Array;
  private readonly productColumns: number[] = [];
  /** Per product, the sum of the trees that read only product columns. */
  private readonly productMargins: Float64Array;
  private readonly clientTrees: Int32Array;
  private readonly pairTrees: Int32Array;
  private readonly clientColumns: number[] = [];
  private readonly pairColumns: PairColumn[] = [];
  private readonly row: Uint8Array;
  private readonly width: number;

  constructor(
    private readonly trees: BoostedTrees,
    private readonly facts: readonly ProductFacts[],
    private readonly market: MarketSnapshot | null,
  ) {
    const columns = trees.columns;
    this.width = columns.length;
    this.row = new Uint8Array(this.width);
    const used = trees.usedColumns();
    const productColumns = this.productColumns;
    const sides = columns.map((column) => featureSide(column.name));
    for (const c of used) {
      const column = columns[c]!;
      const side = sides[c];
      if (side === 'product') productColumns.push(c);
      else if (side === 'client') this.clientColumns.push(c);
      else if (side === 'pair') {
        const numeric = NUMERIC_CROSSES.find((x) => x.name === column.name);
        const categorical = CATEGORICAL_CROSSES.find((x) => x.name === column.name);
        if (column.kind === 'numeric' && numeric)
          this.pairColumns.push({ column: c, kind: 'numeric-cross', value: (cf, pf) => numeric.value(cf, pf, market) });
        else if (column.kind === 'categorical' && categorical)
          this.pairColumns.push({
            column: c,
            kind: 'categorical-cross',
            cross: categorical,
            product: facts.map((pf) => categorical.productToken(pf)),
          });
        else if (column.kind === 'numeric' && column.name.startsWith('llm.'))
          this.pairColumns.push({ column: c, kind: 'signal', name: column.name.slice(4) });
      }
      // Any other column is missing (bin 0) for every pair, as rawFeatures leaves it.
    }
    this.productBins = new Uint8Array(facts.length * this.width);
    facts.forEach((pf, p) => {
      const raw = emptyRawFeatures();
      addProductFeatures(raw, pf);
      for (const c of productColumns) this.productBins[p * this.width + c] = binOfColumn(columns[c]!, raw);
    });
    const productOnly: number[] = [];
    const clientOnly: number[] = [];
    const pair: number[] = [];
    for (let t = 0; t < trees.size; t++) {
      const read = new Set(trees.columnsOfTree(t).map((c) => sides[c]));
      if (read.size === 0 || (read.size === 1 && read.has('product'))) productOnly.push(t);
      else if (read.size === 1 && read.has('client')) clientOnly.push(t);
      else pair.push(t);
    }
    this.clientTrees = Int32Array.from(clientOnly);
    this.pairTrees = Int32Array.from(pair);
    const only = Int32Array.from(productOnly);
    this.productMargins = new Float64Array(facts.length);
    for (let p = 0; p < facts.length; p++)
      this.productMargins[p] = trees.marginOfTrees(
        only,
        this.productBins.subarray(p * this.width, (p + 1) * this.width),
      );
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
    // Client columns stay put for every product; product and pair columns are rewritten per product.
    for (const c of this.clientColumns) row[c] = binOfColumn(columns[c]!, clientRaw);
    const clientPart = this.trees.marginOfTrees(this.clientTrees, row);
    const tokens = this.pairColumns.map((pc) => (pc.kind === 'categorical-cross' ? pc.cross.clientTokens(facts) : []));
    const productColumns = this.productColumns;
    const productBins = this.productBins;
    const pairTrees = this.pairTrees;
    for (let p = 0; p < this.facts.length; p++) {
      const from = p * width;
      for (let j = 0; j < productColumns.length; j++) row[productColumns[j]!] = productBins[from + productColumns[j]!]!;
      for (let j = 0; j < this.pairColumns.length; j++) {
        const pc = this.pairColumns[j]!;
        const column = columns[pc.column]!;
        if (pc.kind === 'numeric-cross') row[pc.column] = numericBin(column, pc.value(facts, this.facts[p]!));
        else if (pc.kind === 'signal') row[pc.column] = numericBin(column, signal(pc.name, p));
        else {
          const t = tokens[j]!;
          if (t.length === 0) {
            row[pc.column] = 0;
            continue;
          }
          const values = t.map((token) => pc.cross.combine(token, pc.product[p]!));
          const key = values.length === 1 ? values[0]! : values.sort().join('+');
          row[pc.column] = column.codes[key] ?? column.bins - 1;
        }
      }
      out[p] =
        clientPart + this.productMargins[p]! + (pairTrees.length > 0 ? this.trees.marginOfTrees(pairTrees, row) : 0);
    }
  }
}
