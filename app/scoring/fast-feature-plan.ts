import type { Product } from '../domain';
import {
  encodeFeatures,
  type CategoricalColumn,
  type FeatureEncoding,
  type NumericColumn,
  type SparseVector,
} from './feature-encoding';
import {
  addProductFeatures,
  CATEGORICAL_CROSSES,
  emptyRawFeatures,
  featureSide,
  NUMERIC_CROSSES,
  productFacts,
  type CategoricalCross,
  type NumericCross,
  type ProductFacts,
} from './raw-features';

/**
 * How one model's encoding splits into the parts a fast scorer handles differently: columns fixed per client
 * and moment, columns fixed per product (encoded once and kept), and the per-pair crosses and signals.
 * Built once per encoding; nothing in it depends on the weights, so online updates do not invalidate it.
 */
export interface FeaturePlan {
  encoding: FeatureEncoding;
  /** The encoding cut down to the columns one client at one moment decides (and to columns nothing produces, always missing). */
  clientEncoding: FeatureEncoding;
  productEncoding: FeatureEncoding;
  numericCrosses: { cross: NumericCross; column: NumericColumn }[];
  /** The numeric crosses that need the client, scored per pair; the others (productValue) are fixed per product at one market. */
  clientCrosses: { cross: NumericCross; column: NumericColumn }[];
  marketCrosses: { cross: NumericCross & Required<Pick<NumericCross, 'productValue'>>; column: NumericColumn }[];
  categoricalCrosses: { cross: CategoricalCross; column: CategoricalColumn }[];
  /** llm.<name> columns the model was trained with, by signal name. */
  signals: { name: string; column: NumericColumn }[];
  /** Encoded product side per product object, so a catalogue is encoded once per model, not once per ranking. */
  productVectors: WeakMap<Product, { facts: ProductFacts; vector: SparseVector }>;
}

const plans = new WeakMap<FeatureEncoding, FeaturePlan>();

function subset(
  encoding: FeatureEncoding,
  numeric: NumericColumn[],
  categorical: CategoricalColumn[],
): FeatureEncoding {
  return { ...encoding, numeric, categorical };
}

export function featurePlan(encoding: FeatureEncoding): FeaturePlan {
  const cached = plans.get(encoding);
  if (cached) return cached;
  const numericCrossByName = new Map(NUMERIC_CROSSES.map((c) => [c.name, c]));
  const categoricalCrossByName = new Map(CATEGORICAL_CROSSES.map((c) => [c.name, c]));
  const clientNumeric: NumericColumn[] = [];
  const productNumeric: NumericColumn[] = [];
  const clientCategorical: CategoricalColumn[] = [];
  const productCategorical: CategoricalColumn[] = [];
  const plan: Omit<FeaturePlan, 'clientEncoding' | 'productEncoding' | 'clientCrosses' | 'marketCrosses'> = {
    encoding,
    numericCrosses: [],
    categoricalCrosses: [],
    signals: [],
    productVectors: new WeakMap(),
  };
  for (const column of encoding.numeric) {
    const side = sideOf(column.name);
    const cross = numericCrossByName.get(column.name);
    if (side === 'product') productNumeric.push(column);
    else if (cross) plan.numericCrosses.push({ cross, column });
    else if (column.name.startsWith('llm.')) plan.signals.push({ name: column.name.slice(4), column });
    // A client column, or a pair column no declaration fills (a feature since retired): missing for every pair alike.
    else clientNumeric.push(column);
  }
  for (const column of encoding.categorical) {
    const side = sideOf(column.name);
    const cross = categoricalCrossByName.get(column.name);
    if (side === 'product') productCategorical.push(column);
    else if (cross) plan.categoricalCrosses.push({ cross, column });
    else clientCategorical.push(column);
  }
  const clientCrosses = plan.numericCrosses.filter(({ cross }) => !cross.productValue);
  const marketCrosses = plan.numericCrosses.flatMap(({ cross, column }) =>
    cross.productValue ? [{ cross: { ...cross, productValue: cross.productValue }, column }] : [],
  );
  const built: FeaturePlan = {
    ...plan,
    clientCrosses,
    marketCrosses,
    clientEncoding: subset(encoding, clientNumeric, clientCategorical),
    productEncoding: subset(encoding, productNumeric, productCategorical),
  };
  plans.set(encoding, built);
  return built;
}

function sideOf(name: string): 'client' | 'product' | 'pair' {
  const side = featureSide(name);
  // A feature of unknown origin could depend on either side; scoring it as either would be silently wrong.
  if (side === null)
    throw new Error(
      `fast scoring: cannot tell whether feature "${name}" belongs to the client, the product or the pair`,
    );
  return side;
}

export function productSide(plan: FeaturePlan, product: Product): { facts: ProductFacts; vector: SparseVector } {
  let entry = plan.productVectors.get(product);
  if (!entry) {
    const facts = productFacts(product);
    const raw = emptyRawFeatures();
    addProductFeatures(raw, facts);
    entry = { facts, vector: encodeFeatures(plan.productEncoding, raw) };
    plan.productVectors.set(product, entry);
  }
  return entry;
}

/**
 * The feature index of combine(clientToken, productToken) for every product, one row per client token, filled
 * the first time a token is seen: after that a categorical cross costs one array read per pair. A catalogue
 * repeats few product tokens (a category, a family), so a row combines each distinct token once and copies.
 */
export class CrossTable {
  /** Each product's token as an id into `distinct`. */
  private readonly tokenIds: Int32Array;
  private readonly distinct: string[] = [];
  private readonly rows = new Map<string, number>();
  private table: Int32Array;
  private used = 0;

  constructor(
    private readonly cross: CategoricalCross,
    private readonly column: CategoricalColumn,
    products: readonly ProductFacts[],
  ) {
    const ids = new Map<string, number>();
    this.tokenIds = new Int32Array(products.length);
    products.forEach((p, i) => {
      const token = cross.productToken(p);
      let id = ids.get(token);
      if (id === undefined) ids.set(token, (id = this.distinct.push(token) - 1));
      this.tokenIds[i] = id;
    });
    this.table = new Int32Array(Math.max(1, products.length) * 8);
  }

  get missingIndex(): number {
    return this.column.missingIndex;
  }

  /** The row offset (row × products) for one client token. */
  rowOffset(clientToken: string): number {
    const known = this.rows.get(clientToken);
    if (known !== undefined) return known;
    const n = this.tokenIds.length;
    const offset = this.used * n;
    if (offset + n > this.table.length) {
      const grown = new Int32Array(Math.max(this.table.length * 2, offset + n));
      grown.set(this.table);
      this.table = grown;
    }
    const values = this.column.values;
    const byToken = this.distinct.map((token) => {
      const value = this.cross.combine(clientToken, token);
      return Object.prototype.hasOwnProperty.call(values, value) ? values[value]! : this.column.unseenIndex;
    });
    for (let p = 0; p < n; p++) this.table[offset + p] = byToken[this.tokenIds[p]!]!;
    this.used++;
    this.rows.set(clientToken, offset);
    return offset;
  }

  get indices(): Int32Array {
    return this.table;
  }
}
