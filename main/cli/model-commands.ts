import type { ClientRanking, ModelMetrics, ModelVersionSummary } from '../../app/contract/engine-channels';
import type { CliIo } from './cli-io';

export const TRAIN_USAGE = 'advisor-desk train [--json]';
export const RECOMMEND_USAGE = 'advisor-desk recommend --client ID [--top N] [--json]';

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
  return [pad(label, 22), pad(fixed(m.auc), 8), pad(fixed(m.logLoss), 10), pad(fixed(m.ece), 8), pad(fixed(m.precisionAtK), 8), pad(fixed(m.ndcgAtK), 9), fixed(m.mapAtK)].join('');
}

/** What `train` prints: the version now live, what it learned from, and how it did on outcomes it did not see. */
export function printTrained(io: CliIo, v: ModelVersionSummary, json: boolean): void {
  if (json) {
    io.stdout(`${JSON.stringify(v, null, 2)}\n`);
    return;
  }
  const lines = [
    `Model version ${v.version} (${v.kind}) is now live.`,
    `Trained on ${count(v.trainRows)} outcomes from ${day(v.trainedFrom)} to ${day(v.trainedTo)}; held out the latest ${count(v.testRows)}.`,
  ];
  if (v.metrics) {
    const k = v.metrics.k;
    lines.push('', [pad('', 22), pad('AUC', 8), pad('LOG LOSS', 10), pad('ECE', 8), pad(`P@${k}`, 8), pad(`NDCG@${k}`, 9), `MAP@${k}`].join(''));
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
  if (r.ranked.length === 0) lines.push('  No suitable product.');
  for (const p of r.ranked) {
    const flags = [p.movedForDiversity ? 'moved down for category diversity' : '', p.deviation ? 'client-requested deviation' : ''].filter(Boolean);
    lines.push(`${pad(`${p.rank}.`, 4)}${pad(percent(p.probability), 9)}${p.nameEn} (${p.productId}, ${p.riskGrade})${flags.length > 0 ? `  [${flags.join('; ')}]` : ''}`);
    for (const reason of p.reasons.slice(0, 3)) lines.push(`      ${signed(reason.logOdds)}  ${reason.text.en}`);
  }
  lines.push('', `Excluded (${r.excluded.length}):`);
  for (const p of r.excluded) {
    lines.push(`  ${p.nameEn} (${p.productId}, ${p.riskGrade})`);
    for (const check of p.failed) lines.push(`      ${check.ruleId}: ${check.reason.en}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
}
