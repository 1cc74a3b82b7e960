import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateBulkClients, generateDemoData } from '../../app/demo';
import type { Holding, Product } from '../../app/domain';
import { createRanker, rankOrder } from '../../app/scoring/fast-ranker';
import { FactorizationMachine } from '../../app/scoring/factorization-machine';
import { encodeFeatures, encodeRows, fitEncoding } from '../../app/scoring/feature-encoding';
import { InterestModel } from '../../app/scoring/interest-model';
import { CANDIDATES, trainSelectedModel } from '../../app/scoring/model-selection';
import { marketAt, type ScoredClient } from '../../app/scoring/scoring-context';
import { labelledRows, type LabelledRow } from '../../app/scoring/training-rows';
import {
  TRAIN_SHARE,
  TRAINING_SEED,
  trainVersion,
  trainVersionOn,
  trainVersionSteps,
  type TrainingData,
} from '../../app/training/train-version';
import { runTrainingTask } from '../../app/training/training-tasks';
import { fitLogisticBaseline } from '../../app/eval/logistic-baseline';
import { rulesOnlyScore } from '../../app/eval/rules-only-baseline';
import { timeSplit } from '../../app/eval/time-split';
import { modelScorer } from '../../app/ranking/product-scorer';
import { rankForClient } from '../../app/ranking/rank-for-client';
import { checkSuitability, DEFAULT_RULE_SET, suitabilityScreen } from '../../app/suitability';
import { createParallelScorer } from '../../main/model/parallel-scoring';
import { createTrainingPool, trainingThreads } from '../../main/model/training-pool';
import { openDatabase } from '../../main/db/connection';
import { migrate } from '../../main/db/migrate';
import { listProducts, upsertProducts } from '../../main/db/product-repository';
import { activeRuleSet, saveRuleSet } from '../../main/db/rule-set-repository';
import { fmt, median, percentile } from './stats';

const TODAY = '2026-11-28';

/** 1,000 products from the demo catalogue: each demo product repeated with its minimum, rates and lock-up varied. */
export function benchCatalogue(base: readonly Product[], n = 1000): Product[] {
  return Array.from({ length: n }, (_, i) => {
    const p = base[i % base.length]!;
    const shift = (((i * 7) % 11) - 5) / 20;
    return {
      ...p,
      id: `${p.id}-V${String(i).padStart(4, '0')}`,
      minimumAmount: Math.round(p.minimumAmount * (1 + (i % 10) / 10)),
      rateMin: p.rateMin === null ? null : p.rateMin + shift,
      rateMax: p.rateMax === null ? null : p.rateMax + shift,
      lockupMonths: p.lockupMonths + (i % 4) * 3,
    };
  });
}

function scored(c: {
  id: string;
  profile: ScoredClient | Omit<ScoredClient, 'id' | 'riskClass'>;
  riskClass: ScoredClient['riskClass'];
}): ScoredClient {
  return { ...c.profile, id: c.id, riskClass: c.riskClass } as ScoredClient;
}

/** A figure against its target from the issue's bar. */
function target(ms: number, limitMs: number): string {
  return `target < ${fmt(limitMs)}: ${ms < limitMs ? 'met' : 'NOT met'}`;
}

/** Wall time, and the process's CPU time beside it: on a machine shared with other work the two part. */
function time<T>(run: () => T): { ms: number; cpuMs: number; value: T } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = run();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/**
 * A retrain's stages one by one, as trainVersion runs them on these rows (CPU time each): the choice of settings
 * inside the earlier 80 % with its winner refitted on all of it, the logistic baseline on the same encoded rows,
 * the other two baselines with the held-out scores, and the live model on every row.
 */
function retrainStages(rows: readonly LabelledRow[]): string {
  const split = timeSplit(
    rows.map((row) => ({ id: row.interaction.id, occurredAt: row.interaction.occurredAt, row })),
    TRAIN_SHARE,
  );
  const train = split.train.map((t) => t.row);
  const test = split.test.map((t) => t.row);
  const choice = time(() => trainSelectedModel(train, { seed: TRAINING_SEED }));
  const selected = choice.value;
  const examples = selected.encoded.vectors.map((x, i) => ({ x, y: train[i]!.label }));
  const logistic = time(() => fitLogisticBaseline(examples, selected.model.encoding.dimension, TRAINING_SEED));
  const others = time(() => {
    const vectors = encodeRows(
      selected.model.encoding,
      test.map((r) => r.raw),
    );
    test.forEach((r, i) => selected.model.scoreEncoded(vectors[i]!, r.raw));
    test.forEach((r) => rulesOnlyScore(r.context, DEFAULT_RULE_SET));
  });
  const settings = selected.settings.options;
  const live = time(() =>
    InterestModel.train(rows, { ...settings, model: { ...settings.model, seed: TRAINING_SEED } }),
  );
  return (
    `  its stages one by one (CPU): choice among ${selected.selection.candidates.length} candidates on ${selected.selection.fitRows.toLocaleString('en')} rows each, judged on ${selected.selection.judgedRows.toLocaleString('en')}, and the winner refitted on ${train.length.toLocaleString('en')}: ${fmt(choice.cpuMs)}; ` +
    `logistic baseline (L2 from ${logistic.value.selection.length} fits): ${fmt(logistic.cpuMs)}; held-out scores and the rules-only verdicts: ${fmt(others.cpuMs)}; live model on ${rows.length.toLocaleString('en')}: ${fmt(live.cpuMs)}`
  );
}

/**
 * The retrain's own steps run in turn on this thread, CPU timed: the work between batches (the join, the encodings,
 * the choice, the held-out figures), which runs on one thread whatever the pool, and each batch's tasks. From them,
 * the wall time a pool of free cores would take (each batch's tasks handed in order to whichever thread is free):
 * a figure the load of other work on a shared machine does not move, beside the measured one.
 */
function retrainCriticalPath(data: TrainingData): string {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const serial: number[] = [];
  const batches: number[][] = [];
  const steps = trainVersionSteps(data);
  let from = cpu();
  let next = steps.next([]);
  while (!next.done) {
    serial.push(cpu() - from);
    const costs: number[] = [];
    const outcomes = next.value.map((task) => {
      const started = cpu();
      const outcome = runTrainingTask(task);
      costs.push(cpu() - started);
      return outcome;
    });
    batches.push(costs);
    from = cpu();
    next = steps.next(outcomes);
  }
  serial.push(cpu() - from);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const makespan = (costs: readonly number[], threads: number) => {
    const busy = new Array<number>(threads).fill(0);
    for (const c of costs) busy[busy.indexOf(Math.min(...busy))]! += c;
    return Math.max(...busy);
  };
  const on = (threads: number) => sum(serial) + sum(batches.map((b) => makespan(b, threads)));
  return (
    `  its steps on one thread (CPU): between batches ${serial.map(fmt).join(', ')}; batches ${batches.map((b) => `[${b.map(fmt).join(', ')}]`).join(' ')}; ` +
    `in all ${fmt(on(1))}; on free cores the pool would take ${fmt(on(2))} on 2 threads, ${fmt(on(4))} on 4 (the work between batches, ${fmt(sum(serial))}, on one thread whatever the pool)`
  );
}

/**
 * The interest engine's figures: ranking 1,000 products for one client, 10,000 clients × 200 products,
 * and training on 100,000 interactions, each beside the straightforward path (InterestModel.score per pair)
 * measured in the same run. Everything is generated from the demo generators with fixed seeds.
 */
export async function benchEngine(): Promise<string[]> {
  const lines: string[] = [];
  const demo = generateDemoData({ today: TODAY, clientCount: 2000, interactionCount: 112_000 });
  const book = { clients: demo.clients.map(scored), products: demo.products, marketSnapshots: demo.marketSnapshots };
  const rowsRun = time(() => labelledRows(demo.interactions, book).slice(0, 100_000));
  const rows = rowsRun.value;
  const train = time(() => InterestModel.train(rows));
  const model = train.value;
  const report = model.machine.report;
  // The same three stages again, timed one by one, to show where training time goes.
  const fit = time(() => fitEncoding(rows.map((r) => r.raw)));
  const encoded = time(() =>
    encodeRows(
      fit.value,
      rows.map((r) => r.raw),
    ).map((x, r) => ({ x, y: rows[r]!.label })),
  );
  const encodedOneByOne = time(() => rows.map((r) => ({ x: encodeFeatures(fit.value, r.raw), y: r.label })));
  const fm = time(() => FactorizationMachine.train(encoded.value, fit.value.dimension));
  lines.push(
    `train the interest model on ${rows.length.toLocaleString('en')} interactions (InterestModel.train: fit encoding, encode, FM with early stopping, ${report?.epochsRun} epochs): ${fmt(train.ms)} (CPU ${fmt(train.cpuMs)}); ` +
      `stage by stage: fit encoding ${fmt(fit.ms)}, encode ${fmt(encoded.ms)} (encodeRows; row by row through encodeFeatures ${fmt(encodedOneByOne.ms)}), FM ${fmt(fm.ms)}; joining the interactions to clients, products and markets first (labelledRows): ${fmt(rowsRun.ms)} — InterestModel.train ${target(train.ms, 10_000)}`,
  );

  // What an advisor waits for on "retrain": trainVersion joins the outcomes, chooses the settings inside the
  // earlier 80 % (five candidates on its first 80 %, judged on its latest 20 %), measures the choice and the
  // baselines on the later 20 %, and trains the live model on everything. Skipped with BENCH_RETRAIN=0.
  if (process.env.BENCH_RETRAIN !== '0') {
    const retrain = time(() =>
      trainVersion({ interactions: rows.map((r) => r.interaction), book, ruleSet: DEFAULT_RULE_SET }),
    );
    const chosen = retrain.value.metrics.selection;
    lines.push(
      `full retrain on the same ${rows.length.toLocaleString('en')} outcomes with the validation-driven choice on one thread (trainVersion: join, choice among ${chosen?.candidates.length ?? 0} candidates inside the training share, time-split metrics and baselines, live model): ${fmt(retrain.ms)} (CPU ${fmt(retrain.cpuMs)}); chose ${chosen?.chosen ?? '-'} (${chosen?.candidates.map((c) => `${c.name} ${c.auc?.toFixed(3) ?? '-'}`).join(', ')}) — ${target(retrain.ms, 10_000)}`,
    );
    // The same retrain as the app runs it: the independent trainings on a pool of threads, one per core.
    const data = { interactions: rows.map((r) => r.interaction), book, ruleSet: DEFAULT_RULE_SET };
    const threads = trainingThreads();
    const poolStarted = performance.now();
    const pool = await createTrainingPool(threads);
    const poolMs = performance.now() - poolStarted;
    try {
      const cpu = process.cpuUsage();
      const started = performance.now();
      const parallel = await trainVersionOn(data, pool);
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      const cpuMs = (used.user + used.system) / 1000;
      const same = JSON.stringify(parallel) === JSON.stringify(retrain.value);
      lines.push(
        `the same retrain on ${threads} threads (trainVersionOn: the candidates side by side, then the refit, the logistic baseline and the live model side by side): ${fmt(ms)} (CPU ${fmt(cpuMs)}, all threads), ` +
          `${(retrain.ms / ms).toFixed(2)}× the one-thread wall time; starting the threads ${fmt(poolMs)} once; the same version as on one thread: ${same ? 'yes' : 'NO'}; load average ${os
            .loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')} — ${target(ms, 10_000)}`,
      );
    } finally {
      await pool.close();
    }
    // Where that time goes, its stages run again one by one on the same rows (BENCH_RETRAIN_STAGES=1; about as long again).
    if (process.env.BENCH_RETRAIN_STAGES === '1') lines.push(retrainStages(rows), retrainCriticalPath(data));
  }

  const market = marketAt(demo.marketSnapshots, TODAY);
  const catalogue = benchCatalogue(demo.products);
  const created = time(() => createRanker(model, catalogue, market, TODAY));
  const againMs = Array.from({ length: 30 }, () => time(() => createRanker(model, catalogue, market, TODAY)).ms);
  const ranker = created.value;
  lines.push(
    `ranker for 1,000 products: ${fmt(created.ms)} to build the first time (encodes the catalogue), median ${fmt(median(againMs))} over the next ${againMs.length} (catalogue and weights cached for the model)`,
  );

  // One client, 1,000 products: scores and sort, then the same with every product's suitability checked.
  const holdings = new Map<string, Holding[]>();
  for (const h of demo.holdings) holdings.set(h.clientId, [...(holdings.get(h.clientId) ?? []), h]);
  const sample = book.clients.slice(0, 300);
  const out = new Float64Array(catalogue.length);
  const rankMs: number[] = [];
  const suitableMs: number[] = [];
  const screenedMs: number[] = [];
  const wholeMs: number[] = [];
  let excludedCount = 0;
  let wholeCpuMs = 0;
  const live = { model, calibration: null, languageModel: null };
  const scorer = modelScorer(live);
  const rankWhole = (client: ScoredClient, products = catalogue, ruleSet = DEFAULT_RULE_SET) =>
    rankForClient({
      client,
      products,
      holdings: holdings.get(client.id) ?? [],
      ruleSet,
      today: TODAY,
      at: TODAY,
      market,
      scorer,
      top: 10,
    });
  for (const client of sample) {
    rankOrder(ranker.scoreClient(client, out));
    rankWhole(client);
  }
  for (const client of sample) {
    const context = {
      holdings: holdings.get(client.id) ?? [],
      today: TODAY,
      ruleSet: DEFAULT_RULE_SET,
      catalog: catalogue,
    };
    rankMs.push(time(() => rankOrder(ranker.scoreClient(client, out))).ms);
    // Before: checkSuitability on every product, each check on its own (with the 58 demo products as the catalog
    // the holdings are looked up in, as this figure was first measured; rankForClient handed all 1,000).
    const demoCatalog = { ...context, catalog: demo.products };
    suitableMs.push(
      time(() => {
        const suitable = catalogue.map((p) => checkSuitability(client, p, demoCatalog).suitable);
        const scores = ranker.scoreClient(client, out);
        return Array.from(rankOrder(scores)).filter((i) => suitable[i]);
      }).ms,
    );
    // Now: the client's side worked out once, every failed check's reason built as the ranking returns it.
    screenedMs.push(
      time(() => {
        const screen = suitabilityScreen(client, context);
        const verdicts = catalogue.map((p) => screen(p));
        const scores = ranker.scoreClient(client, out);
        return Array.from(rankOrder(scores)).filter((i) => verdicts[i]!.suitable);
      }).ms,
    );
  }
  // The whole ranking in a loop of its own, so the garbage of the per-product checks above is not collected in it.
  for (const client of sample) {
    const whole = time(() => rankWhole(client));
    wholeMs.push(whole.ms);
    wholeCpuMs += whole.cpuMs;
    excludedCount += whole.value.excluded.length;
  }
  // As the client page gets them: the catalogue and rule set read from a real store for every request (the read
  // included), which hands back the objects it read before while their rows are unchanged.
  const storeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ad-engine-bench-'));
  const db = openDatabase(path.join(storeDir, 'bench.sqlite'));
  migrate(db);
  upsertProducts(db, catalogue);
  saveRuleSet(db, DEFAULT_RULE_SET, { name: 'Bench', at: `${TODAY}T09:00:00.000Z`, actor: 'bench' });
  const fromStore = (client: ScoredClient) =>
    rankWhole(client, listProducts(db, { search: '', family: null }), activeRuleSet(db));
  fromStore(sample[0]!);
  const freshMs = sample.slice(0, 100).map((client) => time(() => fromStore(client)).ms);
  db.close();
  fs.rmSync(storeDir, { recursive: true, force: true });
  const slowSample = sample.slice(0, 12);
  const slowMs = slowSample.map(
    (client) =>
      time(() => {
        const scores = catalogue.map((product) => model.score({ client, product, market, at: TODAY }));
        return rankOrder(scores);
      }).ms,
  );
  let worst = 0;
  for (const client of slowSample) {
    ranker.scoreClient(client, out);
    catalogue.forEach(
      (product, p) =>
        (worst = Math.max(worst, Math.abs(out[p]! - model.score({ client, product, market, at: TODAY })))),
    );
  }
  lines.push(
    `rank 1,000 products for one client (scores + sort): median ${fmt(median(rankMs))}, p95 ${fmt(percentile(rankMs, 95))} over ${rankMs.length} clients; ` +
      `straightforward (InterestModel.score per pair + sort): median ${fmt(median(slowMs))} over ${slowMs.length} clients, ${(median(slowMs) / median(rankMs)).toFixed(0)}× slower; largest difference in probability ${worst.toExponential(1)}`,
  );
  lines.push(
    `rank 1,000 products for one client with suitability (default rule set, the client's holdings; ${(excludedCount / sample.length).toFixed(0)} products excluded on average): ` +
      `checkSuitability per product (before) median ${fmt(median(suitableMs))}, p95 ${fmt(percentile(suitableMs, 95))}; ` +
      `suitabilityScreen (failed reasons built) median ${fmt(median(screenedMs))}, p95 ${fmt(percentile(screenedMs, 95))}; ` +
      `the whole rankForClient as the client page asks it (screen, scores of the suitable ones through modelScorer, sort, diversity, reasons for the top 10, every excluded product with its reasons) median ${fmt(median(wholeMs))}, p95 ${fmt(percentile(wholeMs, 95))}, CPU ${fmt(wholeCpuMs / wholeMs.length)} a call on average; ` +
      `the same with the products and rule set read from a SQLite store per request, the read included, as the client page gets them, median ${fmt(median(freshMs))}, p95 ${fmt(percentile(freshMs, 95))} over ${freshMs.length} clients` +
      ` — ${target(median(wholeMs), 2)}`,
  );

  // 10,000 clients × 200 products.
  const clients = generateBulkClients(10_000, 7, TODAY).map(scored);
  const two = catalogue.slice(0, 200);
  const ranker200 = createRanker(model, two, market, TODAY);
  const out200 = new Float64Array(two.length);
  ranker200.scoreClient(clients[0]!, out200);
  const bulkRuns = Array.from({ length: 3 }, () =>
    time(() => {
      let sum = 0;
      for (const client of clients) sum += ranker200.scoreClient(client, out200)[0]!;
      return sum;
    }),
  );
  const bulkMs = bulkRuns.map((r) => r.ms);
  const bulk = median(bulkMs);
  const bulkCpu = median(bulkRuns.map((r) => r.cpuMs));
  const slowClients = clients.slice(0, 100);
  const bulkSlow = time(() => {
    let sum = 0;
    for (const client of slowClients)
      for (const product of two) sum += model.score({ client, product, market, at: TODAY });
    return sum;
  });
  const slowEstimate = (bulkSlow.ms * clients.length) / slowClients.length;
  lines.push(
    `score 10,000 clients × 200 products on one thread: median ${fmt(bulk)} of ${bulkMs.length} runs (CPU ${fmt(bulkCpu)}; ${((bulk * 1000) / (clients.length * two.length)).toFixed(2)} µs a pair); ` +
      `straightforward: ${fmt(slowEstimate)} (measured on ${slowClients.length} clients, scaled), ${(slowEstimate / bulk).toFixed(0)}× slower — ${target(bulk, 1000)}`,
  );

  // The 'boosted-blend' candidate (trees on the machine's residual, averaged with trees of their own), where the
  // selection chooses it: what the trees add to training, to one client's ranking and to the bulk scoring.
  const boostedOptions = CANDIDATES.find((c) => c.name === 'boosted-blend')!.options;
  const boostedTrain = time(() => InterestModel.train(rows, boostedOptions));
  const boosted = boostedTrain.value;
  const boostedRanker = createRanker(boosted, catalogue, market, TODAY);
  for (const client of sample) rankOrder(boostedRanker.scoreClient(client, out));
  const boostedMs = sample.map((client) => time(() => rankOrder(boostedRanker.scoreClient(client, out))).ms);
  const boostedScorer = modelScorer({ model: boosted, calibration: null });
  const boostedWhole = (client: ScoredClient) =>
    rankForClient({
      client,
      products: catalogue,
      holdings: holdings.get(client.id) ?? [],
      ruleSet: DEFAULT_RULE_SET,
      today: TODAY,
      at: TODAY,
      market,
      scorer: boostedScorer,
      top: 10,
    });
  for (const client of sample) boostedWhole(client);
  const boostedWholeRuns = sample.map((client) => time(() => boostedWhole(client)));
  const boostedWholeMs = boostedWholeRuns.map((r) => r.ms);
  const boostedWholeCpu = boostedWholeRuns.reduce((sum, r) => sum + r.cpuMs, 0) / boostedWholeRuns.length;
  let boostedWorst = 0;
  for (const client of slowSample) {
    boostedRanker.scoreClient(client, out);
    catalogue.forEach(
      (product, p) =>
        (boostedWorst = Math.max(
          boostedWorst,
          Math.abs(out[p]! - boosted.score({ client, product, market, at: TODAY })),
        )),
    );
  }
  const boosted200 = createRanker(boosted, two, market, TODAY);
  boosted200.scoreClient(clients[0]!, out200);
  // Three runs and their median, as for the default model above: the first run still compiles the trees' loops.
  const boostedBulkRuns = Array.from({ length: 3 }, () =>
    time(() => {
      let sum = 0;
      for (const client of clients) sum += boosted200.scoreClient(client, out200)[0]!;
      return sum;
    }),
  );
  const boostedBulk = {
    ms: median(boostedBulkRuns.map((r) => r.ms)),
    cpuMs: median(boostedBulkRuns.map((r) => r.cpuMs)),
  };
  lines.push(
    `'boosted-blend' settings (the machine, trees on its residual and trees of their own: ${boosted.trees?.size ?? 0} trees): training on ${rows.length.toLocaleString('en')} outcomes ${fmt(boostedTrain.ms)} (CPU ${fmt(boostedTrain.cpuMs)}); ` +
      `rank 1,000 products for one client (scores + sort) median ${fmt(median(boostedMs))}, p95 ${fmt(percentile(boostedMs, 95))}; ` +
      `the whole rankForClient median ${fmt(median(boostedWholeMs))}, p95 ${fmt(percentile(boostedWholeMs, 95))}, CPU ${fmt(boostedWholeCpu)} a call on average — ${target(median(boostedWholeMs), 2)}; ` +
      `10,000 clients × 200 products on one thread median ${fmt(boostedBulk.ms)} of ${boostedBulkRuns.length} runs (CPU ${fmt(boostedBulk.cpuMs)}) — ${target(boostedBulk.ms, 1000)}; largest difference from InterestModel.score ${boostedWorst.toExponential(1)}`,
  );

  // The same on worker threads, one per core: clients are sent to the threads and the scores come back.
  const threads = os.availableParallelism();
  const startedAt = performance.now();
  const parallel = await createParallelScorer(model, two, market, TODAY, { threads });
  const startMs = performance.now() - startedAt;
  try {
    // The first run is timed on its own: each thread compiles the scoring loop afresh, as the main thread did
    // while ranking above. A scorer kept for a batch job runs warm after that.
    const firstRun = performance.now();
    await parallel.scoreClients(clients);
    const firstMs = performance.now() - firstRun;
    const parallelMs: number[] = [];
    let scores: Float64Array = new Float64Array(0);
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      scores = await parallel.scoreClients(clients);
      parallelMs.push(performance.now() - started);
    }
    let differ = 0;
    for (let c = 0; c < clients.length; c += 97) {
      ranker200.scoreClient(clients[c]!, out200);
      for (let p = 0; p < two.length; p++)
        differ = Math.max(differ, Math.abs(scores[c * two.length + p]! - out200[p]!));
    }
    lines.push(
      `score 10,000 clients × 200 products on ${threads} worker threads (createParallelScorer, clients sent and scores returned included): median ${fmt(median(parallelMs))} of ${parallelMs.length} runs after a first of ${fmt(firstMs)}, ` +
        `${(bulk / median(parallelMs)).toFixed(2)}× the one-thread speed, ${(slowEstimate / median(parallelMs)).toFixed(0)}× the straightforward path; starting the threads ${fmt(startMs)} once; largest difference from one thread ${differ.toExponential(1)}`,
    );
  } finally {
    await parallel.close();
  }
  return lines;
}
