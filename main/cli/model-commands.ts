import fs from 'node:fs';
import path from 'node:path';
import type { ClientRanking, ModelMetrics, ModelVersionSummary } from '../../app/contract/engine-channels';
import type { LlmStatus } from '../../app/contract/llm-channels';
import { message, renderMessage } from '../../app/messages';
import { describeComparison } from '../../app/training/comparison-text';
import type { BackendConnection } from '../host/backend-connection';
import { CliError, EXIT, type CliIo } from './cli-io';

export const TRAIN_USAGE = 'advisor-desk train [--model FILE.gguf] [--force-live] [--json]';
export const RECOMMEND_USAGE = 'advisor-desk recommend --client ID [--top N] [--include-credit] [--json]';

const fixed = (v: number | null, digits = 3) => (v === null ? '-' : v.toFixed(digits));
const day = (iso: string | null) => (iso === null ? '-' : iso.slice(0, 10));
const count = (n: number) => n.toLocaleString('en-US');
const pad = (text: string, width: number) => (text.length >= width ? text : text + ' '.repeat(width - text.length));

const BASELINE_LABELS: Record<string, string> = {
  'logistic-regression': 'logistic regression',
  popularity: 'popularity',
  'rules-only': 'rules only',
};

function metricsLine(label: string, m: ModelMetrics): string {
  return [
    pad(label, 22),
    pad(fixed(m.auc), 8),
    pad(fixed(m.logLoss), 10),
    pad(fixed(m.ece), 8),
    pad(fixed(m.precisionAtK), 8),
    pad(fixed(m.ndcgAtK), 9),
    fixed(m.mapAtK),
  ].join('');
}

/** The language model a version was trained with, as `train --model` reports it. */
export interface TrainedWith {
  file: string;
  sha256: string;
}

export const TRAIN_CANCELLED = 'Cancelled: no version stored; the live model is unchanged.';

/**
 * `advisor-desk train [--model FILE.gguf]`: a full retrain; with --model the file is loaded through the backend's
 * llm:load (exit 3 when there is no such file, 5 when it cannot be loaded) and the version is trained with its
 * signals llm.similarity and llm.fit. A refusal to train is about the data: exit 1. Ctrl-C stops it
 * through 'model:retrain-cancel' (the Model page's Cancel) after the current product: exit 130, nothing stored.
 */
export async function runTrain(
  io: CliIo,
  backend: BackendConnection,
  c: { model?: string | undefined; json: boolean; forceLive?: boolean },
): Promise<void> {
  let interrupted = false;
  const stopListening = io.onInterrupt?.(() => {
    interrupted = true;
    io.stderr(
      `Stopping${c.model !== undefined ? ' after the current product' : ''}; press Ctrl-C again to quit at once.\n`,
    );
    void backend.invoke('llm:cancel-load', {});
    void backend.invoke('model:retrain-cancel', {});
  });
  try {
    await train(io, backend, c, () => interrupted);
  } finally {
    stopListening?.();
  }
}

async function train(
  io: CliIo,
  backend: BackendConnection,
  c: { model?: string | undefined; json: boolean; forceLive?: boolean },
  interrupted: () => boolean,
): Promise<void> {
  let trainedWith: TrainedWith | null = null;
  if (c.model !== undefined) {
    const modelPath = path.resolve(c.model);
    if (!fs.existsSync(modelPath)) throw new CliError(EXIT.notFound, `No model file at ${modelPath}.`);
    const loaded = await backend.invoke('llm:load', { path: modelPath });
    // Interrupted while loading: the load was cancelled too, and no retrain starts.
    if (interrupted()) throw new CliError(EXIT.cancelled, TRAIN_CANCELLED);
    // Whatever stops the file from loading (its header, memory, llama.cpp refusing or dying on it) is exit 5.
    if (!loaded.ok) throw new CliError(EXIT.inputRefused, loaded.error.message);
    const status = loaded.value as LlmStatus;
    if (status.state !== 'loaded' || status.sha256 === null)
      throw new CliError(EXIT.other, `${path.basename(modelPath)} was not loaded (${status.state}).`);
    if (!c.json) io.stderr(`Loaded ${path.basename(modelPath)}; computing its signals for every recorded outcome…\n`);
    trainedWith = { file: path.basename(modelPath), sha256: status.sha256 };
  }
  // The signals take minutes for a large book on a CPU: a line at every tenth of the clients says how far it is.
  let shownTenth = -1;
  const unsubscribe = backend.subscribe((event, payload) => {
    if (event !== 'model:signals-progress' || c.json) return;
    const { done, total } = payload as { done: number; total: number };
    const tenth = total === 0 ? 10 : Math.floor((done * 10) / total);
    if (tenth <= shownTenth) return;
    shownTenth = tenth;
    io.stderr(`Signals: ${count(done)} of ${count(total)} clients\n`);
  });
  let result;
  try {
    result = await backend.invoke('model:retrain', { origin: 'cli', languageModel: trainedWith !== null });
  } finally {
    unsubscribe();
  }
  if (!result.ok) {
    if (result.error.code === 'cancelled') throw new CliError(EXIT.cancelled, TRAIN_CANCELLED);
    if (result.error.code === 'not_found') throw new CliError(EXIT.notFound, result.error.message);
    if (result.error.code === 'validation') throw new CliError(EXIT.other, result.error.message);
    if (result.error.code === 'bad_request') throw new CliError(EXIT.usage, result.error.message);
    throw new CliError(EXIT.other, result.error.message);
  }
  let trained = result.value as ModelVersionSummary;
  let forced = false;
  if (c.forceLive && !trained.active) {
    const activated = await backend.invoke('model:activate', { version: trained.version });
    if (!activated.ok) throw new CliError(EXIT.other, activated.error.message);
    trained = activated.value as ModelVersionSummary;
    forced = true;
  }
  printTrained(io, trained, c.json, trainedWith, forced);
}

/** What `train` prints: the version now live, what it learned from, and how it did on outcomes it did not see. */
export function printTrained(
  io: CliIo,
  v: ModelVersionSummary,
  json: boolean,
  trainedWith: TrainedWith | null = null,
  forced = false,
): void {
  if (json) {
    io.stdout(`${JSON.stringify(trainedWith ? { ...v, languageModel: trainedWith } : v, null, 2)}\n`);
    return;
  }
  const lines = [
    v.active
      ? `Model version ${v.version} (${v.kind}) is now live.`
      : `Model version ${v.version} (${v.kind}) is stored but not live.`,
    `Trained on ${count(v.trainRows)} outcomes from ${day(v.trainedFrom)} to ${day(v.trainedTo)}; held out the latest ${count(v.testRows)}.`,
  ];
  if (v.comparison) {
    for (const m of describeComparison(v.comparison)) lines.push(renderMessage(m, 'en'));
    if (forced) lines.push(renderMessage(message('retrainSafety.cliForced', { version: v.version }), 'en'));
    else if (!v.active) lines.push(renderMessage(message('retrainSafety.cliHint'), 'en'));
  }
  if (trainedWith) {
    lines.push(
      `Language-model signals llm.similarity and llm.fit from ${trainedWith.file} (sha256 ${trainedWith.sha256.slice(0, 12)}…) were used as features; rankings use them while that model is loaded.`,
    );
  }
  if (v.metrics) {
    const k = v.metrics.k;
    lines.push(
      '',
      [
        pad('', 22),
        pad('AUC', 8),
        pad('LOG LOSS', 10),
        pad('ECE', 8),
        pad(`P@${k}`, 8),
        pad(`NDCG@${k}`, 9),
        `MAP@${k}`,
      ].join(''),
    );
    lines.push(metricsLine('interest model', v.metrics));
    for (const [name, m] of Object.entries(v.baselines)) lines.push(metricsLine(BASELINE_LABELS[name] ?? name, m));
  } else {
    lines.push('No held-out figures: too few outcomes to keep some back.');
  }
  io.stdout(`${lines.join('\n')}\n`);
}

const percent = (p: number) => `${(p * 100).toFixed(1)} %`;
const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;

/** What `recommend` prints: suitable products by probability with their reasons, then the excluded ones with the rules that excluded them. */
export function printRanking(io: CliIo, r: ClientRanking, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(r, null, 2)}\n`);
    return;
  }
  const model = r.modelVersion === null ? 'no trained model (popularity order)' : `model version ${r.modelVersion}`;
  const lines = [`Recommendations for client ${r.clientId}, ${model}, rule set version ${r.ruleSet.version}:`];
  const lm = r.languageModel;
  if (lm)
    lines.push(
      lm.used
        ? `Language-model signals from ${lm.file}: used.`
        : `Language-model signals from ${lm.file}: not used (${lm.reason ?? 'unavailable'}); scored without them.`,
    );
  const credit = r.credit;
  if (credit && !credit.included && credit.hidden > 0)
    lines.push(
      `${renderMessage(message('reasonCheck.credit.hidden', { n: credit.hidden }), 'en')} (--include-credit shows them).`,
    );
  if (credit?.requested) lines.push(`${renderMessage(message('reasonCheck.credit.included'), 'en')}.`);
  if (r.ranked.length === 0) lines.push('  No suitable product.');
  for (const p of r.ranked) {
    const flags = [
      p.movedForDiversity ? 'moved down for category diversity' : '',
      p.deviation ? 'client-requested deviation' : '',
    ].filter(Boolean);
    lines.push(
      `${pad(`${p.rank}.`, 4)}${pad(percent(p.probability), 9)}${p.nameEn} (${p.productId}, ${p.riskGrade})${flags.length > 0 ? `  [${flags.join('; ')}]` : ''}`,
    );
    for (const reason of p.reasons.slice(0, 3))
      lines.push(`      ${signed(reason.logOdds)}  ${renderMessage(reason.text, 'en')}`);
  }
  lines.push('', `Excluded (${r.excluded.length}):`);
  for (const p of r.excluded) {
    lines.push(`  ${p.nameEn} (${p.productId}, ${p.riskGrade})`);
    for (const check of p.failed) lines.push(`      ${check.ruleId}: ${renderMessage(check.reason, 'en')}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}
