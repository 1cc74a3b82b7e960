// `npm run bench`: prints the figures the issues ask for. Timings are single-machine, single-run
// medians; re-run before quoting them. BENCH_CLIENTS changes the book size (default 100,000).
import os from 'node:os';
import { benchAnalytics } from './analytics-bench';
import { benchAuditTampering } from './audit-bench';
import { benchColdStart, summarizeColdStart } from './cold-start-bench';
import { benchBulkInsert, benchClientSearch } from './db-bench';
import { benchEncryption } from './encryption-bench';
import { benchEngine } from './engine-bench';
import { benchImportClients, benchImportEvents } from './import-bench';
import { benchFit, benchLlm } from './llm-bench';
import { benchNativeComparison } from './native-llama-bench';
import { benchRecommendations, summarizeRecommendations } from './recommendations-bench';
import { benchRecordsExport } from './records-bench';
import { benchPreparation } from './preparation-bench';
import { benchQuality } from './quality-bench';
import { benchRelayLoop } from './relay-loop-bench';
import { benchRobustness } from './robustness-bench';
import { fmt, median, percentile } from './stats';
import { benchUiSearch } from './ui-search-bench';

const n = Number(process.env.BENCH_CLIENTS ?? 100_000);
console.log(
  `Advisor Desk benchmarks: ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`,
);

// BENCH_ONLY=engine runs the interest engine's figures alone (no build or browser needed).
const only = process.env.BENCH_ONLY;
if (only === 'engine') {
  for (const line of await benchEngine()) console.log(line);
  process.exit(0);
}

async function importFigures(): Promise<string[]> {
  const events = await benchImportEvents(n);
  const clients = await benchImportClients(n);
  return [
    `import-events of ${events.rows.toLocaleString('en-US')} outcome rows (new clients and products created, all in one transaction): ${fmt(events.ms)} (${Math.round(events.rowsPerSecond).toLocaleString('en-US')} rows/s, ${events.progressReports} progress reports)`,
    `import clients of ${clients.rows.toLocaleString('en-US')} CSV rows through a mapping file: ${fmt(clients.ms)} (${Math.round(clients.rowsPerSecond).toLocaleString('en-US')} rows/s)`,
    `full retrain (advisor-desk train: join, time split with the three baselines, the live model on all ${events.trainRows.toLocaleString('en-US')} outcomes, stored) on the imported outcomes: ${fmt(events.retrainMs)}`,
  ];
}

// BENCH_ONLY=quality: the interest model against scikit-learn on the real data sets and the demo book.
if (only === 'quality') {
  for (const line of await benchQuality()) console.log(line);
  process.exit(0);
}

// BENCH_ONLY=robustness: the tampering and malformed-input sweeps of test/robustness at bench size (minutes).
if (only === 'robustness') {
  for (const line of benchAuditTampering()) console.log(line);
  for (const line of await benchRobustness()) console.log(line);
  process.exit(0);
}

// BENCH_ONLY=llm runs the language-model figures alone (generates a 0.5B-shaped test model once; minutes on 2 cores).
if (only === 'llm') {
  await benchLlm();
  process.exit(0);
}

// BENCH_ONLY=native compares native llama.cpp with the app's engine in one run (builds llama-bench once, minutes;
// about 15 minutes on 2 cores), so it is opt-in rather than part of the default run.
if (only === 'native') {
  await benchNativeComparison();
  process.exit(0);
}

// BENCH_ONLY=relay: the event loop of the thread that serves the window while the engine process drafts a pitch
// (BENCH_RELAY_PRESET=0.5b for the 0.5B-shaped model; tiny by default).
if (only === 'relay') {
  for (const line of await benchRelayLoop()) console.log(line);
  process.exit(0);
}

// BENCH_ONLY=fit runs the language model's fit-scoring figures alone (part of llm).
if (only === 'fit') {
  await benchFit();
  process.exit(0);
}

// BENCH_ONLY=recommend runs the client page's ranking call alone (demo book, no build needed).
if (only === 'recommend') {
  for (const line of summarizeRecommendations(await benchRecommendations())) console.log(line);
  process.exit(0);
}

// BENCH_ONLY=encryption: the plain and the encrypted store side by side on the same book (no build needed).
if (only === 'encryption') {
  for (const line of await benchEncryption(n)) console.log(line);
  process.exit(0);
}

// BENCH_ONLY=import runs the CSV import figures alone.
if (only === 'import') {
  for (const line of await importFigures()) console.log(line);
  process.exit(0);
}

// BENCH_ONLY=records: advice-record exports of 10,000 records (BENCH_RECORDS) in every format (no build needed).
if (only === 'records') {
  await benchRecordsExport();
  process.exit(0);
}

// BENCH_ONLY=prepare: a day of 10 meetings prepared with templates, then with a 0.5B-shaped GGUF (minutes on 2 cores).
if (only === 'prepare') {
  await benchPreparation();
  process.exit(0);
}

// BENCH_ONLY=analytics: the funnel over 1,000,000 impressions (BENCH_IMPRESSIONS): page load, filter changes, CLI.
if (only === 'analytics') {
  for (const line of await benchAnalytics()) console.log(line);
  process.exit(0);
}

// BENCH_ONLY=audit runs the audit-trail tampering sweep alone (no build needed).
if (only === 'audit') {
  for (const line of benchAuditTampering()) console.log(line);
  process.exit(0);
}

const cold = await benchColdStart(3);
for (const line of summarizeColdStart(cold)) console.log(line);

const insert = await benchBulkInsert(n);
console.log(
  `bulk insert of ${n} clients (one transaction, questionnaire answers and an audit entry each): ${fmt(insert.ms)} (${Math.round(n / (insert.ms / 1000))} clients/s)`,
);

const search = await benchClientSearch(n);
console.log(
  `client search over ${n} clients in the store (count + first 50 rows by name): median ${fmt(search.medianMs)}, p95 ${fmt(search.p95Ms)} over ${search.queries} queries`,
);

const ui = await benchUiSearch(n);
console.log(`browser mode with ${ui.clients} clients: first client list painted in ${fmt(ui.firstPaintMs)}`);
console.log(
  `search typed into the client list, to the new count shown (includes the ${ui.debounceMs} ms typing debounce): median ${fmt(median(ui.searchMs))}, p95 ${fmt(percentile(ui.searchMs, 95))} over ${ui.searchMs.length} searches`,
);

for (const line of await benchEngine()) console.log(line);
for (const line of summarizeRecommendations(await benchRecommendations())) console.log(line);

for (const line of await importFigures()) console.log(line);
for (const line of benchAuditTampering()) console.log(line);
await benchRecordsExport();

// The language-model figures last: they generate a 0.5B-shaped test model once and take minutes on 2 cores.
await benchLlm();
