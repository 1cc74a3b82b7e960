import { describe, expect, it } from 'vitest';
import { auc } from '../../../../app/eval/metrics';
import { BoostedTrees, type BoostedTreesState } from '../../../../app/scoring/boosted-trees';
import { createRanker } from '../../../../app/scoring/fast-ranker';
import { InterestModel } from '../../../../app/scoring/interest-model';
import { rawFeatures } from '../../../../app/scoring/raw-features';
import type { RawFeatures } from '../../../../app/scoring/scoring-context';
import { createSeededRandom } from '../../../../app/scoring/seeded-random';
import { marketAt } from '../../../../app/scoring/scoring-context';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { modelScorer } from '../../../../app/ranking/product-scorer';
import { demo, demoBook, TODAY } from './scoring-fixtures';

/**
 * Interest only where a number is past a threshold *and* a category is 'a', or where the number is low and the
 * category is 'b': no single slope or category weight can draw it, a depth-2 tree can.
 */
function thresholdRows(n: number, seed: number): { raw: RawFeatures; label: number }[] {
  const random = createSeededRandom(seed);
  return Array.from({ length: n }, () => {
    const x = random.next();
    const kind = ['a', 'b', 'c'][Math.floor(random.next() * 3)]!;
    const noise = random.next();
    const missing = random.next() < 0.05;
    const hit = (x > 0.6 && kind === 'a') || (x < 0.3 && kind === 'b');
    return {
      raw: {
        numeric: { 'client.x': missing ? null : x, 'client.noise': noise },
        categorical: { 'client.kind': [kind] },
      },
      label: random.next() < (hit ? 0.8 : 0.1) ? 1 : 0,
    };
  });
}

const names = { numeric: ['client.x', 'client.noise'], categorical: ['client.kind'] };

describe('gradient-boosted trees', () => {
  const train = thresholdRows(4000, 1);
  const test = thresholdRows(2000, 2);
  const trees = BoostedTrees.train(
    names,
    train.map((r) => r.raw),
    train.map((r) => r.label),
  );

  it('learns a threshold that depends on a category, which a sum of per-feature effects cannot', () => {
    const scores = test.map((r) => trees.margin(r.raw));
    // The best any additive score can do here is well below what the rule allows (about 0.87 with this noise).
    expect(
      auc(
        scores,
        test.map((r) => r.label),
      )!,
    ).toBeGreaterThan(0.8);
    expect(trees.size).toBeGreaterThan(0);
  });

  it('gives the same trees for the same rows, and reads its own JSON back to the same margins', () => {
    const again = BoostedTrees.train(
      names,
      train.map((r) => r.raw),
      train.map((r) => r.label),
    );
    expect(again.toJSON()).toEqual(trees.toJSON());
    const back = BoostedTrees.fromJSON(JSON.parse(JSON.stringify(trees.toJSON())) as BoostedTreesState);
    for (const r of test.slice(0, 200)) expect(back.margin(r.raw)).toBe(trees.margin(r.raw));
  });

  it('refuses stored trees whose nodes point backwards or outside', () => {
    const state = trees.toJSON();
    const broken = JSON.parse(JSON.stringify(state)) as BoostedTreesState;
    const t = broken.trees.find((x) => x.feature[0]! >= 0)!;
    t.lo[0] = 0;
    expect(() => BoostedTrees.fromJSON(broken)).toThrow(/child/);
    const outside = JSON.parse(JSON.stringify(state)) as BoostedTreesState;
    outside.trees.find((x) => x.feature[0]! >= 0)!.feature[0] = 99;
    expect(() => BoostedTrees.fromJSON(outside)).toThrow(/column/);
    const badColumn = JSON.parse(JSON.stringify(state)) as BoostedTreesState;
    badColumn.columns[0]!.bins = 1000;
    expect(() => BoostedTrees.fromJSON(badColumn)).toThrow(/column/);
  });

  it('splits each margin into per-column contributions that add up to it', () => {
    for (const r of test.slice(0, 100)) {
      const { expected, byColumn } = trees.contributions(r.raw);
      const total = expected + byColumn.reduce((s, v) => s + v, 0);
      expect(Math.abs(total - trees.margin(r.raw))).toBeLessThan(1e-9);
    }
    // The noise column carries little of the score, the rule's two columns most of it.
    const share = new Float64Array(trees.columns.length);
    for (const r of test.slice(0, 300))
      trees.contributions(r.raw).byColumn.forEach((v, c) => (share[c]! += Math.abs(v)));
    const at = (name: string) => share[trees.columns.findIndex((c) => c.name === name)] ?? 0;
    expect(at('client.noise')).toBeLessThan(at('client.x'));
    expect(at('client.noise')).toBeLessThan(at('client.kind'));
  });

  it('starts from a margin given per row: boosting a model that already has the rule adds little', () => {
    const truth = train.map((r) => {
      const x = r.raw.numeric['client.x'];
      const kind = r.raw.categorical['client.kind']![0];
      const hit = x !== null && x !== undefined && ((x > 0.6 && kind === 'a') || (x < 0.3 && kind === 'b'));
      return Math.log(hit ? 0.8 / 0.2 : 0.1 / 0.9);
    });
    const onTop = BoostedTrees.train(
      names,
      train.map((r) => r.raw),
      train.map((r) => r.label),
      {},
      truth,
    );
    // On average the trees move a logit by a fraction of what the rule itself does (about 3.6 between hit and miss).
    const moved = test.slice(0, 500).reduce((s, r) => s + Math.abs(onTop.margin(r.raw)), 0) / 500;
    expect(moved).toBeLessThan(0.3);
  });

  it('scores a category that appeared after training like most of the rows, not like whichever side is last', () => {
    // Most rows are 'common' and often interested; a rarer 'few' seldom is. A new value says nothing of either.
    const random = createSeededRandom(5);
    const rows = Array.from({ length: 3000 }, () => {
      const kind = random.next() < 0.8 ? 'common' : 'few';
      return {
        raw: { numeric: {}, categorical: { 'client.kind': [kind] } } as RawFeatures,
        label: random.next() < (kind === 'common' ? 0.6 : 0.1) ? 1 : 0,
      };
    });
    const kindOnly = BoostedTrees.train(
      { numeric: [], categorical: ['client.kind'] },
      rows.map((r) => r.raw),
      rows.map((r) => r.label),
      { validationShare: 0, trees: 20, minCategoryRows: 10 },
    );
    const of = (kind: string) => kindOnly.margin({ numeric: {}, categorical: { 'client.kind': [kind] } });
    expect(of('common')).toBeGreaterThan(of('few'));
    expect(of('brand-new')).toBe(of('common'));
  });

  it('never splits on a column it is told to leave alone', () => {
    const skipping = BoostedTrees.train(
      names,
      train.map((r) => r.raw),
      train.map((r) => r.label),
      { skipColumns: ['client.kind'] },
    );
    expect(skipping.columns.map((c) => c.name)).not.toContain('client.kind');
    expect(skipping.columns.map((c) => c.name)).toContain('client.x');
  });
});

describe('the interest model with trees on its residual', () => {
  const data = demo();
  const book = demoBook(data);
  const rows = labelledRows(data.interactions, book);
  // A short validation share and no patience limit, so the demo keeps some trees to be checked.
  const model = InterestModel.train(rows, { model: { seed: 3 }, trees: { trees: 15, validationShare: 0 } });
  const market = marketAt(data.marketSnapshots, TODAY);

  it('keeps its trees through JSON and scores as before', () => {
    expect(model.trees?.size).toBe(15);
    const back = InterestModel.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    for (const client of book.clients.slice(0, 5))
      for (const product of book.products) {
        const context = { client, product, market, at: TODAY };
        expect(back.score(context)).toBe(model.score(context));
      }
  });

  it('ranks with the fast ranker as it scores one pair at a time, trees included', () => {
    const ranker = createRanker(model, book.products, market, TODAY);
    let worst = 0;
    for (const client of book.clients.slice(0, 40)) {
      const out = ranker.scoreClient(client);
      book.products.forEach((product, p) => {
        worst = Math.max(worst, Math.abs(out[p]! - model.score({ client, product, market, at: TODAY })));
      });
    }
    expect(worst).toBeLessThan(1e-9);
  });

  it("explains a score with the machine's and the trees' contributions, which add up to the logit", () => {
    const client = book.clients[0]!;
    const ranker = createRanker(model, book.products, market, TODAY);
    const out = ranker.scoreClient(client);
    const bias = model.machine.toJSON().bias;
    book.products.forEach((product, p) => {
      const raw = rawFeatures({ client, product, market, at: TODAY });
      const expected = model.trees!.contributions(raw).expected;
      const total = ranker.contributions(client, p).reduce((s, c) => s + c.value, 0);
      expect(Math.abs(bias + expected + total - Math.log(out[p]! / (1 - out[p]!)))).toBeLessThan(1e-6);
      expect(model.contributions(raw).length).toBeGreaterThan(model.treeContributions(raw).length);
    });
    const scored = modelScorer({ model, calibration: null })(client, book.products, market, TODAY, book.products);
    expect(scored.some((s) => s.explain().length > 0)).toBe(true);
  });
});

describe('ids split as ranges of hashed codes', () => {
  // 60 clients, each with its own leaning (a third of them usually interested), about 40 outcomes each.
  function idRows(n: number, seed: number): { raw: RawFeatures; label: number }[] {
    const random = createSeededRandom(seed);
    return Array.from({ length: n }, () => {
      const id = Math.floor(random.next() * 60);
      const keen = id % 3 === 0;
      return {
        raw: { numeric: { 'client.noise': random.next() }, categorical: { 'client.id': [`c${id}`] } } as RawFeatures,
        label: random.next() < (keen ? 0.6 : 0.1) ? 1 : 0,
      };
    });
  }
  const columns = { numeric: ['client.noise'], categorical: ['client.id'] };
  const train = idRows(2400, 11);
  const later = idRows(2000, 12);
  const fit = (options: Parameters<typeof BoostedTrees.train>[3]) =>
    BoostedTrees.train(
      columns,
      train.map((r) => r.raw),
      train.map((r) => r.label),
      { validationShare: 0, ...options },
    );
  const ordered = fit({ orderedColumns: ['client.id'] });

  it("learns each client's leaning from ranges of ids, carried over to the same clients' later outcomes", () => {
    const labels = later.map((r) => r.label);
    // Grouped by outcome, the ids are too rare (below minCategoryRows) to get a bin of their own: nothing to learn.
    const grouped = fit({});
    expect(
      auc(
        later.map((r) => ordered.margin(r.raw)),
        labels,
      )!,
    ).toBeGreaterThan(0.7);
    expect(
      auc(
        later.map((r) => ordered.margin(r.raw)),
        labels,
      )!,
    ).toBeGreaterThan(
      auc(
        later.map((r) => grouped.margin(r.raw)),
        labels,
      )! + 0.1,
    );
  });

  it('gives every id seen a code however rare, and scores an id never seen finitely, the same on every run', () => {
    const column = ordered.columns.find((c) => c.name === 'client.id')!;
    expect(Object.keys(column.codes).length).toBe(new Set(train.map((r) => r.raw.categorical['client.id']![0])).size);
    const stranger: RawFeatures = { numeric: { 'client.noise': 0.5 }, categorical: { 'client.id': ['c-new'] } };
    expect(Number.isFinite(ordered.margin(stranger))).toBe(true);
    expect(fit({ orderedColumns: ['client.id'] }).toJSON()).toEqual(ordered.toJSON());
    const back = BoostedTrees.fromJSON(JSON.parse(JSON.stringify(ordered.toJSON())) as BoostedTreesState);
    for (const r of later.slice(0, 100)) expect(back.margin(r.raw)).toBe(ordered.margin(r.raw));
  });
});

describe('the interest model with trees alongside', () => {
  const data = demo();
  const book = demoBook(data);
  const rows = labelledRows(data.interactions, book);
  const linear = { model: { seed: 3, factorLearningRate: 0, initStd: 0 } };
  const blend = InterestModel.train(rows, { ...linear, trees: { trees: 15, validationShare: 0, alongside: true } });
  const market = marketAt(data.marketSnapshots, TODAY);

  it("scores the average of the machine's logit and that of trees grown on their own from the base rate", () => {
    const machine = InterestModel.train(rows, linear);
    const trees = BoostedTrees.train(
      {
        numeric: machine.encoding.numeric.map((c) => c.name),
        categorical: machine.encoding.categorical.map((c) => c.name),
      },
      rows.map((r) => r.raw),
      rows.map((r) => r.label),
      { trees: 15, validationShare: 0 },
    );
    const rate = rows.reduce((s, r) => s + r.label, 0) / rows.length;
    const logit = (p: number) => Math.log(p / (1 - p));
    for (const r of rows.slice(0, 50)) {
      const expected = (logit(machine.scoreRaw(r.raw)) + logit(rate) + trees.margin(r.raw)) / 2;
      expect(Math.abs(logit(blend.scoreRaw(r.raw)) - expected)).toBeLessThan(1e-6);
    }
  });

  it('ranks with the fast ranker as it scores one pair at a time, and reads back from JSON the same', () => {
    const ranker = createRanker(blend, book.products, market, TODAY);
    const back = InterestModel.fromJSON(JSON.parse(JSON.stringify(blend.toJSON())));
    let worst = 0;
    for (const client of book.clients.slice(0, 20)) {
      const out = ranker.scoreClient(client);
      book.products.forEach((product, p) => {
        const context = { client, product, market, at: TODAY };
        worst = Math.max(worst, Math.abs(out[p]! - blend.score(context)));
        expect(back.score(context)).toBe(blend.score(context));
      });
    }
    expect(worst).toBeLessThan(1e-9);
  });
});

describe('the interest model with residual trees blended with trees of their own', () => {
  const data = demo();
  const book = demoBook(data);
  const rows = labelledRows(data.interactions, book);
  const machine = { model: { seed: 3 } };
  const residual = { trees: 10, validationShare: 0, skipColumns: ['client.id', 'product.id'] };
  const own = { trees: 10, validationShare: 0, orderedColumns: ['client.id', 'product.id'] };
  const blended = InterestModel.train(rows, { ...machine, trees: { ...residual, blendWith: own } });
  const market = marketAt(data.marketSnapshots, TODAY);

  it("scores the average of the boosted machine's logit and that of the trees of their own", () => {
    const boosted = InterestModel.train(rows, { ...machine, trees: residual });
    const alone = BoostedTrees.train(
      {
        numeric: boosted.encoding.numeric.map((c) => c.name),
        categorical: boosted.encoding.categorical.map((c) => c.name),
      },
      rows.map((r) => r.raw),
      rows.map((r) => r.label),
      own,
    );
    const rate = rows.reduce((s, r) => s + r.label, 0) / rows.length;
    const logit = (p: number) => Math.log(p / (1 - p));
    for (const r of rows.slice(0, 50)) {
      const expected = (logit(boosted.scoreRaw(r.raw)) + logit(rate) + alone.margin(r.raw)) / 2;
      expect(Math.abs(logit(blended.scoreRaw(r.raw)) - expected)).toBeLessThan(1e-6);
    }
  });

  it('ranks with the fast ranker as it scores one pair at a time', () => {
    const ranker = createRanker(blended, book.products, market, TODAY);
    let worst = 0;
    for (const client of book.clients.slice(0, 20)) {
      const out = ranker.scoreClient(client);
      book.products.forEach((product, p) => {
        worst = Math.max(worst, Math.abs(out[p]! - blended.score({ client, product, market, at: TODAY })));
      });
    }
    expect(worst).toBeLessThan(1e-9);
  });
});
