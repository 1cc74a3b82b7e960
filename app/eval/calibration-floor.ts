import { createSeededRandom } from '../scoring/seeded-random';
import { calibration } from './metrics';

/**
 * The ECE a perfectly calibrated model would show on these rows by chance: labels drawn from the probabilities
 * themselves, the mean over `draws` draws, deterministic for a seed. On a thousand rows with ten bins it is a few
 * hundredths, which says how far below it no measured ECE can be told apart from luck; it is printed beside the
 * ECE, never subtracted from it.
 */
export function eceChanceFloor(probabilities: readonly number[], seed: number, draws = 50): number | null {
  if (probabilities.length === 0) return null;
  const random = createSeededRandom(seed + 7);
  let sum = 0;
  for (let d = 0; d < draws; d++) {
    const labels = probabilities.map((p) => (random.next() < p ? 1 : 0));
    sum += calibration(probabilities, labels).ece ?? 0;
  }
  return sum / draws;
}
