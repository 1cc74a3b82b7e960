import fs from 'node:fs';
import path from 'node:path';
import type { ModelMetrics } from '../../app/contract/engine-channels';
import type { CalibrationBin } from '../../app/eval/metrics';
import { renderMessage } from '../../app/messages';
import {
  EvaluationDataError,
  type BaselineName,
  type TestPrediction,
  type TimeSplitEvaluation,
} from '../../app/eval/evaluate-model';
import { openStore } from '../db/open-store';
import { storeKeyFor } from './cli-store-key';
import { sqliteStores } from '../db/sqlite-stores';
import { csvText } from '../../app/csv/csv-writer';
import { EVALUATION_SEED, evaluateOutcomes, type EvaluatedOutcomes } from '../../app/use-cases/evaluate-outcomes';
import { computeEvaluationSignals, type EvaluationSignals } from '../model/evaluation-signals';
import { ModelFileProblemError } from '../llm/gguf-check';
import { CliError, EXIT, usageError, type CliIo } from './cli-io';

export const EVALUATE_USAGE =
  'advisor-desk evaluate [--split time:0.8|rolling:K] [--k 7] [--predictions-out FILE.csv] [--model FILE.gguf [--llm-clients 100]]';
/** score is the model's own probability; recalibrated_score the one the app shows (empty without a recalibration). */
export const PREDICTIONS_HEADER = 'client_id,product_id,occurred_at,outcome,score,recalibrated_score';

export type SplitChoice = { kind: 'time'; share: number } | { kind: 'rolling'; folds: number };

const SPLIT_HELP = 'time:SHARE with SHARE between 0 and 1 (for example time:0.8) or rolling:K with K from 1 to 20';

/** `time:SHARE` (one cut) or `rolling:K` (K rolling-origin folds). */
export function parseSplitChoice(value: string | undefined): SplitChoice {
  if (value === undefined) return { kind: 'time', share: 0.8 };
  const rolling = /^rolling:(\d+)$/.exec(value.trim());
  if (rolling) {
    const folds = Number(rolling[1]);
    if (folds >= 1 && folds <= 20) return { kind: 'rolling', folds };
    throw usageError(`--split must be ${SPLIT_HELP}, got "${value}".`);
  }
  const match = /^time:(\d*\.?\d+)$/.exec(value.trim());
  const share = match ? Number(match[1]) : NaN;
  if (!(share > 0 && share < 1)) throw usageError(`--split must be ${SPLIT_HELP}, got "${value}".`);
  return { kind: 'time', share };
}

export function parseK(value: string | undefined): number {
  if (value === undefined) return 7;
  const k = Number(value);
  if (!Number.isInteger(k) || k < 1 || k > 500)
    throw usageError(`--k must be a whole number from 1 to 500, got "${value}".`);
  return k;
}

/** Written beside the target and renamed over it, so a reader never sees half a file and a failure leaves the old one. */
function writePredictions(file: string, predictions: readonly TestPrediction[]): void {
  // Through the shared writer: an id such as "=HYPERLINK(…)" from an imported file is written as text, not a formula.
  const text = csvText(
    PREDICTIONS_HEADER.split(','),
    predictions.map((p) => [
      p.clientId,
      p.productId,
      p.occurredAt,
      p.outcome,
      p.score.toFixed(6),
      p.recalibratedScore === null ? '' : p.recalibratedScore.toFixed(6),
    ]),
  );
  const target = path.resolve(file);
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    fs.writeFileSync(temp, text);
    fs.renameSync(temp, target);
  } catch (error) {
    fs.rmSync(temp, { force: true });
    throw new CliError(
      EXIT.other,
      `Cannot write predictions to ${file}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

const LABELS: [keyof TimeSplitEvaluation['baselines'] | 'model', string][] = [
  ['model', 'interest model'],
  ['logistic-regression', 'logistic regression'],
  ['popularity', 'popularity'],
  ['rules-only', 'rules only'],
];

const fixed = (v: number | null, digits = 3) => (v === null ? '-' : v.toFixed(digits));
const percent = (v: number | null) => (v === null ? '-' : `${(v * 100).toFixed(1)} %`);
const day = (iso: string) => iso.slice(0, 10);
const count = (n: number) => n.toLocaleString('en-US');

function printTable(io: CliIo, r: TimeSplitEvaluation): void {
  const k = r.model.k;
  const columns = ['', 'AUC', 'LOG LOSS', 'ECE', `P@${k}`, `NDCG@${k}`, `MAP@${k}`];
  const widths = [22, 8, 10, 8, 8, 9, 8];
  const ranked = (v: number | null) => (r.rankingNotMeasured !== null ? 'n/a' : fixed(v));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('')
      .trimEnd();
  io.stdout(
    `Time split ${r.trainShare}: trained on ${count(r.trainRows)} outcomes (${day(r.trainedFrom)} to ${day(r.trainedTo)}), tested on ${count(r.testRows)} (${day(r.testFrom)} to ${day(r.testTo)}).\n`,
  );
  for (const [side, x] of [
    ['Training share', r.summary.train],
    ['Test share', r.summary.test],
  ] as const)
    io.stdout(
      `${side}: ${count(x.rows)} outcomes, ${count(x.clients)} clients, ${count(x.products)} products, ${percent(x.positiveRate)} positive.\n`,
    );
  io.stdout(
    r.rankingNotMeasured === null
      ? `Ranking measures average over ${count(r.clientsRanked)} clients with two or more test outcomes, at least one positive.\n\n`
      : `Ranking measures n/a: ${r.rankingNotMeasured}.\n\n`,
  );
  io.stdout(`${line(columns)}\n`);
  for (const [key, label] of LABELS) {
    const m: ModelMetrics = key === 'model' ? r.model : r.baselines[key as BaselineName];
    io.stdout(
      `${line([label, fixed(m.auc), fixed(m.logLoss), fixed(m.ece), ranked(m.precisionAtK), ranked(m.ndcgAtK), ranked(m.mapAtK)])}\n`,
    );
  }
  if (r.selection) {
    const sel = r.selection;
    io.stdout(`\nSettings chosen on the training share: ${sel.chosen} (${sel.about}): ${sel.why}.\n`);
    if (sel.candidates.length > 0)
      io.stdout(
        `  AUC on the latest ${count(sel.judgedRows)} training outcomes: ${sel.candidates.map((c) => `${c.name} ${fixed(c.auc)}`).join(', ')}.\n`,
      );
  }
  printReliability(io, 'Calibration of the interest model (its own probabilities):', r.calibration);
  // The chance floor beside each ECE: below it a figure cannot be told apart from a perfectly calibrated model's luck.
  io.stdout(
    `ECE ${fixed(r.model.ece)}; a perfectly calibrated model would show about ${fixed(r.eceFloor)} on these ${count(r.testRows)} outcomes by chance.\n`,
  );
  const re = r.recalibrated;
  if (re) {
    const how =
      re.method === 'shift'
        ? `an intercept shift of ${re.b >= 0 ? '+' : ''}${re.b.toFixed(3)} on the logit, fitted so the probabilities average to the positive rate of the latest ${count(re.rows)} training outcomes`
        : `Platt scaling (slope ${re.a.toFixed(3)}, intercept ${re.b.toFixed(3)}) fitted on the latest ${count(re.rows)} training outcomes`;
    io.stdout(
      `\nRecalibrated with ${how} (the probabilities the app shows): ECE ${fixed(r.model.ece)} before, ${fixed(re.ece)} after (chance floor ${fixed(re.eceFloor)}); log loss ${fixed(r.model.logLoss)} before, ${fixed(re.logLoss)} after.\n`,
    );
    printReliability(io, 'Calibration after recalibration:', re.bins);
  }
}

function printReliability(io: CliIo, title: string, bins: readonly CalibrationBin[]): void {
  io.stdout(`\n${title}\n`);
  io.stdout(
    `${['  PREDICTED', 'OUTCOMES', 'MEAN PREDICTED', 'OBSERVED']
      .map((c, i) => c.padEnd([14, 10, 16, 0][i]!))
      .join('')
      .trimEnd()}\n`,
  );
  for (const bin of bins) {
    if (bin.count === 0) continue;
    const range = `${Math.round(bin.lower * 100)}–${Math.round(bin.upper * 100)} %`;
    io.stdout(
      `${[`  ${range}`, count(bin.count), percent(bin.meanPredicted), percent(bin.observedRate)]
        .map((c, i) => c.padEnd([14, 10, 16, 0][i]!))
        .join('')
        .trimEnd()}\n`,
    );
  }
}

/** Rolling-origin folds: one line per fold for the model and logistic regression, then the means. */
function printRolling(io: CliIo, request: EvaluateRequest, folds: readonly TimeSplitEvaluation[]): void {
  const figures = folds.map((f) => {
    const { predictions: _p, ...rest } = f;
    return rest;
  });
  if (request.json) {
    io.stdout(
      `${JSON.stringify({ database: request.dbPath, seed: EVALUATION_SEED, split: `rolling:${folds.length}`, folds: figures, predictionsFile: request.predictionsOut ?? null }, null, 2)}\n`,
    );
    return;
  }
  io.stdout(`Rolling-origin evaluation, ${folds.length} folds: each trains on everything before its test block.\n\n`);
  const widths = [6, 26, 26, 8, 10, 8, 11, 8, 8, 12];
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('')
      .trimEnd();
  // ECE of the model's own probabilities, after the recalibration the app serves, and the chance floor of the latter.
  io.stdout(
    `${line(['FOLD', 'TRAINED ON', 'TESTED ON', 'AUC', 'LOG LOSS', 'ECE', 'ECE RECAL', 'FLOOR', 'LR AUC', 'CHOSEN'])}\n`,
  );
  folds.forEach((f, i) =>
    io.stdout(
      `${line([
        String(i + 1),
        `${count(f.trainRows)} (to ${day(f.trainedTo)})`,
        `${count(f.testRows)} (${day(f.testFrom)}…)`,
        fixed(f.model.auc),
        fixed(f.model.logLoss),
        fixed(f.model.ece),
        fixed(f.recalibrated?.ece ?? null),
        fixed(f.recalibrated?.eceFloor ?? f.eceFloor),
        fixed(f.baselines['logistic-regression'].auc),
        f.selection?.chosen ?? 'default',
      ])}\n`,
    ),
  );
  const mean = (pick: (f: TimeSplitEvaluation) => number | null) => {
    const values = folds.map(pick).filter((v): v is number => v !== null);
    return values.length > 0 ? values.reduce((s, v) => s + v, 0) / values.length : null;
  };
  io.stdout(
    `${line(['mean', '', '', fixed(mean((f) => f.model.auc)), fixed(mean((f) => f.model.logLoss)), fixed(mean((f) => f.model.ece)), fixed(mean((f) => f.recalibrated?.ece ?? null)), fixed(mean((f) => f.recalibrated?.eceFloor ?? f.eceFloor)), fixed(mean((f) => f.baselines['logistic-regression'].auc))])}\n`,
  );
  if (request.predictionsOut !== undefined)
    io.stdout(
      `\nWrote ${count(folds.reduce((s, f) => s + f.predictions.length, 0))} test predictions (every fold) to ${request.predictionsOut}.\n`,
    );
}

export interface EvaluateRequest {
  dbPath: string;
  json: boolean;
  split: string | undefined;
  k: string | undefined;
  predictionsOut: string | undefined;
  /** A GGUF model: the evaluation is run again with its language-model signals as features, on the same split. */
  model?: string | undefined;
  /** With --model: how many clients' outcomes both runs use (the signals cost one model evaluation per pair). */
  llmClients?: string | undefined;
  /** YYYY-MM-DD for the client facts' age bands; today by default. */
  today?: string;
}

/**
 * `advisor-desk evaluate`: the held-out figures of the interest model and its baselines on this database's own
 * outcomes. Reads only; the models it trains are thrown away.
 */
/** Default --llm-clients: about a minute of fit scoring for a 0.5B model on 2 cores, seconds for the tiny test model. */
export const DEFAULT_LLM_CLIENTS = 100;

export function parseLlmClients(value: string | undefined): number {
  if (value === undefined) return DEFAULT_LLM_CLIENTS;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 2 || n > 1_000_000)
    throw usageError(`--llm-clients must be a whole number from 2 to 1000000, got "${value}".`);
  return n;
}

export async function runEvaluate(io: CliIo, request: EvaluateRequest): Promise<void> {
  const split = parseSplitChoice(request.split);
  const trainShare = split.kind === 'time' ? split.share : 0.8;
  if (split.kind === 'rolling' && request.model !== undefined)
    throw usageError('--split rolling:K cannot be combined with --model; use time:SHARE.');
  const k = parseK(request.k);
  if (request.llmClients !== undefined && request.model === undefined)
    throw usageError('--llm-clients only applies with --model FILE.gguf.');
  const llmClients = parseLlmClients(request.llmClients);
  if (!fs.existsSync(request.dbPath))
    throw new CliError(
      EXIT.database,
      `No database at ${request.dbPath}. Run \`advisor-desk seed --db ${request.dbPath}\` first.`,
    );
  if (request.model !== undefined && !fs.existsSync(path.resolve(request.model)))
    throw new CliError(EXIT.notFound, `No model file at ${path.resolve(request.model)}.`);
  const { db } = openStore(request.dbPath, { key: await storeKeyFor(io, request.dbPath) });
  let evaluated: EvaluatedOutcomes;
  let about: EvaluationSignals | null = null;
  try {
    const modelPath = request.model;
    evaluated = await evaluateOutcomes(
      { stores: sqliteStores(db) },
      {
        trainShare,
        k,
        select: true,
        ...(split.kind === 'rolling' ? { rolling: split.folds } : {}),
        ...(modelPath !== undefined
          ? {
              languageModel: {
                clients: llmClients,
                signals: async (interactions, book) => {
                  try {
                    about = await computeEvaluationSignals(db, modelPath, interactions, book, {
                      today: request.today ?? (io.now?.() ?? new Date()).toISOString().slice(0, 10),
                    });
                  } catch (error) {
                    if (error instanceof ModelFileProblemError)
                      throw new CliError(EXIT.inputRefused, renderMessage(error.problem.text, 'en'));
                    throw error;
                  }
                  return about.signals;
                },
              },
            }
          : {}),
      },
    );
  } catch (error) {
    if (error instanceof EvaluationDataError) throw new CliError(EXIT.other, error.message);
    throw error;
  } finally {
    db.close();
  }
  const result = evaluated.result;
  const withLlm =
    evaluated.withSignals && about ? { result: evaluated.withSignals, signals: about as EvaluationSignals } : null;
  if (evaluated.sampled && !request.json)
    io.stdout(
      `Evaluating on the outcomes of ${count(evaluated.sampled.clients)} of ${count(evaluated.sampled.of)} clients (--llm-clients), with and without language-model signals.\n\n`,
    );
  const folds = evaluated.folds;
  if (request.predictionsOut !== undefined)
    writePredictions(request.predictionsOut, folds ? folds.flatMap((f) => f.predictions) : result.predictions);
  if (folds) {
    printRolling(io, request, folds);
    return;
  }
  if (request.json) {
    const { predictions: _predictions, ...figures } = result;
    const llm = withLlm
      ? (() => {
          const { predictions: _p, ...llmFigures } = withLlm.result;
          const { signals: _s, ...about } = withLlm.signals;
          return { ...about, withSignals: llmFigures };
        })()
      : undefined;
    io.stdout(
      `${JSON.stringify({ database: request.dbPath, seed: EVALUATION_SEED, ...figures, predictionsFile: request.predictionsOut ?? null, ...(llm ? { llm } : {}) }, null, 2)}\n`,
    );
    return;
  }
  printTable(io, result);
  if (request.predictionsOut !== undefined)
    io.stdout(`\nWrote ${count(result.predictions.length)} test predictions to ${request.predictionsOut}.\n`);
  if (withLlm) {
    const s = withLlm.signals;
    io.stdout(
      `\nWith language-model signals (llm.similarity, llm.fit) from ${path.basename(s.modelFile)} (sha256 ${s.sha256.slice(0, 12)}…), same split and seed:\n`,
    );
    io.stdout(
      `${count(s.pairs)} client–product pairs for ${count(s.clients)} clients in ${s.seconds.toFixed(1)} s; ${count(s.embedded)} product descriptions embedded, the rest from the cache.\n\n`,
    );
    printTable(io, withLlm.result);
    const delta = (a: number | null, b: number | null) =>
      a === null || b === null ? '-' : `${b - a >= 0 ? '+' : ''}${(b - a).toFixed(3)}`;
    io.stdout(
      `\nInterest model with minus without the signals: AUC ${delta(result.model.auc, withLlm.result.model.auc)}, log loss ${delta(result.model.logLoss, withLlm.result.model.logLoss)}, NDCG@${k} ${delta(result.model.ndcgAtK, withLlm.result.model.ndcgAtK)}.\n`,
    );
    io.stdout(
      'A model with random weights (a generated test model) gives signals that are noise: expect no gain from one.\n',
    );
  }
}
