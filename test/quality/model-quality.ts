import type { Interaction } from '../../app/domain';
import { auc, logLoss } from '../../app/eval/metrics';
import { fitPopularity, popularityScore } from '../../app/eval/popularity-baseline';
import { timeSplitInteractions } from '../../app/eval/time-split';
import { encodeFeatures, fitEncoding, type EncodingOptions } from '../../app/scoring/feature-encoding';
import { FactorizationMachine, type FactorizationMachineOptions } from '../../app/scoring/factorization-machine';
import { LogisticRegression } from '../../app/scoring/logistic-regression';
import { labelledRows, type BookOfBusiness } from '../../app/scoring/training-rows';
import { GradientBoostedTrees } from './gbdt-reference';

/**
 * One comparison as the issue asks for it: time split 0.8, every model fitted on the earlier share only (its
 * own early stopping or L2 choice on the latest 10 % of that), scored on the later share by AUC and log loss.
 */
export interface QualityInput {
  name: string;
  interactions: readonly Interaction[];
  book: BookOfBusiness;
  /** Planted probabilities, when known: the "oracle" row is the best any model could do. */
  truth?: ReadonlyMap<string, number>;
}

export type ModelName =
  'FM' | 'LR tuned' | 'LR tuned (no bins)' | 'FM (no bins)' | 'FM (no factors)' | 'GBDT' | 'popularity' | 'oracle';

export interface QualityRow {
  dataset: string;
  seed: number;
  model: ModelName;
  auc: number;
  logLoss: number;
  note: string;
  ms: number;
}

export interface QualityOptions {
  seed: number;
  models?: readonly ModelName[];
  fm?: FactorizationMachineOptions;
  encoding?: EncodingOptions;
}

export const ALL_MODELS: readonly ModelName[] = [
  'FM',
  'LR tuned',
  'LR tuned (no bins)',
  'GBDT',
  'popularity',
  'oracle',
];

export function measureQuality(input: QualityInput, options: QualityOptions): QualityRow[] {
  const models = new Set(options.models ?? ALL_MODELS);
  const split = timeSplitInteractions(input.interactions, 0.8);
  const train = labelledRows(split.train, input.book);
  const test = labelledRows(split.test, input.book);
  const labels = test.map((r) => r.label);
  const out: QualityRow[] = [];
  const add = (model: ModelName, started: number, scores: number[], note = '') =>
    out.push({
      dataset: input.name,
      seed: options.seed,
      model,
      auc: auc(scores, labels) ?? NaN,
      logLoss: logLoss(scores, labels) ?? NaN,
      note,
      ms: Date.now() - started,
    });

  const encodings = new Map<string, ReturnType<typeof fitEncoding>>();
  const encoded = (bins: boolean) => {
    const key = bins ? 'bins' : 'plain';
    let enc = encodings.get(key);
    if (!enc)
      encodings.set(
        key,
        (enc = fitEncoding(
          train.map((r) => r.raw),
          { ...options.encoding, ...(bins ? {} : { numericBins: 0 }) },
        )),
      );
    const e = enc;
    return {
      encoding: e,
      train: train.map((r) => ({ x: encodeFeatures(e, r.raw), y: r.label })),
      test: test.map((r) => encodeFeatures(e, r.raw)),
    };
  };
  const fmRow = (model: ModelName, bins: boolean, fmOptions: FactorizationMachineOptions) => {
    const t0 = Date.now();
    const data = encoded(bins);
    const fm = FactorizationMachine.train(data.train, data.encoding.dimension, {
      seed: options.seed,
      ...options.fm,
      ...fmOptions,
    });
    add(
      model,
      t0,
      data.test.map((x) => fm.predict(x)),
      `${data.encoding.dimension} features, ${fm.report?.bestEpoch ?? '?'} epochs`,
    );
  };
  const lrRow = (model: ModelName, bins: boolean) => {
    const t0 = Date.now();
    const data = encoded(bins);
    const tuned = LogisticRegression.trainTuned(data.train, data.encoding.dimension, { seed: options.seed });
    add(
      model,
      t0,
      data.test.map((x) => tuned.model.predict(x)),
      `l2 ${tuned.l2}`,
    );
  };

  if (models.has('FM')) fmRow('FM', true, {});
  if (models.has('FM (no bins)')) fmRow('FM (no bins)', false, {});
  if (models.has('FM (no factors)')) fmRow('FM (no factors)', true, { factorLearningRate: 0, initStd: 0 });
  if (models.has('LR tuned')) lrRow('LR tuned', true);
  if (models.has('LR tuned (no bins)')) lrRow('LR tuned (no bins)', false);
  if (models.has('GBDT')) {
    const t0 = Date.now();
    const gbdt = GradientBoostedTrees.train(
      fitEncoding(
        train.map((r) => r.raw),
        { numericBins: 0 },
      ),
      train.map((r) => r.raw),
      train.map((r) => r.label),
    );
    add(
      'GBDT',
      t0,
      test.map((r) => gbdt.predict(r.raw)),
      `${gbdt.treesKept} trees`,
    );
  }
  if (models.has('popularity')) {
    const t0 = Date.now();
    const pop = fitPopularity(train.map((r) => ({ productId: r.interaction.productId, label: r.label })));
    add(
      'popularity',
      t0,
      test.map((r) => popularityScore(pop, r.interaction.productId)),
    );
  }
  if (models.has('oracle') && input.truth) {
    const truth = input.truth;
    add(
      'oracle',
      Date.now(),
      test.map((r) => truth.get(r.interaction.id) ?? NaN),
      'planted probabilities',
    );
  }
  return out;
}

/** Mean and spread over seeds, one line per dataset and model, in the order first seen. */
export function summarise(rows: readonly QualityRow[]): string[] {
  const groups = new Map<string, QualityRow[]>();
  for (const r of rows) {
    const key = `${r.dataset}\u0000${r.model}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const lines = [
    `${'dataset'.padEnd(22)} ${'model'.padEnd(18)} ${'AUC'.padStart(14)} ${'log loss'.padStart(14)}  seeds  note`,
  ];
  for (const list of groups.values()) {
    const meanSd = (xs: number[]) => {
      const m = xs.reduce((a, b) => a + b, 0) / xs.length;
      const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) * (b - m), 0) / Math.max(1, xs.length - 1));
      return `${m.toFixed(4)} ±${sd.toFixed(4)}`;
    };
    const first = list[0]!;
    lines.push(
      `${first.dataset.padEnd(22)} ${first.model.padEnd(18)} ${meanSd(list.map((r) => r.auc)).padStart(14)} ${meanSd(list.map((r) => r.logLoss)).padStart(14)}  ${String(list.length).padStart(5)}  ${first.note}`,
    );
  }
  return lines;
}
