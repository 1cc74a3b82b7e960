import { describe, expect, it } from 'vitest';
import type { MarketSnapshot, Product } from '../../../../app/domain';
import { BoostedTrees, type TreeColumn, type TreeState } from '../../../../app/scoring/boosted-trees';
import { rankOrder } from '../../../../app/scoring/fast-ranker';
import { FastTrees } from '../../../../app/scoring/fast-trees';
import {
  addClientFeatures,
  addMomentFeatures,
  clientFacts,
  emptyRawFeatures,
  productFacts,
  rawFeatures,
} from '../../../../app/scoring/raw-features';
import { marketAt, type ScoredClient } from '../../../../app/scoring/scoring-context';
import { createSeededRandom, type SeededRandom } from '../../../../app/scoring/seeded-random';
import { demo, demoBook, TODAY } from './scoring-fixtures';

/**
 * FastTrees walks a group of trees for all the product keys of a client at once; whatever trees a model holds, each
 * product must get what walking every tree on the pair's own raw features gives. Here the trees are random: any
 * column on any side (client, product, market, the crosses of the client with the product and of the product with
 * the market, a language-model signal, a column nothing fills), random splits, missing values going either way,
 * and some trees stored breadth first rather than depth first.
 */
describe('fast trees on random trees', () => {
  const data = demo();
  const book = demoBook(data);
  const market = marketAt(data.marketSnapshots, TODAY);
  // The demo catalogue, copies, near-copies, and products missing a rate or a term.
  const catalogue: Product[] = [
    ...book.products,
    ...book.products.map((p) => ({ ...p, id: `${p.id}-COPY` })),
    ...book.products.map((p, i) => ({
      ...p,
      id: `${p.id}-NEAR`,
      minimumAmount: p.minimumAmount * (1 + (i % 3)),
      rateMin: i % 4 === 0 ? null : p.rateMin,
      rateMax: i % 4 === 0 ? null : p.rateMax,
      lockupMonths: p.lockupMonths + (i % 4) * 6,
      termMonths: i % 5 === 0 ? null : p.termMonths,
    })),
  ];
  const clients: ScoredClient[] = [
    ...book.clients.slice(0, 30),
    // Clients missing a risk class or an age: their crosses are missing.
    ...book.clients.slice(30, 36).map((c) => ({ ...c, riskClass: null }) as unknown as ScoredClient),
    ...book.clients.slice(36, 40).map((c) => ({ ...c, birthDate: null }) as unknown as ScoredClient),
  ];
  const similarity = Float64Array.from(catalogue, (_, p) => (p % 6 === 5 ? NaN : ((p * 37) % 100) / 100));
  const signalOf = (p: number): number | null => (Number.isNaN(similarity[p]!) ? null : similarity[p]!);

  /** Columns with cut points and codes from the values the demo pairs really take, so splits send pairs both ways. */
  function columnsFor(snapshot: MarketSnapshot | null): TreeColumn[] {
    const numeric = [
      'client.age',
      'client.logInvestable',
      'market.inflation',
      'product.rateMid',
      'cross.minimumOverInvestable',
      'cross.riskGap',
      'cross.horizonMinusTerm',
      'cross.rateOverInflation',
      'cross.equityTrendXRisk',
      'llm.similarity',
      'client.custom.neverFilled',
    ];
    const categorical = [
      'client.objective',
      'context.channel',
      'product.category',
      'cross.objectiveXCategory',
      'cross.ageXCategory',
      'cross.classXGrade',
      'cross.kindEligible',
    ];
    const raws = clients.flatMap((client, c) =>
      catalogue
        .filter((_, p) => (p + c) % 5 === 0)
        .map((product, p) =>
          rawFeatures({ client, product, market: snapshot, at: TODAY, signals: { similarity: p / 40 } }),
        ),
    );
    const columns: TreeColumn[] = numeric.map((name) => {
      const values = raws
        .map((r) => r.numeric[name])
        .filter((v): v is number => typeof v === 'number' && Number.isFinite(v))
        .sort((a, b) => a - b);
      const edges = [...new Set([0.2, 0.4, 0.6, 0.8].map((q) => values[Math.floor(q * values.length)] ?? q))].sort(
        (a, b) => a - b,
      );
      return { name, kind: 'numeric', edges, codes: {}, bins: edges.length + 2 };
    });
    for (const name of categorical) {
      const seen = [...new Set(raws.map((r) => [...(r.categorical[name] ?? [])].sort().join('+')).filter(Boolean))];
      // Every other value seen gets a bin (at most 100); the rest fall into 'other'.
      const codes: Record<string, number> = {};
      seen
        .filter((_, i) => i % 2 === 0)
        .slice(0, 100)
        .forEach((value, i) => (codes[value] = i + 1));
      columns.push({ name, kind: 'categorical', edges: [], codes, bins: Object.keys(codes).length + 2 });
    }
    return columns;
  }

  /** A random tree of at most `depth` levels, its nodes depth first, or breadth first when `breadthFirst`. */
  function randomTree(random: SeededRandom, columns: readonly TreeColumn[], depth: number, breadthFirst: boolean) {
    type Node = { feature: number; left: number[]; value: number; children: [Node, Node] | null };
    const grow = (level: number): Node => {
      const value = random.normal() * 0.3;
      if (level === depth || (level > 0 && random.next() < 0.2))
        return { feature: -1, left: [], value, children: null };
      const feature = Math.floor(random.next() * columns.length);
      const bins = columns[feature]!.bins;
      const left = Array.from({ length: bins }, (_, b) => b).filter(() => random.next() < 0.5);
      return { feature, left, value, children: [grow(level + 1), grow(level + 1)] };
    };
    const order: Node[] = [];
    const root = grow(0);
    if (breadthFirst) {
      for (let i = 0, queue = [root]; i < queue.length; i++) {
        order.push(queue[i]!);
        queue.push(...(queue[i]!.children ?? []));
      }
    } else {
      const visit = (node: Node): void => {
        order.push(node);
        node.children?.forEach(visit);
      };
      visit(root);
    }
    const tree: TreeState = { feature: [], left: [], lo: [], hi: [], value: [] };
    for (const node of order) {
      tree.feature.push(node.feature);
      tree.left.push(node.left);
      tree.lo.push(node.children ? order.indexOf(node.children[0]) : -1);
      tree.hi.push(node.children ? order.indexOf(node.children[1]) : -1);
      tree.value.push(node.value);
    }
    return tree;
  }

  for (const [name, snapshot, seed] of [
    ['with the market', market, 3],
    ['without a market', null, 4],
  ] as const) {
    it(`gives every product the plain walk's margin and ranking ${name}`, () => {
      const random = createSeededRandom(seed);
      const columns = columnsFor(snapshot);
      const trees = BoostedTrees.fromJSON({
        kind: 'boosted-trees',
        version: 1,
        columns,
        trees: Array.from({ length: 80 }, (_, t) => randomTree(random, columns, 1 + (t % 5), t % 3 === 2)),
        report: { treesKept: 80, validationLoss: [] },
      });
      const fast = new FastTrees(trees, catalogue.map(productFacts), snapshot);
      const out = new Float64Array(catalogue.length);
      let worst = 0;
      let rankingsDiffer = 0;
      for (const client of clients) {
        const facts = clientFacts(client, TODAY);
        const raw = emptyRawFeatures();
        addClientFeatures(raw, facts);
        addMomentFeatures(raw, snapshot, 'branch', undefined);
        fast.margins(facts, raw, (_, p) => signalOf(p), out);
        const plain = Float64Array.from(catalogue, (product, p) =>
          trees.margin(
            rawFeatures({
              client,
              product,
              market: snapshot,
              at: TODAY,
              channel: 'branch',
              signals: { similarity: signalOf(p) },
            }),
          ),
        );
        plain.forEach((z, p) => (worst = Math.max(worst, Math.abs(z - out[p]!))));
        if (rankOrder(plain).join() !== rankOrder(out).join()) rankingsDiffer++;
      }
      expect(worst).toBeLessThan(1e-9);
      expect(rankingsDiffer).toBe(0);
    });
  }
});
