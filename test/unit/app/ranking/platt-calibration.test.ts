import { describe, expect, it } from 'vitest';
import { calibration } from '../../../../app/eval/metrics';
import { calibrate, fitPlatt, IDENTITY_CALIBRATION } from '../../../../app/ranking/platt-calibration';
import { createSeededRandom } from '../../../../app/scoring/seeded-random';

describe('Platt calibration', () => {
  it('corrects an over-confident score: probabilities then match what happened', () => {
    const rng = createSeededRandom(3);
    const logits: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 4000; i++) {
      const truth = rng.normal() * 1.2 - 0.4;
      // The model claims twice the confidence it has.
      logits.push(2 * truth + 0.3);
      labels.push(rng.next() < 1 / (1 + Math.exp(-truth)) ? 1 : 0);
    }
    const fit = fitPlatt(logits, labels);
    expect(fit.a).toBeGreaterThan(0.4);
    expect(fit.a).toBeLessThan(0.6);
    const raw = calibration(
      logits.map((z) => calibrate(null, z)),
      labels,
    ).ece!;
    const fixed = calibration(
      logits.map((z) => calibrate(fit, z)),
      labels,
    ).ece!;
    expect(fixed).toBeLessThan(raw / 2);
  });

  it('falls back to the identity with too little data or one class only', () => {
    expect(fitPlatt([0.1, 0.2], [1, 0])).toEqual(IDENTITY_CALIBRATION);
    expect(
      fitPlatt(
        Array.from({ length: 100 }, (_, i) => i / 10),
        Array.from({ length: 100 }, () => 1),
      ),
    ).toEqual(IDENTITY_CALIBRATION);
  });
});
