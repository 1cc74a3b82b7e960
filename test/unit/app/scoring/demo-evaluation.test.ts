import { describe, expect, it } from 'vitest';
import { evaluatePredictions, type EvaluationReport } from '../../../../app/eval/metrics';
import { fitPopularity, popularityScore } from '../../../../app/eval/popularity-baseline';
import { timeSplitInteractions } from '../../../../app/eval/time-split';
import { encodeFeatures, fitEncoding } from '../../../../app/scoring/feature-encoding';
import { FactorizationMachine } from '../../../../app/scoring/factorization-machine';
import { LogisticRegression } from '../../../../app/scoring/logistic-regression';
import { labelledRows } from '../../../../app/scoring/training-rows';
import { demo, demoBook } from './scoring-fixtures';

/**
 * The demo's outcomes follow a known model (app/demo/planted-interest.ts). Trained on the earlier 80 % and
 * scored on the later 20 %, the interest model must find that signal: well above chance and popularity, and
 * no worse than the logistic baseline on the same features. Default options only: nothing here is tuned to the demo.
 */
describe('interest model on the demo book, time split 0.8', () => {
  const data = demo();
  const book = demoBook(data);
  const split = timeSplitInteractions(data.interactions, 0.8);
  const train = labelledRows(split.train, book);
  const test = labelledRows(split.test, book);
  const encoding = fitEncoding(train.map((r) => r.raw));
  const trainExamples = train.map((r) => ({ x: encodeFeatures(encoding, r.raw), y: r.label }));
  const testVectors = test.map((r) => encodeFeatures(encoding, r.raw));
  const fm = FactorizationMachine.train(trainExamples, encoding.dimension);
  const lr = LogisticRegression.train(trainExamples, encoding.dimension);
  const popularity = fitPopularity(train.map((r) => ({ productId: r.interaction.productId, label: r.label })));

  const report = (score: (i: number) => number): EvaluationReport =>
    evaluatePredictions(
      test.map((r, i) => ({ clientId: r.interaction.clientId, score: score(i), label: r.label })),
      7,
    );
  const fmReport = report((i) => fm.predict(testVectors[i]!));
  const lrReport = report((i) => lr.predict(testVectors[i]!));
  const popReport = report((i) => popularityScore(popularity, test[i]!.interaction.productId));

  it('splits by time with a real test set', () => {
    expect(test.length).toBeGreaterThan(500);
    expect(train.every((r) => r.interaction.occurredAt < split.cutoff!)).toBe(true);
  });

  it('ranks clearly better than chance and than popularity', () => {
    expect(fmReport.auc!).toBeGreaterThan(0.65);
    expect(fmReport.auc!).toBeGreaterThan(popReport.auc! + 0.03);
    expect(fmReport.logLoss!).toBeLessThan(popReport.logLoss!);
  });

  it('at least matches the logistic regression on the same features', () => {
    expect(fmReport.auc!).toBeGreaterThan(lrReport.auc! - 0.01);
    expect(fmReport.logLoss!).toBeLessThan(lrReport.logLoss! + 0.01);
  });

  it('learns interactions the encoding does not spell out: without the hand-made crosses it beats the logistic regression', () => {
    // Why a factorization machine: on data whose interactions nobody anticipated, the factors find them.
    const withoutCrosses = (raw: (typeof train)[number]['raw']) => ({
      numeric: Object.fromEntries(Object.entries(raw.numeric).filter(([k]) => !k.startsWith('cross.'))),
      categorical: Object.fromEntries(Object.entries(raw.categorical).filter(([k]) => !k.startsWith('cross.'))),
    });
    const plainEncoding = fitEncoding(train.map((r) => withoutCrosses(r.raw)));
    const plainTrain = train.map((r) => ({ x: encodeFeatures(plainEncoding, withoutCrosses(r.raw)), y: r.label }));
    const plainTest = test.map((r) => encodeFeatures(plainEncoding, withoutCrosses(r.raw)));
    const plainFm = FactorizationMachine.train(plainTrain, plainEncoding.dimension);
    const plainLr = LogisticRegression.train(plainTrain, plainEncoding.dimension);
    const fmAuc = report((i) => plainFm.predict(plainTest[i]!)).auc!;
    const lrAuc = report((i) => plainLr.predict(plainTest[i]!)).auc!;
    expect(fmAuc).toBeGreaterThan(lrAuc + 0.01);
  });

  it('is calibrated well enough for a probability to be shown', () => {
    expect(fmReport.calibration.ece!).toBeLessThan(0.06);
  });
});
