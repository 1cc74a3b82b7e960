import { describe, expect, it } from 'vitest';
import { calibration } from '../../../../app/eval/metrics';
import { applyIsotonic, fitIsotonic, isIsotonicCalibration } from '../../../../app/scoring/isotonic-calibration';
import { createSeededRandom } from '../../../../app/scoring/seeded-random';

/** A model right in its lower half and twice as confident as it should be in its upper half: Platt cannot bend. */
function bentRows(n: number, seed: number): { logits: number[]; labels: number[] } {
  const rng = createSeededRandom(seed);
  const logits: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const truth = rng.normal() * 1.5;
    logits.push(truth < 0 ? truth : 2 * truth);
    labels.push(rng.next() < 1 / (1 + Math.exp(-truth)) ? 1 : 0);
  }
  return { logits, labels };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

describe('isotonic calibration', () => {
  it('corrects a bent miscalibration on rows it has not seen, never lowering a probability as the logit rises', () => {
    const fit = bentRows(4000, 1);
    const map = fitIsotonic(fit.logits, fit.labels)!;
    expect(map).not.toBeNull();
    expect(isIsotonicCalibration(map)).toBe(true);
    for (let i = 1; i < map.rates.length; i++) expect(map.rates[i]!).toBeGreaterThanOrEqual(map.rates[i - 1]!);
    const later = bentRows(4000, 2);
    const before = calibration(later.logits.map(sigmoid), later.labels).ece!;
    const after = calibration(
      later.logits.map((z) => applyIsotonic(map, z)),
      later.labels,
    ).ece!;
    expect(after).toBeLessThan(before / 2);
    const grid = Array.from({ length: 81 }, (_, i) => -4 + i / 10).map((z) => applyIsotonic(map, z));
    for (let i = 1; i < grid.length; i++) expect(grid[i]!).toBeGreaterThanOrEqual(grid[i - 1]!);
  });

  it('pools at least the minimum number of rows in every block, so a small window is not its own noise', () => {
    const { logits, labels } = bentRows(600, 3);
    const map = fitIsotonic(logits, labels, 100)!;
    expect(map.logits.length).toBeLessThanOrEqual(6);
    expect(map.rates.every((r) => r > 0 && r < 1)).toBe(true);
  });

  it('is not fitted on too few rows or one kind of outcome, and refuses a stored map that is not one', () => {
    const { logits, labels } = bentRows(100, 4);
    expect(fitIsotonic(logits, labels)).toBeNull();
    expect(
      fitIsotonic(
        Array.from({ length: 500 }, (_, i) => i / 100),
        Array.from({ length: 500 }, () => 1),
      ),
    ).toBeNull();
    expect(isIsotonicCalibration({ kind: 'isotonic', logits: [1, 0], rates: [0.2, 0.3], rows: 10 })).toBe(false);
    expect(isIsotonicCalibration({ kind: 'platt', a: 1, b: 0, rows: 0 })).toBe(false);
  });
});
