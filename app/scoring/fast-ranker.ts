import type { CustomAttributes, InteractionChannel, MarketSnapshot, Product } from '../domain';
import {
  binOf,
  clippedZ,
  encodeFeatures,
  encodeNumericInto,
  type FeatureEncoding,
  type NumericColumn,
  type SparseVector,
} from './feature-encoding';
import { eachApart, groupCrosses, partitionBy, representatives, type CrossGroup } from './cross-groups';
import { CrossTable, featurePlan, productSide, type FeaturePlan } from './fast-feature-plan';
import { readWeights, type FastWeights } from './fast-weights';
import { FastTrees } from './fast-trees';
import type { InterestModel } from './interest-model';
import { MAX_LOGIT } from './logistic-loss';
import {
  addClientFeatures,
  addMomentFeatures,
  clientFacts,
  emptyRawFeatures,
  rawFeatures,
  type ClientFacts,
  type ProductFacts,
} from './raw-features';
import type { RawFeatures, ScoredClient } from './scoring-context';

export interface RankingOptions {
  /** The moment scored (ISO time), when not the one the ranker was built for: only the client's side reads it. */
  at?: string;
  /** How the products will be presented, when known. */
  channel?: InteractionChannel | null;
  /** Market facts for this moment beyond the snapshot (`market.custom.<name>`). */
  contextAttributes?: CustomAttributes;
  /** Language-model signals per product, by name (`similarity`, `fit`), indexed like the ranker's products; null or NaN is missing. */
  signals?: Readonly<Record<string, ArrayLike<number | null>>>;
}

/** The same, for one client and one product: signals are single numbers. */
export interface PairOptions {
  at?: string;
  channel?: InteractionChannel | null;
  contextAttributes?: CustomAttributes;
  signals?: Readonly<Record<string, number | null>>;
}

export interface FeatureContribution {
  index: number;
  /** The encoding's readable name for the feature ("cross.objectiveXCategory: growth|equity_index_fund"). */
  name: string;
  /** Its share of the logit: linear weight plus half of each pairwise term it takes part in. */
  value: number;
}

/**
 * Scores one catalogue for many clients at one moment. Gives exactly the probabilities of
 * `InterestModel.score` (to rounding) for the same client, product, market, moment and options.
 */
export interface InterestRanker {
  readonly products: readonly Product[];
  /** The probability of interest for every product, in product order, written into `out` when given. */
  scoreClient(client: ScoredClient, out?: Float64Array, options?: RankingOptions): Float64Array;
  /** The full encoded vector of one pair, as `encodeFeatures(encoding, rawFeatures(context))` gives it (order aside). */
  vector(client: ScoredClient, productIndex: number, options?: PairOptions): SparseVector;
  /** Per-feature contributions to one pair's logit, for explanations; they add up to the logit less the bias. */
  contributions(client: ScoredClient, productIndex: number, options?: PairOptions): FeatureContribution[];
}

type Weights = FastWeights;

// Module-local copies: calls through an import binding cost a look-up each, and these run for every pair.
const encodeNumeric = encodeNumericInto;
const standardised = clippedZ;
const binFor = binOf;
const LOGIT_LIMIT = MAX_LOGIT;

/** clampLogit from logistic-loss, written out: the machine's logit is clamped before the trees' part is added. */
function clampTo(z: number): number {
  return Number.isNaN(z) ? 0 : Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, z));
}

/** sigmoid(clampLogit(z)) from logistic-loss, written out so the per-pair loop makes no calls. */
function probability(z: number): number {
  const clamped = Number.isNaN(z) ? 0 : Math.max(-LOGIT_LIMIT, Math.min(LOGIT_LIMIT, z));
  return 1 / (1 + Math.exp(-clamped));
}

/**
 * Per product, its part of a score (its own features and its crosses with the market, summed into one block
 * [linear, squares, factor sums]) under one set of weights (the weights object identifies the model state) and
 * one market (by value: each request reads the snapshot afresh), so a ranker built per request reuses it.
 */
const productParts = new WeakMap<Product, { weights: Weights; marketKey: string; part: Float64Array }>();

/** A feature of value x added to the block at `at` of target: [linear, squares, factor sums]. */
function addFeatureAt(w: Weights, feature: number, x: number, target: Float64Array, at: number): void {
  const width = w.k + 2;
  const from = feature * width;
  const blocks = w.blocks;
  target[at]! += blocks[from]! * x;
  target[at + 1]! += blocks[from + 1]! * x * x;
  if (width === 10) {
    // The default size written out: this runs for every cross of every client.
    target[at + 2]! += blocks[from + 2]! * x;
    target[at + 3]! += blocks[from + 3]! * x;
    target[at + 4]! += blocks[from + 4]! * x;
    target[at + 5]! += blocks[from + 5]! * x;
    target[at + 6]! += blocks[from + 6]! * x;
    target[at + 7]! += blocks[from + 7]! * x;
    target[at + 8]! += blocks[from + 8]! * x;
    target[at + 9]! += blocks[from + 9]! * x;
  } else for (let i = 2; i < width; i++) target[at + i]! += blocks[from + i]! * x;
}

/** One number's features, as encodeNumericInto writes them (NaN or an infinity is missing), added to a block. */
function addNumberAt(
  w: Weights,
  encoding: FeatureEncoding,
  column: NumericColumn,
  v: number,
  target: Float64Array,
  at: number,
): void {
  if (!Number.isFinite(v)) {
    addFeatureAt(w, column.missingIndex, 1, target, at);
    return;
  }
  const z = standardised(encoding, column, v);
  if (z !== 0) addFeatureAt(w, column.index, z, target, at);
  if (column.binEdges.length > 0) addFeatureAt(w, column.binIndex + binFor(column.binEdges, v), 1, target, at);
}

/** Linear sum, per-factor sums and the sum of squared factor terms of a partial vector. */
function partialSums(
  w: Weights,
  x: SparseVector,
  sums: Float64Array,
  sumsAt: number,
): { linear: number; squares: number } {
  const { k, linear, latent } = w;
  let lin = 0;
  let squares = 0;
  for (let j = 0; j < x.indices.length; j++) {
    const i = x.indices[j]!;
    const v = x.values[j]!;
    lin += linear[i]! * v;
    const base = i * k;
    for (let f = 0; f < k; f++) {
      const t = latent[base + f]! * v;
      sums[sumsAt + f]! += t;
      squares += t * t;
    }
  }
  return { linear: lin, squares };
}

function concat(parts: readonly { indices: ArrayLike<number>; values: ArrayLike<number> }[]): SparseVector {
  const n = parts.reduce((s, p) => s + p.indices.length, 0);
  const indices = new Int32Array(n);
  const values = new Float64Array(n);
  let at = 0;
  for (const p of parts) {
    for (let j = 0; j < p.indices.length; j++, at++) {
      indices[at] = p.indices[j]!;
      values[at] = p.values[j]!;
    }
  }
  return { indices, values };
}

/**
 * A factorization machine's logit is w0 + Σ wᵢxᵢ + ½ Σ_f [(Σᵢ vᵢfxᵢ)² − Σᵢ (vᵢfxᵢ)²], and every sum splits
 * over the client, product and pair parts of the vector. The product parts are summed once per ranker, the
 * client part once per client, and only the crosses (a few numbers and table look-ups) are done per pair.
 */
class FastRanker implements InterestRanker {
  private readonly plan: FeaturePlan;
  private readonly facts: ProductFacts[];
  private readonly productVectors: SparseVector[];
  private readonly tables: CrossTable[];
  /** The client's crosses with the products, grouped by what each cross reads from the product (see groupCrosses). */
  private readonly groups: CrossGroup[];
  /** Per group and product (group × products + product), where its block starts in groupBlocks. */
  private readonly keyAt: Int32Array;
  /** One client's group blocks, one per key of each group, refilled per client. */
  private readonly groupBlocks: Float64Array;
  /** Each cross (the client crosses, then the categorical ones): a product per key of its own, and where its blocks start. */
  private readonly crosses: { reps: Int32Array; offset: number }[];
  /** One client's cross blocks, one per key of each cross. */
  private readonly crossBlocks: Float64Array;
  /** Per group: where its blocks start, its key count, and per key and member where the member's block is in crossBlocks. */
  private readonly groupLayout: { offset: number; keys: number; members: number; memberAt: Int32Array }[];
  private readonly signalColumns: NumericColumn[];
  /** This client's signal values for every product, signal by signal (NaN when missing). */
  private readonly numbers: Float64Array;
  private weights: Weights;
  private productLinear: Float64Array;
  private productSquares: Float64Array;
  private productSums: Float64Array;
  /** The trees' part of each score, when the model has trees; null otherwise. */
  private readonly trees: FastTrees | null;
  private readonly treeMargins: Float64Array;
  private readonly pairIndices: number[] = [];
  private readonly pairValues: number[] = [];

  constructor(
    private readonly model: InterestModel,
    readonly products: readonly Product[],
    private readonly market: MarketSnapshot | null,
    private readonly at: string,
  ) {
    this.plan = featurePlan(model.encoding);
    const sides = products.map((p) => productSide(this.plan, p));
    this.facts = sides.map((s) => s.facts);
    this.productVectors = sides.map((s) => s.vector);
    this.tables = this.plan.categoricalCrosses.map(({ cross, column }) => new CrossTable(cross, column, this.facts));
    this.weights = readWeights(model.machine);
    const n = products.length;
    const facts = this.facts;
    const partitions = [
      ...this.plan.clientCrosses.map(({ cross }) =>
        cross.productKey ? partitionBy(n, (p) => cross.productKey!(facts[p]!)) : eachApart(n),
      ),
      ...this.plan.categoricalCrosses.map(({ cross }) => partitionBy(n, (p) => cross.productToken(facts[p]!))),
    ];
    this.groups = groupCrosses(partitions, n);
    const width = this.weights.k + 2;
    let crossKeys = 0;
    this.crosses = partitions.map((partition) => {
      const offset = crossKeys;
      crossKeys += partition.count;
      return { reps: representatives(partition), offset };
    });
    this.crossBlocks = new Float64Array(crossKeys * width);
    // Each group's blocks, one after another: where each key's block is summed from, and where each product finds its own.
    this.keyAt = new Int32Array(this.groups.length * n);
    let groupKeys = 0;
    this.groupLayout = this.groups.map(({ partition, reps, members }, g) => {
      const offset = groupKeys;
      groupKeys += partition.count;
      const memberAt = new Int32Array(partition.count * members.length);
      for (let key = 0; key < partition.count; key++) {
        members.forEach(
          (d, m) =>
            (memberAt[key * members.length + m] = (this.crosses[d]!.offset + partitions[d]!.ids[reps[key]!]!) * width),
        );
      }
      for (let p = 0; p < n; p++) this.keyAt[g * n + p] = (offset + partition.ids[p]!) * width;
      return { offset, keys: partition.count, members: members.length, memberAt };
    });
    this.groupBlocks = new Float64Array(groupKeys * width);
    this.signalColumns = this.plan.signals.map(({ column }) => column);
    this.numbers = new Float64Array(this.signalColumns.length * n);
    this.productLinear = new Float64Array(products.length);
    this.productSquares = new Float64Array(products.length);
    this.productSums = new Float64Array(products.length * this.weights.k);
    this.trees = model.trees ? new FastTrees(model.trees, this.facts, market) : null;
    this.treeMargins = new Float64Array(model.trees ? n : 0);
    this.sumProducts();
  }

  /** Online learning moves the weights; the product sums follow before the next score. */
  private refreshIfLearned(): void {
    if (this.model.machine.examplesSeen === this.weights.seen) return;
    this.weights = readWeights(this.model.machine);
    this.sumProducts();
  }

  private sumProducts(): void {
    const w = this.weights;
    const k = w.k;
    const marketKey = this.market === null ? 'none' : JSON.stringify(this.market);
    for (let p = 0; p < this.products.length; p++) {
      // Kept with the weights and market they were made from, so the next ranker over the same catalogue reuses them.
      const product = this.products[p]!;
      let cached = productParts.get(product);
      if (!cached || cached.weights !== w || cached.marketKey !== marketKey) {
        const part = new Float64Array(k + 2);
        const own = partialSums(w, this.productVectors[p]!, part, 2);
        part[0] = own.linear;
        part[1] = own.squares;
        // Crosses of the product and the market are fixed at one moment: part of the product's sums.
        for (const { cross, column } of this.plan.marketCrosses)
          addNumberAt(w, this.plan.encoding, column, cross.productValue(this.facts[p]!, this.market) ?? NaN, part, 0);
        cached = { weights: w, marketKey, part };
        productParts.set(product, cached);
      }
      this.productLinear[p] = cached.part[0]!;
      this.productSquares[p] = cached.part[1]!;
      this.productSums.set(cached.part.subarray(2), p * k);
    }
  }

  private clientVector(
    client: ScoredClient,
    options: PairOptions | RankingOptions,
  ): { facts: ClientFacts; vector: SparseVector; raw: RawFeatures } {
    const facts = clientFacts(client, options.at ?? this.at);
    const raw = emptyRawFeatures();
    addClientFeatures(raw, facts);
    addMomentFeatures(raw, this.market, options.channel, options.contextAttributes);
    return { facts, vector: encodeFeatures(this.plan.clientEncoding, raw), raw };
  }

  /** Row offsets per categorical cross for this client's tokens. */
  private clientRows(facts: ClientFacts): number[][] {
    return this.plan.categoricalCrosses.map(({ cross }, d) => {
      const table = this.tables[d]!;
      const rows: number[] = [];
      for (const token of cross.clientTokens(facts)) {
        const offset = table.rowOffset(token);
        if (!rows.includes(offset)) rows.push(offset);
      }
      return rows;
    });
  }

  /** The pair's cross and signal entries, appended to pairIndices/pairValues (emptied first). */
  private pairEntries(
    c: ClientFacts,
    p: number,
    rows: number[][],
    signal: (name: string, p: number) => number | null | undefined,
  ): void {
    const indices = this.pairIndices;
    const values = this.pairValues;
    indices.length = 0;
    values.length = 0;
    const { encoding, numericCrosses, signals } = this.plan;
    const facts = this.facts[p]!;
    const market = this.market;
    for (let j = 0; j < numericCrosses.length; j++) {
      const { cross, column } = numericCrosses[j]!;
      encodeNumeric(encoding, column, cross.value(c, facts, market), indices, values);
    }
    for (let j = 0; j < signals.length; j++)
      encodeNumeric(encoding, signals[j]!.column, signal(signals[j]!.name, p), indices, values);
    for (let d = 0; d < rows.length; d++) {
      const table = this.tables[d]!;
      const r = rows[d]!;
      if (r.length === 0) {
        indices.push(table.missingIndex);
        values.push(1);
        continue;
      }
      const from = indices.length;
      const cells = table.indices;
      for (const offset of r) {
        const index = cells[offset + p]!;
        // Two client tokens can land on one index (both unseen): it counts once, as in encodeFeatures.
        if (r.length > 1 && indices.indexOf(index, from) >= 0) continue;
        indices.push(index);
        values.push(1);
      }
    }
  }

  scoreClient(client: ScoredClient, out?: Float64Array, options: RankingOptions = {}): Float64Array {
    this.refreshIfLearned();
    const n = this.products.length;
    const result = out ?? new Float64Array(n);
    if (result.length < n)
      throw new Error(`scoreClient: out holds ${result.length} scores, the ranker has ${n} products`);
    const w = this.weights;
    const { facts, vector, raw } = this.clientVector(client, options);
    // The trees' part first: the machine's loops below add it to each pair's logit.
    const margins = this.trees ? this.treeMargins : null;
    if (this.trees && margins)
      this.trees.margins(facts, raw, (name, p) => options.signals?.[name]?.[p] ?? null, margins);
    const clientSums = new Float64Array(w.k);
    const clientPart = partialSums(w, vector, clientSums, 0);
    this.fillGroupBlocks(facts);
    // Signals arrive per product: their numbers are encoded per pair, column by column.
    const numbers = this.numbers;
    this.plan.signals.forEach(({ name }, s) => {
      const given = options.signals?.[name];
      for (let p = 0; p < n; p++) numbers[s * n + p] = given?.[p] ?? NaN;
    });
    const columns = this.signalColumns;
    const groupBlocks = this.groupBlocks;
    const keyAt = this.keyAt;
    const groups = this.groups.length;
    const encoding = this.plan.encoding;
    const k = w.k;
    const width = k + 2;
    const { blocks, bias } = w;
    const clientLinear = clientPart.linear;
    const clientSquares = clientPart.squares;
    const productLinear = this.productLinear;
    const productSquares = this.productSquares;
    const productSums = this.productSums;
    if (k === 8) {
      // The default size written out, so the eight factor sums stay in registers rather than an array.
      const c0 = clientSums[0]!,
        c1 = clientSums[1]!,
        c2 = clientSums[2]!,
        c3 = clientSums[3]!;
      const c4 = clientSums[4]!,
        c5 = clientSums[5]!,
        c6 = clientSums[6]!,
        c7 = clientSums[7]!;
      for (let p = 0; p < n; p++) {
        const ps = p * 8;
        let lin = clientLinear + productLinear[p]!;
        let squares = clientSquares + productSquares[p]!;
        let s0 = c0 + productSums[ps]!,
          s1 = c1 + productSums[ps + 1]!,
          s2 = c2 + productSums[ps + 2]!,
          s3 = c3 + productSums[ps + 3]!;
        let s4 = c4 + productSums[ps + 4]!,
          s5 = c5 + productSums[ps + 5]!,
          s6 = c6 + productSums[ps + 6]!,
          s7 = c7 + productSums[ps + 7]!;
        // Every cross of this client with this product: one block per group, worked out per key beforehand.
        for (let g = 0; g < groups; g++) {
          const at = keyAt[g * n + p]!;
          lin += groupBlocks[at]!;
          squares += groupBlocks[at + 1]!;
          s0 += groupBlocks[at + 2]!;
          s1 += groupBlocks[at + 3]!;
          s2 += groupBlocks[at + 4]!;
          s3 += groupBlocks[at + 5]!;
          s4 += groupBlocks[at + 6]!;
          s5 += groupBlocks[at + 7]!;
          s6 += groupBlocks[at + 8]!;
          s7 += groupBlocks[at + 9]!;
        }
        for (let d = 0; d < columns.length; d++) {
          const column = columns[d]!;
          const v = numbers[d * n + p]!;
          // A number's features, as encodeNumericInto writes them: the missing flag, or z (left out at 0) and a bin.
          let one = -1;
          if (v - v !== 0) one = column.missingIndex * 10;
          else {
            const z = standardised(encoding, column, v);
            if (z !== 0) {
              const at = column.index * 10;
              lin += blocks[at]! * z;
              squares += blocks[at + 1]! * z * z;
              s0 += blocks[at + 2]! * z;
              s1 += blocks[at + 3]! * z;
              s2 += blocks[at + 4]! * z;
              s3 += blocks[at + 5]! * z;
              s4 += blocks[at + 6]! * z;
              s5 += blocks[at + 7]! * z;
              s6 += blocks[at + 8]! * z;
              s7 += blocks[at + 9]! * z;
            }
            if (column.binEdges.length > 0) one = (column.binIndex + binFor(column.binEdges, v)) * 10;
          }
          if (one >= 0) {
            lin += blocks[one]!;
            squares += blocks[one + 1]!;
            s0 += blocks[one + 2]!;
            s1 += blocks[one + 3]!;
            s2 += blocks[one + 4]!;
            s3 += blocks[one + 5]!;
            s4 += blocks[one + 6]!;
            s5 += blocks[one + 7]!;
            s6 += blocks[one + 8]!;
            s7 += blocks[one + 9]!;
          }
        }
        const pair = s0 * s0 + s1 * s1 + s2 * s2 + s3 * s3 + s4 * s4 + s5 * s5 + s6 * s6 + s7 * s7;
        const z = bias + lin + 0.5 * (pair - squares);
        result[p] = probability(margins ? clampTo(z) + margins[p]! : z);
      }
      return result;
    }
    const acc = new Float64Array(width);
    for (let p = 0; p < n; p++) {
      acc[0] = clientLinear + productLinear[p]!;
      acc[1] = clientSquares + productSquares[p]!;
      for (let f = 0; f < k; f++) acc[2 + f] = clientSums[f]! + productSums[p * k + f]!;
      for (let g = 0; g < groups; g++) {
        const at = keyAt[g * n + p]!;
        for (let i = 0; i < width; i++) acc[i]! += groupBlocks[at + i]!;
      }
      for (let d = 0; d < columns.length; d++) addNumberAt(w, encoding, columns[d]!, numbers[d * n + p]!, acc, 0);
      let pair = 0;
      for (let f = 0; f < k; f++) pair += acc[2 + f]! * acc[2 + f]!;
      const z = bias + acc[0]! + 0.5 * (pair - acc[1]!);
      result[p] = probability(margins ? clampTo(z) + margins[p]! : z);
    }
    return result;
  }

  /**
   * This client's crosses with every product, as blocks [linear, squares, factor sums]. Each cross is worked out
   * once per key of its own (for the product that stands for the key), then each group's block per key is the sum
   * of its members' blocks for that key.
   */
  private fillGroupBlocks(facts: ClientFacts): void {
    const w = this.weights;
    const width = w.k + 2;
    const crossBlocks = this.crossBlocks;
    crossBlocks.fill(0);
    const rows = this.clientRows(facts);
    const { encoding, clientCrosses } = this.plan;
    const numericCount = clientCrosses.length;
    const seen: number[] = [];
    this.crosses.forEach(({ reps, offset }, d) => {
      for (let key = 0; key < reps.length; key++) {
        const p = reps[key]!;
        const at = (offset + key) * width;
        if (d < numericCount) {
          const { cross, column } = clientCrosses[d]!;
          addNumberAt(w, encoding, column, cross.value(facts, this.facts[p]!, this.market) ?? NaN, crossBlocks, at);
          continue;
        }
        const table = this.tables[d - numericCount]!;
        const r = rows[d - numericCount]!;
        if (r.length === 0) {
          addFeatureAt(w, table.missingIndex, 1, crossBlocks, at);
          continue;
        }
        // Two client tokens can land on one index (both unseen): it counts once, as in encodeFeatures.
        seen.length = 0;
        for (const row of r) {
          const index = table.indices[row + p]!;
          if (seen.includes(index)) continue;
          seen.push(index);
          addFeatureAt(w, index, 1, crossBlocks, at);
        }
      }
    });
    const groupBlocks = this.groupBlocks;
    groupBlocks.fill(0);
    for (const { memberAt, members, offset, keys } of this.groupLayout) {
      for (let key = 0; key < keys; key++) {
        const at = (offset + key) * width;
        for (let m = 0; m < members; m++) {
          const from = memberAt[key * members + m]!;
          if (width === 10) {
            // The default size written out, as in scoreClient.
            groupBlocks[at]! += crossBlocks[from]!;
            groupBlocks[at + 1]! += crossBlocks[from + 1]!;
            groupBlocks[at + 2]! += crossBlocks[from + 2]!;
            groupBlocks[at + 3]! += crossBlocks[from + 3]!;
            groupBlocks[at + 4]! += crossBlocks[from + 4]!;
            groupBlocks[at + 5]! += crossBlocks[from + 5]!;
            groupBlocks[at + 6]! += crossBlocks[from + 6]!;
            groupBlocks[at + 7]! += crossBlocks[from + 7]!;
            groupBlocks[at + 8]! += crossBlocks[from + 8]!;
            groupBlocks[at + 9]! += crossBlocks[from + 9]!;
          } else for (let i = 0; i < width; i++) groupBlocks[at + i]! += crossBlocks[from + i]!;
        }
      }
    }
  }

  vector(client: ScoredClient, productIndex: number, options: PairOptions = {}): SparseVector {
    if (!(productIndex >= 0 && productIndex < this.products.length))
      throw new Error(`no product at index ${productIndex}`);
    const { facts, vector } = this.clientVector(client, options);
    this.pairEntries(facts, productIndex, this.clientRows(facts), (name) => options.signals?.[name]);
    return concat([vector, this.productVectors[productIndex]!, { indices: this.pairIndices, values: this.pairValues }]);
  }

  contributions(client: ScoredClient, productIndex: number, options: PairOptions = {}): FeatureContribution[] {
    const names = this.model.encoding.names;
    const own = this.model.machine.contributions(this.vector(client, productIndex, options));
    // With trees, their path-based shares are added per column, read from the pair's raw features.
    const all = this.model.trees
      ? [
          ...own,
          ...this.model.treeContributions(
            rawFeatures({
              client,
              product: this.products[productIndex]!,
              market: this.market,
              at: options.at ?? this.at,
              channel: options.channel ?? null,
              ...(options.contextAttributes ? { contextAttributes: options.contextAttributes } : {}),
              ...(options.signals ? { signals: options.signals } : {}),
            }),
          ),
        ]
      : own;
    return all.map((c) => ({ index: c.index, name: names[c.index] ?? String(c.index), value: c.value }));
  }
}

/**
 * A ranker for one catalogue at one moment; keep it and call scoreClient per client. Products are read as
 * immutable: each product object's encoding is kept for the model, so pass a new object when a product changes.
 */
export function createRanker(
  model: InterestModel,
  products: readonly Product[],
  market: MarketSnapshot | null,
  at: string,
): InterestRanker {
  return new FastRanker(model, products, market, at);
}

/** Product indices from the highest score to the lowest; ties keep catalogue order. */
export function rankOrder(scores: ArrayLike<number>, count = scores.length): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return order.sort((a, b) => scores[b]! - scores[a]! || a - b);
}
