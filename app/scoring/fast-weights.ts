import type { FactorizationMachine } from './factorization-machine';

/**
 * The model's weights as the fast path reads them, with one block per feature: [linear weight, Σ_f v_f², v_0 … v_k-1].
 * A feature with value x adds x·block[0] to the linear sum, x²·block[1] to the squared factor terms and x·v_f to
 * factor sum f, so a pair's score is a few block additions whatever kind of feature it is.
 */
export interface FastWeights {
  /** The machine's examplesSeen when copied: a different count means the weights moved. */
  seen: number;
  bias: number;
  linear: Float64Array;
  latent: Float64Array;
  k: number;
  /** k + 2 numbers per feature, feature i at i × (k + 2). */
  blocks: Float64Array;
}

const weightsByMachine = new WeakMap<FactorizationMachine, FastWeights>();

/**
 * A copy of the machine's weights as typed arrays, made once per model state: copying goes through toJSON and
 * costs milliseconds, so rankers built for the same model share it until an outcome is learned.
 */
export function readWeights(machine: FactorizationMachine): FastWeights {
  const cached = weightsByMachine.get(machine);
  if (cached && cached.seen === machine.examplesSeen) return cached;
  const state = machine.toJSON();
  const k = state.options.factors;
  const linear = Float64Array.from(state.linear);
  const latent = Float64Array.from(state.latent);
  const width = k + 2;
  const blocks = new Float64Array(state.dimension * width);
  for (let i = 0; i < state.dimension; i++) {
    const at = i * width;
    let squares = 0;
    for (let f = 0; f < k; f++) {
      const v = latent[i * k + f]!;
      blocks[at + 2 + f] = v;
      squares += v * v;
    }
    blocks[at] = linear[i]!;
    blocks[at + 1] = squares;
  }
  const weights = { seen: machine.examplesSeen, bias: state.bias, linear, latent, k, blocks };
  weightsByMachine.set(machine, weights);
  return weights;
}
