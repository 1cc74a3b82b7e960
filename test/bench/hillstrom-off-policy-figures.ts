import { estimateOffPolicy } from '../../app/analytics/off-policy';
import { wilsonInterval } from '../../app/experiments/statistics';
import { HILLSTROM_CSV, readHillstromRows, uniformLog, type Arm, type Outcome } from '../quality/hillstrom';

/**
 * The Hillstrom check's figures (issue 15): each arm's true randomised rate with its Wilson interval, next to the
 * IPS, SNIPS and DR estimates of "that arm for everyone" from the whole uniform log, with bootstrap intervals and
 * the effective sample size. Run: npx tsx test/bench/hillstrom-off-policy-figures.ts
 */
if (!HILLSTROM_CSV) {
  console.log('hillstrom.csv not found (../shared/datasets/hillstrom_email); set HILLSTROM_CSV.');
  process.exit(0);
}
const rows = readHillstromRows(HILLSTROM_CSV);
const pct = (v: number) => `${(v * 100).toFixed(3)}%`;
for (const outcome of ['conversion', 'visit'] as Outcome[]) {
  console.log(`\n${outcome} (n = ${rows.length})`);
  for (const arm of ['mens', 'womens', 'none'] as Arm[]) {
    const inArm = rows.filter((r) => r.arm === arm);
    const successes = inArm.reduce((s, r) => s + r[outcome], 0);
    const truth = wilsonInterval(successes, inArm.length);
    const result = estimateOffPolicy(
      uniformLog(rows, outcome, () => arm),
      { resamples: 400, seed: 15 },
    );
    console.log(
      `  ${arm.padEnd(6)} true ${pct(successes / inArm.length)} [${pct(truth.low)}, ${pct(truth.high)}] (${successes}/${inArm.length})`,
    );
    if (!result.ok) {
      console.log(`    refused: ${JSON.stringify(result.refusal)}`);
      continue;
    }
    for (const e of result.estimates)
      console.log(`    ${e.estimator.padEnd(5)} ${pct(e.value)} [${pct(e.interval.low)}, ${pct(e.interval.high)}]`);
    console.log(`    ESS   ${result.diagnostics.effectiveSampleSize.toFixed(1)}`);
  }
}
