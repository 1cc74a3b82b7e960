import type { SparseVector } from './feature-encoding';

/** One labelled row for training: the encoded vector and 1 for interest shown, 0 for not. */
export interface TrainingExample {
  x: SparseVector;
  y: number;
}

/** Beyond ±35 the probability is 0 or 1 to double precision anyway; the cap keeps exp() finite. */
export const MAX_LOGIT = 35;
/** Per-coordinate gradients are capped so one odd row cannot throw a weight far away. */
export const MAX_GRADIENT = 10;

export function clampLogit(z: number): number {
  if (Number.isNaN(z)) return 0;
  return Math.max(-MAX_LOGIT, Math.min(MAX_LOGIT, z));
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-clampLogit(z)));
}

export function clipGradient(g: number): number {
  if (Number.isNaN(g)) return 0;
  return Math.max(-MAX_GRADIENT, Math.min(MAX_GRADIENT, g));
}

/** Labels must be 0 or 1 and vectors finite; training refuses otherwise rather than learning garbage. */
export function checkExamples(examples: readonly TrainingExample[], dimension: number): void {
  if (examples.length === 0) throw new Error('no training examples: record some outcomes first');
  for (let n = 0; n < examples.length; n++) {
    const { x, y } = examples[n]!;
    if (y !== 0 && y !== 1) throw new Error(`example ${n}: label must be 0 or 1, got ${String(y)}`);
    for (let j = 0; j < x.indices.length; j++) {
      const i = x.indices[j]!;
      if (i < 0 || i >= dimension) throw new Error(`example ${n}: feature index ${i} outside 0..${dimension - 1}`);
      if (!Number.isFinite(x.values[j]!)) throw new Error(`example ${n}: feature ${i} is not a finite number`);
    }
  }
}
