import { describe, expect, it } from 'vitest';
import { evaluateOnTimeSplit, EvaluationDataError } from '../../../../app/eval/evaluate-model';
import { auc } from '../../../../app/eval/metrics';
import { rulesOnlyScore } from '../../../../app/eval/rules-only-baseline';
import { clientAge } from '../../../../app/demo/demo-clients';
import { plantedProbability } from '../../../../app/demo/planted-interest';
import type { Interaction } from '../../../../app/domain';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook } from '../scoring/scoring-fixtures';

const data = demo();
const book = demoBook(data);
function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (x: readonly number[]) => x.reduce((s, v) => s + v, 0) / x.length;
  const ma = mean(a);
  const mb = mean(b);
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += (a[i]! - ma) * (b[i]! - mb);
    aa += (a[i]! - ma) ** 2;
    bb += (b[i]! - mb) ** 2;
  }
  return ab / Math.sqrt(aa * bb);
}

const result = evaluateOnTimeSplit(data.interactions, book, { trainShare: 0.8, k: 7, seed: 1 });

describe('evaluateOnTimeSplit on the demo book', () => {
  it('trains on the earlier outcomes and tests on the later ones', () => {
    const outcomes = data.interactions.filter((i) => i.outcome !== null).length;
    expect(result.trainRows + result.testRows).toBe(outcomes);
    expect(result.testRows).toBeGreaterThan(500);
    expect(result.trainedTo < result.testFrom).toBe(true);
    expect(result.trainedFrom <= result.trainedTo && result.testFrom <= result.testTo).toBe(true);
  });

  it('finds the planted patterns: the interest model beats popularity and rules only, and matches logistic regression', () => {
    const { model, baselines } = result;
    expect(model.auc!).toBeGreaterThan(0.7);
    expect(model.auc!).toBeGreaterThan(baselines.popularity.auc! + 0.03);
    expect(model.auc!).toBeGreaterThan(baselines['rules-only'].auc! + 0.03);
    expect(model.auc!).toBeGreaterThan(baselines['logistic-regression'].auc! - 0.01);
    expect(model.logLoss!).toBeLessThan(baselines.popularity.logLoss!);
    expect(model.ndcgAtK!).toBeGreaterThan(baselines.popularity.ndcgAtK!);
  });

  it('learns the planted model itself: its log-odds follow the true ones and its AUC comes near the best possible', () => {
    // The demo's outcomes were drawn from plantedProbability; scored with it, the test rows give the ceiling.
    const clients = new Map(data.clients.map((c) => [c.id, c]));
    const products = new Map(data.products.map((p) => [p.id, p]));
    const market = new Map(data.marketSnapshots.map((m) => [m.asOf, m]));
    const test = data.interactions.filter((i) => i.outcome !== null && i.occurredAt >= result.testFrom);
    expect(test.map((i) => i.productId)).toEqual(result.predictions.map((p) => p.productId));
    const truth = test.map((i) => {
      const client = clients.get(i.clientId)!;
      const date = i.occurredAt.slice(0, 10);
      return plantedProbability({
        profile: client.profile,
        riskClass: client.riskClass,
        age: clientAge(client.profile, date),
        product: products.get(i.productId)!,
        market: market.get(date)!,
        channel: i.channel,
      });
    });
    const ceiling = auc(
      truth,
      result.predictions.map((p) => p.outcome),
    )!;
    expect(result.model.auc!).toBeGreaterThan(ceiling - 0.05);
    const logit = (p: number) => Math.log(p / (1 - p));
    expect(
      correlation(
        truth.map(logit),
        result.predictions.map((p) => logit(p.score)),
      ),
    ).toBeGreaterThan(0.7);
  });

  it('reports every measure in its range for the model and each baseline', () => {
    for (const m of [result.model, ...Object.values(result.baselines)]) {
      expect(m.k).toBe(7);
      for (const v of [m.auc, m.ece, m.precisionAtK, m.ndcgAtK, m.mapAtK]) {
        expect(v).not.toBeNull();
        expect(v!).toBeGreaterThanOrEqual(0);
        expect(v!).toBeLessThanOrEqual(1);
      }
      expect(m.logLoss!).toBeGreaterThan(0);
      expect(Number.isFinite(m.logLoss!)).toBe(true);
    }
    expect(result.model.ece!).toBeLessThan(0.08);
    expect(result.calibration).toHaveLength(10);
    expect(result.calibration.reduce((s, b) => s + b.count, 0)).toBe(result.testRows);
  });

  it('gives one prediction per test outcome, in time order, with the outcome as 0 or 1', () => {
    expect(result.predictions).toHaveLength(result.testRows);
    const times = result.predictions.map((p) => p.occurredAt);
    expect([...times].sort()).toEqual(times);
    expect(times[0]).toBe(result.testFrom);
    expect(result.predictions.every((p) => (p.outcome === 0 || p.outcome === 1) && p.score > 0 && p.score < 1)).toBe(
      true,
    );
    expect(result.predictions.filter((p) => p.outcome === 1).length / result.testRows).toBeCloseTo(
      result.testPositiveRate,
      12,
    );
  });

  it('gives the same figures for the same seed', () => {
    const again = evaluateOnTimeSplit(data.interactions, book, { trainShare: 0.8, k: 7, seed: 1 });
    expect(again.model).toEqual(result.model);
    expect(again.baselines).toEqual(result.baselines);
    expect(again.predictions.slice(0, 50)).toEqual(result.predictions.slice(0, 50));
  });
});

describe('evaluateOnTimeSplit with the settings chosen and the probabilities recalibrated', () => {
  const selected = evaluateOnTimeSplit(data.interactions, book, { trainShare: 0.8, k: 7, seed: 1, select: true });

  it('reports the calibration before and after, with the chance floor and a reliability table for each', () => {
    const re = selected.recalibrated!;
    expect(re.method).toBe('shift');
    expect(re.rows).toBe(Math.floor(selected.trainRows * 0.2));
    for (const figure of [selected.model.ece, selected.eceFloor, re.ece, re.eceFloor]) {
      expect(figure).toBeGreaterThanOrEqual(0);
      expect(figure).toBeLessThan(0.2);
    }
    for (const bins of [selected.calibration, re.bins])
      expect(bins.reduce((sum, b) => sum + b.count, 0)).toBe(selected.testRows);
  });

  it("gives each test outcome the probability the app would show beside the model's own, in the same order", () => {
    const labels = selected.predictions.map((p) => p.outcome);
    const shown = selected.predictions.map((p) => p.recalibratedScore!);
    expect(shown.every((p) => p > 0 && p < 1)).toBe(true);
    expect(auc(shown, labels)).toBeCloseTo(selected.model.auc!, 12);
    expect(shown.some((p, i) => p !== selected.predictions[i]!.score)).toBe(true);
  });
});

describe('evaluateOnTimeSplit refuses what cannot be measured', () => {
  const some = data.interactions.filter((i) => i.outcome !== null).slice(0, 300);

  it('names the counts when there is nothing to test on', () => {
    expect(() => evaluateOnTimeSplit(some.slice(0, 1), book, { trainShare: 0.8, k: 7, seed: 1 })).toThrow(
      EvaluationDataError,
    );
    expect(() => evaluateOnTimeSplit([], book, { trainShare: 0.8, k: 7, seed: 1 })).toThrow(
      /Too little data to evaluate: 0 outcomes/,
    );
  });

  it('says so when one side holds one kind of outcome only', () => {
    const negative: Interaction[] = some.map((i) => ({ ...i, outcome: 'declined' }));
    expect(() => evaluateOnTimeSplit(negative, book, { trainShare: 0.8, k: 7, seed: 1 })).toThrow(
      /"not interested".*both interested and not-interested/,
    );
  });

  it('refuses a share outside (0, 1) and a k below 1', () => {
    expect(() => evaluateOnTimeSplit(some, book, { trainShare: 1, k: 7, seed: 1 })).toThrow(/between 0 and 1/);
    expect(() => evaluateOnTimeSplit(some, book, { trainShare: 0.8, k: 0, seed: 1 })).toThrow(/k must be/);
  });
});

describe('rules-only score', () => {
  it('is 1 for a suitable product and the share of rules passed otherwise', () => {
    const rows = labelledRows(data.interactions.slice(0, 400), book);
    const scores = rows.map((r) => rulesOnlyScore(r.context));
    expect(scores.some((s) => s === 1)).toBe(true);
    expect(scores.some((s) => s < 1)).toBe(true);
    expect(scores.every((s) => s >= 0 && s <= 1)).toBe(true);
  });
});
