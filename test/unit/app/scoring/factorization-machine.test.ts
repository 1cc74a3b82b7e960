import { describe, expect, it } from 'vitest';
import type { SparseVector } from '../../../../app/scoring/feature-encoding';
import { FactorizationMachine } from '../../../../app/scoring/factorization-machine';
import { LogisticRegression } from '../../../../app/scoring/logistic-regression';
import type { TrainingExample } from '../../../../app/scoring/logistic-loss';
import { createSeededRandom } from '../../../../app/scoring/seeded-random';

const vec = (pairs: [number, number][]): SparseVector => ({
  indices: Int32Array.from(pairs.map((p) => p[0])),
  values: Float64Array.from(pairs.map((p) => p[1])),
});

/**
 * Interest only when features 0 and 1 are both on (an XOR-free AND): a pure interaction a linear model can only
 * approximate, plus noise features 2..9.
 */
function interactionData(n: number, seed: number): TrainingExample[] {
  const rng = createSeededRandom(seed);
  return Array.from({ length: n }, () => {
    const a = rng.next() < 0.5;
    const b = rng.next() < 0.5;
    const pairs: [number, number][] = [
      [a ? 0 : 10, 1],
      [b ? 1 : 11, 1],
      [2 + Math.floor(rng.next() * 8), 1],
    ];
    const p = a && b ? 0.85 : 0.15;
    return { x: vec(pairs), y: rng.next() < p ? 1 : 0 };
  });
}

const data = interactionData(2000, 3);

describe('FactorizationMachine', () => {
  it('with its factors switched off, scores as a logistic model whose factors stay zero, and keeps learning online', () => {
    const linear = FactorizationMachine.train(data, 12, { seed: 5, factorLearningRate: 0, initStd: 0 });
    const state = linear.toJSON();
    expect(state.latent.every((v) => v === 0)).toBe(true);
    const x = data[0]!.x;
    const logit = state.bias + Array.from(x.indices).reduce((z, i, j) => z + state.linear[i]! * x.values[j]!, 0);
    expect(linear.predictLogit(x)).toBeCloseTo(logit, 12);
    // It cannot capture the AND of features 0 and 1 the way the full machine does.
    const both = vec([
      [0, 1],
      [1, 1],
    ]);
    expect(FactorizationMachine.train(data, 12, { seed: 5 }).predict(both)).toBeGreaterThan(linear.predict(both));
    linear.update(x, 1);
    expect(FactorizationMachine.fromJSON(linear.toJSON()).predictLogit(x)).toBe(linear.predictLogit(x));
    expect(linear.toJSON().latent.every((v) => v === 0)).toBe(true);
  });

  it('still uses random factors it does not train (factor step 0, factors not zero)', () => {
    const frozen = FactorizationMachine.train(data, 12, { seed: 5, factorLearningRate: 0, initStd: 0.5 });
    const state = frozen.toJSON();
    const x = data[0]!.x;
    const linearPart = state.bias + Array.from(x.indices).reduce((z, i, j) => z + state.linear[i]! * x.values[j]!, 0);
    expect(Math.abs(frozen.predictLogit(x) - linearPart)).toBeGreaterThan(1e-6);
  });

  it('gives the same model for the same seed and a different one for another seed', () => {
    const a = FactorizationMachine.train(data, 12, { seed: 5 });
    const b = FactorizationMachine.train(data, 12, { seed: 5 });
    const c = FactorizationMachine.train(data, 12, { seed: 6 });
    expect(b.toJSON()).toEqual(a.toJSON());
    expect(c.toJSON().latent).not.toEqual(a.toJSON().latent);
  });

  it('learns a pairwise effect', () => {
    const model = FactorizationMachine.train(data, 12, { seed: 1 });
    const both = model.predict(
      vec([
        [0, 1],
        [1, 1],
        [2, 1],
      ]),
    );
    const one = model.predict(
      vec([
        [0, 1],
        [11, 1],
        [2, 1],
      ]),
    );
    expect(both).toBeGreaterThan(0.6);
    expect(one).toBeLessThan(0.4);
  });

  it('scores every input finitely: empty, out-of-range, huge and non-finite values', () => {
    const model = FactorizationMachine.train(data, 12, { seed: 1 });
    const inputs = [
      vec([]),
      vec([
        [999, 1],
        [-1, 1],
      ]),
      vec([
        [0, 1e300],
        [1, -1e300],
      ]),
      vec([
        [0, NaN],
        [1, Infinity],
      ]),
    ];
    for (const x of inputs) {
      const p = model.predict(x);
      expect(Number.isFinite(p)).toBe(true);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
    }
  });

  it('moves the prediction toward a recorded outcome', () => {
    const model = FactorizationMachine.train(data, 12, { seed: 1 });
    const x = vec([
      [0, 1],
      [11, 1],
      [4, 1],
    ]);
    const before = model.predict(x);
    model.update(x, 1);
    const afterYes = model.predict(x);
    expect(afterYes).toBeGreaterThan(before);
    model.update(x, 0);
    expect(model.predict(x)).toBeLessThan(afterYes);
  });

  it('splits a score into per-feature contributions that add up to it, for explanations', () => {
    const model = FactorizationMachine.train(data, 12, { seed: 1 });
    const x = vec([
      [0, 1],
      [1, 1],
      [5, 0.5],
    ]);
    const total = model.contributions(x).reduce((s, c) => s + c.value, 0);
    expect(model.predictLogit(vec([])) + total).toBeCloseTo(model.predictLogit(x), 10);
  });

  it('serialises to JSON and back with identical scores and the same online behaviour', () => {
    const model = FactorizationMachine.train(data, 12, { seed: 1 });
    const restored = FactorizationMachine.fromJSON(JSON.parse(JSON.stringify(model.toJSON())));
    const x = vec([
      [0, 1],
      [1, 1],
      [3, 1],
    ]);
    expect(restored.predict(x)).toBe(model.predict(x));
    model.update(x, 0);
    restored.update(x, 0);
    expect(restored.predict(x)).toBe(model.predict(x));
  });

  it('refuses bad training data instead of learning from it', () => {
    expect(() => FactorizationMachine.train([], 12)).toThrow(/no training examples/);
    expect(() => FactorizationMachine.train([{ x: vec([[0, 1]]), y: 2 }], 12)).toThrow(/label/);
    expect(() => FactorizationMachine.train([{ x: vec([[0, NaN]]), y: 1 }], 12)).toThrow(/finite/);
    expect(() => FactorizationMachine.train([{ x: vec([[40, 1]]), y: 1 }], 12)).toThrow(/outside/);
  });
});

describe('LogisticRegression', () => {
  it('is deterministic, finite, serialisable and learns online', () => {
    const a = LogisticRegression.train(data, 12, { seed: 2 });
    expect(LogisticRegression.train(data, 12, { seed: 2 }).toJSON()).toEqual(a.toJSON());
    expect(
      Number.isFinite(
        a.predict(
          vec([
            [0, 1e300],
            [5, NaN],
          ]),
        ),
      ),
    ).toBe(true);
    const restored = LogisticRegression.fromJSON(JSON.parse(JSON.stringify(a.toJSON())));
    const x = vec([
      [0, 1],
      [1, 1],
    ]);
    expect(restored.predict(x)).toBe(a.predict(x));
    const before = a.predict(x);
    a.update(x, 0);
    expect(a.predict(x)).toBeLessThan(before);
  });
});
