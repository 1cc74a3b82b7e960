/**
 * Quality measures as the field reports them: AUC and log loss for the interest estimate, calibration for
 * whether "30 %" means 30 %, and precision, NDCG and MAP at k for per-client rankings. Labels are 0 or 1.
 * A measure that is undefined for the data (AUC with one class only) is null rather than NaN, so it survives JSON.
 */

function checkLengths(scores: readonly number[], labels: readonly number[]): void {
  if (scores.length !== labels.length)
    throw new Error(`scores (${scores.length}) and labels (${labels.length}) differ in length`);
}

/** Area under the ROC curve via the rank-sum statistic; tied scores share their average rank, so a tie counts half. */
export function auc(scores: readonly number[], labels: readonly number[]): number | null {
  checkLengths(scores, labels);
  const order = scores.map((_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let positives = 0;
  let rankSum = 0;
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const averageRank = (start + end) / 2 + 1;
    for (let j = start; j <= end; j++) {
      if (labels[order[j]!] === 1) {
        positives++;
        rankSum += averageRank;
      }
    }
    start = end + 1;
  }
  const negatives = scores.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Mean cross-entropy in nats; probabilities are clipped to [eps, 1 − eps] so one confident miss is costly but finite. */
export function logLoss(probabilities: readonly number[], labels: readonly number[], eps = 1e-15): number | null {
  checkLengths(probabilities, labels);
  if (probabilities.length === 0) return null;
  let sum = 0;
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1 - eps, Math.max(eps, probabilities[i]!));
    sum -= labels[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return sum / probabilities.length;
}

export interface CalibrationBin {
  lower: number;
  upper: number;
  count: number;
  /** Mean predicted probability in the bin (expected) and share of positives (observed); null for an empty bin. */
  meanPredicted: number | null;
  observedRate: number | null;
}

export interface Calibration {
  bins: CalibrationBin[];
  /** Expected calibration error: the count-weighted mean gap between expected and observed. */
  ece: number | null;
}

/** Equal-width bins over [0, 1]; a probability of exactly 1 falls in the last bin. */
export function calibration(probabilities: readonly number[], labels: readonly number[], binCount = 10): Calibration {
  checkLengths(probabilities, labels);
  const sums = Array.from({ length: binCount }, () => ({ count: 0, predicted: 0, positives: 0 }));
  for (let i = 0; i < probabilities.length; i++) {
    const p = Math.min(1, Math.max(0, probabilities[i]!));
    const bin = sums[Math.min(binCount - 1, Math.floor(p * binCount))]!;
    bin.count++;
    bin.predicted += p;
    bin.positives += labels[i] === 1 ? 1 : 0;
  }
  let gap = 0;
  const bins = sums.map((s, b) => {
    if (s.count > 0) gap += Math.abs(s.predicted - s.positives);
    return {
      lower: b / binCount,
      upper: (b + 1) / binCount,
      count: s.count,
      meanPredicted: s.count > 0 ? s.predicted / s.count : null,
      observedRate: s.count > 0 ? s.positives / s.count : null,
    };
  });
  return { bins, ece: probabilities.length > 0 ? gap / probabilities.length : null };
}

/** One scored (client, product) pair with its outcome, for ranking measures. */
export interface RankedOutcome {
  clientId: string;
  score: number;
  label: number;
}

export interface RankingMetrics {
  k: number;
  precisionAtK: number | null;
  ndcgAtK: number | null;
  mapAtK: number | null;
  /**
   * Clients that count: those with at least two test outcomes, one of them positive. A ranking with nothing to
   * find says nothing, and neither does a "ranking" of one product, which is trivially perfect.
   */
  clientsEvaluated: number;
  /** Why the measures are null (no client qualifies), in words for the report; null when they were measured. */
  notMeasured: string | null;
}

/** Labels of one client's rows, best score first; equal scores keep input order so results are reproducible. */
function rankedLabels(rows: readonly RankedOutcome[]): number[] {
  return rows
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r.score - a.r.score || a.i - b.i)
    .map(({ r }) => (r.label === 1 ? 1 : 0));
}

/** Hits in the top k over k, or over the list length when a client has fewer than k products to rank. */
export function precisionAtK(ranked: readonly number[], k: number): number {
  const n = Math.min(k, ranked.length);
  if (n === 0) return 0;
  let hits = 0;
  for (let i = 0; i < n; i++) hits += ranked[i]!;
  return hits / n;
}

/** Binary-relevance NDCG: gain 1 per hit discounted by log2(rank + 1), over the best order possible. */
export function ndcgAtK(ranked: readonly number[], k: number): number | null {
  const n = Math.min(k, ranked.length);
  let dcg = 0;
  for (let i = 0; i < n; i++) dcg += ranked[i]! / Math.log2(i + 2);
  const relevant = ranked.reduce((s, r) => s + r, 0);
  let ideal = 0;
  for (let i = 0; i < Math.min(n, relevant); i++) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : null;
}

/** Average precision at k: the precision at each hit's rank, over the hits that could fit in the top k. */
export function averagePrecisionAtK(ranked: readonly number[], k: number): number | null {
  const n = Math.min(k, ranked.length);
  const relevant = ranked.reduce((s, r) => s + r, 0);
  if (relevant === 0) return null;
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    if (ranked[i] === 1) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return sum / Math.min(relevant, n);
}

/** Per-client rankings, averaged over clients with at least two outcomes and at least one positive. */
export function rankingMetrics(rows: readonly RankedOutcome[], k: number): RankingMetrics {
  if (!(k >= 1)) throw new Error(`k must be at least 1, got ${k}`);
  const byClient = new Map<string, RankedOutcome[]>();
  for (const row of rows) {
    const list = byClient.get(row.clientId);
    if (list) list.push(row);
    else byClient.set(row.clientId, [row]);
  }
  let precision = 0;
  let ndcg = 0;
  let map = 0;
  let clients = 0;
  let withPositive = 0;
  for (const list of byClient.values()) {
    const ranked = rankedLabels(list);
    if (!ranked.includes(1)) continue;
    withPositive++;
    if (ranked.length < 2) continue;
    clients++;
    precision += precisionAtK(ranked, k);
    ndcg += ndcgAtK(ranked, k) ?? 0;
    map += averagePrecisionAtK(ranked, k) ?? 0;
  }
  if (clients === 0) {
    const notMeasured =
      withPositive === 0
        ? `no client has a positive test outcome (${byClient.size} clients)`
        : `no client has two or more test outcomes with at least one positive (${withPositive} of ${byClient.size} clients have a positive, each with one outcome only), so there is no ranking to measure`;
    return { k, precisionAtK: null, ndcgAtK: null, mapAtK: null, clientsEvaluated: 0, notMeasured };
  }
  return {
    k,
    precisionAtK: precision / clients,
    ndcgAtK: ndcg / clients,
    mapAtK: map / clients,
    clientsEvaluated: clients,
    notMeasured: null,
  };
}

export interface EvaluationReport {
  count: number;
  positiveRate: number | null;
  auc: number | null;
  logLoss: number | null;
  calibration: Calibration;
  ranking: RankingMetrics;
}

/** Every measure for one model's test predictions, so models and baselines are reported alike. */
export function evaluatePredictions(rows: readonly RankedOutcome[], k: number): EvaluationReport {
  const scores = rows.map((r) => r.score);
  const labels = rows.map((r) => (r.label === 1 ? 1 : 0));
  const positives = labels.reduce<number>((s, l) => s + l, 0);
  return {
    count: rows.length,
    positiveRate: rows.length > 0 ? positives / rows.length : null,
    auc: auc(scores, labels),
    logLoss: logLoss(scores, labels),
    calibration: calibration(scores, labels),
    ranking: rankingMetrics(rows, k),
  };
}

/** Average ranks (1-based, ties sharing their mean rank) of the values, in their own order. */
function midranks(values: readonly number[]): Float64Array {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const ranks = new Float64Array(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    for (let j = start; j <= end; j++) ranks[order[j]!] = (start + end) / 2 + 1;
    start = end + 1;
  }
  return ranks;
}

/**
 * DeLong's placement values of one scorer: for each positive, the share of negatives it outranks (a tie counts
 * half), and for each negative, the share of positives that outrank it. Their means are both the AUC.
 */
function placements(scores: readonly number[], labels: readonly number[]): { pos: Float64Array; neg: Float64Array } {
  const posScores: number[] = [];
  const negScores: number[] = [];
  labels.forEach((y, i) => (y === 1 ? posScores : negScores).push(scores[i]!));
  const all = midranks(scores);
  const withinPos = midranks(posScores);
  const withinNeg = midranks(negScores);
  const m = posScores.length;
  const n = negScores.length;
  const pos = new Float64Array(m);
  const neg = new Float64Array(n);
  let p = 0;
  let q = 0;
  labels.forEach((y, i) => {
    if (y === 1) {
      pos[p] = (all[i]! - withinPos[p]!) / n;
      p++;
    } else {
      neg[q] = 1 - (all[i]! - withinNeg[q]!) / m;
      q++;
    }
  });
  return { pos, neg };
}

function varianceOfDifference(a: Float64Array, b: Float64Array): number {
  const k = a.length;
  if (k < 2) return 0;
  let mean = 0;
  for (let i = 0; i < k; i++) mean += a[i]! - b[i]!;
  mean /= k;
  let sum = 0;
  for (let i = 0; i < k; i++) sum += (a[i]! - b[i]! - mean) ** 2;
  return sum / (k - 1);
}

/**
 * How much higher scorer B's AUC is than scorer A's on the same rows, and the standard error of that difference
 * (DeLong, DeLong & Clarke-Pearson 1988, paired: both scorers judged on the same outcomes, so what they share in
 * luck cancels). Exact and deterministic; null when the labels hold one class only.
 */
export function pairedAucDifference(
  scoresA: readonly number[],
  scoresB: readonly number[],
  labels: readonly number[],
): { difference: number; standardError: number } | null {
  checkLengths(scoresA, labels);
  checkLengths(scoresB, labels);
  const a = placements(scoresA, labels);
  const b = placements(scoresB, labels);
  const m = a.pos.length;
  const n = a.neg.length;
  if (m === 0 || n === 0) return null;
  let difference = 0;
  for (let i = 0; i < m; i++) difference += b.pos[i]! - a.pos[i]!;
  difference /= m;
  const variance = varianceOfDifference(b.pos, a.pos) / m + varianceOfDifference(b.neg, a.neg) / n;
  return { difference, standardError: Math.sqrt(Math.max(0, variance)) };
}
