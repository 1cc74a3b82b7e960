import { describe, expect, it } from 'vitest';
import { auc, calibration } from '../../../../app/eval/metrics';
import { calibrate, logitOf } from '../../../../app/ranking/platt-calibration';
import { encodeFeatures } from '../../../../app/scoring/feature-encoding';
import { CANDIDATES, trainSelectedModel } from '../../../../app/scoring/model-selection';
import { createSeededRandom } from '../../../../app/scoring/seeded-random';
import type { LabelledRow } from '../../../../app/scoring/training-rows';

/**
 * Outcomes over 300 days where one client number matters and the share of positives drifts up from about 10 %
 * to about 45 %, as in a campaign whose later offers land better: what the latest training window should fix.
 */
function driftedRows(n: number, seed: number): LabelledRow[] {
  const rng = createSeededRandom(seed);
  const rows: LabelledRow[] = [];
  for (let i = 0; i < n; i++) {
    const t = i / n;
    const x = rng.normal();
    const product = `P${Math.floor(rng.next() * 5)}`;
    const logit = -2.3 + 2.4 * t + 0.8 * x + (product === 'P0' ? 0.5 : 0);
    const label = rng.next() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(t * 300) * 86_400_000).toISOString().slice(0, 10);
    rows.push({
      interaction: { id: `E${i}`, clientId: `C${i}`, productId: product, occurredAt: day },
      context: {},
      raw: { numeric: { 'client.custom.x': x }, categorical: { 'product.id': [product] } },
      label,
    } as unknown as LabelledRow);
  }
  return rows;
}

const rows = driftedRows(5000, 7);
const train = rows.slice(0, 4000);
const future = rows.slice(4000);
const labels = future.map((r) => r.label);

describe('trainSelectedModel', () => {
  const selected = trainSelectedModel(train, { seed: 1 });
  const raw = future.map((r) => selected.model.machine.predict(encodeFeatures(selected.model.encoding, r.raw)));

  it('recalibrates on the latest training window, which cuts the calibration error under a drifting positive rate', () => {
    expect(selected.calibration).not.toBeNull();
    const recalibrated = raw.map((p) => calibrate(selected.calibration, logitOf(p)));
    const before = calibration(raw, labels).ece!;
    const after = calibration(recalibrated, labels).ece!;
    expect(before).toBeGreaterThan(0.05);
    expect(after).toBeLessThan(before * 0.6);
  });

  it('judges every candidate on the latest fifth of the rows and records what it chose and why', () => {
    const s = selected.selection;
    expect(s.candidates.map((c) => c.name)).toEqual(CANDIDATES.map((c) => c.name));
    expect(s.judgedRows).toBe(800);
    expect(s.fitRows).toBe(3200);
    expect(s.judgedFrom).toBe(train[3200]!.interaction.occurredAt);
    expect(CANDIDATES.map((c) => c.name)).toContain(s.chosen);
    expect(s.why.length).toBeGreaterThan(10);
    expect(s.eceRaw).not.toBeNull();
    expect(s.eceCalibrated).not.toBeNull();
  });

  it('moves the probabilities to average the positive rate of the latest window, keeping their order', () => {
    const window = train.slice(3200);
    const shown = window.map((r) => calibrate(selected.calibration, logitOf(selected.model.scoreRaw(r.raw))));
    const rate = window.reduce((sum, r) => sum + r.label, 0) / window.length;
    expect(shown.reduce((sum, p) => sum + p, 0) / shown.length).toBeCloseTo(rate, 6);
    expect(selected.calibration).toMatchObject({ method: 'shift', a: 1, rows: window.length });
  });

  it('chooses the same settings and weights for the same rows and seed', () => {
    const again = trainSelectedModel(train, { seed: 1 });
    expect(again.selection).toEqual(selected.selection);
    expect(again.model.toJSON()).toEqual(selected.model.toJSON());
  });

  it('fits the candidates on an even share of the rows before the judged window, when told to keep fitting small', () => {
    const capped = trainSelectedModel(train, { seed: 1, maxFitRows: 1000 });
    expect(capped.selection.fitRows).toBe(1000);
    expect(capped.selection.judgedRows).toBe(800);
    expect(capped.selection.judgedFrom).toBe(train[3200]!.interaction.occurredAt);
    // The live model is still trained on every row.
    expect(capped.model.trainedFrom).toBe(selected.model.trainedFrom);
  });

  it('keeps the default, uncalibrated, when the latest window is too small to judge', () => {
    const few = trainSelectedModel(train.slice(0, 300), { seed: 1 });
    expect(few.selection.chosen).toBe(CANDIDATES[0]!.name);
    expect(few.calibration).toBeNull();
    expect(few.selection.why).toMatch(/too few recent outcomes/);
  });

  it('keeps the default against a setting that scores the window the same, and records a gain of zero', () => {
    const twin = { ...CANDIDATES[0]!, name: 'twin' };
    const s = trainSelectedModel(train, { seed: 1, candidates: [CANDIDATES[0]!, twin] }).selection;
    expect(s.chosen).toBe(CANDIDATES[0]!.name);
    expect(s.reason.key).toBe('selection.defaultHeldWithGain');
    expect(s.candidates[1]!.gain).toEqual({ difference: 0, standardError: 0 });
  });

  it('takes a setting that beats the default on the window, with the gain and its standard error in the reason', () => {
    const crippled = {
      ...CANDIDATES[0]!,
      name: 'crippled',
      options: { model: { learningRate: 1e-6, factorLearningRate: 0, epochs: 1, validationShare: 0 } },
    };
    const s = trainSelectedModel(train, { seed: 1, candidates: [crippled, CANDIDATES[0]!] }).selection;
    expect(s.chosen).toBe(CANDIDATES[0]!.name);
    expect(s.reason.key).toBe('selection.beatDefaultWithGain');
    const gain = s.candidates[1]!.gain!;
    expect(gain.difference).toBeGreaterThan(gain.standardError);
    expect(gain.standardError).toBeGreaterThan(0);
    expect(String(s.reason.params?.gain)).toContain('±');
  });
});

/** Interest where three numbers' signs multiply to a plus: a three-way interaction no pairwise model can draw. */
function parityRows(n: number, seed: number): LabelledRow[] {
  const rng = createSeededRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    const [x, y, z] = [rng.normal(), rng.normal(), rng.normal()];
    const label = rng.next() < (x * y * z > 0 ? 0.7 : 0.2) ? 1 : 0;
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor((i / n) * 300) * 86_400_000).toISOString().slice(0, 10);
    return {
      interaction: { id: `E${i}`, clientId: `C${i}`, productId: 'P1', occurredAt: day },
      context: {},
      raw: { numeric: { 'client.custom.x': x, 'client.custom.y': y, 'client.custom.z': z }, categorical: {} },
      label,
    } as unknown as LabelledRow;
  });
}

describe('the tree candidate', () => {
  it('is chosen where the outcome depends on three features at once, and scores the later outcomes better', () => {
    const all = parityRows(5000, 3);
    const [fit, later] = [all.slice(0, 4000), all.slice(4000)];
    const candidates = CANDIDATES.filter((c) => c.name === 'default' || c.name === 'boosted-blend');
    const chosen = trainSelectedModel(fit, { seed: 1, candidates });
    expect(chosen.selection.chosen).toBe('boosted-blend');
    expect(chosen.model.trees?.size ?? 0).toBeGreaterThan(0);
    const judged = chosen.selection.candidates;
    expect(judged.find((c) => c.name === 'boosted-blend')!.auc!).toBeGreaterThan(
      judged.find((c) => c.name === 'default')!.auc! + 0.05,
    );
    const laterLabels = later.map((r) => r.label);
    const machineOnly = trainSelectedModel(fit, { seed: 1, candidates: candidates.slice(0, 1) });
    expect(
      auc(
        later.map((r) => chosen.model.scoreRaw(r.raw)),
        laterLabels,
      )!,
    ).toBeGreaterThan(
      auc(
        later.map((r) => machineOnly.model.scoreRaw(r.raw)),
        laterLabels,
      )! + 0.05,
    );
  });
});
