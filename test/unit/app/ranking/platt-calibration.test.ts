import { describe, expect, it } from 'vitest';
import { calibration } from '../../../../app/eval/metrics';
import {
  calibrate,
  fitInterceptShift,
  fitPlatt,
  IDENTITY_CALIBRATION,
} from '../../../../app/ranking/platt-calibration';
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

describe('intercept shift', () => {
  it("moves a model that lags a risen positive rate up to the window's rate, keeping the order of products", () => {
    const rng = createSeededRandom(5);
    const logits: number[] = [];
    const labels: number[] = [];
    for (let i = 0; i < 3000; i++) {
      const z = rng.normal() - 1;
      logits.push(z);
      // What happened is 0.8 on the logit above what the model says: the rate drifted up after it learned.
      labels.push(rng.next() < 1 / (1 + Math.exp(-(z + 0.8))) ? 1 : 0);
    }
    const shift = fitInterceptShift(logits, labels);
    expect(shift.method).toBe('shift');
    expect(shift.a).toBe(1);
    expect(shift.b).toBeGreaterThan(0.6);
    expect(shift.b).toBeLessThan(1);
    const shown = logits.map((z) => calibrate(shift, z));
    const mean = shown.reduce((s, p) => s + p, 0) / shown.length;
    expect(mean).toBeCloseTo(labels.reduce((s, y) => s + y, 0) / labels.length, 6);
    expect(calibration(shown, labels).ece!).toBeLessThan(
      calibration(
        logits.map((z) => calibrate(null, z)),
        labels,
      ).ece! / 2,
    );
    // One number added to every logit: the ranking is the model's own.
    expect(calibrate(shift, 0.3)).toBeGreaterThan(calibrate(shift, 0.2));
  });

  it('is the identity with too few rows or one kind of outcome only', () => {
    expect(fitInterceptShift([0.1, 0.2], [1, 0])).toEqual(IDENTITY_CALIBRATION);
    expect(
      fitInterceptShift(
        Array.from({ length: 100 }, () => 0),
        Array.from({ length: 100 }, () => 0),
      ),
    ).toEqual(IDENTITY_CALIBRATION);
  });
});
